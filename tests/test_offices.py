"""Office holders named by a title-cased office (extract/offices.py, issue 20): "killed the
former Chairman of the committee" is one person, as "the chairman of" already was."""

from __future__ import annotations

from tests.conftest import claims_of as _killed
from tollbook.extract.offices import find_offices


def test_a_title_cased_office_after_a_victim_verb_is_one_person() -> None:
    text = "Gunmen shot and killed the Deputy Registrar of Velmora University outside his home."
    found = find_offices(text, 0, len(text), [])
    assert [(text[v.span[0] : v.span[1]], v.category, v.how) for v in found] == [
        ("the Deputy Registrar", "killed", "office")
    ]
    assert _killed("Unknown men shoot and kill the Chief Imam for Kessel Central Mosque.") == [("the Chief Imam", 1.0)]
    assert _killed("Assailants killed the APC Councillor representing ward 2.") == [("the APC Councillor", 1.0)]


def test_a_body_a_hypothetical_or_a_background_names_nobody() -> None:
    for text in (
        "Rebels vowed to kill the Governor of Tamsin.",
        "Protesters condemned the killing of the Mayor of Orlen.",
        "Gunmen stormed the Ministry of Defence in Sorel.",
        "Gunmen met the Governor of Tamsin.",
    ):
        assert _killed(text) == [], text


def test_a_number_is_no_title_and_a_preposition_ends_the_people() -> None:
    # "six Dozos" is six people (victims.ACTIVE once read "six" as a title, "Dozos" as a name)
    assert _killed("Raiders killed six Varnese near the village of Tamsin.") == [("six Varnese", 6.0)]
    assert _killed("Gunmen killed village chief Anton Relk in Sorel.") == [("village chief Anton Relk", 1.0)]
