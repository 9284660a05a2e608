""""Executed" carries out a thing as often as it kills a person: an object the person test
(lexicon.NON_PERSON) calls a thing is no victim ("executed the order", "a warrant")."""

from __future__ import annotations

from tests.conftest import claims_of as _killed


def test_an_order_a_warrant_a_mission_is_no_killing() -> None:
    assert _killed("The army executed the order on Monday.") == []
    assert _killed("Officers executed a warrant in Lagos.") == []
    assert _killed("Police executed a search warrant at the house.") == []
    assert _killed("The rebels executed the mission near Beni.") == []


def test_an_executed_person_is_still_killed() -> None:
    assert _killed("Militants executed a prisoner in Idlib.") == [("a prisoner", 1.0)]
    assert _killed("Islamic State executed two spies near Deir ez-Zor.") == [("two spies", 2.0)]
