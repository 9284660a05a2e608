"""Zero-article singular people in telegraphic syntax (extract/bare.py): one person each."""

from __future__ import annotations

import pytest

from tollbook.extract.bare import find_bare


def _read(text: str) -> list[tuple[str, str]]:
    return [(text[v.span[0] : v.span[1]], v.category) for v in find_bare(text, 0, len(text), [])]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Malian army officer killed by unknown gunmen", [("Malian army officer", "killed")]),
        ("Customs officer kidnapped, killed. Rebels suspected", [("Customs officer", "killed")]),
        ("Young man beheaded by presumed militants in Koro.", [("Young man", "killed")]),
        ("Rebel chief reportedly killed.", [("Rebel chief", "killed")]),
        ("Armed men killed forest guard.", [("forest guard", "killed")]),
        ("Truck driver injured in Orlen.", [("Truck driver", "wounded")]),
    ],
)
def test_bare_singular_people(text: str, want: list[tuple[str, str]]) -> None:
    assert _read(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "A soldier was killed.",  # an article: the other readings' business
        "Police killed protesters.",  # plural
        "Soldier nearly killed in blast.",  # undone
        "The army said soldier killed in the attack was a captain.",  # not at a clause start
        "Soldiers killed in ambush.",  # plural, no figure
        "Gunmen killed Taliban commander Omar.",  # a title before a name
    ],
)
def test_guards(text: str) -> None:
    assert find_bare(text, 0, len(text), []) == []


def test_a_taken_span_is_not_read_again() -> None:
    text = "Customs officer kidnapped, killed."
    assert find_bare(text, 0, len(text), [(0, 15)]) == []


def test_a_later_sentence_starts_a_clause_too() -> None:
    # find_bare is given the sentence's range inside the document: its first word is a clause start
    text = "Armed men attacked a vehicle near Orlen. Driver presumed dead."
    start = text.index("Driver")
    found = find_bare(text, start, len(text), [])
    assert [(text[v.span[0] : v.span[1]], v.category) for v in found] == [("Driver", "killed")]
    text = "Rebels shelled Koro. The army said soldier killed in the attack was a captain."
    assert find_bare(text, text.index("The army"), len(text), []) == []
