"""Misspelt casualty words: sentence text -> Repaired (glue.Repaired: a view with misspelt cue
words spelt right, and a map from every character of the view to the original text), or None.

Coders' notes are typed fast: "seven were killled", "killking many", "assasinated a leader",
"At least 50 causalities reported". The count rules read declared cue words, so they miss
such figures. A token is read as a cue word of grammar/spelling_patterns.py when it is one edit
away from it (a letter inserted, dropped, replaced, or two neighbours swapped; the first letter
kept; six letters at least) and is not itself a declared real word ("killer", "insured"), or when
it is a declared habitual misspelling ("causalities"). Every other token is left as written;
the extractor maps each span back through `Repaired.original`, as it does for glued words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tollbook.extract.glue import Repaired
from tollbook.extract.grammar.spelling_patterns import BY_FIRST as _BY_FIRST
from tollbook.extract.grammar.spelling_patterns import (
    CUE_WORDS,
    KEPT_BEFORE,
    MIN_LENGTH,
    REAL_NEIGHBOURS,
    VARIANTS,
    WORD,
)

__all__ = ["compose", "respell"]


def _one_edit(a: str, b: str) -> bool:
    """True when `a` != `b` and one insertion, deletion, substitution or swap of two
    neighbouring letters turns one into the other."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


@lru_cache(maxsize=8192)
def correction(word: str) -> str | None:
    """The cue word `word` (lower case) misspells, or None."""
    if word in VARIANTS:
        return VARIANTS[word]
    if len(word) < MIN_LENGTH or word in CUE_WORDS or word in REAL_NEIGHBOURS:
        return None
    found = [w for w in _BY_FIRST.get(word[0], ()) if _one_edit(word, w)]
    if len(found) > 1:  # "injuried": injured, not injuries (the ending decides)
        found = [w for w in found if w[-2:] == word[-2:]]
    return found[0] if len(found) == 1 else None  # still two candidates: no reading


def _candidates(word: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern finding exactly the tokens of `word` that `respell` looks up (at least
    MIN_LENGTH - 1 letters, the first one a cue word's first letter in either case), when
    `word` is one character class repeated ("[A-Za-z]+"); None for another shape (`respell`
    then reads every token)."""
    shape = re.fullmatch(r"(\[[^\]\\]+\])\+", word.pattern)
    if shape is None or word.flags & re.IGNORECASE:
        return None
    cls = shape.group(1)
    firsts = "".join(sorted({c for f in _BY_FIRST for c in (f, f.upper()) if re.fullmatch(cls, c)}))
    # the first letter first, then the look back: `re` then skips to the letters in C
    return re.compile(rf"[{firsts}](?<!{cls}.){cls}{{{MIN_LENGTH - 2},}}")


#: The tokens `respell` may correct (None: every token is read).
_CANDIDATE = _candidates(WORD)


@lru_cache(maxsize=8192)
def _corrects(token: str) -> bool:
    """Whether `respell`'s loop would look past `token`'s `correction` (the kept-before test
    aside): a token, as written, of a misspelt cue word."""
    return correction(token.lower()) is not None


def respell(text: str) -> Repaired | None:
    """The view of `text` with misspelt cue words spelt right, or None when none is."""
    # Most sentences hold no misspelling: the candidate tokens (few), each answered once per
    # spelling, say so without a Python step per word.
    if _CANDIDATE is not None and not any(map(_corrects, _CANDIDATE.findall(text))):
        return None
    return respell_words(text)


def respell_words(text: str) -> Repaired | None:
    """`respell` reading every token (the reference of its candidate search)."""
    chunks: list[str] = []
    index: list[int] = []
    last = 0
    for m in WORD.finditer(text):
        token = m.group(0)
        if len(token) < MIN_LENGTH - 1 or token[0].lower() not in _BY_FIRST:
            continue
        right = correction(token.lower())
        if right is None:
            continue
        kept_before = KEPT_BEFORE.get(token.lower())
        if kept_before is not None and text[m.end() :].split(None, 1)[:1] == [kept_before]:
            continue  # "inured to gunfire": the real word
        if token[0].isupper():
            right = right[0].upper() + right[1:]
        chunks.append(text[last : m.start()])
        index.extend(range(last, m.start()))
        # the corrected word's letters point into the written word; its last letter at the last one
        n = len(token)
        index.extend(m.start() + min(k, n - 2) for k in range(len(right) - 1))
        index.append(m.end() - 1)
        chunks.append(right)
        last = m.end()
    if not chunks:
        return None
    chunks.append(text[last:])
    index.extend(range(last, len(text) + 1))
    return Repaired(text="".join(chunks), index=tuple(index))


def compose(outer: Repaired, inner: Repaired) -> Repaired:
    """The view `inner` of `outer`'s text, mapped to `outer`'s original."""
    return Repaired(text=inner.text, index=tuple(outer.index[i] for i in inner.index))
