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

import hashlib
import re
from collections.abc import Iterable
from functools import cache
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
    return _tail(list(_parsed(pattern, flags)))


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
            if _is_space(body):
                i -= 1  # a trailing "\s*" or "\s+"
                continue
            # Once at most ("hang(?:ed|s)?"): what precedes runs on into it; more often, the
            # body's own end only.
            last = _tail(items[:i] + list(body)) if _high == 1 else _tail(list(body))
            if low >= 1:
                return last
            # "(?:\s+the)?", ":?": the match ends with the optional part or with what precedes it
            return _either(last, _tail(items[:i]))
        # A group or a branch ends the match with what precedes it when it ends (or is) empty:
        # `re` writes "included|include|includes" as "include" and a branch "d|(empty)|s".
        if op is _c.SUBPATTERN:
            return _tail(items[:i] + list(av[-1]))
        if op is _c.BRANCH:
            out: set[str] = set()
            for alternative in av[1]:
                words = _tail(items[:i] + list(alternative))
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


def _either(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    return None if a is None or b is None else a | b


def _ascii_letter(code: Any) -> bool:
    return isinstance(code, int) and (65 <= code <= 90 or 97 <= code <= 122)


def _is_space(body: Any) -> bool:
    return bool(list(body) == [(_c.IN, [(_c.CATEGORY, _c.CATEGORY_SPACE)])])


#: The most heads a literal run is extended by (a trie's branches after its first letters).
_HEADS = 64


def first_words(*patterns: str, flags: int = 0) -> frozenset[str] | None:
    """What every match of the patterns written one after the other starts with: lower-case
    ASCII strings (the run of literal characters a match's first branch opens with), so that a
    position whose text starts with none of them (compared case-blind as the pattern compares
    it) cannot start a match and the costly attempt there can be skipped. None when some match
    may start with a class, an open repeat or nothing (the caller must then always try).
    Look-arounds and anchors consume nothing and are passed over. Each part is parsed once per
    process (a prefix shared by many patterns costs one parse)."""
    return _head([item for pattern in patterns for item in _parsed(pattern, flags)])


def opening_key(parts: tuple[str, ...], flags: int, also: tuple[str, ...]) -> str:
    """A digest of what `opening(first_words(*parts, flags=flags), *also)` reads, to find its
    result in a table generated beforehand (grammar/cue_openings.py): an edited pattern has
    another key, so a stale table costs the parse, never a wrong look-ahead."""
    return hashlib.sha1(repr((parts, flags, also)).encode("utf-8")).hexdigest()[:24]


def opening(heads: frozenset[str] | None, *also: str) -> str:
    """A look-ahead for where a match can start, to put before its pattern: one of `heads`
    (its `first_words`, the shortest only) or one of the patterns `also`. It refuses only
    positions where the pattern cannot match, so the matches are the same, and at a word that
    opens no match the attempt fails in one step. "" when the first words are not known."""
    if heads is None:
        return ""
    shortest: list[str] = []
    for head in sorted(heads):  # the words a prefix begins follow it at once in this order
        if not shortest or not head.startswith(shortest[-1]):
            shortest.append(head)
    return "(?=" + "|".join((alternation(shortest), *also)) + ")"


@cache
def _parsed(pattern: str, flags: int) -> tuple[tuple[Any, Any], ...]:
    # The parse is Python code and the grammar's patterns are long: read each once.
    return tuple(_parser.parse(pattern, flags))


def _head(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    for i, (op, av) in enumerate(items):
        if op is _c.AT or op in (_c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: "\b", lookbehinds
        rest = items[i + 1 :]
        if op is _c.LITERAL:
            run = ""
            for op2, av2 in items[i:]:
                if op2 is not _c.LITERAL or not isinstance(av2, int) or av2 > 127:
                    break
                run += chr(av2).lower()
            if not run:
                return None
            # "b(?:eheaded|urned)": a trie's first letter alone would let most words through.
            tail = _head(items[i + len(run) :]) if i + len(run) < len(items) else None
            return frozenset(run + t for t in tail) if tail is not None and len(tail) <= _HEADS else frozenset({run})
        if op is _c.IN and all(o is _c.LITERAL and _caseless_or_ascii(a) for o, a in av):
            return frozenset(chr(a).lower() for _o, a in av)  # "['’]s": one of a few characters
        if op is _c.SUBPATTERN:
            return _head(list(av[-1]) + rest)
        if op is _c.BRANCH:
            return _union([_head(list(alternative) + rest) for alternative in av[1]])
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, _high, body = av
            with_body = _head(list(body) + rest)
            return with_body if low >= 1 else _union([with_body, _head(rest)])
        return None
    return None  # the pattern may match the empty string


def _caseless_or_ascii(code: int) -> bool:
    # Non-ASCII letters may equal others under IGNORECASE in ways str.lower() does not tell.
    return code < 128 or chr(code).lower() == chr(code).upper() == chr(code)


def _union(heads: list[frozenset[str] | None]) -> frozenset[str] | None:
    out: set[str] = set()
    for words in heads:
        if words is None:
            return None
        out |= words
    return frozenset(out)
