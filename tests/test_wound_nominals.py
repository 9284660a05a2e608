"""Wounds named by a noun, caused to or left with people (extract/wound_nominals.py)."""

from __future__ import annotations

from tollbook.api import extract_text
from tollbook.extract.wound_nominals import find_wound_nominals


def _found(text: str) -> list[tuple[str, float]]:
    return [(text[v.span[0] : v.span[1]], v.value) for v in find_wound_nominals(text, 0, len(text), [])]


def test_a_wound_caused_to_people_counts_them() -> None:
    assert _found("A bomb caused severe injuries to a Kessan citizen passing by.") == [("a Kessan citizen", 1.0)]
    assert _found("The bomb exploded and caused serious injuries to his leg.") == [("his leg", 1.0)]


def test_the_injury_of_after_a_caused_death() -> None:
    text = "The raid resulted in the death of one guard and the injury of two others."
    assert _found(text) == [("two others", 2.0)]
    assert _found("They discussed the injury of two others.") == []


def test_left_with_wounds() -> None:
    assert _found("The explosion left two ministry employees with minor injuries.") == [("two ministry employees", 2.0)]
    assert _found("The blast left two dead.") == []


def test_a_wound_noun_names_no_person() -> None:
    claims = extract_text("The raid resulted in the death of one guard and the injury of two others.").claims
    assert [(c.category, c.value) for c in claims] == [("killed", 1.0), ("wounded", 2.0)]
    assert extract_text("The blockade caused serious injury to the economy.").claims == ()
