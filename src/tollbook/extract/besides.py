"""People added by a fronted phrase: a sentence and its figures -> Figure* for the people the
phrase names ("In addition to the assailant, four people were killed": one more killed).

"In addition to", "besides", "aside from", "apart from" before a comma add the people of
their noun phrase to those the clause after them counts, in the clause's category: the
suicide bomber is dead too, but not among the four. The phrase counts one person ("the
assailant", "a police officer"), a number of them ("the two gunmen") or both; "the death of
the assailant" is a death whatever the clause says. Not read: a phrase that counts nobody in
particular ("an unknown number of assailant casualties", "the other passengers", "the
assailants"), a head that is no people noun ("In addition to the damage, ..."), and a phrase
with no counted clause after it. The tally adds the figure to its sentence's
(model.BESIDES_RULE), as it does an attacker's own death.
"""

from __future__ import annotations

from tollbook.extract import phrases
from tollbook.extract.cues import right_cue
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar.besides_patterns import CLAUSE_GAP as _CLAUSE_GAP
from tollbook.extract.grammar.besides_patterns import CLAUSE_START as _CLAUSE_START
from tollbook.extract.grammar.besides_patterns import FRONTED as _FRONTED
from tollbook.extract.grammar.besides_patterns import NUMBER_IN as _NUMBER_IN
from tollbook.extract.grammar.besides_patterns import UNCOUNTED as _UNCOUNTED
from tollbook.extract.grammar.numberwords import NUMBER_WORDS
from tollbook.extract.records import Figure
from tollbook.model import BESIDES_RULE, Span, overlaps

RULE_PREFIX = "count"

__all__ = ["find_besides"]


def find_besides(text: str, start: int, end: int, figures: list[Figure], taken: list[Span]) -> list[Figure]:
    """Figures for the people of each fronted additive phrase in text[start:end]; `figures`
    are the sentence's figures read so far, `taken` spans already read."""
    out: list[Figure] = []
    for m in _FRONTED.finditer(text, start, end):
        np_start, np_end = m.span("np")
        if not _CLAUSE_START.search(text[start : m.start()]) or _UNCOUNTED.search(m.group("np")):
            continue
        inside = [f for f in figures if f.category is not None and f.span[0] < np_end and np_start < f.span[1]]
        if m.group("death"):
            for f in inside:  # "Aside from the deaths of three bombers, nobody was hurt": not hurt
                if f.category != "killed":
                    f.category, f.rule = "killed", f"{BESIDES_RULE}:killed"
            _own_predicate(text, m.end(), end, figures)
        if inside or overlaps(np_start, np_end, taken):
            continue  # already read ("Besides the two gunmen, a guard died": a list)
        head = _head(m.group("np"))
        if head is None:
            continue
        value = _value(m.group("np"), head)
        # The clause's first figure gives the category; one left unread gives none (its
        # category is not borrowed from a later clause: "... were killed and eight injured").
        clause = next((f for f in figures if f.span[0] >= m.end() and f.parent is None), None)
        if clause is not None and not _CLAUSE_GAP.match(text, m.end(), clause.span[0]):
            clause = None  # "the man, in addition to the driver, was questioned; two people ..."
        category = "killed" if m.group("death") else clause.category if clause else None
        if value is None or category is None:
            continue
        population, cls, unit = lx.POPULATIONS[head]
        span = (np_start, np_end)
        out.append(Figure(num=phrases.mention(span, text[np_start:np_end], value, "name"), span=span,
                          population=population, population_class=cls, unit=unit, category=category,
                          rule=f"{BESIDES_RULE}:{category}", has_head=True))  # fmt: skip
    return out


def _own_predicate(text: str, after: int, end: int, figures: list[Figure]) -> None:
    """"Aside from the death of the assailant, three police officers were injured": the clause
    after the phrase is no member of the list its "death of" began; its own predicate says
    what happened to its people (wounded), not the phrase's death."""
    for f in figures:
        if f.span[0] < after or f.category != "killed" or ".left:" not in f.rule or not f.rule.endswith("+list"):
            continue
        cue = right_cue(text, f.span[1], end)
        if cue is not None and cue[0] != f.category:
            f.category, f.rule = cue[0], f"{RULE_PREFIX}.right:{cue[0]}"


def _head(np: str) -> str | None:
    """The people noun ending the phrase ("the suicide bomber" -> "bomber"), or None."""
    found = [pm for pm in lx.POP_RE.finditer(np) if pm.end() == len(np)]
    return found[-1].group(0).lower() if found else None


def _value(np: str, head: str) -> float | None:
    """How many people the phrase names: a number in it, "both", or one of a singular head."""
    n = _NUMBER_IN.search(np)
    if n is not None and n.start() > 0:  # "the two gunmen" (a leading "one" is the singular's)
        word = n.group("n").lower()
        return float(word) if word.isdigit() else NUMBER_WORDS.get(word)
    first = np.split()[0].lower()
    if first == "both":
        return 2.0
    if head in lx.SINGULARS:
        return 1.0
    if n is not None:  # "two assailants"
        word = n.group("n").lower()
        return float(word) if word.isdigit() else NUMBER_WORDS.get(word)
    return None  # "the assailants": how many is not said
