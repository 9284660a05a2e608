"""Breakdowns read through (extract/including.py): the whole takes the predicate after its
breakdown, its members are its parts, and ", and" may close the breakdown."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text


def _tally(text: str, category: str) -> float:
    t = extract_text(text).tally.get(category)
    return t.best if t else 0.0


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("Two people, a nurse and a teacher, were killed in Vasko.", 2),
        ("At least one person, a street vendor, was killed near the market in Oyo.", 1),
        # as many members as the whole counts, or it is a list of other people
        ("Three soldiers, a captain and a medic, were killed near Ossa.", 5),
    ],
)
def test_an_apposition_naming_the_members_holds_them(text: str, best: float) -> None:
    assert _tally(text, "killed") == best


@pytest.mark.parametrize(
    ("text", "category", "best"),
    [
        # members named, not counted: the whole alone
        ("Six people, including Colonel Ivo Marsh of the Fourth Brigade (4B) and a clerk, were killed.", "killed", 6),
        # counted members inside the whole are not added to it
        ("At least 12 people, including five Rural Guard (RG) officers and seven raiders, were killed.", "killed", 12),
        # ", and" closes a breakdown with one member: the rebels stand beside the whole
        ("Nine soldiers, including a captain, and three rebels were killed near Ulva.", "killed", 12),
        ("Nine soldiers, including a captain and a medic, and three rebels were killed near Ulva.", "killed", 12),
        # a list with commas before its ", and" is one breakdown
        ("Eight people, including two guards, a cook, and three drivers, were killed near Ulva.", "killed", 8),
        ("Seven pilgrims, including the imam of the old mosque in Sabra, were wounded.", "wounded", 7),
    ],
)
def test_the_whole_is_read_through_its_breakdown(text: str, category: str, best: float) -> None:
    assert _tally(text, category) == best


@pytest.mark.parametrize(
    "text",
    [
        # the predicate after the closing comma is no casualty
        "Ten workers, including the site manager and his deputy, said they had not been paid.",
        # the predicate is not right after a comma of the breakdown (another clause)
        "Five guards, including the warden; the report said that the prison in Vell was attacked.",
    ],
)
def test_no_casualty_predicate_no_claim(text: str) -> None:
    assert [c for c in extract_text(text).claims if c.kind == "count" and c.category] == []
