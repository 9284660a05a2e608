"""Coordinated lists of people (extract/member_lists.py), read for the wounded."""

from __future__ import annotations

from tollbook.api import extract_text
from tollbook.extract.member_lists import list_value, unread


def _value(text: str) -> float | None:
    return list_value(text, (0, len(text)))


def _wounded(text: str) -> float | None:
    tally = extract_text(text).tally.get("wounded")
    return tally.best if tally is not None else None


def test_members_count_one_each_or_their_figure() -> None:
    assert _value("A Velt steward, a Tarrow guard, and an Osso porter") == 3.0
    assert _value("The head of the Kessel radio station, his wife and two reporters") == 4.0


def test_an_apposition_is_one_person() -> None:
    assert _value("Popov, a commander, and his daughter") == 2.0
    assert _value("The director of the Osso mill, a Velt citizen, and his bodyguard") == 2.0


def test_no_list_without_a_comma_and_an_and_or_with_a_plural_or_a_breakdown() -> None:
    assert _value("His mother and sister") is None
    assert _value("Guards, soldiers and a policeman") is None
    assert _value("Thirteen people (seven Velts, an Orsan and four Kessans)") is None


def test_a_list_the_count_rules_read_in_full_is_theirs() -> None:
    text = "Ivo Brandt, a district engineer, and his assistant"
    assert not unread(text, (0, len(text)), [(12, 31), (37, 50)])
    assert unread(text, (0, len(text)), [(37, 50)])


def test_lists_before_a_wounding_predicate_and_after_a_wounding_verb() -> None:
    assert _wounded("A Velt steward, a Tarrow guard, and an Osso porter were injured in the blast.") == 3.0
    assert _wounded("A bomb went off in Dorrin, wounding the First Secretary, his driver and two others.") == 4.0
    assert _wounded("Gunmen wounded the mayor, Ivo Marsh, and his driver near Tarrow.") == 2.0
