"""Compiled pattern -> the literal strings one of which every match contains (issue 23's gates).

A rule may skip a search when the sentence holds none of the words its pattern cannot match
without. Those words are declared as data next to the pattern (`*_patterns.py`); this module
proves a declaration sound (tests/test_gates.py) and gives the check the rules run:

- `fold(text)`: the text lower-cased as Python's case-blind patterns compare ASCII letters:
  "K" (Kelvin), "ſ", "İ" and "ı" are the non-ASCII letters `re.IGNORECASE` equates with
  ASCII ones (FOLDS_TO_ASCII), so they are mapped first.
- `holds(low, words)`: does the folded text `low` contain one of `words` (lower-case ASCII)?
- `gate_of(words)`: a `Gate`, the words declared with their test compiled once, and its bit
  among the declared gates (`declared()`, filled as the grammar modules import);
  `gate(text, start, end, g)`: may a pattern needing one of g's words match in
  text[start:end]? When `text` is a `Marked` text holding the range's marks (the bits of
  every declared gate holding a word there, computed for the cued sentences of a document at
  once by a marks engine, scan/gates.py, and handed to the rules with the text they read), a
  bit test. Otherwise the range is folded once (`_folded`, an lru_cache of a pure function:
  the rules of one sentence share it), and the test is a case-sensitive search of the words'
  alternation over it (a third of a case-blind pattern's cost) or, for a few words, `in`: the
  reference, and the pure-Python path.
- `Marked(text, ranges, masks, size)` / `marked(...)`: the text with the marks of its ranges,
  a value made where the sentences are read (extract/claims.py) and passed down as the text;
  no process-wide memo, so one pipeline's marks never answer another's gates.
- `required(pattern)`: from `re`'s own parse of the pattern, a set of folded ASCII strings such
  that the text a match consumes contains one of them; None when no such set is found (the
  pattern starts with an open class everywhere). Look-arounds and anchors consume nothing,
  so they count as the empty string; non-ASCII literals and classes such as `\\s` end a run.
- `requirements(pattern)`: every such set along the pattern's top-level sequence (a gate's
  words need cover one of them);
- `covers(words, strings)`: every string holds one of the words, so a text holding none of the
  words holds none of the strings, and the pattern cannot match there;
- `proves(words, pattern)`: the same for a pattern, searched through its parse (what
  tests/test_gates.py asks of every declared gate).
"""

from __future__ import annotations

import hashlib
import re
import string
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from tollbook.extract.grammar.alternation import alternation

__all__ = ["FOLDS", "FOLDS_TO_ASCII", "Gate", "Marked", "covers", "declared", "derived", "fold", "gate", "gate_from", "gate_of", "holds", "marked", "marks",
           "minimal", "proves", "required", "required_key", "requirements"]  # fmt: skip

#: Non-ASCII letters that Python's IGNORECASE patterns equate with ASCII letters (K: Kelvin
#: sign, s: long s, i: dotted capital and dotless small i); read by the pre-filter too
#: (grammar/triggers.py).
FOLDS_TO_ASCII: tuple[str, ...] = ("\u212a", "\u017f", "\u0130", "\u0131")
#: Each to the ASCII letter `re` equates it with (tests/test_gates.py checks there are no others);
#: read by the compiled marks engine too (scan/gates.py).
FOLDS: tuple[tuple[str, str], ...] = tuple((c, next(a for a in string.ascii_lowercase if re.fullmatch(a, c, re.IGNORECASE)))
               for c in FOLDS_TO_ASCII)  # fmt: skip
#: A gate of more words than this searches one alternation of them; fewer, one `in` each.
_FEW = 6
#: Finite languages larger than this are given up (treated as open).
_LIMIT = 4000

def fold(text: str) -> str:
    """`text` lower-cased, with the non-ASCII letters case-blind patterns equate with ASCII ones
    mapped to those first (four `in` tests: cheaper than a translation table)."""
    for ch, ascii_letter in FOLDS:
        if ch in text:
            text = text.replace(ch, ascii_letter)
    return text.lower()


@dataclass(frozen=True, slots=True)
class Gate:
    """Declared words (lower-case ASCII, none containing another) and their test, compiled once:
    one search of an alternation when they are many, else one `in` each. `bit`: 1 << its place
    among the declared gates (`declared()`), its bit in a range's marks."""

    words: tuple[str, ...]
    search: Callable[[str], object]
    bit: int = 0

    def __call__(self, low: str) -> bool:
        return self.search(low) is not None if self.search is not _none else any(w in low for w in self.words)


def _none(low: str) -> object:
    return None


#: Every Gate made by gate_of, in order: the grammar declares them at import (a registry of
#: constants, like `re`'s cache: it only grows, and a mark covers the gates it was built for).
_DECLARED: list[Gate] = []


