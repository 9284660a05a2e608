"""Mechanisms found by the 5th scenario batch (bench/scenarios_holdout): each on documents of
its own, through extraction and analysis (tollbook.events.reconcile.analyse).

Input: short fictional documents -> assertions on claims, events and findings.
"""

from __future__ import annotations

from tollbook.events.origins import speaker_key
from tollbook.events.reconcile import EventFindings, Finding, analyse
from tollbook.ingest.documents import document_from_text
from tollbook.model import Claim, Document
from tollbook.pipeline import Pipeline


def _run(pipeline: Pipeline, *texts: str) -> tuple[list[Document], list[Claim], tuple[EventFindings, ...]]:
    docs = [document_from_text(t) for t in texts]
    claims = [c for d in docs for c in pipeline.run(d).claims]
    return docs, claims, analyse(docs, claims)


def _killed(results: tuple[EventFindings, ...]) -> list[Finding]:
    return [f for ef in results for f in ef.findings if f.category == "killed" and f.unit == "people"]


def test_an_institutions_member_or_level_speaks_for_it() -> None:
    assert speaker_key("a police officer") == speaker_key("police")
    assert speaker_key("the regional police commander") == speaker_key("police")
    assert speaker_key("the provincial health department") == speaker_key("Health Department")
    # an indefinite kind stays its kind
    assert speaker_key("a security source") != speaker_key("security")


def test_police_officer_and_commander_are_one_origin(pipeline: Pipeline) -> None:
    _docs, _claims, results = _run(
        pipeline,
        "date 2026-03-09 (Horn Wire)\n\nA car bomb exploded at a checkpoint in Gelweyne on "
        "Monday, killing at least six people, a police officer told Horn Wire.",
        "date 2026-03-09 (Horn Wire)\n\nThe number of people killed in Monday's car bombing in "
        "Gelweyne has risen to 14, regional police commander Abdullahi Hassan said.",
        "date 2026-03-10 (Hiiraan Regional Administration)\n\nThe administration condemns "
        "Monday's attack at the Gelweyne checkpoint, in which 14 people were killed.",
    )
    [f] = _killed(results)
    assert (f.best, f.low, f.high) == (14, 14, 14)
    assert f.independent_origins == 2, f.origins
    assert f.status == "update"


def test_a_speaker_is_not_a_victim(pipeline: Pipeline) -> None:
    _docs, claims, _results = _run(
        pipeline,
        "date 2026-03-09 (Horn Wire)\n\nA car bomb killed at least six people in Gelweyne on "
        "Monday, a police officer told Horn Wire.",
    )
    assert sorted(c.value for c in claims if c.category == "killed") == [6.0]


def test_a_year_to_the_day_after_recalls_an_older_incident(pipeline: Pipeline) -> None:
    for recall in ("The attack came a year to the day after 37 people were massacred in the "
                   "same village.", "The attack came exactly one year after 37 people were "
                   "massacred in the same village.", "The attack came on the first anniversary "
                   "of the massacre of 37 villagers in Dourou-Kanda."):  # fmt: skip
        _docs, _claims, results = _run(
            pipeline,
            "date 2026-06-20 (Continental News Service)\n\nGunmen killed 14 villagers in "
            f"Dourou-Kanda in Mali's Mopti region on Friday, a security source said. {recall}",
        )
        [f] = _killed(results)
        assert (f.best, f.low, f.high, f.status) == (14, 14, 14, "single"), recall


def test_unnamed_media_relay_a_source_and_countryside_encloses(pipeline: Pipeline) -> None:
    _docs, claims, results = _run(
        pipeline,
        "date 2026-03-31 (State News Agency)\n\nArmy units targeted gatherings of terrorist "
        "organizations in Tel Samir in the southern countryside of Idlib on Tuesday, killing 9 "
        "terrorists, a military source said.",
        "date 2026-04-01 (Meridian Press)\n\nBEIRUT, April 1 (Meridian Press) - Air strikes on "
        "the village of Tel Samir in Syria's Idlib province killed 17 civilians on Tuesday, the "
        "Northern Syria Rights Monitor said.\n\nState media said the army had killed 9 "
        '"terrorists" in the area.',
    )
    # the town, not the governorate named after "countryside of"; "Air strikes" is no place
    assert {c.place.text for c in claims if c.place} == {"Tel Samir"}
    [f] = _killed(results)
    assert f.independent_origins == 2, f.origins  # state media relay the military source
    assert (f.low, f.high, f.status) == (9, 17, "conflict")


