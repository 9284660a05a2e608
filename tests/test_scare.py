"""Scare quotes read through (extract/scare.py, issue 20): 'killed three "militants"',
'a trader was "hacked to death"'; speech and quoted figures stay as written."""

from __future__ import annotations

from tests.conftest import claims_of as _killed
from tollbook.extract.scare import blank_scare_quotes


def test_scare_quote_marks_become_spaces_and_keep_offsets() -> None:
    text = 'Troops killed three "militants" and the [insurgents] fled.'
    blanked = blank_scare_quotes(text)
    assert len(blanked) == len(text)
    assert blanked == "Troops killed three  militants  and the  insurgents  fled."


def test_speech_and_quoted_figures_stay_quoted() -> None:
    speech = 'He said "the gunmen killed many people in the village" on Monday.'
    assert blank_scare_quotes(speech) == speech  # more than a few words: a quotation
    figure = 'Officials put the toll at "12" in Orlen.'
    assert blank_scare_quotes(figure) == figure  # a quoted figure is the source's own words


def test_a_scare_quoted_noun_or_predicate_is_read() -> None:
    assert _killed('Fighters executed three "informants" in Darrowby.') == [('three "informants', 3.0)]
    assert _killed('A trader was "hacked to death" in Velmora.') == [("A trader", 1.0)]


def test_a_stop_inside_the_closing_mark_of_a_short_quote_is_read_through() -> None:
    text = 'Gunmen attacked Velt, killing "scores."'
    assert blank_scare_quotes(text) == "Gunmen attacked Velt, killing  scores. "
    assert _killed('Troops repel an attack on Orsk, killing "dozens," the army said.') == [("dozens", 24.0)]
    speech = 'A spokesman said "nobody was hurt."'
    assert blank_scare_quotes(speech) == speech  # three words and a full stop: a quotation
