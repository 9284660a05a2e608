"""The readings stage made cheaper (issue 23, helper "victims"; extract/readings.py `complete`):
the same claims and tallies as the code before, which this test keeps as its reference.

What changed, and what each check below compares with the code before:
- the sentence's gate marks are read once (`literals.marks`) and each reading's anchor is a
  bit test (`readings._readings_for`), where every reading asked `literals.gate` itself; an
  unmarked range, or tests/test_gates.py's switch replacing `literals.gate`, still asks the
  gate, so the switch reaches every reading;
- the undone predicate ("was nearly lynched") is asked of a sentence's figures only when the
  sentence holds a word every match of UNDONE_PREDICATE holds (`UNDONE_GATE`, proven against
  the pattern in tests/test_gates.py), where every figure asked it;
- `victims._is_name` is memoised (a pure test of a string);
- collectives.py searches COLLECTIVE only in a sentence holding one of its nouns
  (`COLLECTIVE_GATE`, read from the pattern's parse by `literals.required`, proven in
  tests/test_gates.py), where every sentence was searched; active_objects.py likewise
  searches VERB and WOUND_VERB only where their words are (`VERB_GATE`, `WOUND_VERB_GATE`),
  and bare.py its participle patterns and OBJECT (`PARTICIPLE_GATE`, `OBJECT_GATE`).

The reference (`_old_code`) puts those back: `literals.marks` answering None and the undone and
collective, verb and bare gates answering True (a stand-in for the `literals` of readings,
collectives, active_objects and bare),
`_is_name` unmemoised. Compared:
generated reports (hypothesis), every sentence of tests/corpus, sampled ../shared/data texts
(every 40th; all with TOLLBOOK_DIFF_ALL=1), with marks (scanner "auto") and without ("python").
"""

from __future__ import annotations

import types
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook.extract import active_objects, bare, collectives, readings, victims
from tollbook.extract.grammar import literals
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.active_object_patterns import VERB_GATE, WOUND_VERB_GATE
from tollbook.extract.grammar.bare_patterns import OBJECT_GATE, PARTICIPLE_GATE
from tollbook.extract.grammar.collective_patterns import COLLECTIVE, COLLECTIVE_GATE
from tollbook.extract.grammar.reading_patterns import ANCHOR_GATES
from tollbook.extract.grammar.victim_patterns import UNDONE_GATE, UNDONE_PREDICATE
from tollbook.ingest.sources import document_from_text
from tollbook.pipeline import Pipeline, Settings

from .conftest import SHARED_TEXT_FILES, corpus_texts, sampled_shared_texts

#: The gates this work added (each proven against its pattern in tests/test_gates.py).
_NEW_GATES = (UNDONE_GATE, COLLECTIVE_GATE, VERB_GATE, WOUND_VERB_GATE, PARTICIPLE_GATE, OBJECT_GATE)


