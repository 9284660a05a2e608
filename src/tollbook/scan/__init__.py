"""Scanning: document text -> Marks (where gazetteer names are, for now), one pass that the
later stages read instead of rescanning the text (issue 23). Below geo/ and extract/, which
consume it.
"""
