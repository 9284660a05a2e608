"""The "lost" construction (issue 18): a quantity of a relation noun after "lost" ("one parent",
"both parents", "two sons") is not a new count of victims when the subject is counted; an
elided head after "and M" takes the first conjunct's; with no counted subject the relatives
are the dead. Input: sentences -> claims and tallies through the public API."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text
from tollbook.pipeline import Settings

FAST = Settings(gazetteer=False)
ONE, BOTH = "lost one parent", "lost both parents"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the demo statement's sentence, as written
        ("It said 8 families were wiped out entirely, while 130 children lost one parent and "
         "25 children lost both parents.",
         [("killed", "families", 8.0, None), ("orphaned", "children", 130.0, ONE),
          ("orphaned", "children", 25.0, BOTH)]),
        # the head of "25" is elided: it takes "children" from the first conjunct
        ("In all, 130 children lost one parent and 25 lost both.",
         [("orphaned", "children", 130.0, ONE), ("orphaned", "children", 25.0, BOTH)]),
        ("Sixty children lost one of their parents and 14 lost both in the siege.",
         [("orphaned", "children", 60.0, ONE), ("orphaned", "children", 14.0, BOTH)]),
        ("40 children lost their father.", [("orphaned", "children", 40.0, ONE)]),
        ("Twelve children lost their father and mother in the raid.",
         [("orphaned", "children", 12.0, BOTH)]),
        ("Forty children lost both parents in the bombing.", [("orphaned", "children", 40.0, BOTH)]),
        ("130 children who had lost one parent were registered.",
         [("orphaned", "children", 130.0, ONE)]),
        # no counted subject: the relatives are the dead, as a conflict-data coder reads it
        ("The family lost 25 relatives in the strike.", [("killed", "people", 25.0, None)]),
        ("Villagers said they lost 25 relatives in the attack.", [("killed", "people", 25.0, None)]),
        ("He lost two sons in the shelling.", [("killed", "people", 2.0, None)]),
        # a counted subject keeps the object from being a count of its own
        ("Three women lost two sons each in the war.", []),
        # "one parent" per child, of uncounted children: no figure at all
        ("Many children lost one parent.", []),
        ("Three soldiers lost both legs in the blast.", []),
        # the same ellipsis in other predicates: the 3 wounded are soldiers too
        ("Five soldiers were killed and 3 were wounded.",
         [("killed", "soldiers", 5.0, None), ("wounded", "soldiers", 3.0, None)]),
        # a comma or a figure of its own ends the ellipsis; real counts are unchanged
        ("Five soldiers were killed, and 3 were wounded.",
         [("killed", "soldiers", 5.0, None), ("wounded", "people", 3.0, None)]),
        ("Eighteen passengers lost their lives when the ferry was hit.",
         [("killed", "civilians", 18.0, None)]),
    ],
)
def test_lost_construction(text: str, expected: list[tuple[str, str, float, str | None]]) -> None:
    got = [(c.category, c.population, c.value, c.detail) for c in extract_text(text, settings=FAST).claims]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "130 children lost one parent and 25 children lost both parents.",
        "In all, 130 children lost one parent and 25 lost both.",
    ],
)
def test_orphans_of_both_kinds_add_up(text: str) -> None:
    tally = extract_text(text, settings=FAST).tally.get("orphaned")
    assert tally is not None
    assert (tally.best, tally.rule) == (155.0, "sum_by_detail")
