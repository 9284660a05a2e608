"""The cue pre-filter (issue 23; grammar/triggers.py, scan/cues.py, rust/): the Python and
compiled engines flag the same sentences; claims and tallies are byte-identical with the
pre-filter off, with the Python engine and with the compiled one, on generated sentences, the
project corpus, the demo, the seeds and every file of ../shared/data (rows sampled; all of
them with TOLLBOOK_DIFF_ALL=1); choosing an engine.

The compiled engine's tests skip, saying why, where the tollbook_scan extension is not
installed; `make test` builds it (`make rust`), so CI runs both paths.
"""

from __future__ import annotations

import itertools
import logging
import re
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook._exceptions import ConfigError
from tollbook.extract.grammar.lexicon import UPDATE_VERBS
from tollbook.extract.grammar.triggers import (
    COUNT_NOUNS,
    FOLDS_TO_ASCII,
    RUNNING_TOTAL_VERBS,
    companion_stems,
    trigger_stems,
)
from tollbook.ingest.sources import document_from_text, read_path
from tollbook.model import Segment
from tollbook.pipeline import Pipeline, Settings
from tollbook.scan import extension
from tollbook.scan.cues import (
    CompiledCues,
    PairedCues,
    PythonCues,
    extension_available,
    select_cues,
)
from tollbook.scan.marks import EngineUnavailable

from .conftest import (
    SHARED,
    SHARED_TEXT_FILES,
    corpus_texts,
    demo_texts,
    run_without,
    sampled_shared_texts,
)

ROOT = Path(__file__).resolve().parents[1]
LITERALS = [*trigger_stems(), *FOLDS_TO_ASCII]
needs_extension = pytest.mark.skipif(
    not extension_available(),
    reason="the tollbook_scan extension is not installed: `make rust` builds it (CI does)",
)


# ------------------------------------------------------------------ the triggers


def test_triggers_are_lower_case_stems_none_inside_another() -> None:
    stems = trigger_stems()
    assert len(stems) > 50
    assert all(s == s.lower() and s.isascii() and s.isalpha() for s in stems)
    assert not [(a, b) for a in stems for b in stems if a != b and a in b]


def test_every_cue_verb_of_the_tables_is_a_trigger() -> None:
    """A verb declared in verbs.CUE_VERBS needs no second declaration to keep its sentences."""
    from tollbook.extract.grammar.verbs import CUE_VERBS

    search = PythonCues(LITERALS)
    for _cat, participle, ing in CUE_VERBS:
        for form in (participle, ing):
            text = f"They were {form}."
            assert search.cued(text, [Segment("sentence", 0, len(text), text)]) == [True], form


def test_the_letters_re_folds_to_ascii_are_declared() -> None:
    """Python's IGNORECASE equates a few non-ASCII letters with ASCII ones; a cue spelled with
    one must keep its sentence, so each is a trigger of its own."""
    folds = {chr(c) for c in range(0x80, 0x110000) if re.fullmatch("[a-z]", chr(c), re.IGNORECASE)}
    assert folds == set(FOLDS_TO_ASCII)


def test_a_sentence_without_a_trigger_is_skipped_and_one_with_is_not() -> None:
    text = "The minister met the delegation on 3 May 2021. Gunmen shot 12 people. 14 kil\u212aed."
    flags = PythonCues(LITERALS).cued(text, _sentences(text))
    assert flags == [False, True, True]


def test_extract_claims_reads_no_figure_in_a_skipped_sentence() -> None:
    """The hook itself: a sentence flagged False gives no claim even where the rules would."""
    from tollbook.extract.claims import Readers, extract_claims
    from tollbook.extract.segment import segment

    doc = document_from_text("At least 12 people were killed in the attack.")
    segments = segment(doc.text)
    assert extract_claims(doc, segments, None)
    assert extract_claims(doc, segments, None, readers=Readers(cued=lambda t, ss: [False] * len(ss))) == ()


