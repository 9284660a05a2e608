"""A part of the harmed who died, its noun elided (extract/later.py, PART_DEATH): "Two farmers
were shot, and one died" is one killed and one wounded, not two killed."""

from __future__ import annotations

from tollbook.api import extract_text


def _tally(text: str) -> tuple[float | None, float | None]:
    tally = extract_text(text).tally
    killed, wounded = tally.get("killed"), tally.get("wounded")
    return (killed.best if killed else None, wounded.best if wounded else None)


def test_the_part_that_died_is_killed_and_the_rest_wounded() -> None:
    assert _tally("Two farmers were shot, and one died.") == (1.0, 1.0)
    assert _tally("Four soldiers were wounded, and one later died.") == (1.0, 3.0)
    assert _tally("Six policemen were stabbed in Kisumu, but two of them later succumbed.") == (2.0, 4.0)
    assert _tally("Three fishermen were injured off Sittwe; one died the next morning.") == (1.0, 2.0)


def test_the_part_is_flagged_a_death_of_wounds() -> None:
    claims = extract_text("Four soldiers were wounded near Gao, and one later died.").claims
    dead = [c for c in claims if c.category == "killed"]
    assert [(c.text, c.value) for c in dead] == [("one", 1.0)]
    assert {"additional", "of_wounds"} <= set(dead[0].flags)
    assert dead[0].population == "soldiers"


def test_a_death_with_its_own_noun_or_no_part_is_not_read_so() -> None:
    # "one soldier": its own subject, maybe someone else; not taken from the wounded
    assert _tally("Three guards were wounded, and one soldier died.") == (1.0, 3.0)
    # no part: as many died as were shot; "no one" is nobody
    assert _tally("Two farmers were shot, but no one died.")[0] == 0.0
    # after people told wounded, a bare "and one died" may be one more person: not a part
    assert _tally("Two guards were wounded and one died in the attack on the convoy.")[1] == 2.0
    # a death told of people killed is no part of the harmed
    assert _tally("Two farmers were killed in Oyo, and one died later.")[1] is None


def test_a_death_in_a_relative_clause_on_the_wounded() -> None:
    # the relative pronoun is the object's, even after an active wounding
    text = "Militiamen executed three civilians near Tessit and wounded another who succumbed the following day."
    assert _tally(text) == (4.0, 0.0)
    assert _tally("Gunmen wounded a councillor who later died in hospital.") == (1.0, 0.0)
    # a second predicate after the object is still the subject's
    assert _tally("A gunman wounded five people before dying.")[1] == 5.0


def test_one_of_whom_died_leaves_the_wounded() -> None:
    assert _tally("Bandits wounded four herders near Gusau, one of whom later died.") == (1.0, 3.0)
    assert _tally("Four soldiers were wounded, one of whom later died.") == (1.0, 3.0)
