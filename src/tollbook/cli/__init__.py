"""Command line: thin click commands over `tollbook.api` (entry point `tollbook.cli.main:main`).
"""
