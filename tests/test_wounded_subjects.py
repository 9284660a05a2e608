"""Subjects of a wounding passive no other rule read (extract/subjects.py, category wounded)."""

from __future__ import annotations

from tollbook.api import extract_text


def _wounded(text: str) -> float | None:
    tally = extract_text(text).tally.get("wounded")
    return tally.best if tally is not None else None


def test_a_singular_subject_however_spelled_is_one_wounded() -> None:
    assert _wounded("Harlan Vost, Jr., was wounded by two bullets as he left his shop in Osso.") == 1.0
    assert _wounded("The Velt Consul in Marrow was seriously injured when a gunman fired at his car.") == 1.0
    assert _wounded("The Orsan Ambassador to Velt was shot and critically wounded in an ambush.") == 1.0


def test_a_pair_of_singulars_is_two_wounded() -> None:
    assert _wounded("His mother and sister were wounded in the attack on the house in Kessel.") == 2.0


def test_a_wounding_predicate_kills_nobody() -> None:
    assert extract_text("The Velt Consul in Marrow was seriously injured.").tally.get("killed") is None


def test_negated_background_and_relative_predicates_wound_nobody() -> None:
    assert _wounded("The envoy to Velt was not injured in the blast at Osso.") is None
    assert _wounded("The town has been quiet since its headman was injured in 1990.") is None
    assert _wounded("The convoy was hit by a mine near Osso and its escort was not hurt.") is None


def test_a_wounded_pair_whose_first_member_was_counted_is_not_doubled() -> None:
    # leading.py adds the second member to the first one counted: 2, not 1 + 2
    assert _wounded("A policeman and Ahmed Noor were injured in Tarrow.") == 2.0


def test_the_head_of_a_subject_decides_person_or_thing() -> None:
    # a place-like modifier ("North") is no head; the first common noun after the figure is
    assert _wounded("Three North Oil Company security guards were wounded near Hatin.") == 3.0
    assert _wounded("Seven vehicles were stoned near Mostar.") is None
    # "X of Y": the head stands before "of"
    assert _wounded("A bomb hit a car in Osso. Another occupant of the car was wounded.") == 1.0
    killed = extract_text("One of the Velts was killed and two others were released.").tally.get("killed")
    assert killed is not None and killed.best == 1.0


def test_a_possessive_or_an_indefinite_pronoun_is_no_subject() -> None:
    assert _wounded("Reports do not indicate whether anyone was injured in Osso.") is None
    assert _wounded("The SUV's had been slashed with hatchets.") is None


def test_a_partitive_of_a_family_counts_people() -> None:
    text = "The soldier was killed, and five of his family members who stood near the car were injured."
    assert _wounded(text) == 5.0
    claims = extract_text("Rebels abducted 40 families near Marrow.").claims
    assert [(c.value, c.unit) for c in claims] == [(40.0, "families")]
