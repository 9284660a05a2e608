"""Tally: an attacker's death told in a sentence of its own adds to a toll that names no attacker
(tally/rules.py `_attackers_apart`); a bomber's or a suicide's death, a toll that names its
attackers, and a restated attacker's death do not. Sentences written here."""

from __future__ import annotations

import pytest

from tollbook.ingest.documents import document_from_text
from tollbook.pipeline import Pipeline


@pytest.mark.parametrize(("text", "killed"), [
    # told apart, killed by others: added
    ("Gunmen shot and killed four guards at the Ostrel depot. The assailant was killed by responding police.", 5),
    ("Troops shot and killed the gunman at the gate. At least three soldiers were killed in the assault.", 4),
    ("Two farmers were killed and five were wounded when a militant attacked Lusk market. The attacker was "
     "gunned down by villagers.", 3),
    ("Seven pilgrims were killed near the shrine at Aven. The two attackers were killed by security forces.", 9),
    # restated: one death
    ("Guards killed the gunman after he shot dead three clerks in Merrow. The gunman was killed at the door.", 4),
    # a bomber or a suicide may be in the toll of his own blast or shooting
    ("One person was killed when a bomb exploded early on the road to Tarn, killing the bomber.", 1),
    ("Six people were killed at the Kessel bus station. The suicide attacker was also identified as a local man.", 6),
    ("Four people were killed at a school in Orr. The assailant then killed himself.", 4),
    # the toll names its attackers
    ("Eleven people, including three assailants, were killed in Dorr. The assailants were killed by troops.", 11),
    # the attacker's death in the toll's own sentence is read there, not here
    ("The assailant and two police officers were killed in the clash at Vell.", 3),
])  # fmt: skip
def test_an_attackers_death_told_apart_adds_to_the_toll(pipeline: Pipeline, text: str, killed: float) -> None:
    tally = pipeline.run(document_from_text(text)).tally.get("killed")
    assert tally is not None and tally.best == killed, tally


def test_only_deaths_add_an_attacker_told_apart(pipeline: Pipeline) -> None:
    text = "Gunmen wounded four guards at the Ostrel depot. The assailant was wounded by responding police."
    wounded = pipeline.run(document_from_text(text)).tally.get("wounded")
    assert wounded is not None and wounded.best == 4 and "attackers_apart" not in wounded.rule
