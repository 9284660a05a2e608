"""A vague amount of a group named by its name alone (extract/groupnames.py): "dozens of Ansar
Kelda", "several Ansar Kelda"; never a thing's name, never lowercase words."""

from __future__ import annotations

from tests.conftest import claims_of as _killed
from tollbook.extract.groupnames import vague_group


def test_the_name_after_the_amount_and_of() -> None:
    text = "Troops killed dozens of Ansar Kelda near Velt."
    at = text.index("dozens") + len("dozens")
    assert vague_group(text, at, len(text)) == (text.index(" near"), "kelda")
    text = "Troops killed dozens of houses near Velt."
    assert vague_group(text, text.index("dozens") + len("dozens"), len(text)) is None


def test_a_vague_amount_of_a_group_is_killed_beside_its_cue() -> None:
    assert _killed("Government troops kill dozens of Ansar Kelda in a raid.") == [("dozens of Ansar Kelda", 24.0)]
    assert _killed("Several Ansar Kelda were killed when their convoy was bombed.") == [("Several Ansar Kelda", 3.0)]


def test_no_thing_and_no_figure_without_a_cue() -> None:
    assert _killed("Rebels burned dozens of Velt Company trucks.") == []
    assert _killed("Dozens of Ansar Kelda gathered in Velt.") == []
