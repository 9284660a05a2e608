"""Places: text -> PlaceMention* against an offline GeoNames gazetteer; place names folded
for comparison across documents.
"""
