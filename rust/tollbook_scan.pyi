# Types of the compiled scanner (rust/src/lib.rs); maturin ships this stub and py.typed.

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

# ---- gates (rust/src/gates.rs): word gates over marks (issue 23, "rules over marks")

class Gates:
    """Every declared gate word (lower-case ASCII) in one automaton; masks of gates per range."""

    def __init__(self, words: list[str], masks: list[int], folds: list[tuple[str, str]]) -> None: ...
    def masks(self, text: str, starts: list[int], ends: list[int]) -> list[int]:
        """One mask per range text[starts[i]:ends[i]] (code points): the gates holding a word."""
    @property
    def size(self) -> int: ...
