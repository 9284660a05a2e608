"""A list member with its own predicate starts a new clause (extract/counts.py), and an
organisation's members end before a predicate whose auxiliary is left out (extract/heads.py)."""

from __future__ import annotations

from tollbook.api import extract_text


def _claims(text: str) -> list[tuple[str | None, float, str]]:
    return [(c.category, c.value, c.text) for c in extract_text(text).claims]


def test_a_member_with_its_own_predicate_is_not_the_verbs_object() -> None:
    claims = _claims("Police killed one raider and one guard was injured.")
    assert ("killed", 1.0, "one raider") in claims
    assert ("wounded", 1.0, "one guard") in claims
    assert ("killed", 1.0, "one guard") not in claims


def test_a_plain_object_list_still_shares_the_verb() -> None:
    claims = _claims("Troops killed two rebels and three soldiers in the fighting.")
    assert ("killed", 2.0, "two rebels") in claims
    assert ("killed", 3.0, "three soldiers") in claims


def test_members_of_a_group_end_before_a_participle_without_its_auxiliary() -> None:
    claims = _claims("A settler was killed and three members of his family wounded when a gunman fired.")
    assert ("wounded", 3.0, "three members of his family") in claims
    assert _claims("Five members of the village guard were wounded.") == [
        ("wounded", 5.0, "Five members of the village guard")]


def test_a_role_after_and_takes_the_left_out_passive() -> None:
    claims = _claims("The consul was killed and his chauffeur wounded when a gunman fired.")
    assert ("killed", 1.0, "The consul") in claims
    assert ("wounded", 1.0, "his chauffeur") in claims
    assert ("wounded", 1.0, "The consul") not in claims  # not the first clause's second predicate
    # a thing after "and" is no person; a plural with its own verb keeps the first figure's twin
    assert _claims("The driver was killed and his car damaged.") == [("killed", 1.0, "The driver")]
    assert ("wounded", 2.0, "Two children") in _claims("Two children were killed and their parents were injured.")


def test_the_complement_of_a_figure_is_no_figure() -> None:
    assert _claims("The first secretary of the embassy was killed.") == [("killed", 1.0, "The first secretary")]
