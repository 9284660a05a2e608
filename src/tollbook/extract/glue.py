"""Glued words: sentence text -> Repaired (a view with the missing spaces put back, and a map
from every character of the view to the original text).

Text extracted from PDFs loses spaces at line and column breaks: "weredisplaced",
"668,000 peoplewere evacuated", "Around1.6 million", "inIDPcamps", "fami-lies". The count
rules read words, so they miss such figures. The repair is conservative: a token is split
only when it is made, in full, of words from the closed lists of grammar/glue_patterns.py
(function words, the words of displacement reporting, population nouns), at least one of them a
reporting word;
a lower-to-upper case change splits only after a listed word ("fledShirqat"), an acronym
only before one ("IDPcamps"), a full stop before a capitalised word ("shelters.Many"); a hyphen is dropped only where the joined word is listed
("fami-lies"). Every other token is left as written. The extractor reads the view and maps
each span back through `Repaired.original`, so claims keep pointing at the text as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from tollbook.extract.grammar.glue_patterns import AFTER_DIGIT as _AFTER_DIGIT
from tollbook.extract.grammar.glue_patterns import AUX_PAIRS as _AUX_PAIRS
from tollbook.extract.grammar.glue_patterns import BEFORE_DIGIT as _BEFORE_DIGIT
from tollbook.extract.grammar.glue_patterns import CASED_CANDIDATE as _CASED_CANDIDATE
from tollbook.extract.grammar.glue_patterns import CONTENT as CONTENT
from tollbook.extract.grammar.glue_patterns import FULL_STOP as _FULL_STOP
from tollbook.extract.grammar.glue_patterns import FUNCTION as FUNCTION
from tollbook.extract.grammar.glue_patterns import GLUE_TOKEN as _GLUE_TOKEN
from tollbook.extract.grammar.glue_patterns import HYPHEN as _HYPHEN
from tollbook.extract.grammar.glue_patterns import LOWER_CANDIDATE as _LOWER_CANDIDATE
from tollbook.extract.grammar.glue_patterns import REAL as _REAL
from tollbook.extract.grammar.glue_patterns import WORDS as _WORDS


def candidate(text: str) -> bool:
    """Whether LOWER_CANDIDATE or CASED_CANDIDATE finds where a repair may be needed (the
    reference of the compiled scanner's `Glue`, scan/repairs.py)."""
    return bool(_LOWER_CANDIDATE.search(text.lower()) or _CASED_CANDIDATE.search(text))


def _needs_repair(text: str, candidate: Callable[[str], bool] = candidate) -> bool:
    if candidate(text):
        return True
    return "-" in text and any((m.group(1) + m.group(2)).lower() in CONTENT for m in _HYPHEN.finditer(text))


@dataclass(frozen=True, slots=True)
class Repaired:
    """The repaired text and, per character of it, its index in the original (inserted spaces
    take the index of the character after them; one past the end closes the map)."""

    text: str
    index: tuple[int, ...]

    def original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the view's span [start, end)."""
        if end <= start:
            return self.index[start], self.index[start]
        return self.index[start], self.index[end - 1] + 1

    def view(self, pos: int) -> int:
        """The first view index at or after original index `pos` (for spans found outside)."""
        lo, hi = 0, len(self.index) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if self.index[mid] < pos:
                lo = mid + 1
            else:
                hi = mid
        return lo


@lru_cache(maxsize=8192)
def _split_word(word: str) -> tuple[str, ...] | None:
    """`word` as two or three listed words, at least one a reporting word, or None."""
    low = word.lower()
    if low in _AUX_PAIRS:
        cut = next(i for i in range(2, len(low)) if low[i:] in ("have", "been", "be", "being"))
        return word[:cut], word[cut:]
    if low in _WORDS or low in _REAL:
        return None
    for parts in _decompose(low, 3):
        if len(parts) > 1 and any(p in CONTENT for p in parts):
            out, at = [], 0
            for p in parts:
                out.append(word[at : at + len(p)])
                at += len(p)
            return tuple(out)
    return None


def _decompose(low: str, most: int) -> list[tuple[str, ...]]:
    if low in _WORDS:
        return [(low,)]
    if most == 1:
        return []
    found = []
    for i in range(len(low) - 2, 1, -1):  # longest first part first
        head = low[:i]
        if head in _WORDS:
            found += [(head, *rest) for rest in _decompose(low[i:], most - 1)]
    return found


def _case_split(word: str) -> list[str]:
    """'fledShirqat' -> fled|Shirqat, 'inIDPcamps' -> in|IDP|camps; others unchanged."""
    m = re.fullmatch(r"([a-z]{2,})([A-Z].*)", word)
    if m and m.group(1) in _WORDS:
        return [m.group(1), *_case_split(m.group(2))]
    m = re.fullmatch(r"([A-Z]{2,})([a-z]{3,})", word)
    if m and m.group(2) in _WORDS:
        return [m.group(1), m.group(2)]
    return [word]


def _pieces(token: str) -> list[str] | None:
    """The words `token` should be read as, or None to keep it as written. A '-' piece
    means the hyphen is dropped ("fami-lies")."""
    stop = _FULL_STOP.fullmatch(token)
    if stop:  # "shelters.Many": a full stop lost its space
        return [stop.group(1), stop.group(2)]
    if "-" in token and token[0].isalpha():
        left, right = token.split("-", 1)
        if (left + right).lower() in CONTENT and left.lower() not in _WORDS:
            return [left, "-", right]
        return None
    if token[0].isdigit():
        m = re.fullmatch(r"([\d,.]*\d)([A-Za-z]+)", token)
        return [m.group(1), m.group(2)] if m and m.group(2).lower() in _AFTER_DIGIT else None
    m = re.fullmatch(r"([A-Za-z]+)(\d.*)", token)
    if m:
        return [m.group(1), m.group(2)] if m.group(1).lower() in _BEFORE_DIGIT else None
    pieces = _case_split(token)
    out: list[str] = []
    for p in pieces:
        split = _split_word(p)
        out += list(split) if split else [p]
    return out if len(out) > 1 else None


@lru_cache(maxsize=16384)
def _token_pieces(token: str) -> tuple[str, ...] | None:
    """`_pieces`, remembered per token: it reads nothing but the token and the declared word
    lists, and a repaired sentence asks it of every word (most of them seen before)."""
    pieces = _pieces(token)
    return None if pieces is None else tuple(pieces)


def repair(text: str, candidate: Callable[[str], bool] = candidate) -> Repaired | None:
    """The view of `text` with glued words split, or None when nothing needed repair.
    `candidate`: `candidate` of this module or an engine giving the same answers."""
    if not _needs_repair(text, candidate):
        return None
    # Most candidate sentences split no token: one C-level pass over the tokens says so.
    if not any(map(_token_pieces, _GLUE_TOKEN.findall(text))):
        return None
    chunks: list[str] = []
    index: list[int] = []
    last = 0
    for m in _GLUE_TOKEN.finditer(text):
        pieces = _token_pieces(m.group(0))
        if pieces is None:
            continue
        chunks.append(text[last : m.start()])
        index.extend(range(last, m.start()))
        at = m.start()
        for k, piece in enumerate(pieces):
            if piece == "-":
                at += 1
                continue
            if k and pieces[k - 1] != "-":
                chunks.append(" ")
                index.append(at)
            chunks.append(piece)
            index.extend(range(at, at + len(piece)))
            at += len(piece)
        last = m.end()
    if not chunks:
        return None
    chunks.append(text[last:])
    index.extend(range(last, len(text) + 1))
    return Repaired(text="".join(chunks), index=tuple(index))
