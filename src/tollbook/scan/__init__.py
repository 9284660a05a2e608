"""Scanning: document text -> marks, one pass that the later stages read instead of rescanning
the text (issue 23): where gazetteer names are (marks.py) and which sentences hold a trigger
word of the count rules (cues.py, with the compiled engine of rust/). Below geo/ and extract/,
which consume it.
"""
