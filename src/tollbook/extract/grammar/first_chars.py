"""Compiled pattern -> the characters its matches can start with, and the same pattern led by a
look-ahead of them (issue 23: `re` skips in C to where a match can start, where a pattern that
opens with `\\b` or a look-behind is otherwise tried at every character).

- `opening_chars(pattern)`: from `re`'s own parse, every character the first one a match
  consumes can be (look-arounds and anchors consume nothing); with IGNORECASE, both cases of an
  ASCII letter and the non-ASCII letters `re` equates with it (literals.FOLDS). None when no
  such set is found (a class, a repeat that may be empty, a non-ASCII letter read case-blind).
- `led(pattern)`: `pattern` behind a look-ahead of its opening characters: the same matches
  (a match starts with one of them), found sooner; `pattern` itself when there is no set.
"""

from __future__ import annotations

import re
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from tollbook.extract.grammar.literals import FOLDS

__all__ = ["led", "opening_chars"]


def opening_chars(pattern: re.Pattern[str]) -> str | None:
    """Every character a match of `pattern` can start with, sorted; None when unknown."""
    found = _firsts(list(_parser.parse(pattern.pattern, pattern.flags)), bool(pattern.flags & re.IGNORECASE))
    return None if found is None else "".join(sorted(found))


def led(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` led by a look-ahead of its opening characters (same matches), or itself."""
    chars = opening_chars(pattern)
    if chars is None:
        return pattern
    return re.compile("(?=[" + "".join(re.escape(c) for c in chars) + "])" + pattern.pattern, pattern.flags)


def _cased(code: int, caseless: bool) -> set[str] | None:
    ch = chr(code)
    if not caseless or not ch.isalpha():
        return {ch}
    if not ch.isascii():
        return None  # which letters `re` equates with it is not declared
    low = ch.lower()
    return {low, ch.upper(), *(c for c, a in FOLDS if a == low)}


def _firsts(items: list[tuple[Any, Any]], caseless: bool) -> set[str] | None:
    for op, av in items:
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue  # zero width: the next item consumes the first character
        if op is _c.LITERAL:
            return _cased(av, caseless)
        if op is _c.IN and all(o is _c.LITERAL for o, _ in av):
            out: set[str] = set()
            for _, v in av:
                cased = _cased(v, caseless)
                if cased is None:
                    return None
                out |= cased
            return out
        if op is _c.SUBPATTERN:
            return _firsts(list(av[-1]), caseless)
        if op is _c.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                sub = _firsts(list(branch), caseless)
                if sub is None:
                    return None
                union |= sub
            return union
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            return _firsts(list(av[2]), caseless)  # at least once: its first character first
        return None
    return None  # a pattern that may match the empty string starts anywhere
