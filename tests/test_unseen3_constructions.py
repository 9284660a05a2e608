"""Constructions read from the misses of tests/corpus/heldout/unseen3.jsonl's read half (issue 20),
each with its guard: text -> the count claims tollbook extracts (category, value, words).

- a status noun in a list read by its own words keeps its fate ("1,108 injured and 32 missing",
  "left 14 dead, 30 injured and 6 missing"), while a verb acting on it still decides ("beheaded
  two hostages", "left two hostages dead") (extract/categorise.py);
- the progressive and the historic present of taking hostages ("was holding a pilot hostage",
  "Gunmen abduct 9 aid workers") (grammar/lexicon.LEFT_CUES);
- "the whereabouts of N ... unknown" is missing, as "the fate of" is (grammar/lexicon.LEFT_CUES);
- "driven/chased from their homes" displaces, and opens a clause of its own after a killing
  verb's objects (grammar/lexicon.RIGHT_CUES, grammar/count_patterns.FINITE_NEXT);
- a headline's present verb before a zero-article singular ("Separatists behead teacher")
  (grammar/bare_patterns.OBJECT_VERBS);
- a second predicate past a place ("abducted from Marwar and later found shot dead"), a
  noun-only category noun after modifiers ("3,200 additional IDPs"), an unlisted plural before
  its breakdown ("Ten Maoists, including ..., were gunned down"), things that are no people
  ("set ablaze a van", "three IEDs"), the killer killed after his victims ("before he was shot
  dead"), "taken away by the attackers".
"""

from __future__ import annotations

from tollbook.api import extract_text


def _claims(text: str) -> list[tuple[str, float, str]]:
    return [(c.category, c.value, c.text) for c in extract_text(text).claims if c.kind == "count"]


def test_a_status_noun_in_a_list_of_nouns_keeps_its_fate() -> None:
    assert _claims("The toll rose to 175, with 1,108 injured and 32 missing.")[1:] == [
        ("wounded", 1108, "1,108 injured"), ("missing", 32, "32 missing")]  # fmt: skip
    assert _claims("The attack left 14 dead, 30 injured and 6 missing in Norvane.") == [
        ("killed", 14, "14 dead"), ("wounded", 30, "30 injured"), ("missing", 6, "6 missing")]  # fmt: skip
    assert _claims("Police counted 3 dead and 2 hostages after the raid.") == [
        ("killed", 3, "3 dead"), ("hostage", 2, "2 hostages")]  # fmt: skip


def test_a_verb_acting_on_a_status_noun_still_decides() -> None:
    assert _claims("The militants beheaded two hostages.") == [("killed", 2, "two hostages")]
    assert _claims("The blast left two hostages dead.") == [("killed", 2, "two hostages")]
    assert [c[0] for c in _claims("The blast left 3 soldiers and two hostages dead.")] == ["killed", "killed"]


def test_the_progressive_holds_hostages_and_the_present_abducts() -> None:
    assert _claims("The group said it was holding a New Zealand pilot hostage.") == [
        ("hostage", 1, "a New Zealand pilot hostage")]  # fmt: skip
    assert _claims("Rebels are holding 12 soldiers hostage in Kidal.") == [("hostage", 12, "12 soldiers")]
    assert _claims("Gunmen abduct 9 aid workers in Jonglei") == [("hostage", 9, "9 aid workers")]
    assert _claims("Bandits kidnap 6 passengers on the Aska highway") == [("hostage", 6, "6 passengers")]


def test_holding_without_hostage_and_an_infinitive_take_nobody() -> None:
    assert _claims("Police were holding 12 suspects for questioning in Olm.") == []
    assert _claims("The group threatened to abduct 20 pupils from the school.") == []
    assert _claims("They were holding a meeting with 12 elders.") == []


def test_whereabouts_unknown_is_missing_and_known_is_not() -> None:
    assert _claims("The whereabouts of the six fishermen remain unknown after the attack.") == [
        ("missing", 6, "six fishermen")]  # fmt: skip
    assert _claims("The whereabouts of the 12 detainees are known to the ministry.") == []
    assert _claims("Investigators traced the whereabouts of two suspects to Olm.") == []


def test_driven_from_their_homes_displaces_in_a_clause_of_its_own() -> None:
    assert _claims("About 3,000 villagers were chased out of their villages by the militia.") == [
        ("displaced", 3000, "About 3,000 villagers")]  # fmt: skip
    assert _claims("The war cost the lives of 3,000 civilians, and 70,000 people were forced from their homes.") == [
        ("killed", 3000, "3,000 civilians"), ("displaced", 70000, "70,000 people")]  # fmt: skip
    assert _claims("Soldiers killed 8 rebels and 600 residents were driven out of their homes in Olm.") == [
        ("killed", 8, "8 rebels"), ("displaced", 600, "600 residents")]  # fmt: skip
    assert _claims("Soldiers killed 8 rebels and 600 residents in Olm.") == [
        ("killed", 8, "8 rebels"), ("killed", 600, "600 residents")]  # fmt: skip