class _OldLiterals(types.SimpleNamespace):
    """readings' `literals` as the code before used it: no marks read at once (each reading asks
    `literals.gate`), and the undone predicate asked of every figure (its gate answers True)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(literals, name)

    @staticmethod
    def marks(text: str, start: int, end: int) -> int | None:
        return None

    @staticmethod
    def gate(text: str, start: int, end: int, words: literals.Gate) -> bool:
        return True if words in _NEW_GATES else literals.gate(text, start, end, words)


@contextmanager
def _old_code() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as m:
        m.setattr(readings, "literals", _OldLiterals())
        m.setattr(collectives, "literals", _OldLiterals())
        m.setattr(active_objects, "literals", _OldLiterals())
        m.setattr(bare, "literals", _OldLiterals())
        m.setattr(victims, "_is_name", victims._is_name.__wrapped__)  # type: ignore[attr-defined]
        yield


@cache
def _pipeline(scanner: str) -> Pipeline:
    return Pipeline(Settings(scanner=scanner))


def _outputs(texts: list[str], scanner: str) -> list[str]:
    return [repr((ex.claims, ex.tally)) for ex in (_pipeline(scanner).run(document_from_text(t)) for t in texts)]


def _assert_identical(texts: list[str], *, least_claims: int) -> None:
    for scanner in ("auto", "python"):
        got = _outputs(texts, scanner)
        with _old_code():
            reference = _outputs(texts, scanner)
        assert sum(r.count("Claim(") for r in reference) >= least_claims
        diff = [(t[:120], a, b) for t, a, b in zip(texts, reference, got, strict=True) if a != b]
        assert not diff, f"{scanner}: {len(diff)} documents differ from the code before, first: {diff[0]}"


# ----------------------------------------------------------------------------- units


def test_marks_are_read_only_where_gate_is_this_modules_own(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = "qqvictims: Ishaya was nearly lynched."
    text = literals.marked(plain, [(0, len(plain))], [UNDONE_GATE.bit], len(literals.declared()))
    assert literals.marks(plain, 0, len(plain)) is None  # the same characters unmarked: no marks
    assert literals.marks(text, 0, len(text)) is not None
    assert literals.marks(text, 0, len(text)) & UNDONE_GATE.bit  # type: ignore[operator]
    assert literals.marks(text, 1, len(text)) is None  # not marked: ask the gate
    monkeypatch.setattr(literals, "gate", lambda text, start, end, words: True)  # test_gates' switch
    assert literals.marks(text, 0, len(text)) is None
    assert readings._readings_for(text, 0, len(text)) == frozenset(ANCHOR_GATES)  # every reading reached


def test_marked_readings_are_the_gates_answers() -> None:
    """A marked range's readings are those whose gate its marks hold; an unmarked range's are
    those whose gate finds a word (the marks are checked against the search in test_scan_gates)."""
    text = "qqvictims2: the trio were abducted and a guard died of his wounds"
    end = len(text)
    unmarked = readings._readings_for(text, 0, end)
    assert unmarked == {r for r, g in ANCHOR_GATES.items() if g(literals.fold(text))}
    chosen = [g.bit for r, g in ANCHOR_GATES.items() if r in ("victims", "bare")]
    marked = literals.marked(text, [(0, end)], [sum(chosen)], len(literals.declared()))
    assert readings._readings_for(marked, 0, end) == {"victims", "bare"}
    assert readings._readings_for(text, 0, end) == unmarked  # the marks are the marked text's own


def test_every_non_lethal_phrase_opens_the_undone_gate() -> None:
    assert literals.proves(UNDONE_GATE.words, UNDONE_PREDICATE)
    for phrase in vb.NON_LETHAL_BEFORE:
        assert UNDONE_GATE(literals.fold(f"He was {phrase.upper()} killed")), phrase
    assert not UNDONE_GATE(literals.fold("Four people were killed in the attack"))


def test_a_sentence_without_a_non_lethal_word_asks_no_figure(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    real = victims.undone_after
    monkeypatch.setattr(victims, "undone_after", lambda text, pos, end: asked.append(pos) or real(text, pos, end))
    pipeline = Pipeline()
    pipeline.run(document_from_text("Four people were killed and 12 wounded in the attack."))
    assert asked == []
    ex = pipeline.run(document_from_text("Four people were killed and 12 were nearly lynched in the attack."))
    assert asked and ex.claims  # the sentence holds "nearly": its figures are asked


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "the", "both", "twin", "brothers", "sisters", "couple", "COUPLE", "pair",
                                 "trio", "tr\u0130o", "duo", "triplets", "of", "'s", "were", "killed", "x"]), max_size=8),
       st.sampled_from([" ", "  ", "-", "\n"]))  # fmt: skip
def test_a_sentence_the_collective_gate_refuses_has_no_collective(words: list[str], glue: str) -> None:
    text = glue.join(words)
    if not literals.gate(text, 0, len(text), COLLECTIVE_GATE):
        assert COLLECTIVE.search(text) is None, text


# ----------------------------------------------------------------------------- differential

_FRAGMENTS = st.sampled_from([
    "Four people were killed and 12 wounded in the attack", "A suspected thief was nearly lynched",
    "Three guards were not injured", "Gunmen shot and killed Faiz Karimi, a religious scholar",
    "An Afghan Local Police (ALP) officer was killed", "Her driver was injured", "He died of his wounds",
    "Nazari and his driver were killed", "Three of his escorts were killed", "The mayor of Quessant was not injured",
    "Two guards of the depot were almost killed", "Rebels tried to kill the governor",
    "Customs officer kidnapped, killed", "A crowd stoned to death a suspected informer",
    "The trio were abducted", "Ishaya escaped being kidnapped", "Ten hostages were released",
    "Talks resumed in Geneva", "Another soldier narrowly survived being shot", "ſeven were ſhot dead",
    "Three \u212aILLED, five NEARLY lynched", "The district chief and four guards were killed",
    "A couple was shot dead in Culiacan", "Twins were among the dead", "Gunmen abducted the TRIO",
    "A couple of farmers were killed", "Twin brothers were killed", "The couple's house was burned",
    "Gunmen stabbed and injured three farmers", "Militants shot dead two policemen", "Troops wounded the driver",
])  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_FRAGMENTS, min_size=1, max_size=5), st.sampled_from([". ", "; ", ", and "]))
def test_generated_reports_are_byte_identical(sentences: list[str], glue: str) -> None:
    _assert_identical([glue.join(sentences) + "."], least_claims=0)


def test_the_project_corpus_is_byte_identical() -> None:
    _assert_identical(corpus_texts(heldout=True), least_claims=1000)


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_shared_data_is_byte_identical(name: str) -> None:
    _assert_identical(sampled_shared_texts(name, every=40), least_claims=1)
