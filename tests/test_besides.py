"""People a fronted additive phrase adds (extract/besides.py): read, added up by the tally, guarded."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text


def _tally(text: str, category: str) -> float:
    t = extract_text(text).tally.get(category)
    return t.best if t else 0.0


@pytest.mark.parametrize(
    ("text", "category", "best"),
    [
        ("In addition to the assailant, at least nine people were killed in the market in Dorn.", "killed", 10),
        ("Besides the two gunmen, a guard was killed when police stormed the bank in Ivel.", "killed", 3),
        ("Apart from a nurse, three patients were hurt when the clinic in Sabo was shelled.", "wounded", 4),
        ("In addition to the assailant, one soldier and four civilians were killed near Kerr.", "killed", 6),
        # the death is said outright, whatever the clause after it counts
        ("Aside from the deaths of the three bombers, nobody was hurt at the gate in Olm.", "killed", 3),
    ],
)
def test_the_phrase_adds_its_people_to_the_clause(text: str, category: str, best: float) -> None:
    assert _tally(text, category) == best


@pytest.mark.parametrize(
    ("text", "category", "best"),
    [
        # how many is not said
        ("In addition to the assailants, five soldiers were killed at the post in Varo.", "killed", 5),
        # not people
        ("In addition to the damage to the school, two children were injured in Pell.", "wounded", 2),
        # not fronted: a clause's object, not an addition to a count
        ("Police said the man, in addition to the driver, was questioned; two people were killed in Asko.",
         "killed", 2),
        # the clause right after it is not counted: its category is not borrowed from a later one
        ("In addition to the bomber, several people, among them a judge, died and eight were wounded.",
         "wounded", 8),
    ],
)
def test_guards(text: str, category: str, best: float) -> None:
    assert _tally(text, category) == best


def test_the_clause_after_a_death_of_phrase_keeps_its_own_predicate() -> None:
    # "death of" is a cue for the phrase only: the officers were injured, not killed.
    from tollbook import api

    x = api.extract_text("Aside from the death of the assailant, at least three police officers were injured in the blast.")
    got = {(c.text, c.category, c.value) for c in x.claims}
    assert ("at least three police officers", "wounded", 3.0) in got
    assert ("the assailant", "killed", 1.0) in got
    assert {c.category: c.best for c in x.tally.categories} == {"killed": 1.0, "wounded": 3.0}