def test_a_headline_present_verb_names_a_zero_article_victim() -> None:
    assert _claims("Cameroon: separatists behead teacher in Bamenda") == [("killed", 1, "teacher")]
    assert _claims("Bandits kidnap nurse, kill driver near Olm") == [("hostage", 1, "nurse"), ("killed", 1, "driver")]
    assert _claims("Militants vow to behead journalist in Verin") == []
    assert _claims("Rebels free teacher after two weeks in Kerrin") == []


def test_a_second_predicate_past_a_place_adjunct() -> None:
    claims = _claims("Three teachers were abducted outside Verin and later found shot dead.")
    assert sorted(c[0] for c in claims) == ["hostage", "killed"] and {c[1] for c in claims} == {3}
    assert _claims("Nine farmers were abducted in the Kerrin hills and later released unharmed.") == [
        ("hostage", 9, "Nine farmers")]  # fmt: skip


def test_a_noun_only_category_heads_its_phrase_after_modifiers() -> None:
    assert _claims("Some 2,400 new IDPs were registered in Norvane this week.") == [
        ("displaced", 2400, "Some 2,400 new IDPs")]  # fmt: skip
    assert _claims("The rebels released five Afghan hostages on Tuesday.") == [("hostage", 5, "five Afghan hostages")]
    # "dead", "wounded", "missing" may be predicates: they keep needing the number beside them
    assert _claims("Police found 12 Afghan dead bodies.") != [("killed", 12, "12 Afghan dead")]


def test_an_open_class_plural_takes_the_predicate_after_its_breakdown() -> None:
    assert _claims("Twelve Tuareg, including three women, were killed in the Verin valley.") == [
        ("killed", 12, "Twelve Tuareg"), ("killed", 3, "three women")]  # fmt: skip
    assert _claims("Ten houses, including two schools, were burned in Norvane.") == []


def test_things_are_no_people_and_neutralised_is_not_read() -> None:
    for text in ("Engineers neutralised three IEDs on the Olm road.", "The bomb squad neutralized a device.",
                 "Engineers killed 3 IEDs on the road.", "Militants set ablaze a van in Tongo Tongo."):  # fmt: skip
        assert _claims(text) == [], text
    # "neutralised" is killed or captured (ACLED: "neutralized (killed/captured)"); read as killed
    # it cost three RAND check-half rows net, so it is left unread
    assert _claims("The army said 17 terrorists were neutralised near Aska.") == []


def test_the_killer_killed_in_turn_after_his_victims() -> None:
    result = extract_text("A gunman killed four worshippers before he was shot dead by guards in Aska.")
    assert [(c.value, c.text, "attackers" in c.flags) for c in result.claims] == [
        (4, "four worshippers", False), (1, "he", True)]  # fmt: skip
    killed = result.tally.get("killed")
    assert killed is not None and killed.best == 5
    assert _claims("The attacker stabbed two passers-by to death before being shot dead by police.") == [
        ("killed", 1, "The attacker"), ("killed", 2, "two passers-by")]  # fmt: skip
    assert _claims("Police said the man killed his wife before being shot dead.") == [("killed", 1, "his wife")]
    for text in ("He killed two guards before he was arrested in Verin.",
                 "The rebels killed five villagers before they were driven off by the militia."):  # fmt: skip
        assert [c[1] for c in _claims(text)] == [2 if "guards" in text else 5], text


def test_a_name_with_its_age_takes_the_predicate() -> None:
    assert _claims("Ivo Marsh, 28, was killed in the blast near Verin.") == [("killed", 1, "Ivo Marsh")]
    assert _claims("Anton Relk, aged 61, was kidnapped in Olm.") == [("hostage", 1, "Anton Relk")]


def test_taken_away_by_armed_men_is_a_hostage_taking_and_by_police_is_not() -> None:
    assert _claims("Five people were killed and eleven taken away by the attackers near Aska.") == [
        ("killed", 5, "Five people"), ("hostage", 11, "eleven")]  # fmt: skip
    assert _claims("Four women were led away by the rebels after the raid.") == [("hostage", 4, "Four women")]
    assert _claims("Three suspects were taken away by police for questioning.") == []
    assert _claims("The bodies were taken away by the militants before dawn.") == []
