"""Wire copy: who said it, where and when it happened (issue 21 reproductions)."""

from __future__ import annotations

from typing import Any

import pytest

from tollbook.events.grouping import doc_info, split_document
from tollbook.events.reconcile import analyse
from tollbook.extract.grammar.wire import indefinite_kind
from tollbook.ingest.sources import document_from_text
from tollbook.model import Claim
from tollbook.pipeline import Pipeline


def _claims(pipeline: Pipeline, sentence: str, published: str = "2025-03-14") -> list[Claim]:
    doc = document_from_text(f"date {published} (Wire)\n\n{sentence}\n")
    return [c for c in pipeline.run(doc).claims if c.kind == "count"]


def _one(pipeline: Pipeline, sentence: str, category: str = "killed") -> Claim:
    found = [c for c in _claims(pipeline, sentence) if c.category == category and not c.parent]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("At least 20 people were killed in Djibo on Monday, a local official said.", "local official"),
    ("According to a provisional toll, 17 civilians were killed.", None),
    ("According to a provisional toll, 15 people were killed, residents told our correspondent.",
     "residents"),
    ("The national broadcaster quoted a provincial police spokesman as saying that six people "
     "had died.", "provincial police spokesman"),
    ("Agence Continentale, citing the ministry of security, reported that 28 civilians were "
     "killed.", "ministry of security"),
])  # fmt: skip
def test_wire_speakers(pipeline: Pipeline, sentence: str, speaker: str | None) -> None:
    assert _one(pipeline, sentence).source.speaker == speaker


def test_quoted_as_saying_keeps_the_chain(pipeline: Pipeline) -> None:
    c = _one(pipeline, "The national broadcaster quoted a police spokesman as saying that six "
                       "people had died.")  # fmt: skip
    assert (c.source.chain[0].role, c.source.chain[0].name) == ("quoted_by", "national broadcaster")


def test_dateline_is_not_the_event(pipeline: Pipeline) -> None:
    c = _one(pipeline, "NIAMEY, March 14 - At least 12 people were killed when gunmen attacked "
                       "the market in Karvessa on Thursday, the army said.")  # fmt: skip
    assert c.place is not None and c.place.text == "Karvessa"
    assert c.event_date is not None and c.event_date.value.iso == "2025-03-13"
    assert c.source.speaker == "army"


def test_statement_date_is_not_the_event_date(pipeline: Pipeline) -> None:
    c = _one(pipeline, "The Interior Ministry said on Friday that 17 civilians were killed in "
                       "Thursday's attack on the market in Karvessa.")  # fmt: skip
    assert c.event_date is not None and c.event_date.value.iso == "2025-03-13"
    assert c.source.speaker == "Interior Ministry"


def test_indefinite_kinds_are_kept_apart() -> None:
    assert indefinite_kind("a local official") == "local official"
    assert indefinite_kind("residents") == "resident"
    assert indefinite_kind("a security source") == "security source"
    assert indefinite_kind("a humanitarian source") == "humanitarian source"
    assert indefinite_kind("hospital staff") == "medical source"
    assert indefinite_kind("Niger's Interior Ministry") is None


# ------------------------------------------------------------------ what belongs to an incident


def _split(pipeline: Pipeline, text: str) -> tuple[Any, Any, list[Claim]]:
    doc = document_from_text(text)
    claims = [c for c in pipeline.run(doc).claims if c.kind == "count"]
    mentions, aside = split_document(doc_info(doc), claims)
    return mentions, aside, claims


def test_rollups_and_background_are_set_aside(pipeline: Pipeline) -> None:
    mentions, aside, _ = _split(pipeline, (
        "date 2025-03-14 (Wire)\n\nNIAMEY, March 14 (Wire) - At least 12 people were killed when "
        "gunmen attacked the market in Karvessa on Thursday, the army said.\n\nLast week, eight "
        "soldiers were killed in an ambush near Ayorou, the army said.\n\nAttacks in the region "
        "have killed more than 300 civilians since January, according to a tally by Sahel Watch.\n"
    ))  # fmt: skip
    assert len(mentions) == 1 and mentions[0].place is not None
    assert mentions[0].place.name == "Karvessa"
    kinds = {r.decision for r in aside}
    assert kinds == {"aggregate", "background"}
    assert len(aside) == 2


def test_superlative_is_not_a_rollup(pipeline: Pipeline) -> None:
    mentions, aside, _ = _split(pipeline, (
        "date 2025-03-14 (Wire)\n\nGunmen killed 40 people in Karvessa on Thursday, the deadliest "
        "attack in the region since 2019.\n"
    ))  # fmt: skip
    assert len(mentions) == 1 and not aside