# ------------------------------------------------------------------ companions


def _paired_engines() -> list[str]:
    return ["python", *(["compiled"] if extension_available() else [])]


@pytest.mark.parametrize("name", _paired_engines())
def test_a_companion_flags_only_beside_a_category_or_count_noun(name: str) -> None:
    """ "grew" names no category: alone it keeps no sentence; beside a toll it does (a trigger)."""
    engine = _pipeline(name).cues
    assert engine is not None
    text = "Exports grew by 5.5 percent. The death toll grew to 40. Bringing the tally to 30."
    assert engine.cued(text, _sentences(text)) == [False, True, True]
    assert not _outputs("off", ["Exports grew by 5.5 percent."])[0].count("Claim(")


def test_companions_are_not_triggers_and_each_verb_is_one_or_the_other() -> None:
    triggers, companions = trigger_stems(), companion_stems()
    assert "grew" in companions and not any(t in "grew" for t in triggers)
    for verb in (*UPDATE_VERBS, *RUNNING_TOTAL_VERBS):
        assert any(s in verb for s in (*triggers, *companions)), verb


@pytest.mark.parametrize("noun", COUNT_NOUNS)
def test_a_count_noun_keeps_a_companion_sentence_whose_claim_it_inherits(noun: str) -> None:
    """ "The total grew to 58" is a killed claim with no category word: the pairing keeps it."""
    text = f"The {noun} grew to 58. The {noun} was revised up to 60."
    reference = _outputs("off", [text])[0]
    assert reference.count("Claim(") == 2
    for name in _paired_engines():
        engine = _pipeline(name).cues
        assert engine is not None and engine.cued(text, _sentences(text)) == [True] * 2
        assert _outputs(name, [text])[0] == reference, name


# ------------------------------------------------------------------ engines agree


def _sentences(text: str) -> list[Segment]:
    from tollbook.extract.segment import segment

    return [s for s in segment(text) if s.kind == "sentence"]


_ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})


def _naive(text: str, bounds: list[tuple[int, int]]) -> list[bool]:
    """The definition, spelled out: a literal inside the slice, ASCII letters folded."""
    return [any(lit in text[a:b].translate(_ASCII_LOWER) for lit in LITERALS) for a, b in bounds]


_PIECES = st.sampled_from(
    [*trigger_stems()[:40], "KILLED", "Wounded", "kil", "led", " ", ".", "é", "\u212a", "\u0130",
     "İ", "ı", "ſ", "😀", "中文", "\n", "12", "people", "soldiers", "\u00e9t\u00e9", "\ud800", "\udc00"]
)  # fmt: skip


@st.composite
def texts_and_bounds(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = "".join(draw(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=30)))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    bounds = list(itertools.pairwise(cuts))
    bounds += draw(
        st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=3)
    )
    return text, bounds


def _segments(text: str, bounds: list[tuple[int, int]]) -> list[Segment]:
    return [Segment("sentence", a, b, text[a:b]) for a, b in bounds]


