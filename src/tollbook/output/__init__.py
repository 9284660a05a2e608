"""Output: model objects -> the JSON contract (dicts), flat rows, exports (ACLED, UCDP GED)
and rendered text (jsonl, json, csv, table).
"""
