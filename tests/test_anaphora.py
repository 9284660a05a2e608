"""Plural anaphors for a group counted before (extract/anaphora.py)."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text


def _killed(text: str) -> list[tuple[str, float]]:
    return [(text[c.span[0] : c.span[1]], c.value) for c in extract_text(text).claims if c.category == "killed"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Militiamen abducted four herders near Tamsin, they were executed near the river.", [("they", 4.0)]),
        ("Gunmen seized seven monks in Orlen. The hostages were later found dead.", [("The hostages", 7.0)]),
        ("Police arrested three suspects in Ardel. They were later killed in custody.", [("They", 3.0)]),
        ("Two soldiers were wounded in Orlen. They later died in hospital.", [("They", 2.0)]),
    ],
)
def test_the_group_counted_before(text: str, want: list[tuple[str, float]]) -> None:
    assert _killed(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Rebels abducted 12 villagers near Sorel. They were released on Friday.",  # no death
        "Militants abducted five workers. The soldiers were killed in a separate attack.",  # another noun
        "Rebels abducted 12 villagers near Sorel. They were nearly killed.",  # undone
        "Rebels abducted 12 villagers near Sorel and burned 40 houses. They were killed.",  # nearest figure is houses
    ],
)
def test_no_reference(text: str) -> None:
    assert _killed(text) == []


def test_a_group_already_dead_is_not_counted_again() -> None:
    text = "Two soldiers were killed in Ardel. They were buried on Monday."
    assert _killed(text) == [("Two soldiers", 2.0)]
