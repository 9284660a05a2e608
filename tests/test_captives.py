"""Hostages and kidnappings (extract/captives.py): second objects, the kidnapped later killed,
the freed as a subset of the taken."""

from __future__ import annotations

from tollbook.api import extract_text
from tollbook.model import Extraction


def _best(text: str, category: str = "hostage") -> float | None:
    tally = extract_text(text).tally.get(category)
    return tally.best if tally is not None else None


def _claims(result: Extraction, category: str) -> list[tuple[str, float]]:
    return [(c.text, c.value) for c in result.claims if c.category == category]


def test_a_second_object_after_and_is_one_more_captive() -> None:
    assert _best("Gunmen abducted Lena Ostrova and her nephew near the market in Tazin.") == 2.0
    assert _best("Rebels kidnapped Joao Mbeki, a customs officer, and three of his colleagues.") == 4.0
    assert _best("Raiders abducted regional judge Amir Sadiq and court clerk Farid Noori in Bost.") == 2.0
    assert _best("Fighters abducted a shepherd and son in the hills near Arvo.") == 2.0


def test_a_second_object_of_a_killing_verb_counts_too() -> None:
    assert _best("Gunmen shot and killed Omar Haidari and a passer-by in Herat.", "killed") == 2.0


def test_the_second_object_is_marked_with_its_rule_and_adds_up() -> None:
    result = extract_text("Armed men abducted Grace Oyelaran and an aide on Sunday.")
    rules = sorted(c.rule for c in result.claims if c.category == "hostage")
    assert rules == ["count.object_conjunct:hostage+list", "count.victim_object:hostage+list"]
    assert result.tally.get("hostage").rule == "sum_disjoint"  # type: ignore[union-attr]


def test_a_clause_after_and_is_no_second_object() -> None:
    assert _best("Gunmen abducted a doctor and the attackers fled towards the forest.") == 1.0
    assert _best("Gunmen killed Ruben Castaneda and his shop was looted.", "killed") == 1.0
    assert _best("Gunmen abducted Mia Sorel and then burned her car.") == 1.0


def test_a_passive_or_an_attempt_takes_no_second_object() -> None:
    assert _best("Assailants tried to abduct a journalist and his cameraman outside the court.") is None
    assert _best("A nurse was abducted by gunmen and her colleagues fled.") == 1.0


def test_the_kidnapped_later_killed_are_hostages_and_dead() -> None:
    result = extract_text("Assailants kidnapped and later killed a Catholic priest near Tovi.")
    assert _claims(result, "hostage") == [("a Catholic priest", 1.0)]
    assert _claims(result, "killed") == [("a Catholic priest", 1.0)]
    assert _best("Militants abducted, tortured and killed three farmers near Goz.") == 3.0
    assert _best("Rebels abducted and executed Ivan Petrek, a surveyor.") == 1.0


def test_a_killing_without_a_kidnapping_takes_no_hostage() -> None:
    assert _best("Assailants attacked and killed a tribal elder in Qadis.") is None
    assert _best("Gunmen shot and killed two guards at the bank.") is None


def test_the_freed_are_a_subset_of_the_taken() -> None:
    text = "Gunmen abducted 21 passengers near Yakila. Ten hostages were released on Sunday."
    result = extract_text(text)
    whole, freed = (c for c in result.claims if c.category == "hostage")
    assert (freed.parent, freed.relation) == (whole.claim_id, "subset")
    assert result.tally.get("hostage").best == 21.0  # type: ignore[union-attr]
    assert _best("Bandits abducted eight travellers. Three hostages were released in April and "
                 "the remaining five hostages were released in May.") == 8.0  # fmt: skip
    assert _best("Gunmen held 30 workers hostage. Troops rescued 12 hostages on Friday.") == 30.0


def test_freed_people_alone_or_more_than_the_taken_count() -> None:
    # the only account of the taking: the freed are the hostages known
    assert _best("Six hostages were released on Monday, a spokesman said.") == 6.0
    # more freed than said taken: not a subset of that figure
    result = extract_text("Gunmen kidnapped two engineers. Twelve hostages were freed later.")
    freed = next(c for c in result.claims if c.value == 12.0)
    assert freed.parent is None and freed.relation is None


def test_a_fronted_in_addition_adds_its_subject() -> None:
    text = ("Gunmen held 25 aid workers hostage in Dikko. In addition, at least seven drivers were abducted "
            "as the gunmen withdrew.")  # fmt: skip
    assert _best(text) == 32.0
    # a vague amount after it may be the same people: it adds nothing
    result = extract_text("Three guards were killed at the gate. Additionally, an unknown number of the victims were beheaded.")
    assert not any("additional" in c.flags for c in result.claims)


