"""scan/marks.py: the columnar words are the place finder's tokens; the Python and compiled
name engines give the same marks; the pipeline's claims and tallies are the same with either
scanner; "auto" without the compiled engine uses Python and says so once.

The compiled engine's tests skip, saying why, where ahocorasick-rs is not installed (the core
install); the dev install (CI) has it."""

from __future__ import annotations

import itertools
import logging
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook._exceptions import ConfigError
from tollbook.geo import places
from tollbook.geo.places import Gazetteer, _fold_token, _tokens
from tollbook.ingest.sources import document_from_text, read_path
from tollbook.pipeline import Pipeline, Settings
from tollbook.scan import marks as scan
from tollbook.scan.cues import extension_available
from tollbook.scan.marks import Mark, PythonNames, Scanner

from .conftest import corpus_texts, run_without

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "src" / "tollbook" / "demo"
# scanner="compiled" also takes the cue pre-filter's compiled engine (scan/cues.py, issue 23).
needs_compiled = pytest.mark.skipif(
    not (scan.compiled_available() and extension_available()),
    reason="the compiled scanner needs ahocorasick-rs (pip install 'tollbook[fast]') and the "
    "tollbook_scan extension (`make rust`); the dev install and CI have both",
)


@lru_cache(maxsize=1)
def _gaz() -> Gazetteer:
    return Gazetteer.load()


@lru_cache(maxsize=2)
def _scanner(choice: str) -> Scanner:
    g = _gaz()
    engine = scan.select_engine(choice, g._index, g._firsts, g._max_words)  # type: ignore[arg-type]
    return Scanner(_fold_token, engine)


def _demo_texts() -> list[str]:
    docs = [d for p in sorted(DEMO.iterdir()) for d in read_path(p)]
    return [d.text for d in docs if not isinstance(d, Exception)]


def _reference_names(text: str) -> dict[int, int]:
    """places.py's own path: its tokens and `_longest` at each capitalised token."""
    g = _gaz()
    toks = _tokens(text, 0, len(text))
    return {
        i: m[0]
        for i, t in enumerate(toks)
        if t.cap and (m := g._longest(text, toks, i)) is not None
    }


# ------------------------------------------------------------------ generated sentences


@lru_cache(maxsize=1)
def _names() -> list[str]:
    """Surface names from the gazetteer: every 97th row's name and first alternate."""
    g = _gaz()
    out = []
    for row in g._rows[::97]:
        f = row.split("\t")
        out.append(f[1])
        if f[3]:
            out.append(f[3].split("|")[0])
    return out


PIECES = ["killed", "and", "in", "near", "the", "of", "de", "al", "New", "York", "U", "S", "Tartar",
          "Bosnia", "Herzegovina", "Khojaly", "Xocalı", "KYIV", "two", "Twenty-one", "dozens",
          "3", "1,200", "İstanbul", "Straße", "O'Brien", "Ağdam", "Nagorno-Karabakh", "ß"]  # fmt: skip
GLUE = [" ", " ", " ", "-", ".", ", ", "; ", "\n", "'s ", "’s ", "'s's ", " (", ") ", "“", "”",
        "\u0301", " \u00a0", "—", "", "'", "ʼ", "1"]  # fmt: skip


@st.composite
def sentences(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 14))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            word = draw(st.sampled_from(_names()))
        elif kind == 1:
            word = draw(st.sampled_from(PIECES))
        elif kind == 2:
            word = draw(st.text(min_size=1, max_size=6))
        else:
            word = draw(st.sampled_from(_names())).upper()
        parts.append(word)
        parts.append(draw(st.sampled_from(GLUE)))
    return "".join(parts)


# ------------------------------------------------------------------ words = tokens


def _same_words(text: str) -> None:
    toks = _tokens(text, 0, len(text))
    w = scan.words(text, _fold_token)
    assert scan.words_equal([(t.text, t.start, t.end, t.key, t.cap) for t in toks], w)
    expected_joins = [places._gap_ok(text, a, b) for a, b in itertools.pairwise(toks)]
    assert w.joins == [*expected_joins, False][: len(toks)]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences())
