"""text -> (Words, names by first word) in one compiled call: the place stage's word pass
(scan/marks.py `words` and `PythonNames.longest`, which stay the reference) done by the
`tollbook_scan` extension (rust/src/places.rs `PlaceWords`, issue 23).

The extension holds no Unicode table of its own. What a letter of a word is (Python's
`[^\\W\\d_]`), what is upper case (`str.isupper`) and how a character folds (`str.casefold`,
then geo/names.py's `FOLD`) are Python's answers (`classify`), asked once per process for each
character a text holds; the digraphs of `fold_token` and the apostrophes of marks.py are
handed over as data. tests/test_scan_places_rust.py compares the two passes on every code
point, generated mixed-script text, tests/corpus and ../shared/data.

`select_scanner(choice, ...)` follows `Settings.scanner`: "python" (the reference), "compiled"
(this engine; EngineUnavailable without an extension that has it: `make rust`) or "auto"
(this engine when the extension has it, else the Python engine; an extension built before
it is said once, with `make rust` as the fix).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from tollbook.geo.names import _DIGRAPHS, FOLD, FOLD_VERSION, fold_token
from tollbook.scan.extension import Notices, choose, extension_class
from tollbook.scan.marks import (
    _APOSTROPHES,
    EngineUnavailable,
    Scanner,
    ScannerChoice,
    Words,
    select_engine,
)

__all__ = ["CompiledPlaces", "CompiledScanner", "classify", "places_available", "select_scanner"]

#: The `fold_token` this engine reproduces (geo/names.py FOLD_VERSION): casefold, FOLD,
#: digraphs in order, doubled letters collapsed. Another version is refused, not guessed at.
READS_FOLD_VERSION = "1"
_LETTER = re.compile(r"[^\W\d_]")


def classify(chars: str) -> tuple[list[bool], list[bool], list[str]]:
    """Python's answer for each character: a letter of a word (`[^\\W\\d_]`), `isupper`, and
    its fold before the digraphs (`casefold().translate(FOLD)`)."""
    return (
        [_LETTER.match(c) is not None for c in chars],
        [c.isupper() for c in chars],
        [c.casefold().translate(FOLD) for c in chars],
    )


def places_available() -> bool:
    """Whether the installed extension has the place stage's word pass."""
    try:
        import tollbook_scan
    except ImportError:
        return False
    return hasattr(tollbook_scan, "PlaceWords")


class CompiledPlaces:
    """A `NameEngine` (`longest` over given words) that also reads a text's words itself
    (`names`): one call per document."""

    name = "compiled"

    def __init__(self, keys: Collection[str], firsts: Collection[str], max_words: int) -> None:
        if FOLD_VERSION != READS_FOLD_VERSION:
            raise EngineUnavailable(
                f"the compiled word pass reproduces name folding version {READS_FOLD_VERSION}, "
                f"and geo/names.py is at {FOLD_VERSION}: update scan/words_compiled.py and "
                "rust/src/places.rs, or choose scanner='python'"
            )
        place_words = extension_class("PlaceWords", "the place stage's word pass")
        # The gazetteer's own containers: looked up in place, nothing copied or built.
        self._pass = place_words(classify, _APOSTROPHES, list(_DIGRAPHS), keys, firsts, max_words)

    def names(self, text: str) -> tuple[Words, dict[int, int]]:
        """The words of `text` (as marks.py `words` with `fold_token`) and the longest names."""
        texts, starts, ends, keys, caps, joins, at, lengths = self._pass.scan(text)
        return Words(texts, starts, ends, keys, caps, joins), dict(zip(at, lengths, strict=True))

    def longest(self, words: Words) -> dict[int, int]:
        at, lengths = self._pass.longest(words.keys, words.caps, words.joins)
        return dict(zip(at, lengths, strict=True))

    def fold(self, word: str) -> str:
        """`fold_token(word)` as the compiled pass folds it (for tests)."""
        folded: str = self._pass.fold(word)
        return folded


class CompiledScanner(Scanner):
    """A `Scanner` whose words and names come from one compiled call."""

    def __init__(self, engine: CompiledPlaces) -> None:
        super().__init__(fold_token, engine)
        self._places = engine

    def names(self, text: str) -> tuple[Words, dict[int, int]]:
        return self._places.names(text)


def select_scanner(choice: ScannerChoice, keys: Collection[str], firsts: Collection[str],
                   max_words: int, notices: Notices | None = None) -> Scanner:  # fmt: skip
    """The place stage's scanner for `choice` (see the module docstring); a fallback said once
    per `notices` (None: each call; geo/places.py builds it once per gazetteer and choice)."""
    # "python" and "auto" without a current extension: the names engine select_engine picks
    return choose(choice, lambda: CompiledScanner(CompiledPlaces(keys, firsts, max_words)),
                  lambda: Scanner(fold_token, select_engine(choice, keys, firsts, max_words)),
                  "the place stage's word pass", notices)  # fmt: skip
