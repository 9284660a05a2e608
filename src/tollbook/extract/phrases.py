"""Noun phrases that count people without a numeral: sentence text -> NumberMention*.

`counts` reads numerals; this module finds the other ways a text counts people, each as a
`NumberMention` with its own `written` kind so that the count rules can treat them warily:
- "determiner": "the driver died" (1), "both victims died" (2), "a drug suspect was killed";
  their heads are open-class words (`open_np`), so `counts` keeps them only beside a cue;
- "pronoun": "opened fire on a civilian, killing him" (1);
- "unquantified": "incurring fatalities", "fatalities were reported": deaths said to have
  happened, uncounted (value 1, low 1, high 99 by convention; qualifier "vague").
"""

from __future__ import annotations

from collections.abc import Callable

from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import literals
from tollbook.extract.grammar import phrase_patterns as pp
from tollbook.extract.grammar.first_chars import led
from tollbook.extract.grammar.phrase_patterns import AFTER_OBJECT as AFTER_OBJECT
from tollbook.extract.grammar.phrase_patterns import DEAD_BODY as DEAD_BODY
from tollbook.extract.grammar.phrase_patterns import DETERMINER as DETERMINER
from tollbook.extract.grammar.phrase_patterns import EITHER_NUMBER as EITHER_NUMBER
from tollbook.extract.grammar.phrase_patterns import HIM_OR_HER as HIM_OR_HER
from tollbook.extract.grammar.phrase_patterns import HUMAN_REMAINS as HUMAN_REMAINS
from tollbook.extract.grammar.phrase_patterns import NEGATED as _NEGATED
from tollbook.extract.grammar.phrase_patterns import NP_WORD as _NP_WORD
from tollbook.extract.grammar.phrase_patterns import OF_TAIL as OF_TAIL
from tollbook.extract.grammar.phrase_patterns import ONE_DEATH as ONE_DEATH
from tollbook.extract.grammar.phrase_patterns import OPEN_NP_STOP as _OPEN_NP_STOP
from tollbook.extract.grammar.phrase_patterns import PRONOUN_VICTIM as PRONOUN_VICTIM
from tollbook.extract.grammar.phrase_patterns import UNQUANTIFIED as UNQUANTIFIED
from tollbook.extract.numbers import NumberMention
from tollbook.model import Span

__all__ = ["AFTER_OBJECT", "DEAD_BODY", "DETERMINER", "EITHER_NUMBER", "HIM_OR_HER", "HUMAN_REMAINS", "OF_TAIL",
           "ONE_DEATH", "PRONOUN_VICTIM", "UNQUANTIFIED", "determiners", "mention", "open_np", "pronouns",
           "unquantified"]  # fmt: skip


#: DETERMINER and HIM_OR_HER led by a look-ahead of their first letters (grammar/first_chars.py):
#: the same matches; `re` skips to those letters in C instead of trying `\b` at every character.
_DETERMINER_LED = led(DETERMINER)
_HIM_OR_HER_LED = led(HIM_OR_HER)


def mention(span: Span, text: str, value: float, written: str, *, high: float | None = None,
            qualifier: str = "exact") -> NumberMention:  # fmt: skip
    """A NumberMention for words that count without a numeral."""
    return NumberMention(span=span, number_span=span, text=text, value=value, low=value,
                         high=value if high is None else high, qualifier=qualifier,
                         kind="cardinal", written=written)  # fmt: skip


def determiners(text: str, start: int, end: int, taken: list[Span]) -> list[NumberMention]:
    """'the', 'a', 'his', 'both' ... before a word, outside spans already read as numbers."""
    out = []
    # `mention`'s NumberMention made here directly, and the taken spans tested in a plain loop:
    # most sentences hold several determiners, and this runs for every cued sentence.
    for m in _DETERMINER_LED.finditer(text, start, end):
        at = m.start()
        for a, b in taken:
            if a <= at < b:
                break
        else:
            span = m.span("a")
            word = m.group("a")
            value = 2.0 if word.lower() == "both" else 1.0
            out.append(NumberMention(span, span, word, value, value, value, "exact", "cardinal", False, "determiner"))
    return out


def pronouns(text: str, start: int, end: int) -> list[NumberMention]:
    """'him'/'her' as the object of a killing verb; 'his death' as what an attack caused."""
    # Each pattern holds a word that most sentences lack; a scan for that word alone is cheaper
    # than trying the pattern at every position (test_fast_paths checks the words).
    found = [mention(m.span("a"), m.group("a"), 1.0, "pronoun") for m in PRONOUN_VICTIM.finditer(text, start, end)] \
        if _HIM_OR_HER_LED.search(text, start, end) else []  # fmt: skip
    if "death" in text[start:end].lower():
        found += [mention((m.start("a"), m.end()), text[m.start("a") : m.end()], 1.0, "pronoun")
                  for m in ONE_DEATH.finditer(text, start, end)]  # fmt: skip
    return found


def unquantified(text: str, start: int, end: int,
                 irrealis: Callable[[int], bool]) -> tuple[NumberMention, str] | None:  # fmt: skip
    """The first uncounted mention of deaths in the sentence and its category, if any."""
    for m in UNQUANTIFIED.finditer(text, start, end) if literals.gate(text, start, end, pp.UNQUANTIFIED_GATE) else ():
        noun = "n" if m.group("n") else "m"
        a, b = m.span(noun)
        if _NEGATED.search(text, max(start, m.start() - 30), m.start()) or irrealis(m.start()):
            continue
        category = "casualties" if m.group(noun).lower() == "casualties" else "killed"
        return mention((a, b), text[a:b], 1.0, "unquantified", high=99.0, qualifier="vague"), category
    return None


def open_np(text: str, pos: int, stop: int, *, plural: bool) -> tuple[int, str] | None:
    """(end, head word) of an open-class noun phrase starting at `pos`: up to four words,
    ending before a function word, verb or adverb. None when its head cannot name people."""
    head: str | None = None
    head_end = pos
    p = pos
    for _ in range(4):
        m = _NP_WORD.match(text, p, stop)
        if not m:
            break
        word = m.group("w")
        low = word.lower().rstrip(".")
        if ((low in lx.MODIFIER_STOP or low in _OPEN_NP_STOP) and not word.isupper()) or low.endswith("ly"):
            break
        if head is not None and (low.endswith(("ed", "ing")) or low in lx.IRREGULAR_VERBS):
            break  # "both victims presented signs": the verb ends the noun phrase
        head, head_end, p = low, m.end(), m.end()
        if word.endswith("."):
            head_end -= 1  # "killed three Dozos.": the full stop ends the sentence
            break
    if head is None or head in lx.NON_PERSON or head in lx.IRREGULAR_VERBS or not head.isalpha() \
            or head.endswith(("ed", "ing")):  # fmt: skip
        return None
    written = text[head_end - len(head) : head_end]
    if head in EITHER_NUMBER or (plural and written[:1].isupper()):
        return head_end, head  # "3 Fulani were killed": a people's name needs no plural -s
    looks_plural = (head.endswith("s") and not head.endswith(("ss", "us", "is"))) or head.endswith("men") \
        or head in ("people", "children")  # fmt: skip
    if looks_plural != plural:
        return None
    return head_end, head
