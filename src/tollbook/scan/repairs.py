"""The glue check of every cued sentence: sentence text -> whether glued words may need repair
("peoplewere evacuated", "fledShirqat"; extract/glue.py `candidate`), by the reference or by
the compiled scanner's `Glue` (rust/src/segment.rs), one call per sentence (issue 23).

The reference is two searches of declared patterns (grammar/glue_patterns.py LOWER_CANDIDATE
on the lower-cased text, CASED_CANDIDATE on the text) that try their word tries at every
character; the extension answers the same yes or no from the same word lists. A text whose
lower-cased form holds a non-ASCII digit-like character (re's `\\d` is any Unicode decimal
digit) is asked of the reference. `GlueGrammar.patterns` carries the patterns so that a
changed pattern makes "auto" fall back to the reference (said once) and "compiled" refuse.
tests/test_scan_repairs.py compares the engines.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tollbook.scan.extension import Notices, choose, extension_class
from tollbook.scan.marks import EngineUnavailable, ScannerChoice

__all__ = ["CompiledGlue", "GlueGrammar", "select_glue"]

#: text -> whether a repair may be needed there.
Candidate = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class GlueGrammar:
    """What extract/glue.py's `candidate` reads, handed in by the pipeline: the reference, the
    word lists (WORDS, BEFORE_DIGIT, AFTER_DIGIT, AUX_PAIRS), the (LOWER_CANDIDATE,
    CASED_CANDIDATE) patterns and the `alternation` that wrote the word lists into them."""

    reference: Candidate
    words: frozenset[str]
    before_digit: frozenset[str]
    after_digit: frozenset[str]
    aux: frozenset[str]
    patterns: tuple[str, str]
    alternation: Callable[[list[str]], str]

    def transcribed(self) -> tuple[str, str]:
        """The patterns rust/src/segment.rs `Glue` transcribes, written with these lists."""
        w, alt = self.alternation(sorted(self.words)), self.alternation
        lower = (
            rf"(?<![a-z])(?:{w})(?:(?:{w}){{1,2}}(?![a-z])|\d)"
            rf"|(?<![a-z])(?:{alt(sorted(self.before_digit))})\d"
            rf"|(?<![a-z]){alt(sorted(self.aux))}(?![a-z])"
            rf"|\d(?:{alt(sorted(self.after_digit))})(?![a-z])"
        )
        cased = rf"(?<![A-Za-z])(?:{w})[A-Z]|[A-Z]{{2}}(?:{w})(?![A-Za-z])|[a-z]{{3}}\.[A-Z][a-z]"
        return lower, cased


class CompiledGlue:
    """The `tollbook_scan` extension's `Glue`: the reference's answer, one call per sentence."""

    name = "compiled"

    def __init__(self, grammar: GlueGrammar) -> None:
        glue_class = extension_class("Glue", "the glue check")
        if grammar.patterns != grammar.transcribed():
            raise EngineUnavailable(
                "grammar/glue_patterns.py's LOWER_CANDIDATE or CASED_CANDIDATE differs from the "
                "pattern the compiled Glue transcribes (scan/repairs.py, rust/src/segment.rs): "
                "update both, or choose scanner='python'"
            )
        self._candidate = glue_class(sorted(grammar.words), sorted(grammar.before_digit),
                                      sorted(grammar.after_digit), sorted(grammar.aux)).candidate  # fmt: skip
        self._reference = grammar.reference

    def __call__(self, text: str) -> bool:
        found: bool | None = self._candidate(text, text.lower())
        return self._reference(text) if found is None else found


def select_glue(choice: ScannerChoice, grammar: GlueGrammar, notices: Notices | None = None) -> Candidate:
    """The engine `choice` names: "python" (the reference), "compiled" (EngineUnavailable when
    the extension lacks `Glue`) or "auto" (compiled when it can, else the reference, said once
    per `notices` when the extension is there but older)."""
    def compiled() -> Candidate:
        return CompiledGlue(grammar)

    return choose(choice, compiled, lambda: grammar.reference, "the glue check", notices)
