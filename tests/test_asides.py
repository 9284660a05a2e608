"""An aside between a bare figure and its verb is blanked for the count rules (extract/asides.py)."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text
from tollbook.extract.asides import blank_asides


def _claims(text: str) -> list[tuple[str, str, float]]:
    return [(c.category or "", c.text, c.value) for c in extract_text(text).claims]


def test_the_aside_is_blanked_and_offsets_kept() -> None:
    text = "Eleven (some sources claim 20) are dead."
    out = blank_asides(text)
    assert len(out) == len(text) and "(" not in out and out.startswith("Eleven ") and out.endswith(" are dead.")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Eleven (some sources claim 20) are dead after a clash in Orsk.", ("killed", "Eleven", 11.0)),
        ("Between three and ten (varied by source) are killed in a blast.", ("killed", "Between three and ten", 3.0)),
        ("14 (police figures) were killed near Velt.", ("killed", "14", 14.0)),
    ],
)
def test_a_bare_figure_reads_its_verb_past_the_aside(text: str, want: tuple[str, str, float]) -> None:
    assert _claims(text) == [want]


@pytest.mark.parametrize(
    "text",
    [
        "Three people (two soldiers and a civilian) were killed in Orsk.",  # a noun: the breakdown is read
        "Route 9 (the main road) was closed.",  # no verb of harm: nothing
        "In 2019 (the worst year) was bad.",
        "Eleven (some sources claim 20) in the village.",  # no verb after the aside
    ],
)
def test_other_parentheses_stay(text: str) -> None:
    if "people" in text:
        assert blank_asides(text) == text
    assert ("killed", "Eleven", 11.0) not in _claims(text)
    if "Route" in text or "2019" in text:
        assert _claims(text) == []
