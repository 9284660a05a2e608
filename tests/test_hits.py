"""Hits and harms named by their result on the body (grammar/injury_patterns.HARMED: a hit by a
projectile or in a limb, "blinded", "bruised", "paralysed"), with their guards."""

from __future__ import annotations

from tollbook.api import extract_text
from tollbook.extract.grammar import lexicon as lx


def _tally(text: str, category: str) -> float | None:
    tally = extract_text(text).tally.get(category)
    return tally.best if tally is not None else None


def test_a_hit_by_a_projectile_is_a_wound() -> None:
    assert _tally("Two farm labourers were hit by stray bullets near Kadugli.", "wounded") == 2.0
    assert _tally("A market porter was struck by shrapnel near the bus station.", "wounded") == 1.0
    assert _tally("Three nurses were hit by flying glass when the blast shattered the windows.", "wounded") == 3.0


def test_a_hit_in_a_limb_is_a_wound() -> None:
    assert _tally("A schoolteacher in Tarrow was struck in the shoulder by a bullet.", "wounded") == 1.0
    assert _tally("Corporal Anna Vell was hit in the leg during the exchange of fire.", "wounded") == 1.0


def test_harms_named_by_their_result_on_the_body() -> None:
    assert _tally("A local journalist was partially blinded by a parcel bomb.", "wounded") == 1.0
    assert _tally("Two fishermen were badly bruised when their boat was rammed.", "wounded") == 2.0
    assert _tally("A village elder was paralysed after the attack on his house.", "wounded") == 1.0


def test_a_lethal_hit_is_a_death_not_a_wound() -> None:
    text = "A traffic policeman was hit by a bullet and died on the way to hospital."
    assert _tally(text, "killed") == 1.0
    assert _tally(text, "wounded") is None


def test_things_and_non_projectiles_hit_wound_nobody() -> None:
    assert _tally("The deputy mayor was struck by a car during the parade.", "wounded") is None
    assert _tally("The convoy was hit by a roadside bomb north of Osso.", "wounded") is None
    assert _tally("An army helicopter was hit by gunfire over the valley.", "wounded") is None
    assert _tally("A tourist minibus was hit by bullets on the coast road.", "wounded") is None


def test_vehicles_are_things() -> None:
    assert {"minibus", "jeep", "helicopter", "aircraft", "ship", "train", "ambulance"} <= lx.NON_PERSON
