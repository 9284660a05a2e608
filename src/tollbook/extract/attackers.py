"""Attackers among the dead: sentence text -> Attacker* (attackers who died, how many).

"The bomber detonated his vest, killing himself and four others" (5 dead, 1 an attacker),
"killing only himself", "a suicide bomber blew himself up" (or "blew up himself"), "the gunman
turned the gun on himself", "two suicide bombers blew themselves up" (2). A lone "himself" is
an attacker only in a sentence naming one (or a suicide attack, explosives, a militant).
This is the one reading of an attacker's own death; the count rules leave it here. Each is a count of attackers killed; the figures beside it ("four
others") are read by the count rules, and the tally adds them up (tally.ATTACKER_SELF_RULE).
Claims whose people are attackers ("six assailants were killed") are flagged `attackers`
(`is_attacker`), so that a user can count with or without them.
"""

from __future__ import annotations

from dataclasses import dataclass

from tollbook.extract.grammar.attacker_patterns import ATTACK_CONTEXT as _ATTACK_CONTEXT
from tollbook.extract.grammar.attacker_patterns import ATTACKER_WORD as _ATTACKER_WORD
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
        # "two suicide bombers blew themselves up": the figure before the attackers' noun.
        before = [n for n in find_numbers(text, max(start, m.start() - 60), m.start())
                  if n.kind == "cardinal" and n.written != "vague"]  # fmt: skip
        noun = _ATTACKER_WORD.search(text, max(start, m.start() - 60), m.start())
        if before and noun is not None and before[-1].span[1] <= noun.start():
            out.append(Attacker(m.span("self"), before[-1].value, (before[-1].span[0], noun.end())))
    return out


def is_attacker(words: str) -> bool:
    """Do a claim's words name attackers ("six assailants", "the gunman")?"""
    return _ATTACKER_WORD.search(words) is not None
