"""Collective nouns that state a number (extract/collectives.py, one table in
grammar/collective_patterns.py): "a couple" is two, "the trio" three, "twins" two, wherever a
category cue reads them; "a couple of" stays a number (approx 2-3), a possessive and a
collective of things count nobody."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text
from tollbook.extract.grammar.bodies import PAIR_NOUNS
from tollbook.extract.grammar.collective_patterns import COLLECTIVE_SIZES


def _tally(text: str) -> dict[str, float]:
    return {c.category: c.best for c in extract_text(text).tally.categories}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("A couple was shot dead inside their home in Culiacan.", {"killed": 2}),  # was one
        ("An elderly couple was killed by the drone strike.", {"killed": 2}),
        ("The couple were abducted from their farm near Kaduna.", {"hostage": 2}),  # was nothing
        ("Gunmen kidnapped a Chinese couple outside Bamako.", {"hostage": 2}),
        ("Twins were among the dead.", {"killed": 2}),
        ("Twin brothers were wounded by shrapnel.", {"wounded": 2}),
        ("The trio were detained at the border.", {"detained": 3}),
        ("Newborn triplets died after the hospital lost power.", {"killed": 3}),
        ("A young couple and their baby were killed in the strike.", {"killed": 3}),
        ("An activist couple was arrested in Minsk.", {"detained": 2}),  # arrested, not killed
        ("A family of five was killed when the shell hit.", {"killed": 5}),
        ("A father and his three sons were shot dead by bandits.", {"killed": 4}),
        ("A mother and her two children were killed in the shelling.", {"killed": 3}),
        ("The bodies of a Kurdish couple were found near the river.", {"killed": 2}),
    ],
)
def test_collectives_count_their_size(text: str, want: dict[str, float]) -> None:
    assert _tally(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The couple's house was burned during the night.", {}),  # a possessive: no person
        ("Police found a pair of shoes near the road.", {}),
        ("Twin blasts rocked the market on Friday.", {}),  # "twin" before no people
        ("A trio of gunmen killed four people.", {"killed": 4}),  # the gunmen are the agents
        ("A couple of hours later, two soldiers were killed.", {"killed": 2}),
        ("The couple had lived in the village for years.", {}),  # no category cue
        # a threat or an attempt is no deed (RAND's rand-3639 read them as 2 killed)
        ("They threatened to kill the couple unless the ransom was paid.", {}),
        ("Gunmen tried to abduct the twins.", {}),
        ("The couple could have been killed.", {}),
    ],
)
def test_guards(text: str, want: dict[str, float]) -> None:
    assert _tally(text) == want


def test_a_couple_of_is_a_number_not_a_collective() -> None:
    claim = next(c for c in extract_text("Gunmen killed a couple of farmers in Guma.").claims if c.category)
    assert (claim.value, claim.low, claim.high, claim.qualifier) == (2, 2, 3, "approx")


def test_one_table_of_collective_sizes() -> None:
    assert COLLECTIVE_SIZES["couple"] == 2 and COLLECTIVE_SIZES["trio"] == 3
    assert {"couple", "pair"} <= PAIR_NOUNS and "trio" not in PAIR_NOUNS  # bodies reads the same table
