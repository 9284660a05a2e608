"""Objects of an active wounding verb (extract/active_objects.py, category wounded)."""

from __future__ import annotations

from tollbook.api import extract_text
from tollbook.extract.active_objects import find_objects


def _objects(text: str) -> list[tuple[str, str, float]]:
    return [(text[v.span[0] : v.span[1]], v.category, v.value) for v in find_objects(text, 0, len(text), [])]


def _wounded(text: str) -> float | None:
    tally = extract_text(text).tally.get("wounded")
    return tally.best if tally is not None else None


def test_the_object_of_a_wounding_verb_is_wounded() -> None:
    assert _objects("A parcel bomb injured a painter working in the yard.") == [("a painter", "wounded", 1.0)]
    assert _objects("Police shot and injured one of the raiders.") == [("one of the raiders", "wounded", 1.0)]
    assert _objects("A man stabbed a Velt woman in the market.") == [("a Velt woman", "wounded", 1.0)]


def test_a_definite_object_with_a_figure_counts_the_figure() -> None:
    assert _wounded("Gunmen opened fire on a van near Tarrow, wounding the three people in it.") == 3.0
    assert _wounded("Guards killed four of the raiders and wounded the other two near Osso.") == 2.0


def test_a_bare_figure_or_both_is_the_whole_object() -> None:
    assert _objects("Raiders wounded eight before they fled.") == [("eight", "wounded", 8.0)]
    assert _objects("Gunmen fired at the driver and his mate, injuring both.") == [("both", "wounded", 2.0)]


def test_a_lethal_result_a_mixed_toll_or_a_restating_pronoun_is_no_wounded_object() -> None:
    assert [o for o in _objects("A man stabbed a herder to death in the market.") if o[1] == "wounded"] == []
    assert _objects("The rebels killed or wounded five soldiers.") == []
    assert [o for o in _objects("Raiders stabbed a boy, wounding him.") if o[0] == "a boy"] == []


def test_a_lethal_object_is_still_killed() -> None:
    assert _objects("The militia killed a Velt Marine at the gate.") == [("a Velt Marine", "killed", 1.0)]
