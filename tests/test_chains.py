"""A chain of passives whose last conjunct is the person's fate (extract/victims.py _CHAIN)."""

from __future__ import annotations

import pytest

from tollbook.extract.victims import find_victims


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Anika Losse was kidnapped by gunmen and later killed.", "killed"),
        ("Tomas Brell was abducted and murdered on Friday.", "killed"),
        ("Dario Venn was seriously wounded and later died of his injuries.", "killed"),
        ("The driver was wounded and later died.", "killed"),
        ("Omar Dallo was shot in the chest and killed.", "killed"),
        ("Omar Dallo was beaten and wounded.", "wounded"),
    ],
)
def test_the_last_conjunct_is_the_fate(text: str, want: str) -> None:
    assert [v.category for v in find_victims(text, 0, len(text), [])] == [want]


@pytest.mark.parametrize(
    "text",
    [
        "Mara Solent was arrested and released on bail.",  # no fate in the chain
        "Mara Solent was nearly kidnapped and killed.",  # undone before the chain
    ],
)
def test_no_fate_no_victim(text: str) -> None:
    assert find_victims(text, 0, len(text), []) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The gang shot him to death.", 1.0),
        ("A mob beat her to death in the market.", 1.0),
        ("Gunmen entered the house and fatally shot him.", 1.0),
        ("Gunmen shot him dead.", 1.0),
        ("Gunmen shot him in the leg.", None),  # no result: neither killed nor a count
    ],
)
def test_a_pronoun_object_with_its_result(text: str, value: float | None) -> None:
    from tollbook.api import extract_text

    killed = [c.value for c in extract_text(text).claims if c.category == "killed"]
    assert killed == ([value] if value is not None else [])
