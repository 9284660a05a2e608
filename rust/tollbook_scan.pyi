# Types of the compiled scanner (rust/src/lib.rs); maturin ships this stub and py.typed.

class Triggers:
    """Sentences that hold a trigger literal (ASCII case-insensitive substrings)."""

    def __init__(self, literals: list[str]) -> None: ...
    def cued(self, text: str, starts: list[int], ends: list[int]) -> list[bool]:
        """One flag per sentence text[starts[i]:ends[i]] (code-point offsets)."""
    @property
    def size(self) -> int: ...
