"""Misspellings in the cue pre-filter (issue 23; scan/cues.py `Misspellings`, rust/src/lib.rs
`Spelling`): a sentence holding a misspelt cue word ("killled", "causalities") holds no trigger
stem, and is kept all the same. The Python engine asks extract/spelling.py's `respell` (the
reference); the compiled one reads the same table in the same call as the triggers, so that a
sentence with neither costs no Python work. Flags agree on generated text; claims and tallies
are byte-identical with the pre-filter off, with the Python engine and with the compiled one
(tests/test_cues.py runs the corpus, the seeds and every file of ../shared/data through the same
engines; this file adds generated reports with misspellings)."""

from __future__ import annotations

import itertools
import logging
import sys
import types
from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook.extract.grammar import spelling_patterns as sp
from tollbook.extract.grammar.triggers import FOLDS_TO_ASCII, trigger_stems
from tollbook.extract.segment import segment
from tollbook.extract.spelling import respell
from tollbook.model import Segment
from tollbook.pipeline import Pipeline, Settings
from tollbook.scan import cues, extension
from tollbook.scan.cues import CompiledCues, Misspellings, PythonCues, extension_available
from tollbook.scan.marks import EngineUnavailable

from .conftest import SHARED, SHARED_TEXT_FILES, shared_texts
from .test_cues import _outputs

LITERALS = [*trigger_stems(), *FOLDS_TO_ASCII]
MISSPELLINGS = Misspellings(sp.BY_FIRST, sp.CUE_WORDS, sp.REAL_NEIGHBOURS, sp.VARIANTS,
                            sp.KEPT_BEFORE, sp.MIN_LENGTH, lambda t: respell(t) is not None)  # fmt: skip


def _spelled_build() -> bool:
    """The extension is installed, and built from this checkout's rust/ (it reads misspellings)."""
    if not extension_available():
        return False
    import tollbook_scan

    return hasattr(tollbook_scan.Triggers, "spelled")


needs_extension = pytest.mark.skipif(
    not _spelled_build(),
    reason="the tollbook_scan extension of this checkout is not installed: `make rust` builds it (CI does)",
)


@lru_cache(maxsize=1)
def _compiled() -> CompiledCues:
    return CompiledCues(LITERALS, MISSPELLINGS)


def _segments(text: str, bounds: list[tuple[int, int]]) -> list[Segment]:
    return [Segment("sentence", a, b, text[a:b]) for a, b in bounds]


def test_the_pipeline_engine_keeps_a_misspelt_sentence() -> None:
    """None of these holds a trigger stem; the misspelt ones are kept, and "inured to" is the
    real word (grammar/spelling_patterns.py KEPT_BEFORE)."""
    text = "Fifty causalities reported. Nine wonuded. They were inured to it. Three were inured in it. Calm."
    sentences = [s for s in segment(text) if s.kind == "sentence"]
    assert PythonCues(LITERALS).cued(text, sentences) == [False] * 5
    for scanner in ("python", *(["compiled"] if _spelled_build() else [])):
        engine = Pipeline(Settings(scanner=scanner)).cues  # type: ignore[arg-type]
        assert engine is not None
        assert engine.cued(text, sentences) == [True, True, False, True, False], scanner


_PIECES = st.sampled_from([
    "killled", "Killled", "KILLLED", "kiled", "causalities", "Causality", "casualities", "inured",
    "Inured", "to", "To", "too", "\u00a0", "\x1c", "\u2003", "\t", " ", ".", ",", "wonuded",
    "injred", "asassinated", "killer", "insured", "murdred", "killed", "massacered", "beheded",
    "é", "\u212a", "\ud800", "12", "people", "executd", "slaugthered", "injuried",
])  # fmt: skip


@st.composite
def texts_and_bounds(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = "".join(draw(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=24)))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)))
    bounds = [*itertools.pairwise(cuts), (0, len(text))]
    bounds += draw(
        st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=2)
    )
    return text, bounds


