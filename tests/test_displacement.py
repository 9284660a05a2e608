"""Displacement reporting: glued PDF words (tollbook.extract.glue), displacement phrasings and the
IDETECT prediction convention (datasets.predict_displaced). Invented sentences and places."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text
from tollbook.evaluation.datasets import EvalItem, predict_displaced
from tollbook.extract.glue import repair
from tollbook.pipeline import Settings

FAST = Settings(gazetteer=False)


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("rain displacedabout 2,300 people", "rain displaced about 2,300 people"),
        ("1,700 peoplewere evacuated", "1,700 people were evacuated"),
        ("have beenforced to flee", "have been forced to flee"),
        ("Around1.6 million people", "Around 1.6 million people"),
        ("people stillliving inIDPcamps", "people still living in IDP camps"),
        ("have already fledShirqat", "have already fled Shirqat"),
        ("7,000 fami-lies were", "7,000 families were"),
        ("forcing them to seekrefuge", "forcing them to seek refuge"),
    ],
)
def test_glued_words_are_split(text: str, view: str) -> None:
    repaired = repair(text)
    assert repaired is not None and repaired.text == view
    # Every character of the view maps back to the same character of the original.
    assert all(text[repaired.index[i]] == ch for i, ch in enumerate(repaired.text) if ch != " ")


@pytest.mark.parametrize(
    "text",
    [
        "Officials blamed infighting in the council.",
        "Police enforced a curfew and reinforced checkpoints.",
        "The newfound calm overstaying its welcome.",
        "The pro-government militia moved into the town.",
        "COVID19 cases rose in the 5th district.",
        "A plain sentence about 300 people who were displaced.",
    ],
)
def test_ordinary_words_are_left_alone(text: str) -> None:
    repaired = repair(text)
    assert repaired is None or repaired.text == text


def test_claim_spans_point_at_the_text_as_written() -> None:
    text = "Floods displacedabout 2,300 people and Around4,000 residents weredisplaced in Sarn."
    claims = extract_text(text, settings=FAST).claims
    assert [(c.category, c.value) for c in claims] == [("displaced", 2300.0), ("displaced", 4000.0)]
    for c in claims:
        assert text[c.span[0] : c.span[1]] == c.text
    assert claims[0].text == "about 2,300 people" and claims[0].qualifier == "approx"
    assert claims[1].text == "Around4,000 residents"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The storm forced as many as 900 people to seek refuge in schools.",
            [("displaced", 900.0)],
        ),
        (
            "The aftershocks forced 600 people to stay in evacuation centres.",
            [("displaced", 600.0)],
        ),
        ("At least 6,000 more people have fled Ketter.", [("displaced", 6000.0)]),
        (
            "About 350 people from the village of Amsel in the north of Norvane sought refuge with relatives.",
            [("displaced", 350.0)],
        ),
        ("Rain on 4 May displaced 2,300 people in Orlen.", [("displaced", 2300.0)]),
        ("Up to 700 people may have been displaced by the mudslide.", [("displaced", 700.0)]),
        ("More than 12,000 newly displaced people were registered.", [("displaced", 12000.0)]),
        ("About 52,000 new and repeated displacements took place.", [("displaced", 52000.0)]),
        ("This brings to 41,000 the total number of people displaced.", [("displaced", 41000.0)]),
        ("Typhoon Vel-Nine displaced 3,200 families.", [("displaced", 3200.0)]),
        (
            "At least 1,300 people are staying in 15 shelters.Many others left.",
            [("displaced", 1300.0)],
        ),
        # negatives: projections, other objects of "forced", words that only contain a cue
        ("The report brings to light 300 pages of testimony.", []),
        ("Officials counted 40 new and repeated complaints.", []),
        ("As many as 250 people could be displaced if the dam fails.", []),
        ("The army forced 300 fighters to surrender.", []),
        ("The storm forced 200 schools to close.", []),
        ("Police enforced a curfew on 3,000 residents of Tarsk.", []),
    ],
)
def test_displacement_phrasings(text: str, expected: list[tuple[str, float]]) -> None:
    got = [
        (c.category, c.value) for c in extract_text(text, settings=FAST).claims if c.parent is None
    ]
    assert got == expected


def test_as_many_as_is_an_upper_bound() -> None:
    (claim,) = extract_text("The storm forced as many as 900 people to flee.", settings=FAST).claims
    assert claim.qualifier == "at_most" and claim.high == 900.0


def test_epistemic_past_is_hedged_not_dropped() -> None:
    (claim,) = extract_text("Up to 700 people may have been displaced.", settings=FAST).claims
    assert "hedged" in claim.flags


def _predict(text: str) -> float | None:
    item = EvalItem(item_id="x", text=text, gold=0.0, written=True)
    return predict_displaced(item, extract_text(text, settings=FAST)).value


def test_prediction_takes_the_first_top_level_figure() -> None:
    assert (
        _predict("About 1,200 families (about 7,000 people) were displaced from Ketter.") == 1200.0
    )
    assert _predict("Between 5,000 and 8,000 people fled Sarn.") == 8000.0


def test_internally_displaced_households_keep_their_unit() -> None:
    (claim,) = extract_text(
        "About 3,100 internally displaced households were counted.", settings=FAST
    ).claims
    assert (claim.category, claim.unit, claim.value) == ("displaced", "households", 3100.0)


def test_an_unread_breakdown_item_keeps_the_next_one_a_part() -> None:
    text = (
        "About 900 people, including four with disabilities and 60 infants, took refuge in schools."
    )
    whole, part = extract_text(text, settings=FAST).claims
    assert whole.value == 900.0 and part.value == 60.0 and part.parent == whole.claim_id


def test_a_running_total_of_other_people_takes_their_category() -> None:
    text = "Some 300 families fled Sarn, bringing the total for the month to 2,000 families."
    claims = extract_text(text, settings=FAST).claims
    assert [(c.category, c.value) for c in claims] == [("displaced", 300.0), ("displaced", 2000.0)]
    assert "cumulative" in claims[1].flags


def test_prediction_prefers_a_figure_to_a_vague_amount() -> None:
    text = "Hundreds of people have been displaced and around 1,200 people have taken refuge in a school."
    assert _predict(text) == 1200.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("About 3,500 undocumented Valdorians returned from Norvane.", [("returned", 3500.0)]),
        ("More than 5,000 refugees have returned home.", [("returned", 5000.0)]),
        (
            "The total number of returnees from Brenmark now stands at 27,000.",
            [("returned", 27000.0)],
        ),
        ("More than 600 displaced families have returned home.", [("returned", 600.0)]),
        # other returns: fire, work, troops, bodies handed back
        ("Border guards returned fire after 3 shots were heard.", []),
        ("About 300 teachers returned to work in Sarn.", []),
        ("Some 200 soldiers returned to Tarsk.", []),
        ("The 40 bodies were returned to Carrow.", [("killed", 40.0)]),
    ],
)
def test_returns(text: str, expected: list[tuple[str, float]]) -> None:
    got = [(c.category, c.value) for c in extract_text(text, settings=FAST).claims]
    assert got == expected


def test_prediction_falls_back_to_returns_but_not_before_displacement() -> None:
    assert _predict("About 3,500 undocumented Valdorians returned from Norvane.") == 3500.0
    text = "About 9,000 people fled Sarn, and 2,000 of them returned home later."
    assert _predict(text) == 9000.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The cyclone destroyed about 9,000 homes.", [(9000.0, "housing destroyed")]),
        ("More than 2,400 houses were damaged.", [(2400.0, "housing damaged")]),
        ("More than 500 houses collapsed.", [(500.0, "housing destroyed")]),
        ("Officials counted 1,900 collapsed houses.", [(1900.0, "housing destroyed")]),
        ("There was damage to 12,000 homes.", [(12000.0, "housing damaged")]),
        ("About 700 houses were partially destroyed.", [(700.0, "housing damaged")]),
        ("Some 800 homes were damaged or destroyed.", [(800.0, "housing damaged")]),
        ("Up to 5,000 homes may have been destroyed.", [(5000.0, "housing destroyed")]),
        # houses that are not destroyed, projections, hideouts
        ("The council rebuilt 40 houses.", []),
        ("Rebels set fire to 40 houses; the villagers escaped.", []),
        ("Ten years on, 40 houses remain in ruins.", []),
        ("Up to 300 houses may be destroyed if the river rises.", []),
        ("Gendarmes destroyed 9 rebel shelters.", []),
    ],
)
def test_housing(text: str, expected: list[tuple[float, str]]) -> None:
    claims = extract_text(text, settings=FAST).claims
    assert [(c.value, c.detail) for c in claims] == expected
    for c in claims:
        assert (c.category, c.population, c.unit) == ("displaced", "dwellings", "dwellings")


def test_dwellings_never_enter_the_people_tally() -> None:
    result = extract_text(
        "The floods destroyed 300 homes and displaced 2,000 people.", settings=FAST
    )
    assert [(c.unit, c.value) for c in result.claims] == [("dwellings", 300.0), ("people", 2000.0)]
    assert (
        result.tally.get("displaced") is not None and result.tally.get("displaced").best == 2000.0
    )


def test_prediction_uses_dwellings_only_without_people() -> None:
    assert _predict("The storm destroyed 300 homes and displaced 2,000 people.") == 2000.0
    assert _predict("The typhoon destroyed about 9,000 homes.") == 9000.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They joined more than 30,000 Valdorians in 12 camps.", [30000.0]),
        (
            "More than 200 people, the whole population of the hamlet of Orlen, were displaced.",
            [200.0],
        ),
        ("At least 1,500 people staying in or near the Harlo displacement camp left.", [1500.0]),
        ("About 2,000 people were staying at the UN mission's base in Ketter.", [2000.0]),
        ("About 4,000 people moved to hotels and emergency sheltersfollowing the quake.", [4000.0]),
        ("More than 800 people moved away from the border villages of Gorran.", [800.0]),
        ("Some 200 soldiers were staying at the UN base in Sarn.", []),
        ("About 300 workers moved away from the old factory in Tarsk.", []),
        ("The army moved 300 troops to the border.", []),
        ("About 40 tourists were staying at the hotel.", []),
    ],
)
def test_shelters_camps_and_moves(text: str, expected: list[float]) -> None:
    claims = extract_text(text, settings=FAST).claims
    assert [c.value for c in claims if c.parent is None] == expected
    assert all(c.category == "displaced" for c in claims)
