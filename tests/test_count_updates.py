"""A later figure for a count named before (issue 20, coders' notes): "the count was revised
up to 114", "the figure was raised to 58", "(a number later heightened to 15)" are updates of
the count before them; "up to" after a verb of change is the verb's, not "at most"."""

from __future__ import annotations

from tollbook.api import extract_text
from tollbook.evaluation.labelled import predict


def _claims(text: str) -> list[tuple[str, float, str, tuple[str, ...]]]:
    return [(c.text, c.value, c.qualifier, c.flags) for c in extract_text(text).claims if c.category == "killed"]


def test_a_revised_count_is_an_update_and_the_figure_kept() -> None:
    text = "Raiders attacked farms near Velmora, killing at least nine. The count was later revised up to 14."
    assert _claims(text) == [("at least nine", 9.0, "at_least", ()), ("14", 14.0, "exact", ("update",))]
    assert predict("killed", extract_text(text))[0] == 14.0  # the latest update is the figure


def test_a_raised_figure_and_a_number_in_brackets() -> None:
    assert ("26", 26.0, "exact", ("update",)) in _claims(
        "A car bomb exploded in Sorel, killing 20 people. The figure was raised to 26 in the following days.")
    assert ("11", 11.0, "exact", ("update",)) in _claims(
        "Gunmen attacked villages near Orlen, killing at least six residents (a number later raised to 11).")


def test_up_to_stays_a_qualifier_without_a_verb_of_change() -> None:
    assert _claims("Officials said up to 30 people were killed in Tamsin.") == [("up to 30 people", 30.0, "at_most", ())]


def test_a_count_that_names_what_it_counts_is_not_inherited() -> None:
    claims = extract_text("Fighting displaced 2,000 people in Kessel. The number of refugees rose to 3,000.").claims
    assert [(c.category, c.value) for c in claims] == [("displaced", 2000.0)]
