"""Headline and telegraphic syntax (extract/headlines.py)."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text
from tollbook.extract.headlines import find_headlines


def _tally(text: str) -> dict[str, float]:
    return {t.category: t.best for t in extract_text(text).tally.categories}


@pytest.mark.parametrize(("text", "want"), [
    ("4 die in Marren ferry fire", {"killed": 4}),
    ("Two dead, 11 hurt as clashes erupt in Lorsk.", {"killed": 2, "wounded": 11}),
    ("Five killed, another wounded in Drevna ambush.", {"killed": 5, "wounded": 1}),
    ("Clashes in Teleran: one dead, several injured.", {"killed": 1}),
    ("Villagers lynch three suspected cattle thieves in Carrow", {"killed": 3}),
    ("Insurgents burned alive four captives in Varno.", {"killed": 4}),
    ("A court ordered that the two men be put to death.", {}),
])  # fmt: skip
def test_telegraphic_figures(text: str, want: dict[str, float]) -> None:
    got = _tally(text)
    assert {k: got.get(k) for k in want} == want


@pytest.mark.parametrize("text", [
    "Of the 12 killed, nine were civilians.",  # after a determiner: not a clause start
    "Police said the 3 injured were taken to hospital.",
    "Protesters set ablaze two trucks in Sorel.",  # things, not people
    "Twenty people died in the attack, among them six children.",  # the count rules read the parts
])  # fmt: skip
def test_not_telegraphic(text: str) -> None:
    assert find_headlines(text, 0, len(text)) == []


@pytest.mark.parametrize(("text", "want"), [
    ("A Marren man was killed and another injured in a knife attack.", {"killed": 1, "wounded": 1}),
    ("A Sorelian was shot dead and another wounded at the border post.", {"killed": 1, "wounded": 1}),
    ("The blast killed three guards and badly wounded another in Lorsk.", {"killed": 3, "wounded": 1}),
    ("Troops wounded another soldier by mistake.", {"wounded": 1}),  # the count rules read the noun
])  # fmt: skip
def test_one_more_person(text: str, want: dict[str, float]) -> None:
    got = _tally(text)
    assert {k: got.get(k) for k in want} == want
