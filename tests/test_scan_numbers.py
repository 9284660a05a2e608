"""Number marks (issue 23, extract/numbers.py `numbers_in`): a sentence's numbers are read once
and the rules that want the whole sentence's numbers (housing, telegraphic, counts,
partitives) consume that reading instead of scanning the sentence again. The reference path
is each rule scanning for itself (`find_numbers`): claims and tallies are byte-identical on
generated text, the project corpus, the demo and every file of ../shared/data (rows sampled;
all of them with TOLLBOOK_DIFF_ALL=1)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook.extract import counts, headlines, housing, numbers, victims
from tollbook.extract.numbers import find_numbers, numbers_in

from .conftest import (
    SHARED_TEXT_FILES,
    assert_path_agrees,
    corpus_texts,
    demo_texts,
    sampled_shared_texts,
)

ROOT = Path(__file__).resolve().parents[1]
#: The rules that read the sentence's numbers through the marks.
_READERS = (counts, headlines, housing, victims)


@contextmanager
def _every_rule_scanning() -> Iterator[None]:
    """The reference: every rule scanning the sentence for itself."""
    with pytest.MonkeyPatch.context() as mp:
        for module in _READERS:
            mp.setattr(module, "numbers_in", find_numbers)
        yield


def _assert_identical(texts: list[str], *, least_claims: int) -> None:
    """Claims and tallies with the marks, then with every rule scanning for itself."""
    assert_path_agrees(texts, _every_rule_scanning, least_claims=least_claims)


def test_every_reader_takes_the_marks() -> None:
    for module in _READERS:
        assert module.numbers_in is numbers.numbers_in, module.__name__


def test_a_sentence_is_scanned_for_numbers_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The four readers of one sentence: one scan of its whole range (before the marks: four)."""
    calls: list[tuple[int, int]] = []

    def counted(
        text: str, start: int = 0, end: int | None = None
    ) -> tuple[numbers.NumberMention, ...]:
        calls.append((start, len(text) if end is None else end))
        return find_numbers(text, start, end)

    for module in list(sys.modules.values()):  # every rule module that holds the scan
        if module is not None and module.__name__.startswith("tollbook.extract") \
                and getattr(module, "find_numbers", None) is find_numbers:  # fmt: skip
            monkeypatch.setattr(module, "find_numbers", counted)
    numbers_in.cache_clear()
    text = "Three of his escorts were killed and 40 homes were destroyed, four killed, two hurt."
    figures = counts.find_figures(text, 0, len(text), []) + housing.find_housing(
        text, 0, len(text), []
    )
    assert figures
    assert calls.count((0, len(text))) == 1, calls


_PIECES = st.sampled_from([
    "12", "1,275", "3.5 million", "twenty-five", "dozens of", "between 10 and 12", "10-12",
    "at least", "no fewer than", "another", "people", "were killed", "wounded", "homes", "of",
    "the", " ", ", ", ". ", "MH17", "50%", "$3", "aged 30", "2 years", "first", "é", "\u212a",
])  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=20), st.data())
def test_the_marks_are_find_numbers(pieces: list[str], data: st.DataObject) -> None:
    text = " ".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert numbers_in(text, start, end) == find_numbers(text, start, end)
    assert numbers_in(text, start, end) is numbers_in(text, start, end)  # read once


_REPORTS = st.sampled_from([
    "At least 12 people were killed", "Three of his escorts were killed", "Four killed, one injured",
    "Gunmen destroyed 40 homes and displaced 2,000 people", "Dozens were wounded",
    "Between 10 and 12 soldiers died", "The toll rose from 12 to 40", "One of the hostages was shot dead",
    "Prices rose by 12 percent", "The minister met 3 envoys on 3 May 2021", "Another 5 bodies were found",
])  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_REPORTS, min_size=1, max_size=5))
def test_generated_reports_are_byte_identical(sentences: list[str]) -> None:
    _assert_identical([". ".join(sentences) + "."], least_claims=0)


def test_the_project_corpus_and_demo_are_byte_identical() -> None:
    texts = corpus_texts()
    texts += demo_texts()
    _assert_identical(texts, least_claims=300)


@pytest.mark.parametrize("name", SHARED_TEXT_FILES)
def test_shared_data_is_byte_identical(name: str) -> None:
    _assert_identical(sampled_shared_texts(name, every=40), least_claims=1)
