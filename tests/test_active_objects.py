"""Objects of an active lethal verb that no other rule read (extract/active_objects.py)."""

from __future__ import annotations

from tollbook.api import extract_text
from tollbook.extract.active_objects import find_objects


def _objects(text: str) -> list[tuple[str, float]]:
    return [(text[v.span[0] : v.span[1]], v.value) for v in find_objects(text, 0, len(text), [])]


def test_a_singular_object_spelled_any_way_is_one_person() -> None:
    assert _objects("The militia killed a U.S. Marine at the gate.") == [("a U.S. Marine", 1.0)]
    assert _objects("Gunmen assassinated Party secretary Ilse Varn.") == [("Party secretary Ilse Varn", 1.0)]
    assert _objects("The blast went off, killing him instantly.") == [("him", 1.0)]


def test_two_members_add_up() -> None:
    assert _objects("The blast killed its driver and a passer-by.") == [("its driver and a passer-by", 2.0)]
    assert _objects("They murdered a Swede and two Danes near the port.") == [("a Swede and two Danes", 3.0)]


def test_a_figure_after_all_is_the_count() -> None:
    assert _objects("The crash killed all 63 passengers.") == [("all 63 passengers", 63.0)]
    assert _objects("The fire killed all the occupants.") == []


def test_a_participle_after_the_head_ends_the_object() -> None:
    assert _objects("Rebels killed three Estonians travelling to Orsk.") == [("three Estonians", 3.0)]


def test_them_counts_the_group_told_before_or_two_with_both() -> None:
    assert _objects("Gunmen seized four farmers. They later executed them.") == [("them", 4.0)]
    assert _objects("The gunmen shot the two guards, killing them both.") == [("them both", 2.0)]
    assert _objects("Soldiers surrounded the house and killed them.") == []


def test_a_passive_a_noun_or_an_undone_verb_has_no_object() -> None:
    assert _objects("He was killed by a sniper.") == []
    assert _objects("The killing of the mayor shocked the town.") == []
    assert _objects("The captors suggested killing her.") == []
    assert _objects("The rebels tried to kill the mayor.") == []
    assert _objects("Armed groups have killed 15 candidates this year.") == []


def test_reflexives_zeros_things_and_plural_heads_count_nobody() -> None:
    assert _objects("The bomber killed himself.") == []
    assert _objects("The raid killed nobody.") == []
    assert _objects("The gunmen killed their bodyguards.") == []
    assert _objects("The guerrillas killed or wounded five soldiers.") == []


def test_an_object_already_read_is_not_counted_again() -> None:
    text = "The militia killed a U.S. Marine at the gate."
    assert find_objects(text, 0, len(text), [(19, 32)]) == []
    assert [c.value for c in extract_text(text).claims if c.category == "killed"] == [1.0]


def test_one_of_a_group_is_one_person() -> None:
    assert _objects("A bomb exploded, killing one of the village's elders.") == [("one of the village's elders", 1.0)]


def test_a_lowercase_title_before_a_name_opens_the_object() -> None:
    assert _objects("Rebels killed militant leader Abu Dara.") == [("militant leader Abu Dara", 1.0)]
    assert _objects("Armed men killed many Georgians.") == []
    assert _objects("Soldiers killed civilians in Gao.") == []


def test_a_figure_of_things_is_no_victim() -> None:
    assert _objects("Forces killed 15 cows and burned 3 houses.") == []


def test_the_historic_present_kills_its_object_unless_only_intended() -> None:
    assert _objects("Gunmen kill APC ward chairman in Velt.") == [("APC ward chairman", 1.0)]
    assert _objects("A mine kills Red Crescent driver near Orsk.") == [("Red Crescent driver", 1.0)]
    assert _objects("The militia vowed to kill the Orsk elders.") == []
    assert _objects("The gang will not kill a hostage.") == []
    assert _objects("Fighters threaten to kill the mayor.") == []