def test_words_are_the_place_finders_tokens(text: str) -> None:
    _same_words(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
def test_words_are_the_tokens_of_any_text(text: str) -> None:
    _same_words(text)


@pytest.mark.parametrize(
    "text",
    ["Tartar's district", "x's's y", "U.S. forces", "U.S.A.", "a.B", "O'Brien’s men", "'s", "",
     "rock'sand", "Ak-Su and al-Bab", "İzmir İZMİR", "e\u0301te\u0301"],
)  # fmt: skip
def test_words_on_edge_cases(text: str) -> None:
    _same_words(text)


def test_words_on_the_corpus_and_demo() -> None:
    for text in [*corpus_texts(), *_demo_texts()]:
        _same_words(text)


# ------------------------------------------------------------------ engines agree


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences())
def test_python_engine_is_the_place_finders_lookup(text: str) -> None:
    assert _scanner("python").names(text)[1] == _reference_names(text)


@needs_compiled
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences())
def test_compiled_marks_are_the_python_marks(text: str) -> None:
    assert _scanner("compiled").marks(text) == _scanner("python").marks(text)


@needs_compiled
def test_compiled_marks_on_the_corpus_and_demo() -> None:
    texts = [*corpus_texts(), *_demo_texts()]
    found = 0
    for text in texts:
        marks = _scanner("python").marks(text)
        assert _scanner("compiled").marks(text) == marks
        assert _scanner("python").names(text)[1] == _reference_names(text)
        found += len(marks)
    assert found > 100  # the comparison saw names, not empty texts


def test_marks_are_spans_of_the_named_words() -> None:
    text = "Shelling of Bosnia and Herzegovina and New York's Tartar district."
    marks = _scanner("python").marks(text)
    assert Mark("name", 12, 34, "bosnia and herzegovina") in marks
    for m in marks:
        assert places.name_key(text[m.start : m.end]) == m.payload


def test_a_long_name_is_found_by_every_engine() -> None:
    """Names longer than the compiled engine's literal limit go to its Python fallback."""
    g = _gaz()
    longest = max(g._index, key=lambda k: k.count(" "))
    assert longest.count(" ") + 1 > scan._COMPILED_MAX_WORDS
    text = "In " + " ".join(w.capitalize() for w in longest.split(" ")) + " yesterday."
    expected = _reference_names(text)
    assert max(expected.values()) == longest.count(" ") + 1
    assert _scanner("python").names(text)[1] == expected
    if scan.compiled_available():
        assert _scanner("compiled").names(text)[1] == expected


# ------------------------------------------------------------------ whole pipeline


def _run_all(choice: str, texts: list[str]) -> list[tuple[object, object]]:
    pipeline = Pipeline(Settings(scanner=choice))  # type: ignore[arg-type]
    return [(ex.claims, ex.tally) for ex in (pipeline.run(document_from_text(t)) for t in texts)]


def test_python_scanner_changes_no_claim_or_tally() -> None:
    texts = [*corpus_texts(), *_demo_texts()]
    g = _gaz()
    for text in texts:
        assert g.with_scanner("python").find_in_document(text) == g.find_in_document(text)
    assert _run_all("python", texts) == _run_all_without_scanner(texts)


def _run_all_without_scanner(texts: list[str]) -> list[tuple[object, object]]:
    """The pipeline with the gazetteer as it was before marks (no scanner)."""
    from tollbook.extract.claims import extract_claims
    from tollbook.extract.segment import segment
    from tollbook.tally.rules import tally

    out = []
    for text in texts:
        doc = document_from_text(text)
        claims = extract_claims(doc, segment(doc.text), _gaz(), Settings().version)
        out.append((claims, tally(doc.doc_id, claims)))
    return out


