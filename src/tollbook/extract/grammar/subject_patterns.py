"""Clause-subject grammar read by extract/subjects.py ("Party leader Omar Dallo was shot dead"),
declared as named patterns, compiled once.
"""

from __future__ import annotations

import re

from tollbook.extract.grammar import subjects as sj
from tollbook.extract.grammar.alternation import alternation

#: Where a predicate may start: its auxiliary or verb of dying, after the subject (the historic
#: present "is"/"are" too: "A Velt councillor, Mr. Ivo Darn, is shot dead").
PREDICATE_WORDS = r"(?:(?P<one>was|is|has\s+been|got|succumbed)|(?P<many>were|are|have\s+been)|had\s+been|died|perished)\b"
PREDICATE_START = re.compile(r"(?<=\S)\s*,?\s+(?=" + PREDICATE_WORDS + ")", re.IGNORECASE)
#: The last space before PREDICATE_WORDS, which ends every match of PREDICATE_START (`\s+`):
#: subjects.py tries PREDICATE_START only in the spaces and comma before one.
PREDICATE_AHEAD = re.compile(r"\s(?=" + PREDICATE_WORDS + ")", re.IGNORECASE)
#: A finite verb inside a plural subject's span: the clause before it is another one.
FINITE = re.compile(r"\b(?:" + alternation(sorted(sj.FINITE_VERBS)) + r")\b", re.IGNORECASE)
#: "and" between two members of a plural subject.
AND = re.compile(r"\s+and\s+", re.IGNORECASE)
#: "and" before a new member (a determiner, a figure, a name): a list, not one group.
LIST_AND = re.compile(r"\band\s+(?:(?:" + alternation(sorted(sj.MEMBER_OPENERS)) + r")\b|\d|(?-i:[A-Z]))", re.IGNORECASE)
#: The last clause boundary before the predicate: punctuation that ends a clause, a dash, or a
#: word that opens a clause.
BOUNDARY = re.compile(r"[;:\"“”]|\s--?\s|\s[—–]\s|\b(?:" + alternation(sorted(sj.CLAUSE_OPENERS)) + r")\b", re.IGNORECASE)
#: A word of the subject.
WORD = re.compile(r"[A-Za-z][\w'’.-]*")
#: A fronted adverbial before the subject: "Several hours later,", "On 3 May,", "In Tel Aviv".
FRONTED = re.compile(
    r"^(?:(?:in|on|at|during|near|outside|inside|early|late|later|meanwhile|separately|elsewhere|"
    r"(?:several|two|three|a\s+few|some)\s+(?:minutes|hours|days|weeks|months|years))\b[^,]{0,60},\s*)", re.IGNORECASE,
)
