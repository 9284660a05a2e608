"""An article and a word of report or sum before a figure ("a reported 60", "a total of 12")
leave the figure as stated (grammar/numberwords.QUALIFIERS), not one person."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Militia attacked the village, killing a reported 60.", ("killed", "a reported 60", 60.0)),
        ("A total of 12 soldiers were killed in the ambush.", ("killed", "A total of 12 soldiers", 12.0)),
        ("A confirmed 7 people were wounded in the blast.", ("wounded", "a confirmed 7 people", 7.0)),
        ("Shelling killed a recorded 40 civilians.", ("killed", "a recorded 40 civilians", 40.0)),
    ],
)
def test_the_stated_figure_is_read_exact(text: str, want: tuple[str, str, float]) -> None:
    found = [(c.category, c.text, c.value, c.qualifier) for c in extract_text(text).claims]
    assert [(cat, t.lower(), v, q) for cat, t, v, q in found] == [(want[0], want[1].lower(), want[2], "exact")]


def test_a_reported_event_is_no_figure() -> None:
    # "a reported attack": the words stand before a noun, not a figure
    found = [(c.category, c.value) for c in extract_text("A reported attack killed 3 farmers in Orsk.").claims]
    assert found == [("killed", 3.0)]
