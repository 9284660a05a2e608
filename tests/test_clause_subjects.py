"""Subjects of a singular lethal passive that no other rule read (extract/subjects.py)."""

from __future__ import annotations

from tests.conftest import best_of as _best
from tests.conftest import claims_of as _killed
from tollbook.extract.subjects import find_clause_subjects


def _subjects(text: str) -> list[str]:
    return [text[v.span[0] : v.span[1]] for v in find_clause_subjects(text, 0, len(text), [])]


def _whole(text: str) -> tuple[str, int, int, list[tuple[int, int]]]:
    return text, 0, len(text), []


def test_a_subject_spelled_with_titles_initials_and_apposition_is_one_person() -> None:
    assert _killed("Major Ilan K. Perry, a U.S. military attache in Tamsin, was shot to death.") == [
        ("Major Ilan K. Perry, a U.S. military attache in Tamsin", 1.0)
    ]
    assert _killed("The Norwegian Ambassador was assassinated at his desk.") == [("The Norwegian Ambassador", 1.0)]


def test_the_subject_starts_after_a_clause_opener_or_a_fronted_adverbial() -> None:
    assert _subjects("Police said that Ilse Varn was murdered in her shop.") == ["Ilse Varn"]
    assert _subjects("On Sunday, the Second Secretary was gunned down.") == ["the Second Secretary"]


def test_a_death_in_a_clause_of_another_time_is_background() -> None:
    assert _subjects("Ten days after the Danish Consul was assassinated, a bomb exploded.") == []
    assert _subjects("The town has been quiet since its mayor was killed in 1990.") == []


def test_a_relative_clause_an_auxiliary_or_a_thing_is_no_subject() -> None:
    assert _subjects("They honoured a man who was killed last year.") == []
    assert _subjects("The campfire had died out by dawn.") == []
    assert _subjects("The proposal was killed in committee.") == []


def test_an_undone_or_wounding_predicate_kills_nobody() -> None:
    assert _subjects("The envoy was nearly killed when his convoy was ambushed.") == []
    # a wounding predicate's subject is read, as wounded (the killed are none)
    text = "The envoy was seriously wounded."
    assert [(text[v.span[0] : v.span[1]], v.category) for v in find_clause_subjects(*_whole(text))] == [
        ("The envoy", "wounded")
    ]
    assert _killed(text) == []


def test_a_subject_holding_a_figure_is_left_to_the_count_rules() -> None:
    assert _subjects("Several hundred refugees died during the siege.") == []


def test_a_subject_already_read_is_not_counted_again() -> None:
    text = "The Norwegian Ambassador was assassinated."
    assert find_clause_subjects(text, 0, len(text), [(4, 13)]) == []


def test_a_negative_subject_is_a_zero_not_a_death() -> None:
    assert _subjects("Nobody was killed in the blast.") == []
    assert _subjects("No one was killed, the police said.") == []


def test_a_plural_subject_opening_with_a_figure_counts_it_past_its_modifiers() -> None:
    assert _killed("Five Uzbeks employed by a road contractor were killed by a mine.") == [
        ("Five Uzbeks employed by a road contractor", 5.0)
    ]
    assert _best("Three Sami herders, all of them brothers, were shot dead.") == 3.0


def test_a_pair_of_singulars_is_two_people() -> None:
    assert _killed("The Deputy Governor and his aide were gunned down outside Osso.") == [
        ("The Deputy Governor and his aide", 2.0)
    ]
    # a rule that read one member counted one of the two: the pair wins in the tally
    assert _best("The Velt customs chief and his deputy were shot dead.") == 2.0


def test_a_plural_subject_that_lists_more_or_holds_a_clause_is_left_alone() -> None:
    assert _subjects("Two Estonians from Orsa and a Finn were killed in the raid.") == []
    assert _subjects("The mayor, his wife and their son were killed.") == []
    assert _subjects("Guards and soldiers were killed.") == []


def test_an_accusation_in_the_subject_does_not_undo_its_predicate() -> None:
    assert _subjects("Two Velt herders, accused of ties with the rebels, were killed near Osso.") == [
        "Two Velt herders, accused of ties with the rebels"
    ]
    assert _subjects("The rebels threatened that the envoy would be killed.") == []


def test_an_apposition_that_names_the_members_restates_the_group() -> None:
    assert [v.value for v in find_clause_subjects(*_whole("Two Jesuit teachers, a Dane and a Swede, were killed."))] == [2.0]
    assert _best("Two Jesuit teachers, a Dane and a Swede, were killed by a gunman.") == 2.0


def test_a_number_of_days_is_a_fronted_adverbial_a_counted_subject_is_not() -> None:
    assert _subjects("Two days later, the judge was murdered.") == ["the judge"]
