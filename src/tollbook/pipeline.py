"""The pipeline: Document -> Extraction (segments, claims, tally), a pure function of the
document and the settings, so the same code runs in-process, in a pool or on a cluster.

The extraction stages (word lists, rules) are imported on the first `run` and the gazetteer
is read on first use, once per process: importing this module for `Settings` stays cheap.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from tollbook.model import Document, Extraction
from tollbook.version import EXTRACTOR_VERSION

if TYPE_CHECKING:
    from collections.abc import Callable

    from tollbook.extract.claims import Readers
    from tollbook.extract.grammar.compiled import PatternCache
    from tollbook.geo.places import Gazetteer
    from tollbook.scan.cues import CueEngine
    from tollbook.scan.extension import Notices
    from tollbook.scan.gates import GateEngine
    from tollbook.scan.marks import ScannerChoice
    from tollbook.scan.segments import Segments
    from tollbook.scan.speech import SpeechEngine


@dataclass(frozen=True, slots=True)
class Settings:
    """What a run may vary. Passed explicitly; nothing is read from globals."""

    gazetteer: bool = True
    gazetteer_path: Path | None = None
    version: str = EXTRACTOR_VERSION
    #: How the place finder finds gazetteer names (scan/marks.py): "python", "compiled"
    #: (needs the `fast` extra) or "auto" (the engine measured faster). Same output either way.
    #: It also picks the cue scanner of the pre-filter (scan/cues.py), the word gates' marks
    #: (scan/gates.py) and the segmenter (scan/segments.py): "compiled" needs the
    #: tollbook_scan extension (`make rust`), "auto" takes it when installed; the
    #: pure-Python ones are the reference.
    scanner: ScannerChoice = "auto"
    #: Skip the count rules on sentences holding no trigger word (issue 23). Same output; off
    #: only to check that (tests/test_cues.py).
    prefilter: bool = True
    #: Skip a reading of issue 20 where the sentence lacks its anchor words (issue 23,
    #: grammar/reading_patterns.READING_ANCHORS). Same output; off only to check that
    #: (tests/test_reading_anchors.py).
    reading_anchors: bool = True
    #: Find the attribution words once per document and search a sentence only with the
    #: patterns whose words it holds (issue 23, scan/speech.py). Same output; off only to check
    #: that (tests/test_scan_attribution.py).
    attribution_marks: bool = True
    #: Read the declared patterns' compiled form from a cache file, and write it when missing
    #: or stale (extract/grammar/compiled.py): start-up, same patterns. Off: compile them.
    pattern_cache: bool = True
    #: Where the start-up caches (compiled patterns, the gazetteer index) are read and written;
    #: None: $TOLLBOOK_CACHE_DIR, else $XDG_CACHE_HOME/tollbook, else ~/.cache/tollbook.
    cache_dir: Path | None = None


class Pipeline:
    """Runs every stage on a document. The gazetteer loads on first use, once."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()

    @cached_property
    def notices(self) -> Notices:
        """What this pipeline has said about its engines (scan/extension.py): each stage's
        fallback to its pure-Python reference said once per pipeline, not per process."""
        from tollbook.scan.extension import Notices

        return Notices()

    @cached_property
    def gazetteer(self) -> Gazetteer | None:
        if not self.settings.gazetteer:
            return None
        from tollbook.geo.places import Gazetteer

        gazetteer = Gazetteer.load(self.settings.gazetteer_path, self.settings.cache_dir)
        return gazetteer.with_scanner(self.settings.scanner)

    @cached_property
    def patterns(self) -> PatternCache:
        """Imports the extraction stages, once, with their declared patterns served by the
        pattern cache (extract/grammar/compiled.py); it tells what it served and read."""
        from tollbook.extract.grammar.compiled import PatternCache

        cache = PatternCache(self.settings.cache_dir, enabled=self.settings.pattern_cache)
        with cache.serving():
            import tollbook.extract.claims
            import tollbook.extract.grammar.triggers  # read by the pre-filter (cues)
            import tollbook.extract.segment
            import tollbook.tally.rules  # noqa: F401
        return cache

    @cached_property
    def speech(self) -> SpeechEngine | None:
        """The attribution words' engine (scan/speech.py), picked by `scanner` (None: off)."""
        if not self.settings.attribution_marks:
            return None
        from tollbook.extract.attribution import speech_words
        from tollbook.scan.speech import select_speech

        return select_speech(self.settings.scanner, speech_words(), self.notices)

    @cached_property
    def cues(self) -> CueEngine | None:
        """The pre-filter's engine, built once from the declared triggers (None: no pre-filter)."""
        if not self.settings.prefilter:
            return None
        self.patterns  # noqa: B018 - the grammar's patterns load through the pattern cache
        from tollbook.extract.grammar import spelling_patterns as sp
        from tollbook.extract.grammar.triggers import (
            COUNT_NOUNS,
            FOLDS_TO_ASCII,
            companion_stems,
            trigger_stems,
        )
        from tollbook.extract.spelling import respell
        from tollbook.scan.cues import Misspellings, select_cues

        # A misspelt cue word ("killled") holds no trigger stem: the engine keeps its sentence too.
        misspellings = Misspellings(sp.BY_FIRST, sp.CUE_WORDS, sp.REAL_NEIGHBOURS, sp.VARIANTS,
                                    sp.KEPT_BEFORE, sp.MIN_LENGTH, lambda t: respell(t) is not None)  # fmt: skip
        # "grew", "revised": only beside a count noun ("the total grew to 58"; grammar/triggers.py).
        return select_cues(self.settings.scanner, [*trigger_stems(), *FOLDS_TO_ASCII], misspellings,
                           (companion_stems(), COUNT_NOUNS), self.notices)  # fmt: skip

    @cached_property
    def segmenter(self) -> Segments:
        """text -> its segments: extract/segment.py's `segment` or the compiled scanner's, by
        `Settings.scanner` (scan/segments.py; same segments)."""
        self.patterns  # noqa: B018 - the grammar's patterns load through the pattern cache
        from tollbook.extract import segment as sg
        from tollbook.extract.grammar import segment_patterns as sp
        from tollbook.scan.segments import SegmentGrammar, select_segmenter

        transcribed = tuple(
            (p.pattern, p.flags) for p in (sp.PARAGRAPH_RE, sp.BOUNDARY_RE, sp.LINE_END_CLOSES)
        )
        return select_segmenter(self.settings.scanner, SegmentGrammar(
            sg.segment, sg.rows, sp.ABBREVIATIONS, sg.SHORT_LINE, sg.MAX_SENTENCE, sg.QUOTE_PAIRS, transcribed), self.notices)  # fmt: skip

    @cached_property
    def glued(self) -> Callable[[str], bool]:
        """Whether a cued sentence may hold glued words: extract/glue.py's `candidate` or the
        compiled scanner's, by `Settings.scanner` (scan/repairs.py; same answers)."""
        self.patterns  # noqa: B018 - the grammar's patterns load through the pattern cache
        from tollbook.extract import glue
        from tollbook.extract.grammar import glue_patterns as gp
        from tollbook.extract.grammar.alternation import alternation
        from tollbook.scan.repairs import GlueGrammar, select_glue

        patterns = (gp.LOWER_CANDIDATE.pattern, gp.CASED_CANDIDATE.pattern)
        return select_glue(self.settings.scanner, GlueGrammar(
            glue.candidate, gp.WORDS, gp.BEFORE_DIGIT, gp.AFTER_DIGIT, gp.AUX_PAIRS, patterns, alternation), self.notices)  # fmt: skip

    @cached_property
    def gates(self) -> GateEngine | None:
        """The word gates' marks engine (scan/gates.py), over every gate the grammar declares
        (None: the rules search for themselves, the pure-Python path)."""
        self.patterns  # noqa: B018 - every grammar module is imported: every gate is declared
        from tollbook.extract.grammar import literals
        from tollbook.scan.gates import select_gates

        return select_gates(self.settings.scanner, literals.declared(), literals.FOLDS, self.notices)

    @cached_property
    def readers(self) -> Readers:
        """The engines the rules read a document with (extract/claims.Readers), by Settings."""
        self.patterns  # noqa: B018 - imports the stages once, through the pattern cache
        from tollbook.extract.claims import Readers

        cues = self.cues
        return Readers(cued=cues.cued if cues is not None else None, anchored=self.settings.reading_anchors,
                       glued=self.glued, gates=self.gates, speech=self.speech)  # fmt: skip

    def run(self, document: Document) -> Extraction:
        self.patterns  # noqa: B018 - imports the stages once, through the pattern cache
        from tollbook.extract.claims import (
            extract_claims,  # after the first call: a dictionary lookup
        )
        from tollbook.tally.rules import tally

        segments = self.segmenter(document.text)
        claims = extract_claims(document, segments, self.gazetteer, self.settings.version, self.readers)
        return Extraction(
            document=document,
            segments=segments,
            claims=claims,
            tally=tally(document.doc_id, claims),
            extractor_version=self.settings.version,
        )


def run(document: Document, settings: Settings | None = None) -> Extraction:
    """One document through every stage (loads the gazetteer each call: prefer Pipeline)."""
    return Pipeline(settings).run(document)
