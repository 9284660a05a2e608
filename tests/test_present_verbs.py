"""The historic present of headlines for every category (verbs.PRESENT_CUE_VERBS, read before
the people by lexicon.LEFT_CUES through verbs.present_forms): "Bandits kidnap 20 villagers",
"Security forces arrest 40 protesters", "Floods displace 3,000". Freeing is no category; a
present form after an infinitive or a determiner is no deed."""

from __future__ import annotations

import re

import pytest

from tollbook.api import extract_text
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.triggers import trigger_stems


def _tally(text: str) -> dict[str, float]:
    return {c.category: c.best for c in extract_text(text).tally.categories}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Gunmen abduct 9 aid workers in Jonglei", {"hostage": 9}),  # were nothing
        ("Bandits kidnap 20 villagers in Zamfara", {"hostage": 20}),
        ("Troops capture 12 militants near Kidal", {"hostage": 12}),
        ("Security forces arrest 40 protesters in Tbilisi", {"detained": 40}),
        ("Police round up 30 suspected smugglers", {"detained": 30}),
        ("Attackers maim 3 villagers near Ngaoundere", {"wounded": 3}),
        ("Gunmen wound 6 worshippers at a mosque", {"wounded": 6}),
        # read before this change, kept
        ("Troops kill 4 suspected militants in Lower Shabelle", {"killed": 4}),
        ("Floods displace 3,000 in Sylhet", {"displaced": 3000}),
        ("Militants behead 3 in Cabo Delgado", {"killed": 3}),
        ("Police shoot dead 2 protesters in Nairobi", {"killed": 2}),
    ],
)
def test_present_verbs_before_their_people(text: str, want: dict[str, float]) -> None:
    assert _tally(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Rebels seize 3 towns in North Kivu", {}),  # no people
        ("Soldiers rescue 40 students in Kebbi", {}),  # freeing takes nobody
        ("Army frees 12 hostages in Borno", {"hostage": 12}),  # the hostages by their noun
        ("The group vowed to abduct 40 soldiers.", {}),  # an infinitive
        ("He suffered a wound 3 centimetres deep.", {"wounded": 1}),  # a noun: no 3 wounded
        # a conspiracy or an intent is no deed (RAND's read half: rand-3204, rand-6529)
        ("They were arrested on charges of conspiracy to murder an innocent man.", {}),
        ("The team had intended to evacuate two wounded Afghans to the hospital.", {}),
        ("Jihadists seize 3 soldiers' rifles and a lot of equipment", {}),  # "seize" is not read
    ],
)
def test_guards(text: str, want: dict[str, float]) -> None:
    assert _tally(text) == want


def test_every_category_of_the_table_has_its_forms_in_the_cues_and_triggers() -> None:
    triggers = trigger_stems()
    for form, category in vb.PRESENT_CUE_VERBS.items():
        assert re.fullmatch(vb.present_forms(category), form.replace(" ", "  ")), form
        assert any(t in form for t in triggers), f"{form!r} reaches no sentence: no trigger covers it"
