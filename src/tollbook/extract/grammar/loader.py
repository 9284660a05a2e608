"""Declared grammar rows -> checked lookup tables: the one loader every word table goes through.

A row declares words (a comma-separated string or a sequence) with one meaning. A word may be
declared again with the same meaning (lists overlap: "border guard" under soldiers twice), but
a word declared with two different meanings is refused with `GrammarError`: the table it would
have built silently kept the last one. Tables are loaded once, at import of
`tollbook.extract.grammar.lexicon`, and compiled into patterns there.

Every table a rule looks a matched word up in is a `WordTable`: the rules look it up by the
`.lower()` of what a case-blind pattern matched, and `re` also reads "ſ", "ı", "K" (Kelvin) and
"İ" as ASCII letters, which `.lower()` keeps ("İ" it turns into "i" and a combining dot). Such a
key is looked up again folded, so a word the pattern matched is always in its table ("3 İNJURED",
"two dozen ſoldiers" raised KeyError and stopped the document; tests/test_word_tables.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from tollbook._exceptions import GrammarError
from tollbook.extract.grammar.literals import fold

__all__ = ["WordTable", "load_table", "load_words", "split_words"]

V = TypeVar("V")


class WordTable(dict[str, V]):
    """word (lower case) -> meaning; a key `re` matched case-blind but `.lower()` left apart from
    the declared word ("ſoldiers", "i̇njured" from "İnjured") is looked up folded. Only a miss
    pays: a hit is a plain dict lookup, and `.get` and `in` stay plain."""

    __slots__ = ()

    def __missing__(self, key: str) -> V:
        folded = fold(key.replace("i\u0307", "i"))  # "İ".lower() is "i" + U+0307
        if folded != key and dict.__contains__(self, folded):
            return dict.__getitem__(self, folded)
        raise KeyError(key)


def split_words(spec: str | Sequence[str]) -> tuple[str, ...]:
    """ "people, persons," -> ("people", "persons"): a row's words, stripped, empty ones dropped."""
    parts = spec.split(",") if isinstance(spec, str) else spec
    return tuple(w for w in (p.strip() for p in parts) if w)


def load_table(name: str, rows: Iterable[tuple[str | Sequence[str], V]]) -> WordTable[V]:
    """word -> meaning from declared rows `(words, meaning)`, in declaration order.

    Raises GrammarError when a word is declared with two different meanings, naming both rows.
    """
    table: WordTable[V] = WordTable()
    row_of: dict[str, int] = {}
    for i, (spec, meaning) in enumerate(rows):
        for word in split_words(spec):
            if word in table and table[word] != meaning:
                raise GrammarError(
                    f"grammar table {name}: {word!r} is declared as {table[word]!r} (row {row_of[word]}) "
                    f"and as {meaning!r} (row {i}); keep the word in one row only",
                    source=name,
                )
            table.setdefault(word, meaning)
            row_of.setdefault(word, i)
    return table


def load_words(name: str, *specs: str | Sequence[str]) -> frozenset[str]:
    """A set of words (no meanings: a repeat is harmless); an empty declaration is refused."""
    words = frozenset(w for spec in specs for w in split_words(spec))
    if not words:
        raise GrammarError(f"grammar word set {name} is empty; declare at least one word", source=name)
    return words