def test_media_with_a_figure_nobody_else_gave_stay_their_own_origin(pipeline: Pipeline) -> None:
    _docs, _claims, results = _run(
        pipeline,
        "date 2026-04-01 (Meridian Press)\n\nAir strikes on the village of Tel Samir in Syria's "
        "Idlib province killed 17 civilians on Tuesday, the Northern Syria Rights Monitor said. "
        "State media said 11 people were killed in Tel Samir.",
    )
    [f] = _killed(results)
    assert f.independent_origins == 2 and f.status == "conflict"


_WIRE = ("date 2026-04-19 (Continental News Service)\n\nIn the morning, a suicide bomber blew "
         "himself up at the crowded cattle market in Tamou-Koira in Niger's Tillaberi region on "
         "Saturday, killing 7 people, police said.\n\nHours later, gunmen shot dead 4 men at a "
         "mosque on the edge of Tamou-Koira on Saturday, residents said.")  # fmt: skip
_MARKET = ("date 2026-04-18 (Tillaberi Echo)\n\nSeven people were killed when a bomber blew "
           "himself up at the cattle market in Tamou-Koira on Saturday, the police said.")  # fmt: skip
_MOSQUE = ("date 2026-04-21 (Sahel Rights Watch)\n\nArmed men killed four men outside a mosque in "
           "Tamou-Koira on the evening of 18 April 2026, Sahel Rights Watch said.")  # fmt: skip
_BARE = ("date 2026-04-19 (Niger Daily)\n\nFour men were shot dead in Tamou-Koira on Saturday, "
         "a local official said.")  # fmt: skip


def _events_by_sites(results: tuple[EventFindings, ...]) -> list[list[float]]:
    return sorted(sorted(f.best for f in ef.findings if f.category == "killed") for ef in results)


def test_two_sites_in_one_town_on_one_day_are_two_incidents(pipeline: Pipeline) -> None:
    _docs, _claims, results = _run(pipeline, _WIRE, _MARKET, _MOSQUE)
    assert len(results) == 2
    reports = {ef.event.event_id: {c[0] for c in ef.event.claim_keys} for ef in results}
    assert sorted(len(v) for v in reports.values()) == [2, 2]  # each: the wire and one report
    # a report naming no site joins one of them, never both into one
    _d, _c, with_bare = _run(pipeline, _WIRE, _MARKET, _MOSQUE, _BARE)
    assert len(with_bare) == 2


def test_one_site_or_none_stays_one_incident(pipeline: Pipeline) -> None:
    _d, _c, results = _run(pipeline, _MARKET, _BARE.replace("Four men were shot dead",
                                                            "Seven people were killed"))  # fmt: skip
    assert len(results) == 1


def test_sites_group_the_same_in_batches(pipeline: Pipeline) -> None:
    from tollbook.events.grouping import doc_info, group_claims

    docs = [document_from_text(t) for t in (_BARE, _MOSQUE, _WIRE, _MARKET)]
    claims = [c for d in docs for c in pipeline.run(d).claims]
    infos = [doc_info(d) for d in docs]

    def events(g: object) -> set[frozenset[tuple[str, str]]]:
        return {frozenset(e.claim_keys) for e in g.events}  # type: ignore[attr-defined]

    whole = group_claims(infos, claims)
    first = group_claims(infos[:2], [c for c in claims if c.doc_id in {d.doc_id for d in docs[:2]}])
    both = group_claims(infos, claims, previous=first)
    assert events(whole) == events(both) and len(whole.events) == 2


def test_sites_read_where_the_incident_was() -> None:
    from tollbook.events.event_patterns import site_of

    assert site_of("a bomber blew herself up at the crowded cattle market, killing 7") == {"market"}
    assert site_of("Gunmen stormed a church in Port Amari") == {"church"}
    assert site_of("The wounded were taken to the hospital in Sikasso") == frozenset()
    assert site_of("an attack on an army camp") == site_of("insurgents attacked a military base")
    assert site_of("Five people were killed in Kabala") == frozenset()
    assert site_of("Five people were killed in the market town of Kabala") == frozenset()
