"""Word gates over marks (issue 23, "rules over marks"; scan/gates.py, rust/src/gates.rs): one
pass per cued sentence finds every declared gate word, and each `literals.gate` there is a bit
test instead of a search. The search stays the reference:

- every declared gate has its own bit, and `literals.gate` reads a marked range's bits (a gate
  declared after the engine reads True, the safe answer), an unmarked range's search;
- both engines' marks are each gate's own search over the folded range, on generated text
  with Unicode case forms (the Kelvin sign, long s, dotted and dotless i, upper case, lone
  surrogates), words containing or overlapping others, every sentence of tests/corpus and of
  ../shared/data (every 10th row; all rows with TOLLBOOK_DIFF_ALL=1);
- claims and tallies are byte-identical with the rules searching (scanner="python") and
  reading marks (the Python engine's, and the compiled one's when it is built), on generated
  reports, tests/corpus and ../shared/data (every 40th row).
"""

from __future__ import annotations

import itertools
import sys
from functools import cache, lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook._exceptions import ConfigError
from tollbook.extract.grammar import literals
from tollbook.extract.segment import segment
from tollbook.ingest.sources import document_from_text
from tollbook.pipeline import Pipeline, Settings
from tollbook.scan import extension, gates
from tollbook.scan.gates import CompiledGates, GateEngine, PythonGates
from tollbook.scan.marks import EngineUnavailable

from .conftest import (
    SHARED_TEXT_FILES,
    assert_older_build_falls_back,
    corpus_texts,
    has_extension_class,
    needs_extension_class,
    sampled_shared_texts,
)

needs_extension = needs_extension_class("Gates")


@lru_cache(maxsize=1)
def _declared() -> tuple[literals.Gate, ...]:
    Pipeline().patterns  # noqa: B018 - every grammar module imported: every gate declared
    return literals.declared()


def _engines() -> list[GateEngine]:
    return [PythonGates(_declared(), literals.fold),
            *([CompiledGates(_declared(), literals.FOLDS)] if has_extension_class("Gates") else [])]  # fmt: skip


def _reference(text: str, start: int, end: int, gate: literals.Gate) -> bool:
    """What the rules asked before marks: the gate's own test over the range folded."""
    return gate(literals.fold(text[start:end]))


def _assert_engines_agree(text: str, ranges: list[tuple[int, int]]) -> None:
    declared = _declared()
    want = [sum(g.bit for g in declared if _reference(text, s, e, g)) for s, e in ranges]
    for engine in _engines():
        assert engine.masks(text, ranges) == want, (engine.name, text[:200], ranges)


# ----------------------------------------------------------------------------- the marks


def test_every_declared_gate_has_its_own_bit() -> None:
    declared = _declared()
    assert len(declared) >= 27
    assert [g.bit for g in declared] == [1 << k for k in range(len(declared))]
    g = literals.gate_of(["Zyxwv", "zyxwvu"])
    assert literals.declared()[-1] is g and g.words == ("zyxwv",) and g.bit == 1 << (len(literals.declared()) - 1)


def test_a_marked_range_is_answered_by_its_marks() -> None:
    """A marked range reads its bits (so wrong marks would show in the output: the tests below
    compare engines with the search), a gate declared after the marks reads True there, and an
    unmarked range searches."""
    first, second = _declared()[:2]
    text = "qqmarked: " + " ".join(first.words + second.words)  # a text no other test asks
    end = len(text)
    assert literals.gate(text, 0, end, first) and literals.gate(text, 0, end, second)
    marked = literals.marked(text + " .", [(0, end)], [second.bit], 2)
    assert not literals.gate(marked, 0, end, first)  # the marks say so, though the words are there
    assert literals.gate(marked, 0, end, second)
    later = literals.gate_of(["qqnowhere"])
    assert literals.gate(marked, 0, end, later)  # declared after the marks: True, always safe
    assert not literals.gate(marked, 0, end - 1, later)  # another range: the search
    assert literals.gate(marked, 0, end - 1, first)
    plain = str(marked)  # the same characters, not marked: the marks are the Marked text's own
    assert literals.gate(plain, 0, end, first) and not literals.gate(plain, 0, end, later)


