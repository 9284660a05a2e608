"""Bodies found (extract/bodies.py): a body found is a death reported, one per body."""

from __future__ import annotations

from tests.conftest import best_of as _best
from tests.conftest import claims_of as _killed


def test_a_singular_body_found_is_one_death() -> None:
    assert _killed("Her body was later found in a ditch outside Parla.") == [("Her body", 1.0)]
    assert _killed("The nurse's mutilated body was discovered on Sunday.") == [("The nurse's mutilated body", 1.0)]
    assert _best("Soldiers recovered the body of a shepherd.") == 1.0


def test_plural_bodies_count_their_figure_members_or_group() -> None:
    assert _best("Rangers found the bodies of three poachers near the fence.") == 3.0
    assert _best("The bodies of a teacher, her son and a neighbour were found in the well.") == 3.0
    assert _best("Rebels took five farmers from their fields. Their bodies were found on Monday.") == 5.0


def test_an_elided_passive_after_and_is_read() -> None:
    assert ("his body", 1.0) in _killed("The trader was stabbed and his body dumped in a canal.")


def test_a_body_said_not_found_is_no_death() -> None:
    assert _killed("The pilot's body has not been recovered.") == []
    assert _killed("Police never found his body.") == []
    assert _killed("No bodies were found at the site.") == []


def test_a_body_that_is_no_remains_or_a_place_is_no_death() -> None:
    assert _killed("The ruling body was found to have acted lawfully.") == []
    assert _killed("A knife was found beside the body.") == []
    assert _killed("Officers searched the field from where the bodies were recovered.") == []


def test_plural_bodies_without_a_count_say_nothing() -> None:
    assert _killed("Bodies were found in the river.") == []


def test_a_body_after_a_death_already_told_is_not_counted_twice() -> None:
    assert _best("A farmer was shot dead in Orlo. His body was found by neighbours.") == 1.0