@settings(max_examples=300, deadline=None)
@given(texts_and_bounds())
def test_python_engine_is_trigger_or_respell(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, bounds = case
    segments = _segments(text, bounds)
    triggers = PythonCues(LITERALS).cued(text, segments)
    expected = [
        f or respell(text[a:b]) is not None for f, (a, b) in zip(triggers, bounds, strict=True)
    ]
    assert PythonCues(LITERALS, MISSPELLINGS).cued(text, segments) == expected


@needs_extension
@settings(max_examples=800, deadline=None)
@given(texts_and_bounds())
def test_compiled_engine_reads_misspellings_as_python(
    case: tuple[str, list[tuple[int, int]]],
) -> None:
    text, bounds = case
    segments = _segments(text, bounds)
    assert _compiled().cued(text, segments) == PythonCues(LITERALS, MISSPELLINGS).cued(
        text, segments
    )


@needs_extension
def test_compiled_engine_on_the_edges_of_the_spelling_table() -> None:
    """Words kept before their next word, at the end, before Python-only whitespace (U+001C),
    the ending deciding between two cue words, a declared real word, a too-short token (with
    a trigger no text holds, so that the flags are the misspellings' alone)."""
    cases = ["inured to", "inured", "inured ", "inured\x1cto", "inured\u00a0to", "inured tolls",
             "inured,to", "injuried", "killer", "kiled", "Kiled", "causality", "sheeld"]  # fmt: skip
    for text in cases:
        segments = _segments(text, [(0, len(text))])
        want = [respell(text) is not None]
        assert PythonCues(["\x00"], MISSPELLINGS).cued(text, segments) == want, text
        assert CompiledCues(["\x00"], MISSPELLINGS).cued(text, segments) == want, text
    import tollbook_scan

    with pytest.raises(ValueError, match="lower-case ASCII"):
        tollbook_scan.Triggers(["kill"]).spelled(["Killed"], [], [], [], [], 6)


def test_auto_with_an_older_build_uses_python_and_says_so(monkeypatch: pytest.MonkeyPatch,
                                                          caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    """An extension built before misspellings were read: "auto" keeps the output right (Python)
    and says once how to rebuild; "compiled" refuses, saying the same."""

    class Older:
        def __init__(self, literals: list[str]) -> None:
            pass

    monkeypatch.setitem(sys.modules, "tollbook_scan", types.SimpleNamespace(Triggers=Older))
    notices = extension.Notices()  # a pipeline's: said once per pipeline
    with caplog.at_level(logging.WARNING, logger="tollbook.scan"):
        assert isinstance(cues.select_cues("auto", LITERALS, MISSPELLINGS, notices=notices), PythonCues)
        assert isinstance(cues.select_cues("auto", LITERALS, MISSPELLINGS, notices=notices), PythonCues)
    said = [r.getMessage() for r in caplog.records if r.name == "tollbook.scan"]
    assert len(said) == 1 and "make rust" in said[0] and "older" in said[0], said
    with pytest.raises(EngineUnavailable, match="make rust"):
        cues.select_cues("compiled", LITERALS, MISSPELLINGS, notices=extension.Notices())


_REPORTS = st.sampled_from([
    "Seven were killled in the raid", "At least 50 causalities were reported", "Two were kiled",
    "The guards, inured to gunfire, stayed", "Three were inured in the blast", "Nine wonuded",
    "Talks resumed in Geneva", "About 300 students attended", "A killer was arrested",
    "Four people were asassinated on Monday", "The toll rose to 40",
])  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_REPORTS, min_size=1, max_size=5))
def test_generated_misspelt_reports_are_byte_identical(sentences: list[str]) -> None:
    text = ". ".join(sentences) + "."
    reference = _outputs("off", [text])
    for name in ("python", *(["compiled"] if _spelled_build() else [])):
        assert _outputs(name, [text]) == reference, name


@needs_extension
@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_every_sentence_of_the_shared_data_is_flagged_alike(name: str) -> None:
    """Every text of the file (not sampled: flags cost no extraction), segmented as the pipeline
    segments it: the compiled engine's flags are the Python engine's."""
    path = SHARED / "data" / name
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared lives beside the checkout)")
    python = PythonCues(LITERALS, MISSPELLINGS)
    for text in shared_texts(path):
        sentences = [s for s in segment(text) if s.kind == "sentence"]
        assert _compiled().cued(text, sentences) == python.cued(text, sentences), text[:200]
