"""Telegraphic figures of coders' notes after a comma or with a group's name (headlines.py,
issue 20): "clashed in Ajigin, three reported dead", "Five Boko Haram dead"."""

from __future__ import annotations

from tollbook.api import extract_text


def _claims(text: str) -> list[tuple[str, str, float]]:
    return [(c.category or "", c.text, c.value) for c in extract_text(text).claims]


def test_a_figure_after_a_comma_closing_its_clause_is_telegraphic() -> None:
    assert _claims("Herders clashed near Orvay, four reported dead, weapons seized.") == [
        ("killed", "four reported dead", 4.0)
    ]
    # the dead are not the wounded the next clause names
    assert _claims("A bomb hit a depot in Sorel, at least 12 dead, many others injured.") == [
        ("killed", "at least 12 dead", 12.0)
    ]
    assert ("killed", "three dead", 3.0) in _claims("Gangs fought in Drummel, three dead (including a bystander).")


def test_a_group_name_between_figure_and_predicate() -> None:
    assert _claims("Soldiers repelled an assault on Tamsin. Nine Red Hand dead, two rifles recovered.") == [
        ("killed", "Nine Red Hand dead", 9.0)
    ]
    assert _claims("Gunmen raided the market in Kessel. Six believed dead.") == [("killed", "Six believed dead", 6.0)]


def test_a_comma_figure_whose_predicate_goes_on_is_not_telegraphic() -> None:
    # "2 killed in the market": the clause goes on; the count rules read it, not headlines.py
    rules = [c.rule for c in extract_text("Rebels shelled Pellmoor, 2 killed in the market.").claims]
    assert all("headline" not in r for r in rules), rules


def test_a_comma_figure_after_another_figure_is_left_to_the_count_rules() -> None:
    # a figure before the comma: the one after continues its structure (a part, a list)
    claims = _claims("Two bombs hit a depot in Mardel, resulting in seven dead, 45 injured.")
    assert ("killed", "seven dead", 7.0) in claims and ("wounded", "45 injured", 45.0) in claims
    rules = [c.rule for c in extract_text("Two guards were shot in Orlen, one killed.").claims]
    assert rules and all("headline" not in r for r in rules), rules
    # a date's numbers are no figure: "on 23/10, at least 30 dead" stays a clause of its own
    assert ("killed", "at least 30 dead", 30.0) in _claims("A bomber hit a mosque in Yola on 23/10, at least 30 dead.")
