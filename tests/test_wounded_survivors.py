"""The tally's wounded are those who survived (tally/rules._survivors): people told after the
wounding to have died of their wounds leave the wounded and join the dead."""

from __future__ import annotations

from tests.conftest import best_of as _best
from tollbook.api import extract_text
from tollbook.evaluation.labelled import predict
from tollbook.model import OF_WOUNDS


def test_a_death_of_wounds_told_later_leaves_the_wounded() -> None:
    text = "Nine villagers were hospitalised after a truck drove into their bus in Tarrow. One man died of his wounds."
    assert _best(text, "wounded") == 8.0
    assert _best(text, "killed") == 1.0
    result = extract_text(text)
    assert any(OF_WOUNDS in c.flags for c in result.claims if c.category == "killed")
    assert predict("wounded", result)[0] == 8.0  # the evaluation reads the tally's survivors
    wounded = result.tally.get("wounded")
    assert wounded is not None and wounded.rule.endswith("-died_of_wounds")


def test_another_death_of_wounds_adds_to_the_dead_and_leaves_the_wounded() -> None:
    text = "Two people were killed and 18 injured in the blast in Pell. Another policeman died of his wounds a week later."
    assert _best(text, "killed") == 3.0
    assert _best(text, "wounded") == 17.0


def test_the_wounded_stay_when_no_death_of_wounds_is_told() -> None:
    assert _best("Nine villagers were hospitalised after a truck drove into their bus in Tarrow.", "wounded") == 9.0
    # a death told before the wounding is no survivor taken away
    assert _best("One man died of his wounds in Tarrow. Nine villagers were injured in the same attack.", "wounded") == 9.0


def test_a_part_named_by_the_wounded_keeps_their_stated_total() -> None:
    text = "A bomb killed two people and injured fifty more in Dorrin. Five of the wounded later died of their injuries."
    assert _best(text, "wounded") == 50.0
