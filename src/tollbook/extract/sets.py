"""Sets named by a noun and a participle, and the numbered parts said of them: a sentence's
figures -> the category a set's participle gives it (set_fate, asked by counts._figure) and
Figure* for its parts (find_parts).

"Three of the 11 people killed were children": the set ("the 11 people killed") is the
category's figure, 11 killed; "three ... were children" is a breakdown of it, a part (parent
and relation "part"), never a second total. The same holds for a set whose noun names the fate
itself ("two of the nine hostages freed were foreigners", "Three of the 11 killed were
civilians"). The participle is a reduced relative only when the clause's finite verb follows it
("... killed in the attack were children"): "Two of the five soldiers killed in ambush" (a
headline) says two were killed, and no set is read. A vague part ("most of the 30 dead were
civilians") keeps the set's figure and adds no part.
"""

from __future__ import annotations

from tollbook.extract import persons
from tollbook.extract.cues import right_cue
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.set_patterns import CLAUSE_VERB as _CLAUSE_VERB
from tollbook.extract.grammar.set_patterns import MODIFIER as _MODIFIER
from tollbook.extract.grammar.set_patterns import NOT_PART_PEOPLE as _NOT_PART_PEOPLE
from tollbook.extract.grammar.set_patterns import PART_OF as _PART_OF
from tollbook.extract.grammar.set_patterns import PART_PEOPLE as _PART_PEOPLE
from tollbook.extract.grammar.set_patterns import PARTICIPLE_GAP as _PARTICIPLE_GAP
from tollbook.extract.grammar.set_patterns import WORD_END as _WORD_END
from tollbook.extract.numbers import NumberMention, numbers_in
from tollbook.extract.records import Figure

__all__ = ["find_parts", "set_fate"]


def set_fate(text: str, np_end: int, end: int) -> str | None:
    """The category a post-nominal participle gives the set whose noun phrase ends at np_end
    ("the 11 people killed were ..."), when the clause's finite verb follows; else None."""
    gap = _PARTICIPLE_GAP.match(text, np_end, end)
    if gap is None:
        return None
    cue = right_cue(text, gap.end(), end, reach=1)
    if cue is None or cue.detail is not None or _CLAUSE_VERB.match(text, cue.end, end) is None:
        return None
    return cue.category


def find_parts(text: str, start: int, end: int, figures: list[Figure]) -> list[Figure]:
    """A part figure for each set read before (a figure whose left cue is "whole") that a
    number before it and a people noun after its clause's verb break down."""
    out: list[Figure] = []
    numbers = [n for n in numbers_in(text, start, end) if n.kind == "cardinal" and n.written in ("digits", "words")]
    for k, fig in enumerate(figures):
        if fig.category is None or fig.parent is not None or fig.left is None or fig.left.note != "whole" \
                or any(f.parent == k for f in figures):  # fmt: skip
            continue  # not a set, or one whose part the count rules read ("One of the six ... was a teenager")
        part = _part_before(text, numbers, fig)
        verb = _CLAUSE_VERB.match(text, fig.span[1], end)
        if part is None or verb is None or part.value > fig.num.value:
            continue
        people = _part_people(text, verb.start("verb"), end)
        if people is None or any(f.category is not None and f.span[0] < part.span[1] and part.span[0] < f.span[1]
                                 for f in figures):  # fmt: skip
            continue
        population, cls, unit = lx.POPULATIONS.get(people, ("people", "unknown", "people"))
        out.append(Figure(num=part, span=part.span, population=population, population_class=cls, unit=unit,
                          category=fig.category, detail=fig.detail, parent=k, relation="part",
                          rule=fig.rule + "+part", flags=list(fig.flags), has_head=True))  # fmt: skip
    return out


def _part_before(text: str, numbers: list[NumberMention], fig: Figure) -> NumberMention | None:
    """The number right before "of the" before the set: "three of the 11 ..."."""
    for num in numbers:
        gap = _PART_OF.match(text, num.span[1], fig.num.span[0])
        if gap is not None and gap.end() == fig.num.span[0]:
            return num
    return None


def _part_people(text: str, at: int, end: int) -> str | None:
    """The people noun (lower-cased, as lexicon.POPULATIONS keys it, or an open-class person
    noun, persons.names_person) the copula at `at` names: "were children", "were all police
    officers", "were foreign nationals", "were Colombians"; else None."""
    cop = _PART_PEOPLE.match(text, at, end)
    if cop is None:
        return None
    pos = cop.end()
    for _ in range(3):
        pm = lx.POP_RE.match(text, pos, end)
        if pm is not None:
            word = pm.group(0).lower()
            return None if word in _NOT_PART_PEOPLE else word
        mod = _MODIFIER.match(text, pos, end)
        word_end = _WORD_END.match(text, pos, end)
        if word_end is not None and persons.names_person(word_end.group("w")):
            return word_end.group("w").lower()
        if mod is None:
            return None
        pos = mod.end()
    return None
