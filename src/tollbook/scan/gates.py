"""Gate marks: a text and ranges of it -> for each range, the declared word gates holding one
of their words there (issue 23, "rules over marks").

Every rule asks `literals.gate` before a search: does text[start:end] hold one of a gate G's
words? Asked alone, each answer folds the range (memoised) and searches G's
words: some 25 gates a cued sentence. Every gate is declared at import (`literals.declared()`,
filled by `gate_of`), so all their words are known before the first document, and one pass
per sentence can find them all at once. An engine computes, for each range, its marks: an
int with the bit (`Gate.bit`) of every gate one of whose words occurs in fold(text[s:e]).
extract/claims.py hands the marks of a document's cued sentences to the rules with the text
they read (`literals.marked`: a text carrying its ranges' marks), and each gate the rules ask
there is then a bit test. Ranges not marked (part of a sentence,
a text repaired by glue.repair) are answered by the search, as before.

Two engines give the same marks:
- `PythonGates` (the reference): each gate's own test over the folded range, the answer
  `literals.gate` gives unmarked;
- `CompiledGates`: the `tollbook_scan` extension (rust/src/gates.rs): the document folded
  once, one byte per code point, and one Aho-Corasick automaton of every gate word, read
  overlapping, so that words containing or overlapping others are all found.

`select_gates(choice, gates, folds)` follows `Settings.scanner`: "compiled" (EngineUnavailable
when the extension lacks `Gates`: `make rust`) and "auto" with the extension give
`CompiledGates`; "python", and "auto" without it, give None: the rules then search as they
always did, which is faster than marking in Python (the reference engine tests every gate of
every range, the rules only those they reach: docs/marks.md). `tests/test_scan_gates.py`
checks that the engines and both paths agree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from tollbook._exceptions import ConfigError
from tollbook.scan.extension import Notices, choose, extension_class
from tollbook.scan.marks import ScannerChoice

__all__ = ["MAX_GATES", "CompiledGates", "GateEngine", "GateLike", "PythonGates", "select_gates"]

#: The compiled engine's masks are 128-bit: gates declared beyond it read True when marked.
MAX_GATES = 128


class GateLike(Protocol):
    """A declared word gate (extract/grammar/literals.py `Gate`; scan/ reads it, never imports it)."""

    @property
    def words(self) -> tuple[str, ...]: ...
    @property
    def bit(self) -> int: ...
    def __call__(self, low: str) -> bool: ...


class GateEngine(Protocol):
    """Ranges -> their marks. Implementations must agree exactly."""

    name: str
    #: the engine covers the first `size` declared gates (literals.declared())
    size: int

    def masks(self, text: str, ranges: Sequence[tuple[int, int]]) -> list[int]:
        """One int per range: the bit of every covered gate holding a word in text[s:e]."""
        ...


class PythonGates:
    """The reference: each covered gate's own test over fold(text[s:e]) (`fold`: literals.fold)."""

    name = "python"

    def __init__(self, gates: Sequence[GateLike], fold: Callable[[str], str]) -> None:
        self._gates, self._fold = tuple(gates), fold
        self.size = len(self._gates)

    def masks(self, text: str, ranges: Sequence[tuple[int, int]]) -> list[int]:
        out = []
        for s, e in ranges:
            low = self._fold(text[s:e])
            out.append(sum(g.bit for g in self._gates if g(low)))
        return out


class CompiledGates:
    """The `tollbook_scan` extension's `Gates`: every covered gate word in one automaton
    (`folds`: literals.FOLDS, each non-ASCII letter case-blind patterns equate with an ASCII one)."""

    name = "compiled"

    def __init__(self, gates: Sequence[GateLike], folds: Sequence[tuple[str, str]]) -> None:
        gates_class = extension_class("Gates", "the word gates' marks")
        covered = tuple(gates)[:MAX_GATES]
        by_word: dict[str, int] = {}
        for g in covered:
            for w in g.words:
                by_word[w] = by_word.get(w, 0) | g.bit
        if not by_word:
            raise ConfigError("the gate marks need at least one declared gate")
        words = sorted(by_word)
        self._scanner = gates_class(words, [by_word[w] for w in words], list(folds))
        self.size = len(covered)

    def masks(self, text: str, ranges: Sequence[tuple[int, int]]) -> list[int]:
        masks: list[int] = self._scanner.masks(text, [s for s, _ in ranges], [e for _, e in ranges])
        return masks


def select_gates(choice: ScannerChoice, gates: Sequence[GateLike], folds: Sequence[tuple[str, str]],
                 notices: Notices | None = None) -> GateEngine | None:  # fmt: skip
    """The marks engine `choice` names over `gates` (literals.declared(), with literals.FOLDS;
    see the module docstring); None: the rules search for themselves (the pure-Python path).
    A fallback is said once per `notices` (scan/extension.py)."""
    def reference() -> GateEngine | None:
        return None

    return choose(choice, lambda: CompiledGates(gates, folds), reference, "the word gates", notices)
