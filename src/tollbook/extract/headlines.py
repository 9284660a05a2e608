"""Headline and telegraphic syntax: sentence text -> Headline* (figures with no auxiliary).

Headlines and coders' notes drop the verb "to be": "Four killed, one critically injured",
"2 die in blast", "One dead, 3 hurt in clash", "Two killed, another injured". A figure at the
start of a clause followed at once by a predicate of grammar/verbs.HEADLINE_PREDICATES (with
at most a people noun or a group's name and a degree word between: "Five Boko Haram dead")
and then by a clause boundary is a claim of that category; after a comma, only when the
predicate closes the clause ("clashed in Ajigin, three reported dead, weapons recovered"). Verbs of grammar/verbs.VICTIM_BEFORE ("Vigilantes lynch four", "put to death
three hostages", "burned alive two women") count the figure after them.

A figure after a determiner or a preposition ("of the 12 killed", "in 2 dead zones") is not
at a clause start; a predicate followed by a noun ("killed civilians") is not telegraphic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tollbook.extract import persons
from tollbook.extract.cues import last_word
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import literals
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.headline_patterns import ACTIVE as _ACTIVE
from tollbook.extract.grammar.headline_patterns import ACTIVE_ENDS as _ACTIVE_ENDS
from tollbook.extract.grammar.headline_patterns import ACTIVE_UNDONE as _ACTIVE_UNDONE
from tollbook.extract.grammar.headline_patterns import AFTER_ACTIVE as _AFTER_ACTIVE
from tollbook.extract.grammar.headline_patterns import AND_ANOTHER as _AND_ANOTHER
from tollbook.extract.grammar.headline_patterns import AND_ANOTHER_GATE as _AND_ANOTHER_GATE
from tollbook.extract.grammar.headline_patterns import ANOTHER as _ANOTHER
from tollbook.extract.grammar.headline_patterns import ANOTHER_GATE as _ANOTHER_GATE
from tollbook.extract.grammar.headline_patterns import CHAIN as _CHAIN
from tollbook.extract.grammar.headline_patterns import CLAUSE_END as _CLAUSE_END
from tollbook.extract.grammar.headline_patterns import CLAUSE_START as _CLAUSE_START
from tollbook.extract.grammar.headline_patterns import COMMA_START as _COMMA_START
from tollbook.extract.grammar.headline_patterns import DATE_PART as _DATE_PART
from tollbook.extract.grammar.headline_patterns import NOUN_NEXT as _NOUN_NEXT
from tollbook.extract.grammar.headline_patterns import PHRASE_NEXT as _PHRASE_NEXT
from tollbook.extract.grammar.headline_patterns import PREDICATE as _PREDICATE
from tollbook.extract.grammar.headline_patterns import PREDICATES as _PREDICATES
from tollbook.extract.numbers import NumberMention, numbers_in
from tollbook.extract.phrases import mention
from tollbook.model import Span


@dataclass(frozen=True, slots=True)
class Headline:
    """One telegraphic figure: its number, span (figure to predicate), category, people."""

    num: NumberMention
    span: Span
    category: str
    population: str
    population_class: str
    how: str  # "telegraphic" | "active"


def _people(pop: str | None) -> tuple[str, str]:
    if not pop:
        return "people", "unknown"
    key = pop.lower()
    if key in lx.NON_PERSON:
        return "", ""
    population, cls, _unit = lx.POPULATIONS.get(key, ("people", "unknown", "people"))
    return population, cls


def find_headlines(text: str, start: int, end: int) -> list[Headline]:
    """Telegraphic figures in text[start:end], in text order."""
    nums = [n for n in numbers_in(text, start, end) if n.kind == "cardinal" and n.written != "vague"]
    another = literals.gate(text, start, end, _ANOTHER_GATE)  # AND_ANOTHER's word is one of them
    if another:
        nums += [mention(m.span(), m.group(0), 1.0, "words") for m in _ANOTHER.finditer(text, start, end)]
        nums.sort(key=_start)  # numbers_in's are in text order already (find_numbers)
    out: list[Headline] = []
    for num in nums:
        at = num.span[0]
        before = text[at - 40 if at - 40 > start else start : at]
        pred = _PREDICATE.match(text, num.span[1], end)
        if pred is not None and lx.BREAKDOWN_ANYWHERE_RE.search(text, pred.end(), end):
            pred = None  # "28 died, among them six women": the count rules read the parts
        # the chain and the comma are read only beside a predicate (nothing else asks them)
        chained = pred is not None and bool(out) and _CHAIN.match(text[out[-1].span[1] : at]) is not None
        comma = pred is not None and _COMMA_START.search(before) is not None and _CLAUSE_END.match(text, pred.end(), end) \
            and not _figure_before(text, start, at, nums)  # fmt: skip
        if pred is not None and (chained or comma or _CLAUSE_START.search(before) or not text[start:at].strip()):
            # folded as the pattern compared it: "executeſ" matched "executes" (a KeyError before)
            category = _PREDICATES[re.sub(r"\s+", " ", literals.fold(pred.group("cue")))]
            population, cls = _people(pred.group("pop"))
            additional = bool(_ANOTHER.fullmatch(num.text))
            out.append(Headline(num if not additional else _additional(num), (num.span[0], pred.end()),
                                category, population, cls, "telegraphic"))  # fmt: skip
            continue
        act = _ACTIVE.search(before) if _after_active(before) else None
        if act is not None and not _ACTIVE_UNDONE.search(before, 0, act.start()):
            after = _AFTER_ACTIVE.match(text, num.span[1], end)
            if after is not None:
                population, cls = _people(after.group("pop"))
                if not population or (after.group("pop") and after.group("pop").lower() not in lx.POPULATIONS
                                      and not persons.person_object(act.group("verb"), after.group("pop"),
                                                                    text[num.span[1] : after.start("pop")])):
                    continue  # "set ablaze two vehicles", "hanged two banners": things, not people
                out.append(Headline(num, (num.span[0], after.end() if after.group("pop") else num.span[1]),
                                    vb.VICTIM_BEFORE[re.sub(r"\s+", " ", literals.fold(act.group("verb")))],
                                    population, cls, "active"))  # fmt: skip
    for m in _AND_ANOTHER.finditer(text, start, end) if another and literals.gate(text, start, end, _AND_ANOTHER_GATE) else ():
        cue = m.group("verb")
        if any(h.num.span[0] <= m.start("a") < h.span[1] for h in out):
            continue
        if _NOUN_NEXT.match(text, m.end(), end) and not _PHRASE_NEXT.match(text, m.end(), end):
            continue  # "wounded another soldier": the count rules read the noun
        category = vb.VICTIM_VERBS.get(re.sub(r"\s+", " ", cue.lower()), "killed")
        num = _additional(mention(m.span("a"), m.group("a"), 1.0, "words"))
        out.append(Headline(num, (m.start("a"), m.end()), category, "people", "unknown", "telegraphic"))
    return out


def _start(num: NumberMention) -> int:
    return num.span[0]


#: ACTIVE_ENDS are lower-case ASCII words, so a last word (`cues.last_word`: the run of ASCII
#: letters before the trailing whitespace) ends with one exactly when the window, stripped,
#: does; only that many of its last characters are folded (`literals.fold` keeps positions).
_ENDS_ARE_WORDS = all(e.isascii() and e.isalpha() and e.islower() for e in _ACTIVE_ENDS)
_ACTIVE_WIDTH = max(map(len, _ACTIVE_ENDS), default=0)


def _after_active(before: str) -> bool:
    """May `before` end with an ACTIVE verb? Its last word (folded as the pattern compares it)
    must end like one: one look at the end instead of a search of the window."""
    if not before[-1:].isspace():
        return False
    if _ENDS_ARE_WORDS:
        last = before.rstrip()[-_ACTIVE_WIDTH:]
        return (last.lower() if last.isascii() else literals.fold(last)).endswith(_ACTIVE_ENDS)
    word = last_word(literals.fold(before))
    return word is not None and word.endswith(_ACTIVE_ENDS)


def _figure_before(text: str, start: int, at: int, nums: list[NumberMention]) -> bool:
    """Does a figure come before `at` in the sentence ("resulting in seven dead, 45 injured",
    "two workers were shot, one killed")? Then the figure after the comma may continue that
    figure's structure (parts, lists), which the count rules read. A date's numbers ("on 23/10")
    count nobody."""
    return any(start <= n.span[0] < at and not _DATE_PART.search(text, max(start, n.span[0] - 2), n.span[1] + 2)
               for n in nums)  # fmt: skip


def _additional(num: NumberMention) -> NumberMention:
    return NumberMention(span=num.span, number_span=num.number_span, text=num.text, value=1.0, low=1.0, high=1.0,
                         qualifier="exact", kind="cardinal", additional=True, written="words")  # fmt: skip
