"""Companions in death: a sentence's figures -> Figure* for the people a comitative adds to a
casualty predicate ("The governor was killed along with three police officers": four killed).

"along with" / "together with" after a figure and its casualty predicate adds the people it
names, in the predicate's category: a counted group ("three ALP officers", a figure no rule
gave a category) or one person ("his driver", "a civilian"). Both add up as a list. Not read:
a comitative across another clause ("..., while ... along with"), before the predicate ("Two
soldiers, along with a civilian, were wounded": the count rules read that list), or one whose
people another rule already read.
"""

from __future__ import annotations

from tollbook.extract import conjuncts, phrases
from tollbook.extract.cues import right_cue
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.comitative_patterns import ALONG_WITH as _ALONG_WITH
from tollbook.extract.grammar.comitative_patterns import CLAUSE_BREAK as _CLAUSE_BREAK
from tollbook.extract.grammar.comitative_patterns import COMPANION_END as _COMPANION_END
from tollbook.extract.records import Figure
from tollbook.model import Span

__all__ = ["find_companions"]

RULE = "count.comitative"


def find_companions(text: str, start: int, end: int, figures: list[Figure], taken: list[Span]) -> list[Figure]:
    """Figures for the companions of each casualty predicate in text[start:end]; figures the
    comitative names that no rule categorised take the predicate's category in place."""
    out: list[Figure] = []
    for m in _ALONG_WITH.finditer(text, start, end):
        before = [f for f in figures if f.span[1] <= m.start() and f.category is not None and f.parent is None]
        if not before:
            continue
        main = before[-1]
        cue = right_cue(text, main.span[1], m.start())
        if cue is None or cue.category != main.category or _CLAUSE_BREAK.search(text, main.span[1], m.start()):
            continue
        counted = next((f for f in figures if f.num.span[0] == m.end()), None)
        if counted is not None:
            if counted.category is not None or counted.unit != "people":
                continue  # already read: "killing himself along with four others"
            if any(f.category is not None and f.span[0] < counted.span[1] and counted.span[0] < f.span[1]
                   for f in figures):  # fmt: skip
                continue  # the same people read as a named victim (along.py)
            counted.category, counted.rule = main.category, f"{RULE}:{main.category}+list"
        else:
            stop = _COMPANION_END.search(text, m.end(), end)
            b = stop.start() if stop else end
            population = conjuncts.one_person(text[m.end() : b])
            if population is None or any(s < b and m.end() < e for s, e in taken):
                continue
            pop, cls, unit = lx.POPULATIONS.get(population, ("people", "unknown", "people"))
            span = (m.end(), b)
            out.append(Figure(num=phrases.mention(span, text[m.end() : b], 1.0, "name"), span=span, population=pop,
                              population_class=cls, unit=unit, category=main.category,
                              rule=f"{RULE}:{main.category}+list", has_head=True))  # fmt: skip
        if not main.rule.endswith("+list"):
            main.rule += "+list"
    return out
