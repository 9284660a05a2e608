"""Breakdowns read through: a sentence's figures -> the same figures, with the predicate a long
breakdown held apart given to its whole ("At least five people, including the mayor's driver
and three National Police (PNP) officers, were killed": five killed, three of them officers).

The count rules read a whole's predicate within a few words, or after a breakdown of counted
members; a breakdown naming its members ("including Colonel Ivo Marsh and a bank clerk"), or a
long one, leaves the whole unread. Here the breakdown's closing comma is the comma after which
the predicate comes ("..., were killed"); the figures inside it become the whole's parts.
And a breakdown whose members are joined without commas is closed by ", and": in "14 police
officers, including the district chief, and 25 assailants were killed" the assailants stand
beside the whole (39 killed), not inside it; "including police, civilians, and a judge" is
one list. An apposition that names the whole's members one by one ("Two people, an engineer
and a teacher, were killed") holds them: they are its parts, not two more people.
"""

from __future__ import annotations

from tollbook.extract.cues import right_cue
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.including_patterns import COMMA as _COMMA
from tollbook.extract.grammar.including_patterns import COMMA_AND as _COMMA_AND
from tollbook.extract.grammar.including_patterns import ENUMERATION_OPENS as _ENUMERATION_OPENS
from tollbook.extract.grammar.including_patterns import MEMBER_JOINT as _MEMBER_JOINT
from tollbook.extract.grammar.including_patterns import OPENS as _OPENS
from tollbook.extract.grammar.including_patterns import STOPS as _STOPS
from tollbook.extract.records import Figure

__all__ = ["read_through"]

RULE = "count.breakdown_through"
#: How far a breakdown may run (characters), and how soon after its comma the predicate comes.
_LONGEST = 240
_PREDICATE_WORDS = 2  # ", were killed", ", later died": not ", and two guards were killed"


def read_through(text: str, end: int, figures: list[Figure]) -> None:
    """Complete `figures` in place: a whole left unread takes the predicate after its breakdown."""
    for i, whole in enumerate(figures):
        if whole.parent is not None or whole.unit != "people":
            continue
        opened = _OPENS.match(text, whole.span[1], end)
        if opened is None:
            _enumerated(text, end, figures, i)
            continue
        if whole.category is None:
            _close(text, end, figures, i, opened.end())
        elif whole.category is not None:
            _beside(text, figures, i, opened.end())


def _close(text: str, end: int, figures: list[Figure], i: int, start: int) -> None:
    """The whole's predicate after the breakdown's closing comma; its members become parts.
    A breakdown closed by ", and" puts the whole in a list with the figure after it."""
    stop = _STOPS.search(text, start, min(end, start + _LONGEST))
    limit = stop.start() if stop else min(end, start + _LONGEST)
    for comma in _COMMA.finditer(text, start, limit):
        cue = right_cue(text, comma.end(), end, _PREDICATE_WORDS)
        if cue is None:
            continue
        whole = figures[i]
        whole.category, whole.detail, whole.rule = cue.category, cue.detail, f"{RULE}:{cue.category}"
        _members(figures, i, start, comma.start())
        return
    for sibling in figures:
        joint = _COMMA_AND.search(text, start, sibling.span[0]) if sibling.span[0] > start else None
        if joint is None or "," in text[start : joint.start()]:
            continue
        if sibling.category is not None and sibling.parent is None:
            whole = figures[i]
            whole.category, whole.detail = sibling.category, sibling.detail
            whole.rule = f"{RULE}:{sibling.category}+list"
            if not sibling.rule.endswith("+list"):
                sibling.rule += "+list"
            _members(figures, i, start, joint.start())
        return


def _members(figures: list[Figure], i: int, start: int, stop: int) -> None:
    """The figures in text[start:stop] become parts of figure i, in its category."""
    category = figures[i].category
    for j, member in enumerate(figures):
        if j != i and start <= member.span[0] and member.span[1] <= stop:
            member.parent, member.relation, member.category = i, "part", category
            if ":" not in member.rule:  # a figure no rule had read
                member.rule = f"{RULE}:{category}"
            if not member.rule.endswith("+part"):
                member.rule = member.rule.replace("+list", "") + "+part"


def _enumerated(text: str, end: int, figures: list[Figure], i: int) -> None:
    """ "Two people, an engineer and a teacher, were killed": an apposition naming as many
    people, one by one, as the whole counts holds its members, not more people."""
    whole = figures[i]
    opened = _ENUMERATION_OPENS.match(text, whole.span[1], end)
    if opened is None or whole.num.value < 1:
        return
    stop = _STOPS.search(text, opened.end(), min(end, opened.end() + _LONGEST))
    limit = stop.start() if stop else min(end, opened.end() + _LONGEST)
    for comma in _COMMA.finditer(text, opened.end(), limit):
        cue = right_cue(text, comma.end(), end, _PREDICATE_WORDS)
        if cue is None:
            continue
        members = [p for p in _MEMBER_JOINT.split(text[opened.end() : comma.start()]) if p]
        if len(members) != whole.num.value or not all(_one_of(p) for p in members) \
                or (whole.category is not None and whole.category != cue.category):  # fmt: skip
            return
        if whole.category is None:
            whole.category, whole.detail, whole.rule = cue.category, cue.detail, f"{RULE}:{cue.category}"
        whole.rule = whole.rule.replace("+list", "")
        _members(figures, i, opened.end(), comma.start())
        return


def _one_of(words: str) -> bool:
    """One person, said with "a"/"an": "a teacher", "a director of a school"."""
    plain = words.split()
    if plain[0].lower() not in ("a", "an"):
        return False
    lower = [w.lower().strip(".,") for w in plain]
    head = lower[lower.index("of") - 1] if "of" in lower[1:] else lower[-1]
    return head in lx.SINGULARS


def _beside(text: str, figures: list[Figure], i: int, start: int) -> None:
    """Parts after ", and" that closes a breakdown with no comma before it stand beside the whole."""
    for member in figures:
        if member.parent != i or member.relation != "part" or member.span[0] <= start:
            continue
        before = text[start : member.span[0]]
        joint = _COMMA_AND.search(before)
        if joint is None or "," in before[: joint.start()]:
            continue
        member.parent, member.relation = None, None
        member.rule = member.rule.replace("+part", "") + ("" if member.rule.endswith("+list") else "+list")
        whole = figures[i]
        if not whole.rule.endswith("+list"):
            whole.rule += "+list"
        return
