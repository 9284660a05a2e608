"""text -> the place finder's words (`Token`s), and the tests it applies to the words around a
name: joined like one name, a person's name, a place word before or after, a sentence start.

Two sources of the same tokens: `tokens(text, start, end)` (the reference: one regex match a
word) and `word_tokens(words, lo, hi)`, a stretch of the scanner's columns (scan/marks.py;
tests/test_scan.py proves the columns are the tokens).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import repeat
from typing import TYPE_CHECKING, NamedTuple

from tollbook.geo.names import WORD, fold_token, name_key
from tollbook.geo.placewords import FUNCTION_WORDS, PLACE_NOUNS, PREPOSITIONS
from tollbook.geo.regionwords import DIVISION_KEYS

if TYPE_CHECKING:
    from tollbook.scan.marks import Words

__all__ = ["FUNCTION_KEYS", "Token", "division_of_before", "gap_ok", "name_follows",
           "place_context", "sentence_start", "tokens", "word_tokens"]  # fmt: skip

FUNCTION_KEYS = frozenset(name_key(w) for w in FUNCTION_WORDS)
_PLACE_NOUN_KEYS = frozenset(name_key(w) for w in PLACE_NOUNS)
_PREPOSITION_KEYS = frozenset(name_key(w) for w in PREPOSITIONS)
_SENTENCE_END = frozenset(".!?:;\n\r•|")
_OPENERS = frozenset(" \t\"“‘'([«")
_new = tuple.__new__


class Token(NamedTuple):  # a NamedTuple: cheaper to create than a frozen dataclass
    text: str
    start: int
    end: int
    key: str
    cap: bool


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The words of text[start:end], a possessive "'s" cut off."""
    out: list[Token] = []
    for m in WORD.finditer(text, start, end):
        s, e = m.span()
        word = m.group()
        if len(word) > 2 and word[-2] in "'’ʼ" and word[-1] in "sS":  # possessive
            word, e = word[:-2], e - 2
        out.append(Token(word, s, e, fold_token(word), word[0].isupper()))
    return out


def word_tokens(w: Words, lo: int, hi: int) -> list[Token]:
    """The scanner's words lo to hi (clipped to the text) as `tokens` gives them: the place
    finder makes tokens only for the few words around a name, not for every word."""
    # tuple.__new__ makes each Token from its fields without Token.__new__'s Python frame
    return list(map(_new, repeat(Token), zip(w.texts[lo:hi], w.starts[lo:hi], w.ends[lo:hi],
                                             w.keys[lo:hi], w.caps[lo:hi], strict=True)))  # fmt: skip


def gap_ok(text: str, a: Token, b: Token) -> bool:
    """Whether tokens a and b are joined like the words of one name (space or hyphen)."""
    gap = text[a.end : b.start]
    if gap == "." and len(a.text) == 1 and len(b.text) == 1:
        return a.text.isupper() and b.text.isupper()  # "U.S.", "U.K."
    return gap in (" ", "-")


def name_follows(text: str, a: Token, b: Token | None) -> bool:
    """Whether a and b look like two words of one proper name ("Ilham Aliyev", "Chad Smith"):
    both capitalised, one space apart, neither a function word."""
    return (
        b is not None
        and a.cap
        and b.cap
        and text[a.end : b.start] == " "
        and not {a.key, b.key} & FUNCTION_KEYS
        and not {a.key, b.key} & _PREPOSITION_KEYS
    )


def place_context(text: str, toks: Sequence[Token], i: int, nxt: Token | None, last: Token) -> bool:
    """A preposition before ("in", "near the") or a place noun after ("district")."""
    if nxt is not None and nxt.key in _PLACE_NOUN_KEYS and text[last.end : nxt.start].isspace():
        return True
    j = i - 1
    if j >= 0 and toks[j].key == "the" and text[toks[j].end : toks[i].start].isspace():
        j -= 1
    if j < 0 or not text[toks[j].end : toks[j + 1].start].isspace():
        return False
    return toks[j].key in _PREPOSITION_KEYS


def division_of_before(text: str, toks: Sequence[Token], i: int) -> bool:
    """Whether "<division noun> of" comes right before token i: "the province of X"."""
    if i < 2 or toks[i - 1].key != "of" or toks[i - 2].key not in DIVISION_KEYS:
        return False
    return (
        text[toks[i - 2].end : toks[i - 1].start].isspace()
        and text[toks[i - 1].end : toks[i].start].isspace()
    )


def sentence_start(text: str, pos: int) -> bool:
    """Whether the word at `pos` opens a sentence (or a line), quotes and brackets skipped."""
    j = pos - 1
    while j >= 0 and text[j] in _OPENERS:
        j -= 1
    if j < 0:
        return True
    return text[j] in _SENTENCE_END or "\n" in text[j + 1 : pos]