def test_words_containing_or_overlapping_each_other_are_all_found() -> None:
    gs = [literals.gate_of(w) for w in (["abc"], ["cde"], ["kill", "x y"], ["killed", "wound"], ["ed w"], ["ki"])]
    for engine in (PythonGates(gs, literals.fold), *([CompiledGates(gs, literals.FOLDS)] if has_extension_class("Gates") else [])):
        text = "xABCDEx were KILLED wounded; x y"
        got = engine.masks(text, [(0, 7), (1, 4), (3, 6), (2, 5), (13, 19), (13, 22), (0, 0), (len(text) - 3, len(text))])
        bits = [g.bit for g in gs]
        assert got == [bits[0] | bits[1], bits[0], bits[1], 0, bits[2] | bits[3] | bits[5],
                       bits[2] | bits[3] | bits[4] | bits[5], 0, bits[2]], engine.name  # fmt: skip


_WORDS = sorted({w for g in _declared() for w in g.words} | {"kill", "sick", "ill", "is", "ski"})


def _case_forms(word: str) -> st.SearchStrategy[str]:
    """The word as written, upper case, title case, or with each letter that has one replaced by
    a non-ASCII form `re.IGNORECASE` equates with it (K, ſ, İ, ı) or by one it does not (ß, é)."""
    swaps = {"k": "\u212a", "s": "\u017f", "i": "\u0130"}
    return st.sampled_from([
        word, word.upper(), word.title(), "".join(swaps.get(c, c) for c in word),
        word.replace("i", "\u0131"), word.replace("s", "\u00df"), word.replace("e", "\u00e9"),
    ])  # fmt: skip


_GLUE = st.sampled_from([" ", "  ", "\u00a0", "\t", ",", ".", "-", "", "\ud800", "\u03a3", "\u2003", "é"])


@st.composite
def texts_and_ranges(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    words = draw(st.lists(st.sampled_from(_WORDS).flatmap(_case_forms), max_size=10))
    glue = draw(st.lists(_GLUE, min_size=len(words) + 1, max_size=len(words) + 1))
    text = glue[0] + "".join(w + g for w, g in zip(words, glue[1:], strict=True))
    text += draw(st.text(max_size=4))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)))
    ranges = [*itertools.pairwise(cuts), (0, len(text))]
    ranges += [tuple(sorted(r)) for r in draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=3))]  # type: ignore[misc]
    return text, ranges


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts_and_ranges())
def test_engines_mark_what_each_gate_searches(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, ranges = case
    _assert_engines_agree(text, ranges)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts_and_ranges())
def test_every_gate_answers_alike_marked_and_searched(case: tuple[str, list[tuple[int, int]]]) -> None:
    text, ranges = case
    for engine in _engines():
        marked = literals.marked(text, ranges, engine.masks(text, ranges), engine.size)
        for (s, e), g in itertools.product(ranges, _declared()):
            assert literals.gate(marked, s, e, g) == _reference(text, s, e, g), (engine.name, text, s, e, g.words)


def _sentence_ranges(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in segment(text) if s.kind in ("sentence", "paragraph")]


def test_every_corpus_sentence_is_marked_alike() -> None:
    texts = corpus_texts(heldout=True)
    assert len(texts) > 1000
    for text in texts:
        _assert_engines_agree(text, _sentence_ranges(text))


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_every_shared_sentence_is_marked_alike(name: str) -> None:
    for text in sampled_shared_texts(name, every=10):
        _assert_engines_agree(text, _sentence_ranges(text))


# ----------------------------------------------------------------------------- the engines


def test_select_gates_follows_the_scanner_setting(monkeypatch: pytest.MonkeyPatch,
                                                 caplog: pytest.LogCaptureFixture) -> None:  # fmt: skip
    """"python": no marks (the rules search); an extension built before gates: "auto" searches
    and says once how to rebuild, "compiled" refuses; no extension: "auto" searches silently
    (the pre-filter says it), "compiled" refuses."""
    def select_gates(choice: str, notices: extension.Notices | None = None) -> GateEngine | None:
        return gates.select_gates(choice, _declared(), literals.FOLDS, notices)  # type: ignore[arg-type]

    assert select_gates("python") is None
    with pytest.raises(ConfigError, match="scanner must be one of"):
        select_gates("fast")
    assert_older_build_falls_back(monkeypatch, caplog, select_gates, None)
    monkeypatch.setitem(sys.modules, "tollbook_scan", None)  # not installed: the import fails
    assert select_gates("auto") is None
    with pytest.raises(EngineUnavailable, match="make rust"):
        select_gates("compiled")


