# Types of the compiled scanner (rust/src/lib.rs); maturin ships this stub and py.typed.

from collections.abc import Callable, Container

class Triggers:
    """Sentences that hold a trigger literal (ASCII case-insensitive substrings)."""

    def __init__(self, literals: list[str]) -> None: ...
    def spelled(
        self,
        by_first: list[str],
        cue_words: list[str],
        real: list[str],
        variants: list[str],
        kept_before: list[tuple[str, str]],
        min_length: int,
    ) -> None:
        """Flag sentences holding a misspelt cue word too (extract/spelling.py's reading)."""
    def cued(self, text: str, starts: list[int], ends: list[int]) -> list[bool]:
        """One flag per sentence text[starts[i]:ends[i]] (code-point offsets)."""
    @property
    def size(self) -> int: ...

# ---- places.rs (helper `places`): the place stage's word pass, scan/words_compiled.py

class PlaceWords:
    """A text's words as columns and the longest gazetteer name at each capitalised word,
    exactly as scan/marks.py `words` (with geo/names.py `fold_token`) and `PythonNames`."""

    def __init__(
        self,
        classify: Callable[[str], tuple[list[bool], list[bool], list[str]]],
        apostrophes: str,
        digraphs: list[tuple[str, str]],
        names: Container[str],
        firsts: Container[str],
        max_words: int,
    ) -> None: ...
    def scan(
        self, text: str
    ) -> tuple[
        list[str], list[int], list[int], list[str], list[bool], list[bool], list[int], list[int]
    ]:
        """(texts, starts, ends, keys, caps, joins, first words of names, their lengths)."""
    def longest(
        self, keys: list[str], caps: list[bool], joins: list[bool]
    ) -> tuple[list[int], list[int]]:
        """`PythonNames.longest` over given columns."""
    def fold(self, word: str) -> str:
        """`fold_token(word)`, as `scan` folds a word."""
    @property
    def max_words(self) -> int: ...
# --- segmentation in one call (helper "segment", rust/src/segment.rs) ---
from collections.abc import Callable

class Segmenter:
    """extract/segment.py's paragraphs, sentences and quotations of a document in one call."""

    def __init__(
        self,
        abbreviations: list[str],
        short_line: int,
        max_sentence: int,
        quote_pairs: list[tuple[str, str]],
        isupper: Callable[[str], bool],
    ) -> None: ...
    def spans(self, text: str) -> tuple[list[int], list[int], list[int], list[tuple[int, int]]]:
        """(kinds 0/1/2 = paragraph/sentence/quote, starts, ends) in segment.py's order, and
        the (start, end) of the paragraphs that may hold list rows."""

class Glue:
    """extract/glue.py's `candidate`: whether glued words may need repair in a sentence."""

    def __init__(self, words: list[str], before_digit: list[str], after_digit: list[str], aux: list[str]) -> None: ...
    def candidate(self, text: str, lowered: str) -> bool | None:
        """LOWER_CANDIDATE on `lowered` (text.lower()) or CASED_CANDIDATE on `text`; None when
        `lowered` holds a non-ASCII digit-like character (ask the reference)."""

# ---- gates (rust/src/gates.rs): word gates over marks (issue 23, "rules over marks")

class Gates:
    """Every declared gate word (lower-case ASCII) in one automaton; masks of gates per range."""

    def __init__(self, words: list[str], masks: list[int], folds: list[tuple[str, str]]) -> None: ...
    def masks(self, text: str, starts: list[int], ends: list[int]) -> list[int]:
        """One mask per range text[starts[i]:ends[i]] (code points): the gates holding a word."""
    @property
    def size(self) -> int: ...
