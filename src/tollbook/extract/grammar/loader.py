"""Declared grammar rows -> checked lookup tables: the one loader every word table goes through.

A row declares words (a comma-separated string or a sequence) with one meaning. A word may be
declared again with the same meaning (lists overlap: "border guard" under soldiers twice), but
a word declared with two different meanings is refused with `GrammarError`: the table it would
have built silently kept the last one. Tables are loaded once, at import of
`tollbook.extract.grammar.lexicon`, and compiled into patterns there.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from tollbook._exceptions import GrammarError

__all__ = ["load_table", "load_words", "split_words"]

V = TypeVar("V")


def split_words(spec: str | Sequence[str]) -> tuple[str, ...]:
    """ "people, persons," -> ("people", "persons"): a row's words, stripped, empty ones dropped."""
    parts = spec.split(",") if isinstance(spec, str) else spec
    return tuple(w for w in (p.strip() for p in parts) if w)


def load_table(name: str, rows: Iterable[tuple[str | Sequence[str], V]]) -> dict[str, V]:
    """word -> meaning from declared rows `(words, meaning)`, in declaration order.

    Raises GrammarError when a word is declared with two different meanings, naming both rows.
    """
    table: dict[str, V] = {}
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
