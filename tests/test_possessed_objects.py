"""The second member of an active verb's object joined by "and his/her/their <noun>" is one
more person, though the count rules read the first (extract/active_objects.py)."""

from __future__ import annotations

from tollbook.api import extract_text


def _killed(text: str) -> float | None:
    killed = extract_text(text).tally.get("killed")
    return killed.best if killed is not None else None


def test_a_possessed_second_member_is_one_more_person() -> None:
    assert _killed("Gunmen killed a thief and his accomplice in Kano.") == 2.0
    assert _killed("Soldiers killed a smuggler and his associate near Arlit.") == 2.0
    assert _killed("A drone strike killed a village official and her deputy in Rakhine.") == 2.0


def test_the_pair_is_a_list_of_two_claims() -> None:
    claims = extract_text("Unknown gunmen shot dead a pastor and his companion near Jos.").claims
    assert sorted((c.text, c.value) for c in claims if c.category == "killed") == [
        ("a pastor", 1.0), ("his companion", 1.0)]  # fmt: skip


def test_a_wounding_verb_reads_the_same() -> None:
    wounded = extract_text("Gunmen wounded a pastor and his companion in Jos.").tally.get("wounded")
    assert wounded is not None and wounded.best == 2.0


def test_a_thing_or_a_group_of_untold_size_is_no_second_person() -> None:
    assert _killed("Bandits killed a herder and his cattle near Gusau.") == 1.0
    assert _killed("Gunmen killed a trader and his car.") == 1.0
    assert _killed("Gunmen killed a village chief and his entourage in Ituri.") == 1.0
    assert _killed("Gunmen killed Anton Weir and his shop was looted.") == 1.0
