"""Attackers among the dead: sentence text -> Attacker* (attackers who died, how many).

"The bomber detonated his vest, killing himself and four others" (5 dead, 1 an attacker),
"killing eight people and himself" (9),
"killing only himself", "a suicide bomber blew himself up" (or "blew up himself"), "the gunman
turned the gun on himself", "two suicide bombers blew themselves up" (2), "Four suicide bombers
attempt an attack ..., kill only themselves" (4), and those added after a toll ("Two dead, plus
bomber": 3). A lone "himself" is an attacker only in a sentence naming one (or a suicide attack,
explosives, a militant); the reflexive after other victims ("A police officer killed his wife
and himself": 2) is the killer's death in any sentence (`armed` False outside an attack). This is the one reading of an attacker's own death; the count rules
leave it here. Each is a count of attackers killed; the figures beside it ("four
others") are read by the count rules, and the tally adds them up (tally.ATTACKER_SELF_RULE).
Claims whose people are attackers ("six assailants were killed") are flagged `attackers`
(`is_attacker`), so that a user can count with or without them.
"""

from __future__ import annotations

from dataclasses import dataclass

from tollbook.extract.grammar.attacker_patterns import ARTICLE_BEFORE as _ARTICLE_BEFORE
from tollbook.extract.grammar.attacker_patterns import ATTACK_CONTEXT as _ATTACK_CONTEXT
from tollbook.extract.grammar.attacker_patterns import ATTACKER_WORD as _ATTACKER_WORD
from tollbook.extract.grammar.attacker_patterns import FIGURE_REACH as _FIGURE_REACH
from tollbook.extract.grammar.attacker_patterns import NOUN_REACH as _NOUN_REACH
from tollbook.extract.grammar.attacker_patterns import PLUS_ATTACKERS as _PLUS_ATTACKERS
from tollbook.extract.grammar.attacker_patterns import SELF as _SELF
from tollbook.extract.grammar.attacker_patterns import THEMSELVES as _THEMSELVES
from tollbook.extract.grammar.attacker_patterns import TOLL_BEFORE as _TOLL_BEFORE
from tollbook.extract.numbers import find_numbers
from tollbook.model import Span


@dataclass(frozen=True, slots=True)
class Attacker:
    """Attackers who died: the span of the reflexive (or the figure), how many."""

    span: Span
    value: float
    figure: Span | None = None  # the figure counting them ("two suicide bombers ... themselves")
    armed: bool = True  # False: a killer outside an attack ("killed his wife and himself")


def find_attacker_deaths(text: str, start: int, end: int) -> list[Attacker]:
    """Attackers killed by their own hand in text[start:end]."""
    out: list[Attacker] = _plus_attackers(text, start, end)
    low = text[start:end].lower()
    if "sel" not in low and "before" not in low and "until" not in low:
        return out
    armed = _ATTACK_CONTEXT.search(text, start, end) is not None
    for m in _SELF.finditer(text, start, end):
        group = next(g for g in ("self", "self2", "self3", "self4", "self5") if m.group(g))
        # "killed his wife and himself", "killed five people before being shot dead": after the
        # other victims, the killer's own death whoever the killer is; a lone "killed himself"
        # only in an attack.
        if armed or group in ("self3", "self4", "self5"):
            span = m.span(group) if group != "self5" else _agent_before(text, start, m.start())
            if span is None:
                continue  # "... before being shot dead" with no attacker named: whose death is unsaid
            # "blew himself up, killing himself and four others": one attacker, named twice
            out.append(Attacker(span, 1.0, armed=armed))
            break
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


def _agent_before(text: str, start: int, at: int) -> Span | None:
    """The attacker a non-finite clause's death belongs to ("A gunman killed five people before
    being shot dead"): the last attacker's noun before it, with its article."""
    noun = max(_ATTACKER_WORD.finditer(text, start, at), key=lambda n: n.start(), default=None)
    if noun is None:
        return None
    article = _ARTICLE_BEFORE.search(text, max(start, noun.start() - 6), noun.start())
    return (article.start() if article else noun.start(), noun.end())


def _plus_attackers(text: str, start: int, end: int) -> list[Attacker]:
    """"Two dead, plus bomber", "at least three dead, plus the bombers": the attackers after a
    toll; their number is written, singular (1), or the figure before the same noun earlier in
    the sentence ("Four ... suicide bombers detonate ..., at least three dead, plus the bombers")."""
    out: list[Attacker] = []
    if "plus" not in text[start:end].lower():
        return out
    for m in _PLUS_ATTACKERS.finditer(text, start, end):
        if not _TOLL_BEFORE.search(text, max(start, m.start() - 30), m.start()):
            continue
        noun = m.group("noun").lower()
        value: float | None = None
        if m.group("n"):
            value = next((n.value for n in find_numbers(text, m.start("n"), m.end("n")) if n.kind == "cardinal"), None)
        elif not noun.endswith(("s", "men")):
            value = 1.0
        else:
            for earlier in reversed(list(_ATTACKER_WORD.finditer(text, start, m.start()))):
                if earlier.group(0).lower() != noun:
                    continue
                before = [n for n in find_numbers(text, max(start, earlier.start() - _FIGURE_REACH), earlier.start())
                          if n.kind == "cardinal" and n.written != "vague"]  # fmt: skip
                if before:
                    value = before[-1].value
                    break
        if value:
            out.append(Attacker(m.span("noun"), value))
    return out


def is_attacker(words: str) -> bool:
    """Do a claim's words name attackers ("six assailants", "the gunman")?"""
    return _ATTACKER_WORD.search(words) is not None
