"""Pronoun objects of victim verbs (extract/objects.py): the group or person they stand for."""

from __future__ import annotations

import pytest

from tollbook.extract.objects import find_objects


def _read(text: str) -> list[tuple[str, str, float]]:
    return [(text[v.span[0] : v.span[1]], v.category, v.value) for v in find_objects(text, 0, len(text), [])]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Militants stopped two buses, took nine passengers and murdered them.", [("them", "killed", 9)]),
        ("The gang kidnapped five farmers and later beheaded all of them.", [("all of them", "killed", 5)]),
        ("A mob caught the suspect in Ifo and lynched him.", [("him", "killed", 1)]),
        ("Troops found two wounded rebels and executed both of them.", [("both of them", "killed", 2)]),
        ("Gunmen fired on the nurse and wounded her.", [("her", "wounded", 1)]),
    ],
)
def test_pronoun_objects(text: str, want: list[tuple[str, str, float]]) -> None:
    assert _read(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Rebels seized six aid workers and threatened to kill them.",  # a threat
        "Gunmen killed her husband near the market.",  # "her" before a noun
        "The bomber killed himself near the gate.",  # a reflexive: extract/attackers.py
        "Police said the attackers killed them.",  # no group counted before
        "Gunmen seized four guards, who were later found dead; police said the gang killed them.",  # dead between
    ],
)
def test_guards(text: str) -> None:
    assert _read(text) == []