def test_headline_joins_the_body_and_echoes_its_figure(pipeline: Pipeline) -> None:
    mentions, aside, _ = _split(pipeline, (
        "date 2025-03-15 (Daily Sentinel)\n\nBandits kill 11 farmers in Zamfara\n\nGunmen killed "
        "11 farmers in Gwanzo village, Zamfara State, on Friday night, police said.\n"
    ))  # fmt: skip
    assert len(mentions) == 1 and not aside
    assert len(mentions[0].claim_ids) == 2 and len(mentions[0].echoes) == 1


def test_bare_follow_up_joins_the_incident_it_updates(pipeline: Pipeline) -> None:
    mentions, _, _ = _split(pipeline, (
        "date 2025-03-15 (Wire)\n\nGunmen killed 17 people in Karvessa on Thursday, police said. "
        "In a separate attack, 3 people were killed in Djibo on Friday.\n\nThe death toll in "
        "Karvessa later rose to 23.\n"
    ))  # fmt: skip
    assert len(mentions) == 2
    first = min(mentions, key=lambda m: m.first_span)
    assert len(first.claim_ids) == 2


# ------------------------------------------------------------------ reconciliation


def _killed(pipeline: Pipeline, texts: list[str]) -> list[Any]:
    docs = [document_from_text(t) for t in texts]
    claims = [c for d in docs for c in pipeline.run(d).claims]
    return [f for ef in analyse(docs, claims) for f in ef.findings
            if f.category == "killed" and f.unit == "people"]  # fmt: skip


def test_hedged_figure_then_a_larger_one_is_a_refinement(pipeline: Pipeline) -> None:
    [f] = _killed(pipeline, [
        "date 2025-03-13 (Sahel Wire)\n\nAt least 12 people were killed when gunmen attacked the "
        "market in Karvessa on Thursday, the army said.\n",
        "date 2025-03-14 (Global Press Agency)\n\nThe Interior Ministry said on Friday that 17 "
        "civilians were killed in Thursday's attack on the market in Karvessa.\n",
    ])  # fmt: skip
    assert f.status == "refine" and f.best == 17 and f.low == 12 and f.independent_origins == 2


def test_cumulative_toll_of_the_incident_is_its_update(pipeline: Pipeline) -> None:
    [f] = _killed(pipeline, [
        "date 2025-03-14 (Global Press Agency)\n\nThe Interior Ministry said on Friday that 17 "
        "civilians were killed in Thursday's attack on the market in Karvessa.\n",
        "date 2025-03-16 (Le Sahel Quotidien)\n\nTwo more of the wounded died on Saturday, "
        "bringing the death toll from Thursday's market attack in Karvessa to 23, the Interior "
        "Ministry said.\n",
    ])  # fmt: skip
    assert f.best == 23 and f.status == "update"


def test_same_origin_same_day_the_larger_figure_stands(pipeline: Pipeline) -> None:
    [f] = _killed(pipeline, [
        "date 2025-11-08 (Northern Herald)\n\nThe regional governor Halina Vorek says 14 people "
        "were killed in the overnight shelling of Lintmoor.\n",
        "date 2025-11-08 (Lintmoor Today)\n\nEleven people were killed when shells hit Lintmoor "
        "overnight, regional governor Halina Vorek said on Saturday.\n",
    ])  # fmt: skip
    assert f.best == 14 and f.independent_origins == 1


def test_liveblog_entries_are_one_incident(pipeline: Pipeline) -> None:
    mentions, _, _ = _split(pipeline, (
        "date 2025-09-20 (The Meridian Post)\n\nLive: explosion at Port Selwyn bus station\n\n"
        "16:40 The health ministry says the death toll has risen to 31.\n\n"
        "11:30 The police spokesman says at least 9 people were killed in the blast at the bus "
        "station in Port Selwyn this morning.\n"
    ))  # fmt: skip
    assert len(mentions) == 1
    assert mentions[0].date is not None and mentions[0].date.end == "2025-09-20"


def test_liveblog_time_stamp_is_not_a_speaker(pipeline: Pipeline) -> None:
    c = _one(pipeline, "14:05 A doctor at the city hospital says at least 22 bodies have been "
                       "brought in.")  # fmt: skip
    assert c.source.speaker is not None and not c.source.speaker[0].isdigit()


def test_weekend_and_overnight_are_dates(pipeline: Pipeline) -> None:
    c = _one(pipeline, "Gunmen killed 30 people in villages around Tera over the weekend, a "
                       "security source said on Monday.")  # fmt: skip
    assert c.event_date is not None and c.event_date.value.iso == "2025-03-08/2025-03-09"
    assert c.source.speaker == "security source"


