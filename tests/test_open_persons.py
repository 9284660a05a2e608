"""Open-class person nouns (extract/persons.py, grammar/person_patterns.py): a head noun no
people table lists is people beside a verb only people undergo; beside a verb that also takes
things ("hanged", "set ablaze"), as what a force "lost" and as a set's part, only when its form
names a person (-er, -or, -ist, -ian, -eer, -men, -ero, -ista, -ario; not a thing so ending),
a person-only modifier opens it, or, last, a listed person noun."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text
from tollbook.extract.persons import names_person, person_object


def _tally(text: str) -> dict[str, float]:
    return {c.category: c.best for c in extract_text(text).tally.categories}


@pytest.mark.parametrize(
    "noun",
    ["sicarios", "guerrilleros", "mototaxistas", "Colombians", "mutineers", "militiamen", "robbers", "vendors",
     "foreigners", "nationals", "sicario"],
)  # fmt: skip
def test_nouns_whose_form_names_people(noun: str) -> None:
    assert names_person(noun)


@pytest.mark.parametrize(
    "noun", ["tankers", "banners", "tractors", "helicopters", "wrists", "lists", "vehicles", "economy", "effigies",
             "matches", "vans"],
)  # fmt: skip
def test_things_are_not_people(noun: str) -> None:
    assert not names_person(noun)


def test_the_verb_decides_the_open_class() -> None:
    assert person_object("shot dead ", "bricklayers")  # only people are shot dead
    assert person_object("killed ", "effigies")  # the open class as before: the caller's tests decide
    assert not person_object("hanged ", "banners") and person_object("hanged ", "informers")
    assert not person_object("set ablaze ", "tankers") and person_object("set ablaze ", "robbers")
    assert person_object("set ablaze ", "looters", "suspected")  # a person-only modifier
    assert person_object("burned alive ", "okadas")  # a result only people undergo


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The Sinaloa cartel lost nine sicarios in the clash with soldiers.", {"killed": 9}),  # was nothing
        ("Rebels said they lost 12 guerrilleros in the fighting in Cauca.", {"killed": 12}),
        ("Three okada riders were shot dead at a checkpoint in Ikorodu.", {"killed": 3}),
        ("A madrassa teacher was killed by unknown gunmen in Peshawar.", {"killed": 1}),
        ("Gunmen killed two moto-taxi drivers on the road to Beni.", {"killed": 2}),
        ("A mob set ablaze two suspected robbers in Kisumu.", {"killed": 2}),
        ("Vigilantes hanged three informers in the market square.", {"killed": 3}),
    ],
)
def test_open_class_people_are_counted(text: str, want: dict[str, float]) -> None:
    assert _tally(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Protesters hanged two banners from the bridge.",  # was 2 killed
        "Militants set ablaze two tankers on the highway.",  # was 2 killed
        "Vigilantes hanged two effigies of the governor.",  # was 2 killed
        "The army lost two helicopters in the operation.",
        "The club lost two strikers to injury before the derby.",  # no force: no deaths
        "The party lost two parliamentarians in the election.",
        "The economy was badly hurt by the blockade.",
        "Two vehicles were hit by shelling.",
        "The harvest was destroyed by the fighting.",
        "Gunmen set ablaze two trucks.",
    ],
)
def test_things_and_other_losses_count_nobody(text: str) -> None:
    assert _tally(text) == {}


def test_a_sets_part_may_be_named_by_an_open_class_noun() -> None:
    claims = extract_text("Four of the 20 people killed in the ambush were Colombians.").claims
    assert sorted((c.value, c.relation) for c in claims if c.category == "killed") == [(4, "part"), (20, None)]
    assert _tally("Four of the 20 people killed in the ambush were Colombians.") == {"killed": 20}
