""""As well as" after a casualty predicate adds its people (extract/along.py, grammar/along.AFTER_ONLY)."""

from __future__ import annotations

from tests.conftest import best_of as _best


def test_as_well_as_after_the_predicate_adds_people() -> None:
    assert _best("Three tourists were injured as well as the Egyptian driver.", "wounded") == 4.0
    assert _best("Three Hungarians on the bus were injured as well as eight bystanders.", "wounded") == 11.0
    assert _best("Two shopkeepers were wounded in the attack, as well as a traffic policeman.", "wounded") == 3.0


def test_as_well_as_before_the_verb_or_with_things_adds_nobody() -> None:
    assert _best("Police as well as soldiers were deployed after two men were killed.", "killed") == 2.0
    assert _best("The blast killed five people and damaged shops as well as cars.", "killed") == 5.0


def test_a_part_listed_with_as_well_as_is_not_added_to_its_whole() -> None:
    assert _best("The bombing killed 12 people, including two children as well as their mother.", "killed") == 12.0
