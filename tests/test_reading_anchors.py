"""Reading anchors (issue 23; grammar/reading_patterns.READING_ANCHORS, readings.complete): a
reading skipped where the sentence lacks its anchor words. Claims and tallies are
byte-identical with the anchors on and off (Settings.reading_anchors) on the project corpus
(tests/corpus/**/*.jsonl), on generated reports and on every file of ../shared/data (rows
sampled; all of them with TOLLBOOK_DIFF_ALL=1); each anchored reading, called directly, finds
nothing in a sentence without its anchors; the skip does skip.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook.extract import (
    active_objects,
    anaphora,
    bare,
    besides,
    burning,
    nominals,
    objects,
    offices,
    others,
    postmodified,
    readings,
    relatives,
    subjects,
    survivors,
    sustained,
    victims,
    wound_nominals,
)
from tollbook.extract.grammar.reading_patterns import ANCHORS, READING_ANCHORS
from tollbook.ingest.sources import document_from_text
from tollbook.pipeline import Pipeline, Settings

from .conftest import SHARED_TEXT_FILES, corpus_texts, sampled_shared_texts

#: Each anchored reading: its module and the function readings.complete calls.
_READINGS: dict[str, tuple[ModuleType, str]] = {
    "bare": (bare, "find_bare"),
    "victims": (victims, "find_victims"),
    "subjects": (subjects, "find_clause_subjects"),
    "offices": (offices, "find_offices"),
    "postmodified": (postmodified, "find_subjects"),
    "anaphora": (anaphora, "find_anaphors"),
    "wound_nominals": (wound_nominals, "find_wound_nominals"),
    "sustained": (sustained, "find_sustained"),
    "others": (others, "find_others"),
    "burning": (burning, "find_burnings"),
    "survivors": (survivors, "find_survivors"),
    "objects": (objects, "find_objects"),
    "nominals": (nominals, "find_nominals"),
    "active_objects": (active_objects, "find_objects"),
    "besides": (besides, "find_besides"),
    "relatives": (relatives, "find_relatives"),
}


@lru_cache(maxsize=2)
def _pipeline(anchored: bool) -> Pipeline:
    return Pipeline(Settings(reading_anchors=anchored))


def _outputs(anchored: bool, texts: list[str]) -> list[str]:
    out = []
    for text in texts:
        ex = _pipeline(anchored).run(document_from_text(text))
        out.append(repr((ex.claims, ex.tally)))
    return out


def _assert_identical(texts: list[str], *, least_claims: int) -> None:
    reference = _outputs(False, texts)
    assert sum(r.count("Claim(") for r in reference) >= least_claims
    got = _outputs(True, texts)
    diff = [(t[:120], a, b) for t, a, b in zip(texts, reference, got, strict=True) if a != b]
    assert not diff, f"{len(diff)} documents differ with the anchors on, first: {diff[0]}"


def test_every_anchored_reading_is_tested_and_skipped_by_complete() -> None:
    assert set(READING_ANCHORS) == set(_READINGS) == set(ANCHORS)
    source = Path(readings.__file__).read_text(encoding="utf-8")
    for name in READING_ANCHORS:
        assert f'may("{name}")' in source, name


def test_the_project_corpus_is_byte_identical() -> None:
    texts = corpus_texts(heldout=True)
    assert len(texts) > 1000
    _assert_identical(texts, least_claims=1000)


def test_an_anchored_reading_finds_nothing_without_its_anchors(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stronger than the output check (a reading's find may be hidden by another's): every
    call of an anchored reading over the corpus, anchors off, that found something was in a
    sentence holding one of its anchors; and each reading found something somewhere."""
    calls: dict[str, list[tuple[bool, int]]] = {name: [] for name in _READINGS}

    def spy(name: str, fn: Callable[..., list[Any]]) -> Callable[..., list[Any]]:
        def wrapped(text: str, start: int, end: int, *rest: Any) -> list[Any]:
            found = fn(text, start, end, *rest)
            calls[name].append((ANCHORS[name].search(text, start, end) is not None, len(found)))
            return found

        return wrapped

    for name, (module, attr) in _READINGS.items():
        monkeypatch.setattr(module, attr, spy(name, getattr(module, attr)))
    pipeline = Pipeline(Settings(reading_anchors=False))
    for text in corpus_texts(heldout=True):
        pipeline.run(document_from_text(text))
    for name, seen in calls.items():
        assert seen, name
        assert not [n for anchored, n in seen if n and not anchored], name
        assert any(n for _, n in seen), f"{name} found nothing in the corpus: the check is empty"


def test_a_sentence_without_the_anchors_skips_the_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    called: list[str] = []

    def count(text: str, start: int, end: int, taken: list[Any]) -> list[Any]:
        called.append(text[start:end])
        return []

    monkeypatch.setattr(sustained, "find_sustained", count)
    monkeypatch.setattr(survivors, "find_survivors", count)
    text = "Three soldiers were killed in the attack."
    Pipeline(Settings(reading_anchors=True)).run(document_from_text(text))
    assert called == []
    Pipeline(Settings(reading_anchors=False)).run(document_from_text(text))
    assert len(called) == 2
    called.clear()
    Pipeline(Settings(reading_anchors=True)).run(document_from_text("Three Americans received minor injuries."))
    assert len(called) == 1  # sustained runs; survivors, with no "shot", does not


_FILLER = st.sampled_from([
    "The minister met the delegation on 3 May 2021", "Talks resumed in Geneva",
    "Prices rose by 12 percent", "The convoy arrived in the town",
])  # fmt: skip
_REPORTS = st.sampled_from([
    "At least 12 people were killed", "Gunmen abducted three aid workers",
    "Three Americans received minor injuries", "The blast caused severe injuries to a Greek citizen",
    "The explosion left two ministry employees with minor injuries", "Another was injured",
    "Militants seized two drivers and murdered them", "A mob set a suspected robber alight",
    "The journalist was shot. He survived the attack", "One soldier died and another was wounded",
    "They burned the thief alive", "Two policemen were wounded, injuring another",
    "His body was found on Monday", "Rebels claimed responsibility for the assassination of the mayor",
    "Besides the two gunmen, a guard died", "Aside from the deaths of three bombers, nobody was hurt", "The attack resulted in the death of one guard and the injury of two others",
])  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_FILLER, _REPORTS), min_size=1, max_size=6), st.sampled_from([". ", ", and ", "; "]))
def test_generated_reports_are_byte_identical(sentences: list[str], glue: str) -> None:
    text = glue.join(sentences) + "."
    assert _outputs(True, [text]) == _outputs(False, [text])


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_shared_data_is_byte_identical(name: str) -> None:
    """Every file of ../shared/data with text: every 20th row (every row with TOLLBOOK_DIFF_ALL=1)."""
    texts = sampled_shared_texts(name, every=20)
    _assert_identical(texts, least_claims=1)
