"""Word lists -> regular-expression alternations that Python's `re` scans quickly.

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
