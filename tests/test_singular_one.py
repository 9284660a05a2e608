"""A figure of one read from a singular: an event noun after modifiers ("one reported death",
heads._one_event) and a bare "one" before a present copula ("One is dead", cues.ONE_WAS)."""

from __future__ import annotations

from tests.conftest import claims_of as _killed


def test_a_singular_event_noun_after_modifiers_counts_one() -> None:
    assert _killed("Rival supporters clashed in the square. One reported death.") == [("One reported death", 1.0)]
    assert _killed("Troops clashed with rebels. One rebel death reported.") == [("One rebel death", 1.0)]
    assert _killed("Police fired on marchers; one confirmed death, plus injuries.") == [("one confirmed death", 1.0)]


def test_a_singular_event_noun_that_modifies_a_noun_counts_nothing() -> None:
    assert _killed("The rebels sent one signed death warrant to the mayor.") == []


def test_a_plural_figure_with_a_singular_noun_is_not_read_as_one_event() -> None:
    assert _killed("Police counted two reported death threats.") == []


def test_one_before_a_present_copula_is_a_subject() -> None:
    assert _killed("One is dead after a grenade was thrown into a bar.") == [("One", 1.0)]
    assert _killed("Two farmers were shot; one is reportedly dead.") == [("one", 1.0)]
    assert _killed("One has been killed in the attack.") == [("One", 1.0)]


def test_one_before_a_present_copula_without_a_cue_counts_nothing() -> None:
    assert _killed("One is likely to be questioned by the police.") == []
    assert _killed("One of the hostages is a doctor.") == []
