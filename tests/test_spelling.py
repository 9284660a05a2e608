"""Misspelt casualty words are read as the cue words they misspell (extract/spelling.py)."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text
from tollbook.extract.glue import Repaired
from tollbook.extract.spelling import correction, respell


def _claims(text: str) -> list[tuple[str, str, float]]:
    return [(c.category or "", c.text, c.value) for c in extract_text(text).claims]


def test_one_edit_from_a_cue_word_is_the_cue_word() -> None:
    assert correction("killled") == "killed"  # inserted
    assert correction("assasinated") == "assassinated"  # dropped
    assert correction("kileld") == "killed"  # swapped
    assert correction("woundud") == "wounded"  # replaced
    assert correction("injuried") == "injured"  # injuries is one edit away too: the ending decides
    assert correction("causalities") == "casualties"  # declared habitual misspelling


def test_real_words_short_words_and_other_first_letters_stay() -> None:
    for word in (
        "killer",
        "insured",
        "murderer",
        "killings",
        "rounded",
        "dead",
        "deal",
        "silled",
        "executes",
    ):
        assert correction(word) is None, word


def test_a_misspelt_figure_is_counted_and_its_span_is_the_text_as_written() -> None:
    text = "Two militias clashed near Orsk; seven were killled in the fighting."
    found = extract_text(text).claims
    assert [(c.category, c.value) for c in found] == [("killed", 7.0)]
    s, e = found[0].span
    assert text[s:e] == "seven"
    text = "At least 50 causalities were reported in Velt."
    found = extract_text(text).claims
    assert [(c.category, c.value, c.text) for c in found] == [
        ("casualties", 50.0, "At least 50 causalities")
    ]


def test_the_view_maps_every_span_back_to_the_written_word() -> None:
    text = "They assasinated him."
    view = respell(text)
    assert view is not None and view.text == "They assassinated him."
    start = view.text.index("assassinated")
    assert view.original(start, start + len("assassinated")) == (5, 16)
    assert respell("Nothing misspelt here.") is None


def test_without_misspelling_nothing_changes() -> None:
    assert _claims("Four houses were insured in Velt.") == []
    assert _claims("The killer shot three farmers dead.") == _claims(
        "The killer shot three farmers dead."
    )


def test_every_form_of_the_killing_and_wounding_verbs_is_a_cue_word() -> None:
    # declared once in verbs.CUE_VERBS: "injuring" and "wounding" are measured against too
    assert correction("injring") == "injuring"
    assert correction("wonuding") == "wounding"
    assert correction("insuring") is None and correction("lunched") is None  # real neighbours


def test_a_real_word_is_kept_before_its_own_context() -> None:
    assert _claims("Three farmhands were inured when a mine exploded.") == [("wounded", "Three farmhands", 3.0)]
    assert _claims("The residents of Quell are inured to gunfire after the raids.") == []


def test_a_flagged_sentence_is_respelt_once_and_an_unflagged_one_not_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cue engine flags a sentence with a misspelt cue word ("killled") itself (the compiled
    scanner in Rust, the Python engine through respell: tests/test_scan_spelling.py); the reading
    then respells a flagged sentence once and never touches one the engine passed over."""
    from tollbook.extract import claims as cl
    from tollbook.extract.segment import segment
    from tollbook.ingest.documents import document_from_text

    calls: list[str] = []

    def counting(text: str) -> Repaired | None:
        calls.append(text)
        return respell(text)

    monkeypatch.setattr(cl, "respell", counting)
    text = "Seven were killled in Orsk."
    doc = document_from_text(text)
    found = cl.extract_claims(doc, segment(text), None, readers=cl.Readers(cued=lambda t, ss: [True] * len(ss)))
    assert [(c.category, c.value) for c in found] == [("killed", 7.0)] and calls == [text]
    calls.clear()
    assert cl.extract_claims(doc, segment(text), None, readers=cl.Readers(cued=lambda t, ss: [False] * len(ss))) == ()
    assert calls == []
