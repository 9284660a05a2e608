"""Extraction: Document -> Segment* -> Claim* (counts, areas; anchored in place and time,
attributed to a source). The words it reads are declared in `extract.grammar`.
"""
