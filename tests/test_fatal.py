"""Wounds said to be fatal are deaths (extract/fatal.py)."""

from __future__ import annotations

from tollbook.api import extract_text


def _claims(text: str) -> list[tuple[str, str, float]]:
    return [(c.category or "", c.text, c.value) for c in extract_text(text).claims]


def test_a_fatal_wound_of_a_subject_is_a_death() -> None:
    assert _claims("The mayor of Orsk, Ivo Brandt, was mortally wounded outside his home.") == [
        ("killed", "The mayor", 1.0)
    ]
    found = _claims("Dr. Ana Dorn, a surgeon, was fatally wounded when a bomb exploded.")
    assert [c for c in found if c[0] == "killed"] and not [c for c in found if c[0] == "wounded"]


def test_a_fatal_wound_before_an_object_is_a_death() -> None:
    assert ("killed", "a soldier", 1.0) in _claims("A sniper fired on the patrol, fatally wounding a soldier.")


def test_a_subject_no_rule_read_with_a_fatal_wound_is_one_death() -> None:
    assert _claims("An organizer and editor of a monthly was fatally shot in Velt.") == [
        ("killed", "editor of a monthly", 1.0)
    ]


def test_a_plain_or_serious_wound_stays_a_wound() -> None:
    assert _claims("The mayor of Orsk was seriously wounded outside his home.") == [("wounded", "The mayor", 1.0)]
