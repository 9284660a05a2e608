"""People killed "along with" someone (extract/along.py): an additional figure."""

from __future__ import annotations

from tests.conftest import best_of as _best
from tollbook.api import extract_text
from tollbook.extract.along import find_along


def _along(text: str) -> list[tuple[str, float]]:
    return [(text[v.span[0] : v.span[1]], v.value) for v in find_along(text, 0, len(text), [])]


def test_along_with_adds_its_people_to_the_killing_before_it() -> None:
    assert _along("The mayor was shot dead along with his driver.") == [("his driver", 1.0)]
    assert _best("The mayor was shot dead along with his driver.") == 2.0
    assert _best("Gunmen killed a Swiss engineer, along with two Kenyan colleagues.") == 3.0


def test_the_complement_may_be_a_pair_or_a_partitive() -> None:
    assert _along("The priest was killed along with another man and his godson.") == [("another man and his godson", 2.0)]
    assert _along("The judge was assassinated along with three of his guards.") == [("three of his guards", 3.0)]


def test_along_with_before_the_verb_takes_the_verb_after_it() -> None:
    assert _along("The chief, along with his deputy, was murdered in Orsk.") == [("his deputy", 1.0)]


def test_things_and_clause_breaks_add_nobody() -> None:
    assert _along("The body was found along with a written threat.") == []
    assert _along("The minister arrived along with an adviser; two guards were killed.") == []
    assert _along("The group was killed along with some police officers.") == []


def test_a_complement_already_read_is_not_counted_again() -> None:
    text = "The mayor was shot dead along with his driver."
    assert find_along(text, 0, len(text), [(35, 45)]) == []


def test_every_category_is_read_by_the_one_reader() -> None:
    """The kidnapped and the wounded too (comitative.py read them before: the pipeline's
    counts are those it gave; along.py read the killed only, "left to the hostage rules")."""
    text = "The mayor was kidnapped along with his wife."
    assert [(v.category, text[v.span[0] : v.span[1]]) for v in find_along(text, 0, len(text), [])] == [("hostage", "his wife")]
    hostage = extract_text(text).tally.get("hostage")
    assert hostage is not None and hostage.best == 2.0
    wounded = extract_text("A nurse was wounded along with 12 patients in Abu Lora.").tally.get("wounded")
    assert wounded is not None and wounded.best == 13.0


def test_a_counted_group_the_object_reader_leaves_takes_the_category_in_place() -> None:
    text = "The leader was killed along with eighty-two others in a car bombing in Najaf."
    claims = [(c.category, c.text, c.flags) for c in extract_text(text).claims]
    assert ("killed", "eighty-two others", ("additional",)) in claims
    assert _best(text) == 83.0
    text = "A rebel was captured along with 20 others near Belo."  # no casualty verb: no category
    assert all(c.category != "killed" for c in extract_text(text).claims)
