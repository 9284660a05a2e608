"""Segmentation grammar read by extract/segment.py: the abbreviations whose full stop ends no
sentence, and the paragraph, sentence-boundary, line-end, list-row and bullet patterns, compiled once.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr prof gen col lt sgt capt
    maj gov sen rep st no nos vs etc inc ltd co corp dept est approx fig art para vol pp
    u.s u.k u.n e.g i.e a.m p.m""".split()
)
PARAGRAPH_RE = re.compile(r"\n[ \t]*\n+")
BOUNDARY_RE = re.compile(r"([.!?…]+)([\"”’')\]]*)(\s+)(?=[\"“‘'(\[]?[A-Z0-9])")
LINE_END_CLOSES = re.compile(r"[.!?…:;\"”’)\]]\s*$")
ROW_RE = re.compile(r"(?:(?<=^)|(?<=;)|(?<=\n))\s*(?P<row>[A-Z][^:;\n]{1,60}:\s*[^;\n]+?)\s*(?=;|\.?\s*$|\n)", re.M)
BULLET_RE = re.compile(r"^[ \t]*(?:[-*•▪‣]|\d{1,2}[.)])[ \t]+(?P<row>.+?)[ \t]*$", re.M)
