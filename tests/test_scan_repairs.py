"""The glue check of every cued sentence in one compiled call (issue 23; scan/repairs.py,
rust/src/segment.rs `Glue`): whether glued words may need repair ("peoplewere evacuated",
"fledShirqat", "Around1.6 million", "shelters.Many") is answered as extract/glue.py's
`candidate` (the reference: grammar/glue_patterns.py LOWER_CANDIDATE and CASED_CANDIDATE)
answers it. Checked on generated text (hypothesis: the lists' words glued in every case form,
digits, Unicode digits and case folds), on every sentence of tests/corpus, the demo and
../shared/data; and the whole path's claims and tallies are byte-identical with either engine
(the rest of the pipeline the same)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tollbook.extract import glue
from tollbook.extract.grammar import glue_patterns as gp
from tollbook.extract.grammar.alternation import alternation
from tollbook.extract.segment import segment
from tollbook.ingest.sources import document_from_text
from tollbook.pipeline import Pipeline, Settings
from tollbook.scan.marks import EngineUnavailable
from tollbook.scan.repairs import CompiledGlue, GlueGrammar, select_glue

from .conftest import (
    SHARED,
    SHARED_TEXT_FILES,
    assert_older_build_falls_back,
    corpus_texts,
    demo_texts,
    needs_extension_class,
    sampled_shared_texts,
    shared_texts,
)

ROOT = Path(__file__).resolve().parents[1]


def _grammar(lower: str = gp.LOWER_CANDIDATE.pattern) -> GlueGrammar:
    return GlueGrammar(glue.candidate, gp.WORDS, gp.BEFORE_DIGIT, gp.AFTER_DIGIT, gp.AUX_PAIRS,
                       (lower, gp.CASED_CANDIDATE.pattern), alternation)  # fmt: skip


needs_extension = needs_extension_class("Glue")


@lru_cache(maxsize=1)
def _compiled() -> CompiledGlue:
    return CompiledGlue(_grammar())


def test_the_patterns_are_the_ones_transcribed() -> None:
    assert _grammar().patterns == _grammar().transcribed()


_WORDS = sorted(gp.WORDS | gp.BEFORE_DIGIT | gp.AFTER_DIGIT | gp.AUX_PAIRS | gp.REAL)
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS).map(str.upper),
    st.sampled_from(_WORDS).map(str.title),
    st.sampled_from(
        [
            " ",
            "1",
            "1.6",
            "140,000",
            "٣",
            "²",
            "½",
            ".",
            "-",
            "IDP",
            "UN",
            "Shirqat",
            "Many",
            "x",
            "xy",
            "abc.",
            "İ",
            "\u212a",
            "ſ",
            "é",
            "\n",
            "“",
            "_",
            "A",
            "z",
        ]
    ),  # fmt: skip
)


@needs_extension
@settings(max_examples=2000, deadline=None)
@given(st.lists(_PIECES, max_size=12), st.text(max_size=3))
def test_generated_texts_agree(pieces: list[str], noise: str) -> None:
    text = "".join(pieces) + noise
    assert _compiled()(text) == glue.candidate(text), text


EDGES = [
    "", "peoplewere evacuated", "668,000 peoplewere", "Around1.6 million", "least140,000", "inIDPcamps",
    "fledShirqat", "shelters.Many", "mayhave", "mayhaves", "xmayhave", "5million", "5millions", "tobe", "tobex",
    "wereto be", "werefrom1", "the\u0130were", "\u212amillion", "5\u212a", "were٣", "about٣", "٣million",
    "were²", "REFUGEEScamps", "IDPcamps", "IDPcampsx", "abc.De", "abc.DE", "ab.De", "THEwere", "xWERE",
    "displacementsWere", "beingbeing", "killed in Gaza", "ĿLwere",
]  # fmt: skip


@needs_extension
@pytest.mark.parametrize("text", EDGES)
def test_edge_cases_agree(text: str) -> None:
    assert _compiled()(text) == glue.candidate(text)


def _sentences(texts: list[str]) -> list[str]:
    return [t[s.start : s.end] for t in texts for s in segment(t) if s.kind == "sentence"]


@needs_extension
def test_every_sentence_of_the_corpus_and_demo_agrees() -> None:
    sentences = _sentences(corpus_texts() + demo_texts())
    assert sum(map(glue.candidate, sentences)) >= 20
    for sentence in sentences:
        assert _compiled()(sentence) == glue.candidate(sentence), sentence


@needs_extension
@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_every_shared_sentence_agrees(name: str) -> None:
    path = SHARED / "data" / name
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared lives beside the checkout)")
    for sentence in _sentences(list(shared_texts(path))):
        assert _compiled()(sentence) == glue.candidate(sentence), sentence


@lru_cache(maxsize=2)
def _pipeline(engine: str) -> Pipeline:
    pipeline = Pipeline(Settings(scanner="compiled"))
    if engine == "reference":
        pipeline.__dict__["glued"] = glue.candidate  # the cached property, set: only this differs
    return pipeline


def _assert_identical(texts: list[str], least_claims: int) -> None:
    assert isinstance(_pipeline("compiled").glued, CompiledGlue)
    out = {
        engine: [
            repr((ex.claims, ex.tally))
            for ex in map(_pipeline(engine).run, map(document_from_text, texts))
        ]
        for engine in ("reference", "compiled")
    }
    assert sum(r.count("Claim(") for r in out["reference"]) >= least_claims
    diff = [
        t[:120] for t, a, b in zip(texts, out["reference"], out["compiled"], strict=True) if a != b
    ]
    assert not diff, f"{len(diff)} documents differ from the reference, first: {diff[0]}"


@needs_extension
def test_the_whole_path_is_byte_identical_on_the_corpus_and_demo() -> None:
    _assert_identical((corpus_texts() + demo_texts()), least_claims=300)


@needs_extension
@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_the_whole_path_is_byte_identical_on_shared_data(name: str) -> None:
    _assert_identical(sampled_shared_texts(name, every=40), least_claims=1)


@needs_extension
def test_glued_reports_are_read_alike() -> None:
    """Reports whose figures only a repair reads: the same claims with either engine."""
    texts = ["Some 668,000 peoplewere evacuated from the coast.", "Around1.6 million weredisplaced by floods.",
             "Thousands fledShirqat after the attack.", "Over 2,000 were living inIDPcamps.Many left."]  # fmt: skip
    _assert_identical(texts, least_claims=2)


@needs_extension
def test_a_changed_pattern_is_refused() -> None:
    changed = _grammar(lower=gp.LOWER_CANDIDATE.pattern + "|x")
    with pytest.raises(EngineUnavailable, match="transcribes"):
        select_glue("compiled", changed)
    assert select_glue("python", changed) is glue.candidate


def test_auto_with_an_older_build_uses_the_reference_and_says_so(monkeypatch: pytest.MonkeyPatch,
                                                                   caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    assert_older_build_falls_back(monkeypatch, caplog, lambda c, n: select_glue(c, _grammar(), n), glue.candidate)  # type: ignore[arg-type]


def test_the_python_choice_is_the_reference() -> None:
    assert Pipeline(Settings(scanner="python")).glued is glue.candidate
