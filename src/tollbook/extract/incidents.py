"""Figures that total several incidents: a document's claims -> the same, flagged "incidents:N".

"This was one of three related attacks in Kunduz on this date. Eight assailants were killed and
five were injured across the ensuing clashes": the five are the total of three incidents, not
of the one the document is about. Incident databases (GTD, ACLED) split such a report into one
row per incident and code each a share of the total; a reader of the claim needs to know that
the figure spans several incidents, and how many. The claim keeps the figure as written (a
claim is what the text says) and gains the flag `incidents:N`; evaluation/labelled.py turns it
into a per-incident share when it scores a coder's per-incident labels.

The scope is read from the figure's own clause: the first place-of-events phrase after the
figure in its sentence (or one opening the sentence) decides. A counted scope names N itself
("across both attacks", "in the two attacks", "between two of the attacks", "in this and two
unrelated attacks", "between this incident and a similar bombing"); an open plural scope
("across the clashes", "in the attacks") takes N from the document's own "one of N ... attacks";
a singular scope ("in the attack", "in this attack") is one incident.

A sentence opened by "Additionally," or "In addition," goes on with the one before it: a
figure with no scope phrase of its own there takes the scope of the previous sentence's figures
("... were killed across both attacks. Additionally, two police officers were abducted").

Guards: an open plural scope without a declared series is one incident told as several events
("Two were killed in the blasts" of one bombing); a figure with no scope phrase is the
document's own incident, series or not ("This was one of four attacks. Two soldiers were
injured."); a scope in another sentence does not reach the figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from tollbook.extract.grammar import literals
from tollbook.extract.grammar.incident_patterns import (
    ADDITIVE_OPENING,
    DECLARED,
    DECLARED_START,
    FLAG_PREFIX,
    INCIDENT_NUMBER_WORDS,
    LEADING_SCOPE,
    SCOPE,
    SCOPE_GATE,
)
from tollbook.model import Claim

__all__ = ["incidents_of", "mark_incidents"]


def _number(word: str) -> int:
    return int(word) if word.isdigit() else INCIDENT_NUMBER_WORDS[word.lower()]


def _declared(text: str) -> int | None:
    """The number of incidents in the series the document says its own is one of."""
    low = literals.fold(text)
    if len(low) != len(text):  # a letter folded to two: offsets differ, search the text itself
        m = DECLARED.search(text)
        return _number(m.group("n")) if m else None
    # DECLARED (case-blind) is tried only where its opening words stand in the folded text: the
    # first such place where it matches is where its search would have found it. One search of
    # the whole text tried its case-blind alternation at every position (issue 23).
    pos = 0
    while (head := DECLARED_START.search(low, pos)) is not None:
        m = DECLARED.match(text, head.start())
        if m:
            return _number(m.group("n"))
        pos = head.start() + 1
    return None


def _scope(m: re.Match[str], declared: int | None) -> int | None:
    """How many incidents a scope phrase spans (None: one, or unknown)."""
    if m.group("single"):
        return None
    if m.group("pair"):
        return 2
    if m.group("extra"):
        return 1 + _number(m.group("extra"))
    if m.group("both"):
        return 2
    for name in ("of", "n", "all"):
        if m.group(name):
            return _number(m.group(name))
    return declared  # an open plural scope: the series the document declares, if any


class _Read:
    """What mark_incidents read of the sentences so far (a sentence's claims share them):
    LEADING_SCOPE's match at each sentence start (it depends on the start alone), and each
    sentence's last SCOPE search, from where it started. A search from a later position finds
    the same match when that one starts there or later (no match starts between), and none
    when it found none: whether a match starts at a position does not depend on where the
    search began (look-behinds and \\b read the text before it)."""

    __slots__ = ("after", "leading")

    def __init__(self) -> None:
        self.leading: dict[int, re.Match[str] | None] = {}
        self.after: dict[tuple[int, int], tuple[int, re.Match[str] | None]] = {}

    def scope_after(self, text: str, pos: int, start: int, end: int) -> re.Match[str] | None:
        """SCOPE.search(text, pos, end) in the sentence text[start:end]."""
        done = self.after.get((start, end))
        if done is not None and done[0] <= pos and (done[1] is None or done[1].start() >= pos):
            return done[1]
        m = SCOPE.search(text, pos, end)
        self.after[(start, end)] = (pos, m)
        return m

    def leading_scope(self, text: str, start: int) -> re.Match[str] | None:
        if start not in self.leading:
            self.leading[start] = LEADING_SCOPE.match(text, start)
        return self.leading[start]


def _incidents(text: str, claim: Claim, declared: int | None, read: _Read) -> int | None:
    start, end = claim.sentence_span
    gated = literals.gate(text, start, end, SCOPE_GATE)
    if not gated and claim.span[0] <= end:
        # No word of the gate in the sentence: SCOPE finds nothing there, nor does LEADING_SCOPE
        # end by the figure (such a match lies in the sentence and holds a scope: a gate word).
        return None
    after = read.scope_after(text, claim.span[1], start, end) if gated else None
    if after is not None:
        return _scope(after, declared)
    m = read.leading_scope(text, start)
    if m is not None and m.end() <= claim.span[0]:
        return _scope(m, declared)
    return None


def mark_incidents(text: str, claims: Sequence[Claim]) -> list[Claim]:
    """`claims` with each count whose scope spans several incidents flagged `incidents:N`."""
    if not any(c.kind == "count" for c in claims):
        return list(claims)
    declared = _declared(text)
    read = _Read()
    out = []
    last: tuple[tuple[int, int], int | None] | None = None  # the latest earlier sentence and its scope
    for claim in claims:
        n = _incidents(text, claim, declared, read) if claim.kind == "count" else None
        if n is None and claim.kind == "count" and last is not None and last[0] != claim.sentence_span \
                and ADDITIVE_OPENING.match(text, claim.sentence_span[0]) \
                and SCOPE.search(text, claim.span[1], claim.sentence_span[1]) is None:  # fmt: skip
            n = last[1]  # "Additionally, two police officers were abducted": the scope goes on
        if claim.kind == "count" and (last is None or last[0] != claim.sentence_span or (n is not None and n >= 2)):
            last = (claim.sentence_span, n)  # a sentence's scope: its first figure's, or any several
        out.append(replace(claim, flags=(*claim.flags, f"{FLAG_PREFIX}{n}")) if n is not None and n >= 2 else claim)
    return out


def incidents_of(claim: Claim) -> int:
    """How many incidents the claim's figure totals (1 when its flags say nothing)."""
    for flag in claim.flags:
        if flag.startswith(FLAG_PREFIX):
            return int(flag[len(FLAG_PREFIX) :])
    return 1
