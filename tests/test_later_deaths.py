"""Deaths of the wounded told after the toll are additional (extract/later.py)."""

from __future__ import annotations

from tollbook.api import extract_text


def _best(text: str) -> float | None:
    killed = extract_text(text).tally.get("killed")
    return killed.best if killed is not None else None


def test_a_later_death_of_the_wounded_adds_to_the_toll() -> None:
    assert _best("Two farmers were killed and four wounded. One of the wounded later died.") == 3.0
    assert _best("A bomb killed three soldiers. Two of the injured died of their wounds the next day.") == 5.0
    assert _best("Six people died in the blast. Three others later succumbed to their injuries.") == 9.0


def test_a_later_total_still_replaces_the_sum() -> None:
    text = "Four people were killed. One of the wounded later died, raising the death toll to 5."
    assert _best(text) == 5.0


def test_a_bare_death_a_pronoun_a_name_or_a_restated_group_is_no_addition() -> None:
    assert _best("A bomb killed one person. He died of his wounds the next day.") == 1.0
    assert _best("Two officers, Ivo Brandt and Ana Dorn, were killed. Dorn died later in hospital.") == 2.0
    assert _best("Gunmen shot dead four traders. All four died of their wounds.") == 4.0


def test_a_definite_phrase_may_be_someone_counted_before() -> None:
    assert _best("Gunmen killed a taxi driver. The victim died from his injuries later.") == 1.0
