"""Burning grammar read by extract/burning.py ("a mob set a suspected robber alight", "burns
his tenant's son to death"), declared as named patterns, compiled once.

The verb and its result are split by the object: "set" + object + "alight / ablaze / on fire /
afire", "burn" + object + "to death / alive". The object is a short noun phrase with no clause
punctuation, opened by an article, a possessive, a figure, or a personal pronoun ("set her
alight"). The passive ("a woman was set ablaze") has the same noun phrase as its subject,
right before the form of "be" (`PASSIVE`); an owner before a thing ("a man's house was set on
fire", "the car of a man") is no subject of people (`NOT_IN_OBJECT`, `POSSESSIVE`).
"""

from __future__ import annotations

import re

from tollbook.extract.grammar.alternation import alternation

#: Verb forms and the results that close their object, one row per verb family.
SET_VERBS: tuple[str, ...] = ("set", "sets", "setting")
SET_RESULTS: tuple[str, ...] = ("alight", "ablaze", "on fire", "afire")
BURN_VERBS: tuple[str, ...] = ("burn", "burns", "burned", "burnt", "burning")
BURN_RESULTS: tuple[str, ...] = ("to death", "alive")
#: Determiners that open the object; a figure opens it too (extract/numbers.py reads it).
OPENERS: tuple[str, ...] = ("a", "an", "one", "the", "his", "her", "their", "its")
#: Object pronouns of one person ("set her alight"); "them" counts nobody by itself.
ONE_PERSON_PRONOUNS: tuple[str, ...] = ("him", "her")

_OBJECT = r"(?P<np>[\w'’-]+(?:\s+[\w'’-]+){0,6}?)"
SPLIT = re.compile(
    r"\b(?:(?P<set>" + alternation(SET_VERBS) + r")|(?P<burn>" + alternation(BURN_VERBS) + r"))\s+" + _OBJECT
    + r"\s+(?P<res>" + alternation(SET_RESULTS + BURN_RESULTS) + r")\b",
    re.IGNORECASE,
)
PASSIVE = re.compile(
    r"\s+(?:is|was|were|are|has\s+been|have\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?set\s+"
    r"(?P<res>" + alternation(SET_RESULTS) + r")\b",
    re.IGNORECASE,
)
#: The words of the subject, read backwards from the form of "be", at most this many.
SUBJECT_WORDS = 7
#: One word before a position (with the spaces after it): the subject is scanned word by word.
WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“]))(?P<w>[\w'’-]+)\s*\Z")
#: An owner's "'s" inside the noun phrase: the thing owned is its head, not a person.
POSSESSIVE = re.compile(r"['’]s?\s", re.IGNORECASE)
OPENER = re.compile(r"(?:" + alternation(OPENERS) + r")\b", re.IGNORECASE)
PRONOUN = re.compile(r"(?:" + alternation(ONE_PERSON_PRONOUNS) + r")\Z", re.IGNORECASE)
#: Words that make the object more than a noun phrase of people: "set the house of a chief
#: ablaze" burns a house; "set a man and his wife alight" is a list the pattern does not split.
NOT_IN_OBJECT = re.compile(r"\b(?:of|in|at|on|near|belonging|with|and|or|where|which|who|to)\b", re.IGNORECASE)
#: The object's head: its last word, a possessive's "'s" kept out ("his tenant's son": son).
HEAD = re.compile(r"(?P<head>[A-Za-z-]+)\Z")
