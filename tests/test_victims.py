"""Victims named without a number (extract/victims.py): one person each, with the guards."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text
from tollbook.extract.victims import find_victims


def _killed(text: str) -> list[tuple[str, float, str]]:
    return [(c.category or "", c.value, c.text) for c in extract_text(text).claims if c.kind == "count"]


@pytest.mark.parametrize(("text", "want"), [
    ("Gunmen shot and killed Imre Vadas, a lawyer, in Lorsk.", [("killed", 1.0, "Imre Vadas")]),
    ("Soldiers executed tribal elder Omar Sefu near Amsel.", [("killed", 1.0, "tribal elder Omar Sefu")]),
    ("Kiri Alden was killed by a roadside bomb in Drevna.", [("killed", 1.0, "Kiri Alden")]),
    ("Nurse Ada Morrow died in the shelling of Sarn.", [("killed", 1.0, "Nurse Ada Morrow")]),
    ("Pirates abducted Captain Ivo Strand off the coast of Calder Bay.", [("hostage", 1.0, "Captain Ivo Strand")]),
    ("Ruben Sol, a trader, was wounded in the blast.", [("wounded", 1.0, "a trader")]),
    ("Police gunned down Tarek Ilyin in a raid on Teleran.", [("killed", 1.0, "Tarek Ilyin")]),
    ("Rebels stabbed Lena Ostrova to death in Varno.", [("killed", 1.0, "Lena Ostrova")]),
])  # fmt: skip
def test_named_victims(text: str, want: list[tuple[str, float, str]]) -> None:
    assert _killed(text) == want


@pytest.mark.parametrize("text", [
    "Hundreds marched in Amsel to protest the killing of Jonas Avel by police last month.",  # background
    "A court convicted two men of murdering Sana Bello.",  # a trial
    "Gunmen attempted to kill Governor Ivo Marsh in Carrow.",  # undone
    "A mob nearly lynched Paul Oduya in Sorel.",  # undone
    "Gunmen shot Paul Oduya in Sorel.",  # a manner verb without its result
    "Troops killed Kessel Brigade fighters near Drevna.",  # the name modifies a noun
    "A soldier from Kano was killed in the ambush.",  # a place after a preposition
    "The killing of Amir Dallo shocked the town.",  # a noun, not a verb
    "Rebels could kill Mayor Tomas Reeve if the talks fail.",  # a hypothetical
    "Villagers were killed in Marren.",  # a plural noun, not a name
    "A warehouse was burned down in Sorel overnight.",  # a building's fate, not a person's
])  # fmt: skip
def test_guards(text: str) -> None:
    found = find_victims(text, 0, len(text), [])
    assert found == [], found


def test_a_counted_apposition_is_not_counted_twice() -> None:
    text = "Dario Venn, a journalist, was shot dead in Ardel."
    assert [c.value for c in extract_text(text).claims] == [1.0]
    assert extract_text(text).tally.get("killed").best == 1  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "want"), [
    ("Militants shot dead a Valdorian Customs Service (VCS) inspector in Ardel.",
     "a Valdorian Customs Service (VCS) inspector"),
    ("An off-duty Lorsk city council driver was stabbed to death.", "An off-duty Lorsk city council driver"),
])  # fmt: skip
def test_long_role_nouns_with_their_modifiers(text: str, want: str) -> None:
    assert _killed(text) == [("killed", 1.0, want)]


def test_a_pair_of_people_adds_up() -> None:
    result = extract_text("Gunmen fired on the car of Nils Arno, a judge. Arno and his driver were killed.")
    assert [c.text for c in result.claims] == ["Arno", "his driver"]
    assert result.tally.get("killed").best == 2  # type: ignore[union-attr]


@pytest.mark.parametrize("text", [
    "An Ardel Regional Health (ARH) report was published.",  # not a person
    "Shelling hit a Marren Water Board pumping station.",  # no verb on it
    "Police and soldiers were killed in Sarn.",  # plural nouns, not a pair of people
])  # fmt: skip
def test_role_and_pair_guards(text: str) -> None:
    assert find_victims(text, 0, len(text), []) == []


@pytest.mark.parametrize(("text", "killed"), [
    ("Six captives were hanged by the militia in Lorsk.", 6),
    ("Three guards were martyred defending the shrine in Amsel.", 3),
    ("An angry crowd burned alive a suspected thief in Sorel.", 1),  # the crowd is the agent
    ("He was stabbed to death outside his home in Varno.", 1),
    ("A looter was nearly lynched by residents of Carrow.", 0),
    ("Two soldiers were almost killed by a sniper near Drevna.", 0),
])  # fmt: skip
def test_verb_families_and_their_non_lethal_uses(text: str, killed: float) -> None:
    tally = extract_text(text).tally.get("killed")
    assert (tally.best if tally else 0) == killed


def test_a_pronoun_is_read_as_someone_already_counted() -> None:
    result = extract_text("Gunmen shot a teacher in Marren. She died in hospital.")
    assert result.tally.get("killed").best == 1  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "killed", "attackers"), [
    ("The bomber blew himself up at the checkpoint, killing six soldiers.", 7, 1),
    ("Two suicide bombers blew themselves up near the Sorel market.", 2, 2),
    ("The attacker detonated his vest early, killing only himself.", 1, 1),
    # the troops "lost two soldiers": two more dead (lost.lost_combatants), not attackers
    ("Troops killed five assailants and lost two soldiers in Drevna.", 7, 5),
    ("A farmer in Marren said he blamed himself for the fire.", 0, 0),  # no attack
])  # fmt: skip
def test_attackers_are_counted_and_flagged(text: str, killed: float, attackers: float) -> None:
    result = extract_text(text)
    tally = result.tally.get("killed")
    assert (tally.best if tally else 0) == killed
    flagged = sum(c.value for c in result.claims if "attackers" in c.flags and c.category == "killed")
    assert flagged == attackers


@pytest.mark.parametrize(("text", "category", "value"), [
    ("Gunmen stopped the bus near Amsel; three of its passengers were shot dead.", "killed", 3),
    ("One of the abducted engineers was killed in Sarn.", "killed", 1),
    ("Eight members of an indigenous guard were killed in Lorsk.", "killed", 8),  # not 1
    ("She suffered serious burns in the blast.", "wounded", 1),
    ("Two of the lorries were burned in Carrow.", "killed", 0),  # things
])  # fmt: skip
def test_partitives(text: str, category: str, value: float) -> None:
    tally = extract_text(text).tally.get(category)
    assert (tally.best if tally else 0) == value


@pytest.mark.parametrize("text", [
    "The mayor of Quessant was not injured in the attack.",
    "Two guards of the depot were not injured.",
    "The head of the council was never harmed, officials said.",
])
def test_a_predicate_undone_past_the_subjects_post_modifier(text: str) -> None:
    # "of Quessant" stands between the subject and "was not injured": still no casualty
    assert extract_text(text).tally.categories == ()


def test_a_post_modifier_does_not_hide_a_real_casualty() -> None:
    tally = extract_text("Two guards of the depot were injured, and the mayor was not hurt.").tally
    assert [(c.category, c.best) for c in tally.categories] == [("wounded", 2.0)]