@needs_compiled
def test_claims_and_tallies_are_the_same_with_either_scanner() -> None:
    texts = [*corpus_texts(), *_demo_texts()]
    python = _run_all("python", texts)
    assert sum(len(c) for c, _ in python) > 100  # type: ignore[arg-type]
    assert _run_all("compiled", texts) == python


@needs_compiled
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sentences(), sentences())
def test_generated_reports_give_the_same_claims(a: str, b: str) -> None:
    text = f"{a} At least 12 people were killed in {b}, officials said."
    assert _run_all("compiled", [text]) == _run_all("python", [text])


# ------------------------------------------------------------------ choosing


def test_auto_without_the_compiled_engine_warns_once(monkeypatch: pytest.MonkeyPatch,
                                                     caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    monkeypatch.setattr(scan, "compiled_available", lambda: False)
    g = _gaz()
    with caplog.at_level(logging.WARNING, logger="tollbook.scan"):
        engine = scan.select_engine("auto", g._index, g._firsts, g._max_words,
                                    prefer_compiled=True)  # fmt: skip
    assert isinstance(engine, PythonNames)
    warnings = [r for r in caplog.records if r.name == "tollbook.scan"]
    assert len(warnings) == 1 and "pure-Python scanner" in warnings[0].getMessage()


def test_python_choice_never_warns(caplog: pytest.LogCaptureFixture) -> None:
    g = _gaz()
    with caplog.at_level(logging.WARNING, logger="tollbook.scan"):
        scan.select_engine("python", g._index, g._firsts, g._max_words)
    assert not caplog.records


def test_auto_takes_the_engine_measured_faster() -> None:
    """Today Python (README "Speed"): auto never builds the compiled automaton, so start-up
    stays fast on an install that has it."""
    g = _gaz()
    assert not scan.AUTO_PREFERS_COMPILED
    assert isinstance(scan.select_engine("auto", g._index, g._firsts, g._max_words), PythonNames)
    if scan.compiled_available():
        engine = scan.select_engine("auto", g._index, g._firsts, g._max_words,
                                    prefer_compiled=True)  # fmt: skip
        assert isinstance(engine, scan.CompiledNames)


def test_an_unknown_choice_is_refused() -> None:
    with pytest.raises(ConfigError, match="auto, python, compiled"):
        scan.select_engine("fast", set(), set(), 1)  # type: ignore[arg-type]




def test_compiled_choice_without_the_package_says_what_to_install() -> None:
    body = (
        "from tollbook.scan import marks as scan\n"
        "try:\n    scan.select_engine('compiled', set(), set(), 1)\n"
        "except scan.EngineUnavailable as e:\n    print(e)\n"
    )
    done = run_without(["ahocorasick_rs"], body, timeout=120)
    assert "pip install 'tollbook[fast]'" in done.stdout, done.stderr


@pytest.mark.parametrize("prefer_compiled", [False, True])
def test_demo_runs_with_the_engine_blocked(tmp_path: Path, prefer_compiled: bool) -> None:
    """`make demo`'s path on an install without the engine: it runs; when "auto" would prefer
    the compiled engine, it says once on stderr that it uses Python."""
    body = (
        "from tollbook.scan import marks as scan\n"
        f"scan.AUTO_PREFERS_COMPILED = {prefer_compiled}\n"
        "from tollbook.cli.main import cli\n"
        f"sys.exit(cli.main(args=['demo', '--db', {str(tmp_path / 'demo.db')!r}], "
        "prog_name='tollbook', standalone_mode=True))\n"
    )
    # `make demo`'s install has neither the `fast` extra nor the Rust extension (with the Rust
    # word pass installed, the names engine "auto" picks is never used, and nothing is said)
    done = run_without(["ahocorasick_rs", "tollbook_scan"], body, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "claims stored in" in done.stdout
    assert done.stderr.count("pure-Python scanner") == int(prefer_compiled), done.stderr
