"""Segmentation in one compiled call (issue 23; scan/segments.py, rust/src/segment.rs): the
compiled segmenter gives extract/segment.py's `segment` (the reference) exactly: the same
paragraphs, sentences, quotations and rows, offsets, texts and order. Checked on generated text
(hypothesis: odd punctuation, abbreviations and initials, quotes, newlines and blank lines,
tables and bullets, Unicode spaces, upper-case letters and digits, lone surrogates, sentences
too long to keep whole), on tests/corpus, the demo and every text of ../shared/data; and the
whole path's claims and tallies are byte-identical with either segmenter (the rest of the
pipeline the same) on the corpus, the demo, sampled ../shared/data texts and generated reports.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook.extract import segment as sg
from tollbook.extract.grammar import segment_patterns as sp
from tollbook.ingest.sources import document_from_text
from tollbook.pipeline import Pipeline, Settings
from tollbook.scan.marks import EngineUnavailable
from tollbook.scan.segments import TRANSCRIBED, CompiledSegments, SegmentGrammar, select_segmenter

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
CORPUS = ROOT / "tests" / "corpus"


def _grammar(**changed: object) -> SegmentGrammar:
    fields: dict[str, object] = dict(
        segment=sg.segment, rows=sg.rows, abbreviations=sp.ABBREVIATIONS, short_line=sg.SHORT_LINE,
        max_sentence=sg.MAX_SENTENCE, quote_pairs=sg.QUOTE_PAIRS,
        patterns=tuple((p.pattern, p.flags) for p in (sp.PARAGRAPH_RE, sp.BOUNDARY_RE, sp.LINE_END_CLOSES)),
    )  # fmt: skip
    fields.update(changed)
    return SegmentGrammar(**fields)  # type: ignore[arg-type]


needs_extension = needs_extension_class("Segmenter")


@lru_cache(maxsize=1)
def _compiled() -> CompiledSegments:
    return CompiledSegments(_grammar())


def _assert_same(text: str) -> None:
    want = sg.segment(text)
    got = _compiled()(text)
    if got != want:
        extra = sorted(set(got) - set(want), key=lambda s: s.start)[:3]
        missing = sorted(set(want) - set(got), key=lambda s: s.start)[:3]
        assert got == want, f"{text[:160]!r}: compiled only {extra}, reference only {missing}"


def test_the_grammar_is_the_one_transcribed() -> None:
    """The pipeline hands the compiled segmenter the patterns of segment_patterns.py; they are
    the ones rust/src/segment.rs transcribes (else "auto" falls back to the reference)."""
    assert _grammar().patterns == TRANSCRIBED


_PIECES = st.sampled_from([
    ".", "!", "?", "…", "...", "?!", ". ", ".  ", "! ", "? ", "Dr.", "dr.", "U.S.", "u.k.", "e.g.", "J.", " J. ",
    "No.", "no.", "Sept.", "etc.", "Mr. Smith", "x.y.", "a.b.c.d.e.f.g.h", "abbreviations.", "St.\n", "Dr\n", "\n. A",
    " ", "  ", "\n", "\n\n", "\n \n", "\n\t\n\n", "\r\n", "\t", "\u00a0", "\x1c", "\x1f", "\u2003", "\u3000",
    "\u2028", "\u0085", "\u200b", "\"", "“", "”", "‘", "’", "'", "«", "»", "(", ")", "[", "]", ",", ";", ":",
    "- ", "* ", "• ", "▪ ", "‣ ", "1. ", "12) ", "٣. ", "123. ", "\n- ", "\n1) ", "\n  • ",
    "Shusha: may 08, 1992, territory 289 km2;", "Label: value; Other: thing;", "A: b: c; d",
    "The", "They", "killed", "A", "B", "Z", "0", "7", "a", "z", "É", "é", "Ω", "ω", "ǅ", "Ⅻ", "\u212a",
    "ß", "İ", "\ud800", "Title line", "SHORT", "ends with a comma,", "x" * 60,
])  # fmt: skip


@st.composite
def texts(draw: st.DrawFn) -> str:
    return "".join(draw(st.lists(st.one_of(_PIECES, _PIECES, st.text(max_size=3)), max_size=40)))


@needs_extension
@settings(max_examples=1500, deadline=None)
@given(texts())
def test_generated_texts_segment_alike(text: str) -> None:
    _assert_same(text)


_WORDS = st.sampled_from(["word", "Word", "x" * 700, "\n", "\t", " ", ". ", "A", ","])


@needs_extension
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, min_size=1, max_size=900), st.integers(0, 3))
def test_sentences_too_long_are_cut_alike(words: list[str], joiner: int) -> None:
    """Text without a sentence break is cut before MAX_SENTENCE characters at the last space,
    newline or tab (segment.py `_bounded`); mid-word when a word is that long."""
    _assert_same([" ", "", "\n", "\t"][joiner].join(words))


EDGES = [
    "", " ", "\n\n", "a", "Dr. Smith met Mr. Jones. They left.", "He left. She stayed.",
    "It was 5 p.m. Then it rained.", "The U.S. Army said. Ten died.", "J. R. R. Tolkien wrote.",
    "Read it.\nThen go.", "Read it\n. Then go.", "Dr\n. Smith", "x" * 11 + "Dr. Smith", "x" * 12 + ". Smith",
    "A title\nThe body starts here and goes on.", "A title,\nThe body.", "a title\n\u00c9lan vital.",
    "a title\n ω", "a title\n\u212a", "a title\n\ud800", "Short\n\n\nNext paragraph.\n \n\t\nThird.",
    "He said “Ten died.” Then “Five more”. End.", "He said \"Ten died.\" Then.", "«Ten» died",
    "Items:\n- one\n- two\n1. three\n12) four", "Shusha: may 08, 1992, territory 289 km2; Agdam: 1993, 1,154 km2;",
    "Well… Then. Wait?! Yes!' No.) [Fine.] “OK.” ‘Sure.’ (Done.) 'Quote' Ok.",
    "He died.\u00a0Then.", "He died.\x1cThen.", "He died.\u3000Then.", "He died.\u200bThen.",
    "\x1c\x1dtext\x1e\x1f", "a.\n\nB", "end.\nB" * 30, ("x" * 999 + " ") * 5, "y" * 4500,
    ("z" * 1500 + "\n") * 3, ("w" * 1500 + "\t") * 3, "\ud800. \udfff. A",
]  # fmt: skip


@needs_extension
@pytest.mark.parametrize("text", EDGES)
def test_edge_cases_segment_alike(text: str) -> None:
    _assert_same(text)


@needs_extension
def test_the_corpus_and_demo_segment_alike() -> None:
    texts = (corpus_texts() + demo_texts())
    assert len(texts) > 500
    for text in texts:
        _assert_same(text)


@needs_extension
@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_every_shared_text_segments_alike(name: str) -> None:
    """Every text of the file: segmentation is cheap, so none is sampled."""
    path = SHARED / "data" / name
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared lives beside the checkout)")
    for text in shared_texts(path):
        _assert_same(text)


@lru_cache(maxsize=2)
def _pipeline(segmenter: str) -> Pipeline:
    """The whole path, the compiled engines everywhere, the segmenter given."""
    pipeline = Pipeline(Settings(scanner="compiled"))
    if segmenter == "reference":
        pipeline.__dict__["segmenter"] = sg.segment  # the cached property, set: only this differs
    return pipeline


def _outputs(segmenter: str, texts: list[str]) -> list[str]:
    pipeline = _pipeline(segmenter)
    return [
        repr((ex.claims, ex.tally)) for ex in (pipeline.run(document_from_text(t)) for t in texts)
    ]


def _assert_identical(texts: list[str], least_claims: int) -> None:
    assert isinstance(_pipeline("compiled").segmenter, CompiledSegments)
    reference, got = _outputs("reference", texts), _outputs("compiled", texts)
    assert sum(r.count("Claim(") for r in reference) >= least_claims
    diff = [(t[:120], a, b) for t, a, b in zip(texts, reference, got, strict=True) if a != b]
    assert not diff, f"{len(diff)} documents differ from the reference, first: {diff[0]}"


@needs_extension
def test_the_whole_path_is_byte_identical_on_the_corpus_and_demo() -> None:
    _assert_identical((corpus_texts() + demo_texts()), least_claims=300)


@needs_extension
@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_the_whole_path_is_byte_identical_on_shared_data(name: str) -> None:
    """Every 40th text (every one with TOLLBOOK_DIFF_ALL=1)."""
    _assert_identical(sampled_shared_texts(name, every=40), least_claims=1)


_REPORTS = st.sampled_from([
    "Seven people were killed in the raid, Dr. Smith said.", "At least 50 were wounded.\nThe U.S. embassy said",
    "“Ten died,” he said. “Five more were hurt.”", "Casualties\n\nKilled: 12; Wounded: 30; Missing: 4;",
    "- 3 killed\n- 5 injured", "Gen. Ali said 40 fighters died… Then 2 more.", "Exports grew by 5.5 percent.",
    "(Eleven were killed.) [Two were kidnapped.]", "The toll rose to 40\nREPORT\nNine were missing",
])  # fmt: skip


@needs_extension
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_REPORTS, min_size=1, max_size=6), st.sampled_from([" ", "\n", "\n\n"]))
def test_generated_reports_are_byte_identical(reports: list[str], joiner: str) -> None:
    _assert_identical([joiner.join(reports)], least_claims=0)


@needs_extension
def test_rows_are_read_by_the_reference_where_the_extension_says() -> None:
    """Rows come from segment.py's own `rows`, on the paragraphs the extension names: a table
    paragraph, a bulleted one, a numbered one; not a paragraph of prose."""
    text = "Prose here. More.\n\nKilled: 12; Wounded: 30; Missing: 4;\n\n- 3 killed\n\n2) five"
    got = _compiled()(text)
    assert got == sg.segment(text)
    assert [s.text for s in got if s.kind == "row"] == [
        "Killed: 12",
        "Wounded: 30",
        "Missing: 4",
        "3 killed",
        "five",
    ]


@needs_extension
def test_a_changed_pattern_is_refused() -> None:
    """A segment pattern edited in the grammar but not in rust/src/segment.rs: "compiled"
    refuses, saying what to do."""
    changed = _grammar(patterns=(("x", 32), *TRANSCRIBED[1:]))
    with pytest.raises(EngineUnavailable, match="TRANSCRIBED"):
        select_segmenter("compiled", changed)
    assert select_segmenter("python", changed) is sg.segment


@needs_extension
def test_a_wrong_short_line_differs() -> None:
    """The comparison can fail: the compiled segmenter given a title line one character
    shorter than the reference's splits this text elsewhere."""
    text = "A" + "b" * (sg.SHORT_LINE - 2) + "\nThe body goes on."
    assert _compiled()(text) == sg.segment(text)
    shorter = CompiledSegments(_grammar(short_line=sg.SHORT_LINE - 1))
    assert shorter(text) != sg.segment(text)


def test_auto_with_an_older_build_uses_the_reference_and_says_so(monkeypatch: pytest.MonkeyPatch,
                                                                   caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    """An extension built before the Segmenter: "auto" segments with the reference and says
    once how to rebuild; "compiled" refuses, saying the same."""
    assert_older_build_falls_back(monkeypatch, caplog, lambda c, n: select_segmenter(c, _grammar(), n), sg.segment)  # type: ignore[arg-type]


def test_the_python_choice_is_the_reference() -> None:
    assert Pipeline(Settings(scanner="python")).segmenter is sg.segment


@needs_extension
def test_code_points_are_read_as_python_reads_them() -> None:
    """Whitespace (trimming, `\\s` after a full stop) and `str.isupper` after a short line, for
    every code point below U+3100 (the spaces, the cased scripts) and every 97th above it
    (all 1,114,112 passed once: docs/marks.md)."""
    for c in [*range(0x3100), *range(0x3100, 0x110000, 97)]:
        ch = chr(c)
        for text in (ch + "A. B" + ch, "Title\n" + ch + "x", "He left." + ch + "The end"):
            _assert_same(text)
