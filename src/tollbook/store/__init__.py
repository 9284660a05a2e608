"""Store: Extraction* -> rows in SQLite or PostgreSQL (and back); schema and bulk loads.
"""
