"""People killed "along with" someone (extract/along.py): an additional figure."""

from __future__ import annotations

from tollbook.api import extract_text
from tollbook.extract.along import find_along


def _along(text: str) -> list[tuple[str, float]]:
    return [(text[v.span[0] : v.span[1]], v.value) for v in find_along(text, 0, len(text), [])]


def _best(text: str) -> float | None:
    killed = extract_text(text).tally.get("killed")
    return killed.best if killed is not None else None


def test_along_with_adds_its_people_to_the_killing_before_it() -> None:
    assert _along("The mayor was shot dead along with his driver.") == [("his driver", 1.0)]
    assert _best("The mayor was shot dead along with his driver.") == 2.0
    assert _best("Gunmen killed a Swiss engineer, along with two Kenyan colleagues.") == 3.0


def test_the_complement_may_be_a_pair_or_a_partitive() -> None:
    assert _along("The priest was killed along with another man and his godson.") == [("another man and his godson", 2.0)]
    assert _along("The judge was assassinated along with three of his guards.") == [("three of his guards", 3.0)]


def test_along_with_before_the_verb_takes_the_verb_after_it() -> None:
    assert _along("The chief, along with his deputy, was murdered in Orsk.") == [("his deputy", 1.0)]


def test_other_categories_things_and_clause_breaks_add_nobody() -> None:
    assert _along("The mayor was kidnapped along with his wife.") == []
    assert _along("The body was found along with a written threat.") == []
    assert _along("The minister arrived along with an adviser; two guards were killed.") == []
    assert _along("The group was killed along with some police officers.") == []


def test_a_complement_already_read_is_not_counted_again() -> None:
    text = "The mayor was shot dead along with his driver."
    assert find_along(text, 0, len(text), [(35, 45)]) == []