def gate_of(words: Iterable[str]) -> Gate:
    """The Gate of `words` (folded, reduced by `minimal`), declared (`declared`)."""
    ws = minimal(w.lower() for w in words)
    if not ws:
        raise ValueError("a gate needs at least one word")
    g = Gate(ws, re.compile(alternation(ws)).search if len(ws) > _FEW else _none, 1 << len(_DECLARED))
    _DECLARED.append(g)
    return g


def declared() -> tuple[Gate, ...]:
    """Every gate made so far, in the order of their bits (the marks engines' words)."""
    return tuple(_DECLARED)


#: The patterns whose gates `gate_from` read from their parse, for scripts/required_words.py.
_DERIVED: list[re.Pattern[str]] = []


def required_key(pattern: re.Pattern[str]) -> str:
    """A digest of the pattern's source and flags: its entry in grammar/required_words.py."""
    return hashlib.sha1(f"{pattern.flags}:{pattern.pattern}".encode()).hexdigest()[:24]


def gate_from(pattern: re.Pattern[str]) -> Gate:
    """The Gate of the words every match of `pattern` holds (`required`, from re's parse). The
    parse costs milliseconds at every import, so the words are read from a table generated
    beforehand (grammar/required_words.py, `scripts/required_words.py`) when it holds this very
    pattern; an edited pattern is parsed (slower, never wrong)."""
    from tollbook.extract.grammar.required_words import REQUIRED

    _DERIVED.append(pattern)
    words = REQUIRED.get(required_key(pattern))
    return gate_of(words if words is not None else (required(pattern) or ()))


def derived() -> tuple[re.Pattern[str], ...]:
    """Every pattern `gate_from` made a gate of so far."""
    return tuple(_DERIVED)


def holds(low: str, words: Iterable[str]) -> bool:
    """Does the folded text `low` contain one of `words`?"""
    return any(w in low for w in words)


class Marked(str):
    """A text (the same characters, equal to it) with the gate marks of some of its ranges:
    `marks[(start, end)]` is the bit of every gate among the first `size` declared whose words
    occur in fold(text[start:end]) (scan/gates.py's engines), and every bit from `size` up (a
    gate declared later reads True there, which is always safe). Made once per document by
    extract/claims.py and passed to the rules as the text they read; frozen. Slices and matches
    of it are plain `str`, so nothing of it reaches a claim."""

    marks: dict[tuple[int, int], int]

    def __new__(cls, text: str, ranges: Sequence[tuple[int, int]], masks: Sequence[int], size: int) -> Marked:
        self = super().__new__(cls, text)
        later = -(1 << size)  # every bit from `size` up
        object.__setattr__(self, "marks", {r: m | later for r, m in zip(ranges, masks, strict=True)})
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Marked text is frozen (cannot set {name!r})")

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        return str, (str(self),)  # marks are a reading aid: a copy elsewhere is the plain text


def marked(text: str, ranges: Sequence[tuple[int, int]], masks: Sequence[int], size: int) -> Marked:
    """`text` with the marks of text[s:e] for each (s, e) of `ranges` (`Marked`)."""
    return Marked(text, ranges, masks, size)


@lru_cache(maxsize=16)
def _folded(text: str, start: int, end: int) -> str:
    """text[start:end] folded; a memo of the last few ranges (a pure function of immutable
    values): the rules of one sentence share it (lru_cache: one C-level call)."""
    return fold(text[start:end])


def gate(text: str, start: int, end: int, words: Gate) -> bool:
    """May a pattern whose matches contain one of the gate's words (folded) match inside
    text[start:end]? False only when none occurs there: the caller skips its search. Reads the
    range's marks when `text` is `Marked` with that range, else searches.
    tests/test_gates.py proves each declared gate against its patterns and checks output
    with every gate answering True; tests/test_scan_gates.py checks marks and search agree."""
    if type(text) is Marked:
        m = text.marks.get((start, end))
        if m is not None:
            return m & words.bit != 0
    return words(_folded(text, start, end))


def marks(text: str, start: int, end: int) -> int | None:
    """text[start:end]'s marks (`Marked`: a gate's bit set where its words may occur), so that
    a reader asking many gates of one range tests bits; None when the range is not marked, or
    when `gate` is not this module's own (tests/test_gates.py's switch answering True): ask
    `gate` then, so that the switch reaches every reader."""
    if gate is not _GATE or type(text) is not Marked:
        return None
    return text.marks.get((start, end))


_GATE = gate


def minimal(words: Iterable[str]) -> tuple[str, ...]:
    """`words` without those containing another of them: the same `holds`, fewer tests."""
    ws = sorted(set(words), key=lambda w: (len(w), w))
    out: list[str] = []
    for w in ws:
        if not any(m in w for m in out):
            out.append(w)
    return tuple(out)


def covers(words: Iterable[str], strings: Iterable[str]) -> bool:
    """Does every string of `strings` contain one of `words`?"""
    ws = tuple(words)
    return all(any(w in s for w in ws) for s in strings)