def test_republished_copy_in_a_wrapper_is_one_origin(pipeline: Pipeline) -> None:
    body = (
        "KAMBORE, Oct 2 (CNS) - At least 16 people were killed when a suicide bomber blew himself "
        "up at a crowded fish market in Kambore on Wednesday. Forty people were wounded and taken "
        "to the Kambore district hospital. No group has claimed responsibility for the attack, "
        "which comes two weeks after a similar bombing in the same province.\n"
    )
    [f] = _killed(pipeline, [
        "date 2025-10-02 (Continental News Service)\n\n" + body,
        "date 2025-10-03 (Newsbeat Aggregator)\n\nBREAKING: Suicide bombing at Kambore market\n\n"
        + body + "\nCopyright Continental News Service. Distributed by Newsbeat Aggregator. Click "
        "here to read more top stories, download our app and never miss an update from us.\n",
    ])  # fmt: skip
    assert f.independent_origins == 1
    assert any("republished" in r.origin.reason for r in f.reports)


def test_a_conflict_a_later_revision_resolves_is_an_update(pipeline: Pipeline) -> None:
    [f] = _killed(pipeline, [
        "date 2025-11-08 (Lintmoor Today)\n\nEleven people were killed when shells hit Lintmoor "
        "overnight, regional governor Halina Vorek said on Saturday.\n",
        "date 2025-11-09 (Northern Herald)\n\nEmergency services say 12 bodies have been "
        "recovered in Lintmoor after the overnight shelling.\n",
        "date 2025-11-10 (Northern Herald)\n\nThe governor now says the toll from Saturday's "
        "shelling of Lintmoor has risen to 12.\n",
    ])  # fmt: skip
    assert f.status == "update" and f.best == 12
    assert "conflict" in {r.status for r in f.reports}  # the history keeps the conflict


def test_a_figure_naming_its_own_category_ends_a_breakdown(pipeline: Pipeline) -> None:
    claims = _claims(pipeline, "The attack left 17 civilians dead, including 4 children, and 23 "
                               "wounded.")  # fmt: skip
    got = {(c.category, c.population, c.value, c.parent is not None) for c in claims}
    assert got == {("killed", "civilians", 17, False), ("killed", "children", 4, True),
                   ("wounded", "people", 23, False)}  # fmt: skip


def test_a_recalled_incident_is_background(pipeline: Pipeline) -> None:
    mentions, aside, _ = _split(pipeline, (
        "date 2025-08-08 (CNS)\n\nMilitiamen killed 8 civilians in an attack on a camp in Odreth "
        "on Thursday, the UN mission said. The attack came three days after gunmen killed five "
        "people in another part of the town.\n"
    ))  # fmt: skip
    assert len(mentions) == 1 and len(mentions[0].claim_ids) == 1
    assert [r.decision for r in aside] == ["background"]


def test_a_weekly_total_across_a_region_is_a_rollup(pipeline: Pipeline) -> None:
    _, aside, _ = _split(pipeline, (
        "date 2025-06-28 (Sahel Monitor)\n\nGunmen killed 9 villagers in Sangha on Monday, local "
        "officials said.\n\nIn total, at least 28 people were killed in attacks across central "
        "Mali this week, according to a count by Sahel Monitor.\n"
    ))  # fmt: skip
    assert [r.decision for r in aside] == ["aggregate"]


def test_killed_in_an_attack_on_a_displacement_camp_is_killed(pipeline: Pipeline) -> None:
    c = _one(pipeline, "The number of people killed in Thursday's attack on the displacement "
                       "camp in Odreth has risen to 11, the mayor said.")  # fmt: skip
    assert c.value == 11 and "update" in c.flags


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("The government, which says it has regained control of the area, put the toll at 17 dead.",
     "government"),
    ("The attack left 17 civilians dead, said the ministry.", "ministry"),
    ("Residents said 30 people were killed, a humanitarian source said.", "Residents"),
    ("Local authorities raised the toll to 25 on Saturday.", "Local authorities"),
    ("The attack raised the toll to 25.", None),
])  # fmt: skip
def test_relative_clauses_and_inverted_speakers(pipeline: Pipeline, sentence: str,
                                                speaker: str | None) -> None:  # fmt: skip
    assert _one(pipeline, sentence).source.speaker == speaker


@pytest.mark.parametrize("dateline", ["Kyiv, Ukraine (AP) — ", "Beirut, March 3 (AFP) - ",
                                      "KYIV, Ukraine, Jan. 3 - ", "GOMA (Reuters) - "])  # fmt: skip
def test_datelines_in_several_styles(pipeline: Pipeline, dateline: str) -> None:
    c = _one(pipeline, dateline + "Gunmen killed 12 people in Karvessa on Thursday, the army "
                                  "said in a statement on Friday.")  # fmt: skip
    assert c.place is not None and c.place.text == "Karvessa"
    assert c.event_date is not None and c.event_date.value.iso == "2025-03-13"


