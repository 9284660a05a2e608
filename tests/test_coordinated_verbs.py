"""Past verbs coordinated with a killing verb share its object (extract/cues.py,
grammar/cue_patterns.COORDINATED_PAST / TRAILING_COORDINATED_PAST): text -> claims."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text
from tollbook.extract.cues import left_cue, right_cue


def counts(text: str) -> list[tuple[str, float, str]]:
    return [(c.category, c.value, c.text) for c in extract_text(text).claims
            if c.kind == "count" and c.category in ("killed", "wounded")]  # fmt: skip


@pytest.mark.parametrize(("text", "victim", "value"), [
    ("On 2 March, a number of villagers lynched and killed a suspected goat thief in Savalou.",
     "a suspected goat thief", 1.0),
    ("Dozens of residents lynched and killed two men accused of arson near Sokoto.", "two men", 2.0),
    ("Four gunmen beheaded, mutilated and killed a chief in Menaka.", "a chief", 1.0),
])
def test_the_subject_before_coordinated_verbs_is_the_agent(text: str, victim: str, value: float) -> None:
    assert counts(text) == [("killed", value, victim)]


def test_a_telegraphic_passive_with_coordinated_participles_keeps_its_victims() -> None:
    # No object after the verbs: the figure before them is who died.
    assert counts("Two herders lynched and burned by a mob in Kidal.") == [("killed", 2.0, "Two herders")]


@pytest.mark.parametrize(("text", "victim", "value"), [
    ("A mob lynched and burned three suspected robbers in Ibadan.", "three suspected robbers", 3.0),
    ("Gunmen killed, robbed and dumped five travellers in a ditch near Zaria.", "five travellers", 5.0),
    ("Fighters abducted and then murdered two teachers in Ansongo.", "two teachers", 2.0),
    # the last verb completed by "to death" stays the cue ("detained" would make a detention)
    ("Soldiers detained and beat a shepherd to death near Hombori.", "a shepherd", 1.0),
    # a last verb that another reader counts keeps its object ("kidnapped" would make a hostage)
    ("Insurgents abducted and hanged a father of three in the village of Kerawa.", "a father of three", 1.0),
])
def test_the_first_verb_is_the_cue_when_the_last_is_none(text: str, victim: str, value: float) -> None:
    assert counts(text) == [("killed", value, victim)]


@pytest.mark.parametrize("text", [
    "Rioters looted and burned two warehouses in Chittagong.",
    "Bandits beat and robbed four passengers on the road to Kaura Namoda; all survived.",
    "Gunmen killed and burned two vehicles near Djougou.",
])
def test_coordination_without_a_killing_verb_or_a_person_counts_no_death(text: str) -> None:
    assert counts(text) == []


def test_left_cue_looks_behind_the_coordination_only_when_the_last_verb_is_no_cue() -> None:
    text = "residents shot and killed two thieves"
    assert left_cue(text, 0, text.index("two")).start == text.index("shot")  # type: ignore[union-attr]
    text = "residents lynched and burned two thieves"
    assert left_cue(text, 0, text.index("two")).start == text.index("lynched")  # type: ignore[union-attr]
    text = "rioters looted and burned two shops"
    cue = left_cue(text, 0, text.index("two"))
    assert cue is None or cue.start == text.index("burned")  # "burned" alone needs "to death"


def test_right_cue_sees_the_object_after_coordinated_verbs() -> None:
    text = "villagers lynched and killed a thief"
    assert right_cue(text, text.index(" lynched"), len(text)) is None
    text = "villagers lynched and burned in the square"
    assert right_cue(text, text.index(" lynched"), len(text)) is not None
