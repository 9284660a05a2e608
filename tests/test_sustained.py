"""Subjects that received a wound (extract/sustained.py)."""

from __future__ import annotations

from tollbook.api import extract_text
from tollbook.extract.sustained import find_sustained


def _found(text: str) -> list[tuple[str, float]]:
    return [(text[v.span[0] : v.span[1]], v.value) for v in find_sustained(text, 0, len(text), [])]


def _wounded(text: str) -> float | None:
    tally = extract_text(text).tally.get("wounded")
    return tally.best if tally is not None else None


def test_a_subject_that_received_a_wound_counts_its_people() -> None:
    assert _found("Three Velts received minor injuries.") == [("Three Velts", 3.0)]
    assert _found("All three sustained minor injuries.") == [("All three", 3.0)]
    assert _found("The headman and his wife sustained only minor injuries.") == [("The headman and his wife", 2.0)]
    assert _found("A Velt porter suffered serious burns.") == [("A Velt porter", 1.0)]


def test_a_member_read_by_a_rule_leaves_the_whole_to_count() -> None:
    assert _wounded("The headman of Kessel and his wife sustained only minor injuries.") == 2.0


def test_denied_wounds_pronouns_and_unnumbered_plurals_count_nobody() -> None:
    assert _found("The two guards suffered no injuries.") == []
    assert _found("He suffered minor injuries.") == []
    assert _found("Villagers suffered burns.") == []
    assert _found("The building suffered serious damage.") == []


def test_a_denied_wound_after_a_counted_subject_is_no_wound() -> None:
    assert _wounded("The two guards suffered no injuries in the blast at Osso.") == 0.0