@settings(max_examples=300, deadline=None)
@given(texts_and_bounds())
def test_python_engine_is_the_definition(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, bounds = case
    assert PythonCues(LITERALS).cued(text, _segments(text, bounds)) == _naive(text, bounds)


@needs_extension
@settings(max_examples=500, deadline=None)
@given(texts_and_bounds())
def test_compiled_engine_is_the_python_engine(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, bounds = case
    segments = _segments(text, bounds)
    assert _compiled().cued(text, segments) == PythonCues(LITERALS).cued(text, segments)


@needs_extension
def test_a_lone_surrogate_keeps_the_offsets() -> None:
    """Valid in a Python str, not in UTF-8: the extension reads it as one replacement character."""
    text = "\ud800 calm. \udfff They were killed. \ud800\udc00 \u212a."
    segments = _segments(text, [(0, 7), (8, 27), (1, 12), (28, len(text)), (31, len(text))])
    expected = [False, True, False, True, True]
    assert PythonCues(LITERALS).cued(text, segments) == expected
    assert _compiled().cued(text, segments) == expected


@needs_extension
def test_compiled_engine_refuses_offsets_past_the_text() -> None:
    with pytest.raises(ValueError, match="past the end"):
        _compiled().cued("é killed", [Segment("sentence", 0, 9, "")])
    import tollbook_scan

    with pytest.raises(ValueError, match="at least one literal"):
        tollbook_scan.Triggers([""])


@lru_cache(maxsize=1)
def _compiled() -> CompiledCues:
    return CompiledCues(LITERALS)


# ------------------------------------------------------------------ same output

_CONFIGS: dict[str, Settings] = {
    "off": Settings(prefilter=False),
    "python": Settings(scanner="python"),
    "compiled": Settings(scanner="compiled"),
}


@lru_cache(maxsize=3)
def _pipeline(name: str) -> Pipeline:
    return Pipeline(_CONFIGS[name])


def _engines() -> list[str]:
    return ["off", "python", *(["compiled"] if extension_available() else [])]


def _outputs(name: str, texts: list[str]) -> list[str]:
    pipeline = _pipeline(name)
    out = []
    for text in texts:
        ex = pipeline.run(document_from_text(text))
        out.append(repr((ex.claims, ex.tally)))
    return out


def _assert_identical(texts: list[str], *, least_claims: int) -> None:
    reference = _outputs("off", texts)
    assert sum(r.count("Claim(") for r in reference) >= least_claims
    for name in _engines()[1:]:
        got = _outputs(name, texts)
        diff = [(t[:120], a, b) for t, a, b in zip(texts, reference, got, strict=True) if a != b]
        assert not diff, (
            f"{name}: {len(diff)} documents differ from the reference, first: {diff[0]}"
        )


def test_the_project_corpus_and_demo_are_byte_identical() -> None:
    texts = corpus_texts()
    texts += demo_texts()
    _assert_identical(texts, least_claims=300)


def test_the_seeds_are_byte_identical() -> None:
    seeds = SHARED / "seeds"
    if not seeds.exists():
        pytest.skip(f"{seeds} is absent (../shared lives beside the checkout)")
    texts = [
        d.text
        for p in sorted(seeds.iterdir())
        for d in read_path(p)
        if not isinstance(d, Exception)
    ]
    _assert_identical(texts, least_claims=10)


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_shared_data_is_byte_identical(name: str) -> None:
    """Every file of ../shared/data with text: every 40th row (every row with TOLLBOOK_DIFF_ALL=1;
    every text was checked when the triggers were declared)."""
    texts = sampled_shared_texts(name, every=40)
    _assert_identical(texts, least_claims=1)


_FILLER = st.sampled_from([
    "The minister met the delegation on 3 May 2021", "Talks resumed in Geneva",
    "Prices rose by 12 percent", "About 300 students attended the ceremony",
    "The convoy arrived in the town", "Two rockets struck a warehouse",
    "Exports grew by 5.5 percent", "The budget was revised to 12 billion",
])  # fmt: skip
_REPORTS = st.sampled_from([
    "At least 12 people were killed", "Gunmen abducted three aid workers",
    "Nobody was hurt", "Among the dead were two children", "The toll rose to 40",
    "A suicide bomber blew himself up", "Around 100,000 fled the fighting",
    "Four killed, one injured", "Police arrested 25 protesters", "Dozens were wounded",
    "Fatalities were reported", "The strike left 7 dead", "His body was found on Monday",
    "The total grew to 58", "Bringing the tally to 30", "The death toll was revised up to 12",
])  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_FILLER, _REPORTS), min_size=1, max_size=6))
def test_generated_reports_are_byte_identical(sentences: list[str]) -> None:
    text = ". ".join(sentences) + "."
    reference = _outputs("off", [text])
    for name in _engines()[1:]:
        assert _outputs(name, [text]) == reference, name


