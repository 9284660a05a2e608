"""The historic present of a victim verb before its object (grammar/verbs.PRESENT_VICTIM_VERBS):
"gunmen shoot and kill X"; never after "to", a modal, a negation or a determiner."""

from __future__ import annotations

from tollbook.api import extract_text
from tollbook.extract.victims import find_victims


def _victims(text: str) -> list[tuple[str, str]]:
    return [(text[v.span[0] : v.span[1]], v.category) for v in find_victims(text, 0, len(text), [])]


def test_a_present_verb_names_its_object() -> None:
    assert _victims("Unknown gunmen shoot and kill Tomas Arvik in Drummel.") == [("Tomas Arvik", "killed")]
    assert _victims("Masked men abduct a schoolteacher near Haldor.") == [("a schoolteacher", "hostage")]
    assert _victims("A sniper guns down Dario Venn outside his shop.") == [("Dario Venn", "killed")]


def test_an_infinitive_modal_or_negated_present_names_no_victim() -> None:
    for text in (
        "The rebels vowed to kill Tomas Arvik.",
        "Militants will kill a schoolteacher tomorrow.",
        "The gunmen did not kill Tomas Arvik.",
        "They cannot abduct a schoolteacher here.",
    ):
        assert _victims(text) == [], text


def test_the_subject_of_a_present_verb_is_no_victim() -> None:
    assert _victims("Soldier kills Tomas Arvik in Drummel.") == [("Tomas Arvik", "killed")]
    assert all(c.text != "Soldier" for c in extract_text("Soldier kills Tomas Arvik in Drummel.").claims)
