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


def test_one_reader_owns_the_second_member_for_every_category() -> None:
    # captives.find_second_objects reads it, killed, wounded or hostage alike
    for text, category in (("Gunmen killed a thief and his accomplice in Kano.", "killed"),
                           ("Gunmen wounded a pastor and his companion in Jos.", "wounded"),
                           ("Gunmen kidnapped Dr. Lena Ostrova, 52, and her assistant in Tazin.", "hostage")):  # fmt: skip
        claims = extract_text(text).claims
        assert [c.rule for c in claims if c.category == category][-1] == f"count.object_conjunct:{category}+list"


def test_a_named_complement_or_a_relative_clause_keeps_the_second_member() -> None:
    assert _killed("A bomb killed a deputy governor of Ravik and his driver as they travelled.") == 2.0
    assert _killed("Militants killed Ivo Rask, head of the village council, and his wife who has taught "
                   "at the local school for years.") == 2.0  # fmt: skip
    hostages = extract_text("Gunmen seized the headman of Tovi and his three sons at dawn.").tally.get("hostage")
    assert hostages is not None and hostages.best == 4.0


def test_a_new_predicate_or_the_rest_of_a_set_is_no_second_member() -> None:
    for text, best in (("Militants bombed a market, injuring 13 persons, and struck Israeli targets in Cyprus.", 13.0),
                       ("A car bomb exploded in Lakka, injuring two people, one of them a member of the peacekeeping "
                        "force (UNAMA), and the other a passer-by.", 2.0)):  # fmt: skip
        wounded = extract_text(text).tally.get("wounded")
        assert wounded is not None and wounded.best == best
