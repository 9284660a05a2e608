"""People set on fire or burned to death (extract/burning.py, issue 20): "set a suspected
robber alight", "a woman is set ablaze"; things and undone burnings count nobody."""

from __future__ import annotations

from tests.conftest import claims_of as _killed
from tollbook.extract.burning import find_burnings


def test_an_object_set_alight_is_killed() -> None:
    text = "A crowd set a suspected robber alight in Haldor."
    found = find_burnings(text, 0, len(text), [])
    assert [(text[v.span[0] : v.span[1]], v.category, v.value) for v in found] == [("a suspected robber", "killed", 1.0)]
    assert _killed("A mob set four suspected thieves on fire in Marren.") == [("four suspected thieves", 4.0)]
    assert _killed("Vigilantes caught a presumed kidnapper and set her alight.") == [("her", 1.0)]
    assert _killed("A man burns his neighbour's wife to death in Sorel.") == [("his neighbour's wife", 1.0)]


def test_things_set_alight_and_undone_burnings_count_nobody() -> None:
    for text in (
        "Protesters set the governor's office on fire in Tamsin.",
        "Rioters set the home of a local councillor ablaze in Drummel.",
        "Youths set two buses alight in Velmora.",
        "A mob threatened to set the suspect alight in Orlen.",
        "Soldiers burned the village to the ground.",
        "The crowd set the thief alive.",  # "set" wants alight / ablaze / on fire, not "alive"
    ):
        assert _killed(text) == [], text


def test_a_subject_set_ablaze_is_killed_but_not_its_owner() -> None:
    assert _killed("An elderly herder was set ablaze by youths near Kessel.") == [("An elderly herder", 1.0)]
    assert _killed("Several huts were set ablaze and a man was set on fire.") == [("a man", 1.0)]
    for text in (
        "A councillor's house was set on fire in Zeta.",
        "The car of a man was set alight in Orlen.",
        "The headquarters of a company was set on fire by gunmen.",
    ):
        assert _killed(text) == [], text


def test_a_figure_after_the_article_counts_the_object() -> None:
    assert _killed("An angry mob set the two drivers ablaze in Osholo.") == [("the two drivers", 2.0)]
    assert _killed("Rioters set the two buses ablaze.") == []
