"""A relative clause that tells its antecedent's harm (extract/relatives.py)."""

from __future__ import annotations

from tollbook.api import extract_text


def _tally(text: str, category: str) -> float | None:
    tally = extract_text(text).tally.get(category)
    return tally.best if tally is not None else None


def test_a_role_with_a_wounding_relative_clause_is_one_wounded() -> None:
    assert _tally("The device was spotted by a street sweeper who was slightly injured when it went off.",
                  "wounded") == 1.0  # fmt: skip
    assert _tally("Rebels fired on the ferry carrying a priest, who was seriously wounded.", "wounded") == 1.0


def test_a_name_with_a_harm_relative_clause_is_one_person_in_its_category() -> None:
    assert _tally("Mariam Osei, who was wounded in the blast, said the attackers fled on foot.", "wounded") == 1.0
    assert _tally("Gunmen stopped the car of Judge Tomas Brevik, who was stabbed and injured.", "wounded") == 1.0
    assert _tally("The patrol was led by a lieutenant who was killed in the ambush.", "killed") == 1.0


def test_a_harm_of_another_time_is_background() -> None:
    assert _tally("The rally was addressed by Ana Pell, who was wounded in last year's bombing.", "wounded") is None
    assert _tally("Police questioned Ivo Dren, who had been injured in 2009.", "wounded") is None


def test_a_negated_harm_or_a_group_counts_nobody() -> None:
    assert _tally("Police questioned Ivo Dren, who was not hurt in the explosion.", "wounded") is None
    assert _tally("The Taliban, who were blamed for the attack, denied any role.", "killed") is None


def test_an_antecedent_read_already_is_not_counted_twice() -> None:
    assert _tally("A nurse, who was injured in the blast, was taken to hospital.", "wounded") == 1.0