def required(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Folded ASCII strings one of which the text of every match of `pattern` contains (the
    most selective of `requirements`), or None."""
    found = _necessary(list(_parser.parse(pattern.pattern, pattern.flags)))
    return None if found is None else frozenset(minimal(found))


def requirements(pattern: re.Pattern[str]) -> list[frozenset[str]]:
    """Every such set found along the pattern's top-level sequence (each alone is necessary)."""
    return [frozenset(minimal(c)) for c in _candidates(list(_parser.parse(pattern.pattern, pattern.flags)))]


def _char(code: int) -> str | None:
    ch = chr(code)
    return ch.lower() if ch.isascii() else None


def _finite(op: Any, av: Any) -> set[str] | None:
    """The exact (folded) strings one item matches, when they are few; else None."""
    if op is _c.LITERAL:
        ch = _char(av)
        return None if ch is None else {ch}
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {""}
    if op is _c.IN:
        chars: set[str] = set()
        for iop, iav in av:
            if iop is _c.LITERAL and (ch := _char(iav)) is not None:
                chars.add(ch)
            elif iop is _c.RANGE and iav[1] - iav[0] < 16 and all(_char(c) for c in range(iav[0], iav[1] + 1)):
                chars.update(chr(c).lower() for c in range(iav[0], iav[1] + 1))
            else:
                return None
        return chars
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            f = _sequence(list(alt))
            if f is None:
                return None
            out |= f
            if len(out) > _LIMIT:
                return None
        return out
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is _c.ATOMIC_GROUP:
        return _sequence(list(av))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, inner = av
        if high is _c.MAXREPEAT or high > 4:
            return None
        f = _sequence(list(inner))
        if f is None:
            return None
        out, power = set(), {""}
        for k in range(high + 1):
            if k >= low:
                out |= power
            if k < high:
                power = {a + b for a in power for b in f}
            if len(out) > _LIMIT or len(power) > _LIMIT:
                return None
        return out
    return None


def _sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    out = {""}
    for op, av in items:
        f = _finite(op, av)
        if f is None:
            return None
        out = {a + b for a in out for b in f}
        if len(out) > _LIMIT:
            return None
    return out


def _score(strings: set[str]) -> tuple[int, int]:
    return (min(map(len, strings)), -len(strings))


def _necessary(items: list[tuple[Any, Any]]) -> set[str] | None:
    """A set of strings one of which every match of the sequence `items` contains."""
    candidates = _candidates(items)
    return max(candidates, key=_score) if candidates else None


def proves(words: Iterable[str], pattern: re.Pattern[str]) -> bool:
    """Does every match of `pattern` hold one of `words` (folded)? Searched through the parse:
    a run of the sequence whose strings all hold a word, or an item that proves it (a group,
    a repeat of at least one, a branch each of whose alternatives proves it)."""
    return _proves(tuple(words), list(_parser.parse(pattern.pattern, pattern.flags)))


def _proves(words: tuple[str, ...], items: list[tuple[Any, Any]]) -> bool:
    run: set[str] | None = {""}
    for op, av in items:
        f = _finite(op, av)
        if f is not None and run is not None and len(run) * len(f) <= _LIMIT:
            run = {a + b for a in run for b in f}
        else:
            if run is not None and covers(words, run):
                return True
            run = f if f is not None else {""}
        if (f is not None and covers(words, f)) or _item_proves(words, op, av):
            return True
    return run is not None and covers(words, run)


def _item_proves(words: tuple[str, ...], op: Any, av: Any) -> bool:
    if op in (_c.SUBPATTERN, _c.ATOMIC_GROUP):
        return _proves(words, list(av[-1] if op is _c.SUBPATTERN else av))
    if op is _c.BRANCH:
        return all(_proves(words, list(alt)) for alt in av[1])
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _proves(words, list(av[2]))
    return False


def _candidates(items: list[tuple[Any, Any]]) -> list[set[str]]:
    """Sets of strings, each of which holds a string every match of `items` contains."""
    candidates: list[set[str]] = []
    run: set[str] | None = {""}
    for op, av in items:
        f = _finite(op, av)
        if f is not None and run is not None and len(run) * len(f) <= _LIMIT:
            run = {a + b for a in run for b in f}
            continue
        if run is not None and "" not in run:
            candidates.append(run)
        run = f if f is not None else {""}
        if f is None:
            inner = _inner(op, av)
            if inner is not None and "" not in inner:
                candidates.append(inner)
    if run is not None and "" not in run:
        candidates.append(run)
    return candidates


def _inner(op: Any, av: Any) -> set[str] | None:
    """The necessary strings of an item no finite set describes."""
    if op is _c.SUBPATTERN:
        return _necessary(list(av[-1]))
    if op is _c.ATOMIC_GROUP:
        return _necessary(list(av))
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            n = _necessary(list(alt))
            if n is None:
                return None
            out |= n
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _necessary(list(av[2]))
    return None
