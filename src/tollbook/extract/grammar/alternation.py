"""Word lists -> regular-expression alternations that Python's `re` scans quickly; end-anchored
patterns -> the words they can end with (`final_words`), to skip searches that cannot match.

`re` tries the branches of `(?:at least|about|around|...)` one after another at every
position, and with IGNORECASE it cannot skip a branch on its first letter. A trie-shaped
pattern (`a(?:bout|round|t\\ least)`) matches the same strings in the same order of
preference (longest first, as a length-sorted alternation does) but fails in one step at
most positions. The number and cue patterns, run over every sentence, spend most of their
time on such lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_END = ""  # a key no one-character edge can equal: marks the end of a word
_Trie = dict[str, "_Trie"]


def alternation(words: Iterable[str]) -> str:
    """A non-capturing pattern matching exactly `words`, preferring the longest match.

    Words are literal text, compared as written (compile with IGNORECASE for case-blind
    matching: the words must then be lower case, or two edges could match the same letter).
    """
    trie: _Trie = {}
    for word in words:
        if not word:
            raise ValueError("an alternation of words cannot contain the empty word")
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    if not trie:
        raise ValueError("an alternation needs at least one word")
    return _render(trie)


def _render(node: _Trie) -> str:
    parts = [re.escape(ch) + _render(child) for ch, child in sorted(node.items()) if ch != _END]
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    if _END in node:
        # The word may end here; trying the longer words first keeps longest-first order.
        return f"(?:{body})?" if parts else ""
    return body


def final_words(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The words a match of `pattern` can end with, for patterns anchored at the end
    (`...killed\\s*$`): lower-case ASCII suffixes of the match's last word, or "," / ":".

    A window whose last word ends with none of them cannot match, so the costly search
    can be skipped. None when the pattern's end is not a plain word (a class, an optional
    part): the caller must then always search.
    """
    return _tail(list(_parser.parse(pattern, flags)))


def end_width(pattern: str, flags: int = 0) -> int:
    """The longest match of an end-anchored pattern without its trailing `\\s*` and anchors:
    how far before a window's trailing whitespace a search must start to find every match."""
    items = list(_parser.parse(pattern, flags))
    while items and (
        items[-1][0] is _c.AT
        or (items[-1][0] in (_c.MAX_REPEAT, _c.MIN_REPEAT) and items[-1][1][0] == 0 and _is_space(items[-1][1][2]))
    ):
        items.pop()
    high: int = _parser.SubPattern(_parser.State(), items).getwidth()[1]
    return high


def _tail(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    # The parser's trees are untyped tuples: (opcode, argument).
    i = len(items) - 1
    while i >= 0:
        op, av = items[i]
        if op is _c.AT or op in (_c.ASSERT, _c.ASSERT_NOT):
            i -= 1  # zero-width: "$", "\b", lookarounds
            continue
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, _high, body = av
            if low == 0 and _is_space(body):
                i -= 1  # a trailing "\s*"
                continue
            return _tail(list(body)) if low >= 1 else None
        if op is _c.SUBPATTERN:
            return _tail(list(av[-1]))
        if op is _c.BRANCH:
            out: set[str] = set()
            for alternative in av[1]:
                words = _tail(list(alternative))
                if words is None:
                    return None
                out |= words
            return frozenset(out)
        if op is _c.LITERAL:
            word = ""
            j = i
            while j >= 0 and items[j][0] is _c.LITERAL and _ascii_letter(items[j][1]):
                word = chr(items[j][1]) + word
                j -= 1
            if word:
                return frozenset({word.lower()})
            char = chr(av)
            return frozenset({char}) if char in ",:" else None
        return None
    return None


def _ascii_letter(code: Any) -> bool:
    return isinstance(code, int) and (65 <= code <= 90 or 97 <= code <= 122)


def _is_space(body: Any) -> bool:
    return bool(list(body) == [(_c.IN, [(_c.CATEGORY, _c.CATEGORY_SPACE)])])
