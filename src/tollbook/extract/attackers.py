"""Attackers among the dead: sentence text -> Attacker* (attackers who died, how many).

"The bomber detonated his vest, killing himself and four others" (5 dead, 1 an attacker),
"killing only himself", "a suicide bomber blew himself up", "two suicide bombers blew
themselves up" (2), "Four suicide bombers attempt an attack ..., kill only themselves" (4). Each is a count of attackers killed; the figures beside it ("four
others") are read by the count rules, and the tally adds them up (tally.ATTACKER_SELF_RULE).
Claims whose people are attackers ("six assailants were killed") are flagged `attackers`
(`is_attacker`), so that a user can count with or without them.
"""

from __future__ import annotations

from dataclasses import dataclass

from tollbook.extract.grammar.attacker_patterns import ATTACK_CONTEXT as _ATTACK_CONTEXT
from tollbook.extract.grammar.attacker_patterns import ATTACKER_WORD as _ATTACKER_WORD
from tollbook.extract.grammar.attacker_patterns import FIGURE_REACH as _FIGURE_REACH
from tollbook.extract.grammar.attacker_patterns import NOUN_REACH as _NOUN_REACH
from tollbook.extract.grammar.attacker_patterns import SELF as _SELF
from tollbook.extract.grammar.attacker_patterns import THEMSELVES as _THEMSELVES
from tollbook.extract.numbers import find_numbers
from tollbook.model import Span


@dataclass(frozen=True, slots=True)
class Attacker:
    """Attackers who died: the span of the reflexive (or the figure), how many."""

    span: Span
    value: float
    figure: Span | None = None  # the figure counting them ("two suicide bombers ... themselves")


def find_attacker_deaths(text: str, start: int, end: int) -> list[Attacker]:
    """Attackers killed by their own hand in text[start:end]."""
    out: list[Attacker] = []
    if "sel" not in text[start:end].lower():
        return out
    for m in _SELF.finditer(text, start, end):
        group = "self" if m.group("self") else "self2"
        if _ATTACK_CONTEXT.search(text, start, end):
            out.append(Attacker(m.span(group), 1.0))
    for m in _THEMSELVES.finditer(text, start, end):
        # "two suicide bombers blew themselves up", "Four suicide bombers attempt an attack in
        # Maiduguri on 25/10, kill only themselves": the figure right before the attackers' noun.
        for noun in reversed(list(_ATTACKER_WORD.finditer(text, max(start, m.start() - _NOUN_REACH), m.start()))):
            before = [n for n in find_numbers(text, max(start, noun.start() - _FIGURE_REACH), noun.start())
                      if n.kind == "cardinal" and n.written != "vague"]  # fmt: skip
            if before:
                out.append(Attacker(m.span("self"), before[-1].value, (before[-1].span[0], noun.end())))
                break
    return out


def is_attacker(words: str) -> bool:
    """Do a claim's words name attackers ("six assailants", "the gunman")?"""
    return _ATTACKER_WORD.search(words) is not None