@needs_extension
def test_the_compiled_engine_refuses_what_it_cannot_read() -> None:
    import tollbook_scan

    engine = tollbook_scan.Gates(["kill"], [1], [("\u212a", "k")])
    assert engine.masks("\u212aILL \ud800 kill", [0, 5, 6], [4, 11, 10]) == [1, 1, 0] and engine.size == 1
    with pytest.raises(ValueError, match="not inside the text"):
        engine.masks("kill", [0], [5])
    with pytest.raises(ValueError, match="not inside the text"):
        engine.masks("kill", [3], [2])
    with pytest.raises(ValueError, match="lower-case ASCII"):
        tollbook_scan.Gates(["Kill"], [1], [])
    with pytest.raises(ValueError, match="one mask per word"):
        tollbook_scan.Gates(["kill"], [], [])


@needs_extension
def test_the_pipeline_marks_with_the_compiled_engine() -> None:
    assert isinstance(Pipeline(Settings(scanner="compiled")).gates, CompiledGates)
    assert isinstance(Pipeline(Settings(scanner="auto")).gates, CompiledGates)


# ----------------------------------------------------------------------------- differential


@cache
def _pipeline(name: str) -> Pipeline:
    """"search": no marks (scanner="python"); "python": marks of the Python engine; "compiled"."""
    if name == "compiled":
        return Pipeline(Settings(scanner="compiled"))
    pipeline = Pipeline(Settings(scanner="python"))
    assert pipeline.gates is None
    if name == "python":
        pipeline.__dict__["gates"] = PythonGates(_declared(), literals.fold)  # the cached property, set
    return pipeline


def _outputs(name: str, texts: list[str]) -> list[str]:
    return [repr((ex.claims, ex.tally)) for ex in (_pipeline(name).run(document_from_text(t)) for t in texts)]


def _assert_identical(texts: list[str], *, least_claims: int) -> None:
    reference = _outputs("search", texts)
    assert sum(r.count("Claim(") for r in reference) >= least_claims
    for name in ("python", *(["compiled"] if has_extension_class("Gates") else [])):
        got = _outputs(name, texts)
        diff = [(t[:120], a, b) for t, a, b in zip(texts, reference, got, strict=True) if a != b]
        assert not diff, f"{name}: {len(diff)} documents differ reading marks, first: {diff[0]}"


_REPORTS = st.sampled_from([
    "Four people were killed and 12 wounded in the attack", "Another soldier died of his wounds",
    "Two more were kidnapped; they were executed", "The anniversary of the massacre of 300 villagers",
    "No one was hurt", "Three \u212aILLED in air strike", "Five houses were destroyed",
    "The toll rose to 40 in two attacks", "ſeven were ſhot dead", "Talks resumed in Geneva",
    "A police officer was wounded along with his driver", "Shahid Khan was also injured",
    "Reports say 20 may have been killed", "Six civilians, including two children, died",
])  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_REPORTS, min_size=1, max_size=5))
def test_generated_reports_are_byte_identical(sentences: list[str]) -> None:
    _assert_identical([". ".join(sentences) + "."], least_claims=0)


def test_the_project_corpus_is_byte_identical() -> None:
    texts = corpus_texts(heldout=True)
    _assert_identical(texts, least_claims=1000)


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_shared_data_is_byte_identical(name: str) -> None:
    _assert_identical(sampled_shared_texts(name, every=40), least_claims=1)


def test_a_sentence_asks_its_gates_marked() -> None:
    """The marks reach the rules: every gate of a cued sentence is answered from its marks
    (the text's own ranges), none needs a search there."""
    pipeline = _pipeline("python")
    text = "Four people were killed and 12 wounded in the attack on Monday, police said."
    asked: list[tuple[int, int, bool]] = []
    real = literals.gate

    def spy(t: str, start: int, end: int, g: literals.Gate) -> bool:
        # `marks` answers None while `gate` is patched: read the marks the text carries
        asked.append((start, end, isinstance(t, literals.Marked) and (start, end) in t.marks))
        return real(t, start, end, g)

    with pytest.MonkeyPatch.context() as m:
        m.setattr(literals, "gate", spy)
        pipeline.run(document_from_text(text))
    whole = [marked for s, e, marked in asked if (s, e) == (0, len(text))]
    assert len(whole) >= 20 and all(whole), asked