def test_a_seized_building_is_no_hostage() -> None:
    assert _best("Militiamen seized the residence of a provincial judge in Marib.") is None


def test_a_relative_partitive_keeps_its_own_predicate() -> None:
    result = extract_text("At least nine people, two of whom had been held hostage, were killed in Beni.")
    killed, hostage = result.tally.get("killed"), result.tally.get("hostage")
    assert killed is not None and killed.best == 9.0
    assert hostage is not None and hostage.best == 2.0
    part = next(c for c in result.claims if c.category == "hostage")
    assert part.relation == "subset" and part.parent in killed.claim_ids
    # a relative clause with no predicate of another category stays a part
    result = extract_text("Twelve people, four of whom were children, were killed in the raid.")
    assert [c.relation for c in result.claims] == [None, "part"]


def test_the_kidnapping_verb_family_reads_phrases_too() -> None:
    assert _best("Bandits snatched three pupils from a school in Zamfara.") == 3.0
    assert _best("Nine villagers were carried off by the raiders.") == 9.0
    assert _best("Two nurses were taken away at gunpoint near the clinic.") == 2.0


def test_things_and_animals_take_no_hostage() -> None:
    assert _best("Thieves snatched 3 phones from the stall.") is None
    assert _best("A child was snatched by a crocodile near the river.") is None
    assert _best("Six villagers were carried off by the floodwaters.") is None
    assert _best("The bodies were taken away by relatives.") is None


def test_the_people_aboard_a_hijacked_vehicle_are_hostages() -> None:
    assert _best("Gunmen hijacked a plane carrying 120 passengers and 8 crew members.") == 128.0
    assert _best("Five men hijacked a bus with 40 passengers on board near Kano.") == 40.0
    # passengers of a vehicle not hijacked are nobody's hostages
    assert _best("A bus carrying 40 passengers overturned near Kano.") is None


def test_people_held_by_attackers_are_hostages_not_detainees() -> None:
    result = extract_text("04/02/2021: Assailants stopped and briefly detained a journalist near Ahome.")
    assert result.tally.get("hostage") is not None and result.tally.get("detained") is None
    result = extract_text("Police detained a journalist near Ahome.")
    assert result.tally.get("hostage") is None and result.tally.get("detained") is not None


def test_a_passive_subject_kidnapped_then_killed_is_a_hostage_too() -> None:
    result = extract_text("Juan Perez was abducted by gunmen in Tame and later killed.")
    assert _claims(result, "hostage") == [("Juan Perez", 1.0)] and _claims(result, "killed") == [("Juan Perez", 1.0)]
    assert _best("Juan Perez was shot and killed in Tame.") is None


def test_objects_after_a_determiner_or_a_complement() -> None:
    assert _best("Assailants kidnapped the two daughters of a businessman in Onitsha.") == 2.0
    assert _best("Assailants took eight employees of a mining company hostage in Kivu.") == 8.0
    assert _best("Gunmen kidnapped the wife of a local politician and her two children.") == 3.0
    assert _best("Assailants abducted Dennis Abuda, a local prince, and his three sons.") == 4.0
    # things after the determiner, an attempt before the verb: no hostage
    assert _best("Gunmen seized the two trucks at the border.") is None
    assert _best("Gunmen tried to kidnap the two daughters of a businessman.") is None


def test_a_figure_with_its_own_predicate_after_comma_and_is_a_new_clause() -> None:
    result = extract_text("Assailants abducted 13 people, and one hostage was killed.")
    assert _claims(result, "hostage") == [("13 people", 13.0)]
    assert _claims(result, "killed") == [("one hostage", 1.0)]
    # a second object without a predicate of its own stays in the list
    assert _best("Gunmen abducted three engineers, and their driver, near Warri.") == 4.0


def test_a_fronted_in_addition_flags_the_whole_coordinated_subject() -> None:
    result = extract_text("Two guards were wounded. In addition, the deputy commander and two of his aides were killed.")
    killed = result.tally.get("killed")
    assert killed is not None and killed.best == 3.0


def test_taken_away_by_armed_men_is_one_cue() -> None:
    # lexicon.CAPTIVE_PHRASES_AFTER: at gunpoint, or by armed men (militants, attackers, captors)
    assert _best("Six teachers were marched away by their armed captors.") == 6.0
    assert _best("Nine farmers were led away by the rebels at dawn.") == 9.0
    assert _best("Four boys were carried away by the floodwaters.") is None
    assert _best("Three suspects were led away by police.") is None