def test_list_items_do_not_inherit_the_previous_item_speaker(pipeline: Pipeline) -> None:
    doc = document_from_text(
        "date 2025-07-19 (Coastal Times)\n\nLive updates: Dorrow ferry bombing\n- The interior "
        "ministry says 19 people were killed at Dorrow port.\n- A port official tells our "
        "reporter at least 11 bodies have been recovered at Dorrow.\n"
    )  # fmt: skip
    speakers = {c.value: c.source.speaker for c in pipeline.run(doc).claims
                if c.category == "killed"}  # fmt: skip
    assert speakers == {19: "interior ministry", 11: "port official"}


def test_a_place_named_from_two_places_holds_each() -> None:
    from tollbook.events.matching import Place, place_relation

    road, town = Place("Bama-Banki", "bama banki"), Place("Bama", "bama")
    assert place_relation(road, town)[0] == "contains"
    assert place_relation(Place("Gwoza", "gwoza"), town)[0] == "different"


def test_a_roundup_item_is_not_background(pipeline: Pipeline) -> None:
    mentions, aside, _ = _split(pipeline, (
        "date 2025-06-28 (Sahel Monitor)\n\nOn Thursday, 15 people were killed when attackers "
        "stormed a cattle market in Tessit, residents said. In a separate attack on Monday, "
        "gunmen killed 9 villagers in Sangha, local officials said.\n"
    ))  # fmt: skip
    assert len(mentions) == 2 and not aside


def test_a_town_read_in_two_countries_is_one_place_when_dates_agree() -> None:
    from tollbook.events.matching import Place, place_relation
    from tollbook.model import GazetteerEntry

    niger = GazetteerEntry(1, "Téra", "NE", "PPL", 14.0, 0.75)
    iran = GazetteerEntry(2, "Tehran", "IR", "PPLC", 35.7, 51.4)
    a, b = Place("Tera", "tera", niger), Place("Tera", "tehran", iran)
    assert place_relation(a, b)[0] == "namesake"
    assert place_relation(a, Place("Djibo", "djibo", GazetteerEntry(3, "Djibo", "BF", "PPL",
                                                                    14.1, -1.6)))[0] == "different"


def test_geocoding_prefers_the_document_country(pipeline: Pipeline) -> None:
    c = _one(pipeline, "Gunmen killed 30 people in villages around Tera, in western Niger, on "
                       "Sunday.")  # fmt: skip
    assert c.place is not None and c.place.entry is not None and c.place.entry.country == "NE"


def test_a_local_outlet_names_its_town(pipeline: Pipeline) -> None:
    mentions, _, _ = _split(pipeline, (
        "date 2025-04-12 (Harrow Creek Herald)\n\nThe toll from Thursday's shelling of the central "
        "square has risen to 18, the governor's office said on Saturday.\n"
    ))  # fmt: skip
    assert len(mentions) == 1 and mentions[0].place is not None
    assert mentions[0].place.name == "Harrow Creek"
    national, _, _ = _split(pipeline, (
        "date 2025-04-12 (The National Courier)\n\nThe toll from Thursday's shelling of the "
        "central square has risen to 18, the governor's office said on Saturday.\n"
    ))  # fmt: skip
    assert national[0].place is None  # a national outlet's name names no town


def test_a_part_of_the_dead_does_not_pull_best_down(pipeline: Pipeline) -> None:
    [f] = _killed(pipeline, [
        "date 2025-04-11 (CNS)\n\nShelling of the central square in Harrow Creek killed 18 "
        "people on Thursday, the regional governor said on Friday.\n",
        "date 2025-04-12 (Doctors on the Frontline)\n\nOur teams at the hospital in Harrow Creek "
        "received 61 wounded after the shelling on Thursday. Nine patients died of their "
        "injuries.\n",
    ])  # fmt: skip
    assert f.best == 18 and f.low == 9 and f.status == "refine"


def test_a_building_name_yields_to_its_town(pipeline: Pipeline) -> None:
    doc = document_from_text(
        "date 2025-09-06 (Westmark Police)\n\nUPDATE 2: Sadly, 6 people have died following the "
        "shooting at Lindell shopping centre.\n\nUPDATE 1: Officers are responding to reports of "
        "a shooting at Lindell shopping centre in Westmark.\n"
    )  # fmt: skip
    [c] = [c for c in pipeline.run(doc).claims if c.category == "killed"]
    assert c.place is not None and c.place.text == "Westmark"
    alone = _one(pipeline, "Nine prisoners were killed in Ketter prison.")
    assert alone.place is not None and alone.place.text == "Ketter"  # no town given: kept


def test_a_church_is_not_the_document_town(pipeline: Pipeline) -> None:
    mentions, _, _ = _split(pipeline, (
        "date 2025-11-03 (Port Amari Tribune)\n\nChurch attack toll climbs to 21\n\nMourners "
        "gathered on St Luke's church steps on Monday.\n"
    ))  # fmt: skip
    assert mentions and mentions[0].place is not None and mentions[0].place.name == "Port Amari"
