"""Subjects of a wounding passive that no count rule reads (extract/subjects.py): a possessive,
a pair, an acronym in parentheses, with the lethal subjects' guards; after "and", such a pair or
a long singular noun phrase with its own verb is a new subject (count_patterns.NEW_SUBJECT)."""

from __future__ import annotations

from tollbook.api import extract_text


def _wounded(text: str) -> list[tuple[float, str]]:
    return [(c.value, c.text) for c in extract_text(text).claims if c.category == "wounded"]


def test_possessive_pair_and_acronym_subjects_are_read() -> None:
    assert _wounded("Gunmen fired on Ana Soler and her husband. Soler's husband was injured in the attack.") == [
        (1.0, "Soler's husband")
    ]
    assert _wounded("Raiders struck the Petrov farm. Petrov's son and driver were injured in the raid.") == [
        (2.0, "Petrov's son and driver")
    ]
    assert _wounded("A bomb hit a patrol. Two Northern Defence Corps (NDC) fighters were injured in the blast.") == [
        (2.0, "Two Northern Defence Corps (NDC) fighters")
    ]


def test_the_guards_of_lethal_subjects_hold_for_wounds() -> None:
    assert _wounded("Gunmen fired on the convoy of Ola Brandt. Brandt's bodyguard was not injured.") == []
    assert _wounded("A bomb went off at the depot. The car was damaged in the blast.") == []
    assert _wounded("A bomb went off at the depot. Nobody was injured in the blast.") == [(0.0, "Nobody was injured")]


def test_a_fatal_wound_stays_a_death() -> None:
    claims = extract_text("Gunmen attacked the Orlov house. Orlov's nephew was fatally injured in the attack.").claims
    assert [(c.category, c.value) for c in claims] == [("killed", 1.0)]


def _tally(text: str, category: str) -> float | None:
    cat = extract_text(text).tally.get(category)
    return cat.best if cat is not None else None


def test_a_new_subject_after_and_is_not_the_first_figure_again() -> None:
    # The pair has its own plural verb and is counted as two: the mayor is not also wounded.
    assert _tally("The mayor was killed, and his son and driver were injured in the attack.", "wounded") == 2.0
    # A long singular noun phrase with its own verb is a new subject too.
    text = "Three people were killed and the former Kandahar district police chief was injured."
    assert _tally(text, "wounded") == 1.0 and _tally(text, "killed") == 3.0
    # A second predicate of the same people still counts them again.
    assert _tally("Four soldiers were abducted and killed.", "killed") == 4.0
