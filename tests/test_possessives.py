"""A person named by a possessive and a role ('Her brother was injured'), and the first figure
of 'X was killed and his aide was injured' stays a victim (readings._AGENT_GAP)."""

from __future__ import annotations

from tollbook.api import extract_text
from tollbook.extract.victims import find_victims


def test_a_possessive_role_before_a_passive_is_one_person() -> None:
    text = "Her brother was also injured in the attack."
    assert [(text[v.span[0] : v.span[1]], v.category) for v in find_victims(text, 0, len(text), [])] == [
        ("Her brother", "wounded")
    ]


def test_a_possessive_thing_is_no_person() -> None:
    for text in ("Her house was destroyed.", "His car was burned."):
        assert find_victims(text, 0, len(text), []) == []


def test_a_passive_between_figure_and_victim_keeps_both() -> None:
    text = "An observer was killed and his aide was injured when a bomb exploded."
    claims = {(text[c.span[0] : c.span[1]], c.category) for c in extract_text(text).claims}
    assert {("An observer", "killed"), ("his aide", "wounded")} <= claims


def test_an_active_verb_between_them_still_makes_the_agent() -> None:
    ex = extract_text("A crowd stoned to death a suspected informer.")
    assert [(c.category, c.value) for c in ex.claims] == [("killed", 1.0)]
