"""A manner verb's lethal result before its object ("stabbed to death two thieves"): a left cue
(grammar/lexicon LEFT_CUES) and an active verb for the figure before it (cue_patterns.TRANSITIVE).
Text -> claims."""

from __future__ import annotations

import pytest

from tollbook.api import extract_text


def killed(text: str) -> list[tuple[float, str]]:
    return [(c.value, c.text) for c in extract_text(text).claims if c.kind == "count" and c.category == "killed"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Herders stabbed to death three farmers near Agatu.", [(3.0, "three farmers")]),
    ("Jihadists hacked to death a village chief and his two brothers in Tillaberi.",
     [(1.0, "a village chief"), (2.0, "two brothers")]),
    ("A mob burnt to death two suspected kidnappers in Port Harcourt.", [(2.0, "two suspected kidnappers")]),
])
def test_the_result_before_the_object_makes_a_left_cue(text: str, expected: list[tuple[float, str]]) -> None:
    assert killed(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the figure before the verb is its agent, not a victim
    ("Four soldiers beat to death a detainee in Kousseri.", [(1.0, "a detainee")]),
    ("Two men stabbed to death a cattle dealer in Sokoto.", [(1.0, "a cattle dealer")]),
    # no object after the result: the figure before it died ("Two thieves stabbed to death")
    ("Two thieves stabbed to death at a market in Zinder.", [(2.0, "Two thieves")]),
    ("Three herders were hacked to death in Bokkos.", [(3.0, "Three herders")]),
    # an object no count rule reads (a postmodifier after it) is the active verb's object
    ("A gunman, speaking Pashto, shot to death an exiled blogger living in Quetta.", [(1.0, "an exiled blogger")]),
])
def test_who_did_it_and_who_died(text: str, expected: list[tuple[float, str]]) -> None:
    assert killed(text) == expected


def test_the_verb_alone_is_no_killing() -> None:
    assert killed("Bandits stabbed two traders and fled towards Birnin Gwari.") == []
