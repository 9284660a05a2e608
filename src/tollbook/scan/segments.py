"""Segmentation engines: a document's text -> its Segments (paragraphs, sentences, quotations,
list rows), exactly as extract/segment.py's `segment` gives them (issue 23).

Every document pays for its segmentation before any rule runs; in an archive, where most
documents hold no casualty figure, it is half of what such a document costs. Two engines give
the same segments:
- the reference, extract/segment.py's `segment` (handed in by the pipeline: scan/ sits below
  extract/), "python";
- `CompiledSegments`: the `tollbook_scan` extension's `Segmenter` (rust/src/segment.rs), one
  call per document for the paragraphs, sentences and quotations, in their final order, and the
  paragraphs that may hold list rows, which the reference's `rows` then reads (rows are rare
  and their pattern is the hardest to transcribe).

The extension transcribes the grammar's patterns; `SegmentGrammar.patterns` carries their
sources so that a changed pattern makes "auto" fall back to the reference (said once) and
"compiled" refuse, instead of segmenting by the old one. tests/test_scan_segment.py compares
the engines.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tollbook.model import Segment
from tollbook.scan.extension import Notices, choose, extension_class
from tollbook.scan.marks import EngineUnavailable, ScannerChoice

__all__ = ["CompiledSegments", "SegmentGrammar", "Segments", "select_segmenter"]

#: text -> every segment of it, ordered by start, then kind, then the longer first.
Segments = Callable[[str], tuple[Segment, ...]]

#: The patterns of extract/grammar/segment_patterns.py that rust/src/segment.rs transcribes
#: (PARAGRAPH_RE, BOUNDARY_RE, LINE_END_CLOSES), as (pattern, flags) of their compiled form.
TRANSCRIBED: tuple[tuple[str, int], ...] = (
    (r"\n[ \t]*\n+", 32),
    (r"([.!?…]+)([\"”’')\]]*)(\s+)(?=[\"“‘'(\[]?[A-Z0-9])", 32),
    (r"[.!?…:;\"”’)\]]\s*$", 32),
)
_KINDS = ("paragraph", "sentence", "quote")
_ORDER = {"paragraph": 0, "sentence": 1, "quote": 2, "row": 3}


@dataclass(frozen=True, slots=True)
class SegmentGrammar:
    """What extract/segment.py segments by, handed in by the pipeline: its reference `segment`,
    its `rows` reader, the abbreviations, the short-line and longest-sentence limits, the
    quotation marks, and the (pattern, flags) of its transcribed patterns."""

    segment: Segments
    rows: Callable[[str, int, int], list[Segment]]
    abbreviations: frozenset[str]
    short_line: int
    max_sentence: int
    quote_pairs: tuple[tuple[str, str], ...]
    patterns: tuple[tuple[str, int], ...]


class CompiledSegments:
    """The `tollbook_scan` extension's `Segmenter`: the reference's segments, one call per
    document (rows: the reference's own reader, on the paragraphs the extension names)."""

    name = "compiled"

    def __init__(self, grammar: SegmentGrammar) -> None:
        segmenter_class = extension_class("Segmenter", "segmentation")
        if grammar.patterns != TRANSCRIBED:
            raise EngineUnavailable(
                "extract/grammar/segment_patterns.py's patterns differ from those the compiled "
                "segmenter transcribes (scan/segments.py TRANSCRIBED, rust/src/segment.rs): "
                "update both, or choose scanner='python'"
            )
        self._spans = segmenter_class(sorted(grammar.abbreviations), grammar.short_line, grammar.max_sentence,
                                       list(grammar.quote_pairs), str.isupper).spans  # fmt: skip
        self._rows = grammar.rows

    def __call__(self, text: str) -> tuple[Segment, ...]:
        kinds, starts, ends, rows = self._spans(text)
        out = [
            Segment(_KINDS[k], s, e, text[s:e]) for k, s, e in zip(kinds, starts, ends, strict=True)
        ]
        if rows:
            for start, end in rows:
                out.extend(self._rows(text, start, end))
            out.sort(key=lambda s: (s.start, _ORDER[s.kind], -s.end))
        return tuple(out)


def select_segmenter(choice: ScannerChoice, grammar: SegmentGrammar, notices: Notices | None = None) -> Segments:
    """The engine `choice` names: "python" (the reference), "compiled" (EngineUnavailable when
    the extension lacks the Segmenter) or "auto" (compiled when it can, else the reference,
    said once per `notices`)."""
    def compiled() -> Segments:
        return CompiledSegments(grammar)

    return choose(choice, compiled, lambda: grammar.segment, "segmentation", notices)