# ------------------------------------------------------------------ choosing


def test_python_choice_is_the_reference_and_off_is_no_engine() -> None:
    engine = Pipeline(Settings(scanner="python")).cues
    assert isinstance(engine, PairedCues) and engine.name == "python"
    assert all(isinstance(part, PythonCues) for part in engine.parts)
    assert Pipeline(Settings(prefilter=False)).cues is None


@needs_extension
def test_auto_takes_the_compiled_engine_when_installed() -> None:
    assert isinstance(select_cues("auto", LITERALS), CompiledCues)
    engine = Pipeline(Settings()).cues
    assert isinstance(engine, PairedCues) and engine.name == "compiled"
    assert all(isinstance(part, CompiledCues) for part in engine.parts)


def test_auto_without_the_extension_uses_python_and_says_so(monkeypatch: pytest.MonkeyPatch,
                                                           caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    monkeypatch.setattr(extension, "extension_available", lambda: False)
    notices = extension.Notices()  # a pipeline's
    with caplog.at_level(logging.WARNING, logger="tollbook.scan"):
        engine = select_cues("auto", LITERALS, notices=notices)
        assert isinstance(select_cues("auto", LITERALS, notices=notices), PythonCues)  # said once per pipeline
    assert isinstance(engine, PythonCues)
    said = [r.getMessage() for r in caplog.records if r.name == "tollbook.scan"]
    assert len(said) == 1 and "make rust" in said[0] and "not installed" in said[0]


def test_an_unknown_choice_and_no_trigger_are_refused() -> None:
    with pytest.raises(ConfigError, match="auto, python, compiled"):
        select_cues("fast", LITERALS)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="at least one trigger"):
        PythonCues([])




def test_compiled_choice_without_the_extension_says_what_to_install() -> None:
    body = (
        "from tollbook.scan.cues import select_cues\n"
        "from tollbook.scan.marks import EngineUnavailable\n"
        "try:\n    select_cues('compiled', ['kill'])\n"
        "except EngineUnavailable as e:\n    print(e)\n"
    )
    done = run_without(["tollbook_scan"], body, timeout=120)
    assert "make rust" in done.stdout and "scanner='python'" in done.stdout, done.stderr
    assert issubclass(EngineUnavailable, ConfigError)


def test_demo_runs_without_the_extension(tmp_path: Path) -> None:
    """`make demo`'s path where no Rust toolchain exists: it runs, and says once on stderr that
    the pre-filter uses Python."""
    body = (
        "from tollbook.cli.main import cli\n"
        f"sys.exit(cli.main(args=['demo', '--db', {str(tmp_path / 'demo.db')!r}], "
        "prog_name='tollbook', standalone_mode=True))\n"
    )
    done = run_without(["tollbook_scan"], body, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "claims stored in" in done.stdout
    assert done.stderr.count("tollbook_scan extension is not installed") == 1, done.stderr


def test_ci_builds_the_extension_and_the_demo_does_not_need_it() -> None:
    """`make test` (CI) builds tollbook_scan before pytest, so both engines run there; `make
    demo` has no Rust prerequisite; CI's set-up installs what the offline build reads."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    rules = {
        m.group(1): m.group(2) for m in re.finditer(r"^([\w$().-]+):([^\n]*)$", makefile, re.M)
    }
    assert "$(VENV)/.scan" in rules["pytest"] and ".scan" not in rules["demo"]
    assert "maturin build" in makefile and "scripts/rust_deps.sh" in makefile
    services = (ROOT / ".ci" / "services.sh").read_text(encoding="utf-8")
    for package in ("librust-pyo3-dev", "librust-aho-corasick-dev", "librust-memchr-dev", "cargo"):
        assert package in services and package in (ROOT / "scripts" / "rust_deps.sh").read_text()
    config = (ROOT / "rust" / ".cargo" / "config.toml").read_text(encoding="utf-8")
    assert 'replace-with = "debian"' in config and "offline = true" in config
