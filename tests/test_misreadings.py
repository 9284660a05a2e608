"""Misreadings that gave false readings: a relative clause's object, "the wounded" as another
verb's object, a place after a comma read as a name, the killer's reflexive after other victims."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text
from tollbook.model import Claim


def killed_and_wounded(text: str) -> list[Claim]:
    return [c for c in extract_text(text).claims if c.kind == "count" and c.category in ("killed", "wounded")]


@pytest.mark.parametrize("text", [
    "A trader who had refused to pay the levy was murdered in Kelda on Monday.",
    "The farmer who owned the land was killed near Velt.",
])
def test_relative_clause_object_is_not_the_victim(text: str) -> None:
    claims = killed_and_wounded(text)
    assert [(c.category, c.value) for c in claims] == [("killed", 1.0)]
    assert claims[0].text.lower().startswith(("a ", "the farmer"))


def test_reporting_verb_closes_the_relative_clause() -> None:
    claims = killed_and_wounded("Residents who fled the village said the driver was killed.")
    assert [(c.text, c.value) for c in claims] == [("the driver", 1.0)]


@pytest.mark.parametrize("text", [
    "The mayor of Kelda is expected to visit the wounded in hospital.",
    "The governor will visit the injured at Velt General Hospital on Friday.",
    "Relatives were waiting to see the dead at the morgue in Orsk.",
])
def test_the_wounded_as_another_verbs_object_is_no_casualty(text: str) -> None:
    assert killed_and_wounded(text) == []


@pytest.mark.parametrize(("text", "category", "value"), [
    ("Three soldiers were among the dead.", "killed", 3.0),
    ("Two police officers were among the wounded in Velt.", "wounded", 2.0),
    ("The death toll stood at 12 on Monday.", "killed", 12.0),
    ("The number of dead rose to a dozen.", "killed", 12.0),
])
def test_membership_and_tolls_still_read(text: str, category: str, value: float) -> None:
    assert [(c.category, c.value) for c in killed_and_wounded(text)] == [(category, value)]


@pytest.mark.parametrize("text", [
    "A chieftain of the party in Oredo, Edo State is shot and killed by gunmen.",
    "A farmer in Kelda, Varno District was killed by gunmen on Sunday.",
])
def test_a_name_ending_in_a_division_noun_is_a_place(text: str) -> None:
    claims = killed_and_wounded(text)
    assert [(c.category, c.value) for c in claims] == [("killed", 1.0)]
    assert claims[0].text.startswith("A ")  # the person, not "Edo State"


def test_the_killers_reflexive_after_the_victims_counts_outside_an_attack() -> None:
    claims = killed_and_wounded("A police officer killed his wife and himself in Kelda.")
    assert sorted((c.text, c.value) for c in claims) == [("himself", 1.0), ("his wife", 1.0)]
    killer = next(c for c in claims if c.text == "himself")
    assert (killer.population, killer.population_class) == ("people", "unknown")
    assert "attackers" in killer.flags


def test_an_attackers_reflexive_is_still_a_militant() -> None:
    claims = killed_and_wounded("A suicide bomber killed eight people and herself near the Kelda checkpoint.")
    bomber = next(c for c in claims if c.text == "herself")
    assert bomber.population == "militants"


@pytest.mark.parametrize("text", [
    "The man killed himself after the trial.",
    "The gunman shot his two colleagues and himself.",
])
def test_a_lone_suicide_or_a_shooting_counts_no_killer(text: str) -> None:
    assert all(c.text != "himself" for c in killed_and_wounded(text))


def test_a_list_member_with_its_own_wound_was_wounded() -> None:
    claims = killed_and_wounded("The bodies of two farmers and a third severely wounded were found near Kelda.")
    assert sorted((c.category, c.value, c.text) for c in claims) == [
        ("killed", 2.0, "two farmers"), ("wounded", 1.0, "a third")]


def test_a_wounded_noun_phrase_in_a_list_is_killed() -> None:
    claims = killed_and_wounded("Gunmen killed two farmers and a third wounded soldier.")
    assert all(c.category == "killed" for c in claims) and len(claims) == 2


def test_of_its_own_heads_a_figure() -> None:
    claims = killed_and_wounded("The army said 65 rebels and 13 of its own were killed.")
    assert sorted(c.value for c in claims) == [13.0, 65.0]
