"""How many people a coordinated list counts: (text, span) -> a figure, or None.

"A Yugoslav steward, a French guard, and a French worker" (3), "The head of the station, his
wife and two Albanian journalists" (4), "a French man, a Togolese and a Beninese woman" (3),
"the First Secretary, his driver and two others" (4): the members are split at commas and
"and"; a member opened by a figure counts it, one opened by a determiner or a possessive ("a",
"the", "his") and ending in a singular noun counts one, a capitalised name counts one.

Guards: the list holds at least one comma and one "and", and two to MAX_MEMBERS members; any
member that is none of the above (a plural noun without a figure: "guards", a lowercase word)
makes the whole list unread; a name beside a described member with only a comma between them is
its apposition, one person ("Popov, a commander, and his daughter": 2; "the head constable,
Mumtaz": 1), and so is an indefinite member after a definite one ("The director of the plant, a
French citizen, and his bodyguard": 2); a parenthesis in the span is a breakdown, not a list. Read for the wounded (grammar/member_list_patterns.CATEGORIES) by subjects.py and
active_objects.py, where the count rules read only part of the list.
"""

from __future__ import annotations

from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import subjects as sj
from tollbook.extract.grammar.member_list_patterns import INDEFINITE, MAX_MEMBERS, ONE_OPENERS
from tollbook.extract.grammar.member_list_patterns import SEPARATOR as _SEPARATOR
from tollbook.extract.grammar.member_list_patterns import WORD as _WORD
from tollbook.extract.numbers import find_numbers
from tollbook.model import Span, overlaps

__all__ = ["list_members", "list_value", "unread"]


def _member(text: str, a: int, b: int) -> tuple[str, float] | None:
    """('figure' | 'one' | 'name', count) of the member text[a:b], or None."""
    words = [w.group(0) for w in _WORD.finditer(text, a, b)]
    if not words:
        return None
    nums = [n for n in find_numbers(text, a, b) if n.kind == "cardinal"]
    if nums and nums[0].span[0] == a and nums[0].written in ("digits", "words"):
        return "figure", nums[0].value
    if nums:
        return None
    lows = [w.lower() for w in words]
    head = words[lows.index("of") - 1] if "of" in lows[1:] else words[-1]  # "the head of the station"
    last = head.lower().rstrip(".")
    if last in lx.NON_PERSON or last in sj.PLURAL_HEADS:
        return None
    if words[0].lower() in ONE_OPENERS:
        plural = head.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is"))
        return None if plural else ("one", 1.0)
    if all(w[:1].isupper() for w in words):
        return "name", 1.0
    return None


def list_members(text: str, span: Span) -> tuple[float, tuple[Span, ...]] | None:
    """(people counted, the members' spans) of the list text[span], or None when it is no list
    of people."""
    a, b = span
    if "(" in text[a:b]:
        return None  # "Thirteen people (seven Germans, an Austrian ...)": a breakdown, not a list
    seps = list(_SEPARATOR.finditer(text, a, b))
    if not seps or not any("," in s.group(0) for s in seps) or not any("and" in s.group(0).lower() for s in seps):
        return None
    if len(seps) + 1 > MAX_MEMBERS:
        return None
    bounds = [a] + [x for s in seps for x in (s.start(), s.end())] + [b]
    members: list[tuple[str, float]] = []
    openers: list[str] = []
    for i in range(0, len(bounds), 2):
        got = _member(text, bounds[i], bounds[i + 1])
        if got is None:
            return None
        members.append(got)
        first = _WORD.match(text, bounds[i], bounds[i + 1])
        openers.append(first.group(0).lower() if first is not None else "")
    total = 0.0
    spans: list[Span] = []
    for i, (kind, value) in enumerate(members):
        if i > 0 and "and" not in seps[i - 1].group(0).lower() and (
            {kind, members[i - 1][0]} == {"name", "one"}
            or (openers[i] in INDEFINITE and openers[i - 1] not in INDEFINITE and members[i - 1][0] != "figure")
        ):
            spans[-1] = (spans[-1][0], bounds[2 * i + 1])
            continue  # "Popov, a commander", "The director, a French citizen,": an apposition, one person
        total += value
        spans.append((bounds[2 * i], bounds[2 * i + 1]))
    return (total, tuple(spans)) if total >= 2 else None


def list_value(text: str, span: Span) -> float | None:
    """The people the list text[span] counts, or None when it is no list of people."""
    found = list_members(text, span)
    return found[0] if found is not None else None


def unread(text: str, span: Span, taken: list[Span]) -> bool:
    """Is a member of the list text[span] (an apposition joined to its person) overlapped by
    none of the `taken` spans? A list the count rules read in full is theirs."""
    found = list_members(text, span)
    return found is not None and any(not overlaps(a, b, taken) for a, b in found[1])
