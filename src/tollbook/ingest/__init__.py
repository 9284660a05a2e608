"""Ingest: sources (files, directories, feeds, tables, WARC, URLs, stdin) -> Document*.
"""
