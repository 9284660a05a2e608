"""A shooting its victims survived (extract/survivors.py)."""

from __future__ import annotations

from tollbook.api import extract_text


def _wounded(text: str) -> float | None:
    tally = extract_text(text).tally.get("wounded")
    return tally.best if tally is not None else None


def test_survival_told_after_a_shooting_makes_it_a_wound() -> None:
    assert _wounded("Ivo Marsh, the mayor of Tarrow, was shot by gunmen. Marsh survived the attack.") == 1.0
    assert _wounded("A Velt aid worker and her driver were shot by rebels near Osso. Both survived.") == 2.0
    assert _wounded("Tomas Verin was shot by two men. He was reported in stable condition.") == 1.0


def test_a_shooting_alone_or_followed_by_a_death_wounds_nobody() -> None:
    assert _wounded("Ivo Marsh was shot by gunmen in Osso.") is None
    assert _wounded("Ivo Marsh was shot by gunmen in Osso. He died in hospital two days later.") is None


def test_shot_at_is_no_shooting_of_a_person() -> None:
    assert _wounded("A Velt patrol was shot at near Marrow. The soldiers survived unhurt.") is None
