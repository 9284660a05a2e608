"""Victims named without a number: sentence text -> Victim* (one person each).

"Assailants shot and killed Faiz Karimi, a religious scholar", "gunmen killed mayor Omar
Dallo", "Commander Ilyas Barre was killed", "Ishaya died of his wounds", "abducted Okoh
Enejor": a person's name (with its title) is the object of a verb of the families in
grammar/verbs.py, or the subject of its passive or of a verb of dying. Each is one person.

Guards: a verb undone before it ("nearly lynched", "tried to kill"), hypotheticals
(cues.irrealis), a nominal use ("the killing of"), a manner verb without its result ("shot
Omar" wounds or kills), and a death that is the background of the sentence (a protest, a
trial, a memorial: grammar/verbs.BACKGROUND_WORDS) start no victim. A name after a
preposition ("a soldier from Kano was killed") is a place, not the subject.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tollbook.extract.cues import irrealis
from tollbook.extract.grammar import lexicon as lx
from tollbook.extract.grammar import verbs as vb
from tollbook.extract.grammar.alternation import alternation
from tollbook.extract.numbers import find_numbers
from tollbook.model import Span

_PARTICLE = r"(?:al|el|bin|ibn|ben|de|del|da|dos|van|von|ur|ul|abu|wa|la|le|di|bint)"
_CAP = r"(?:(?-i:[A-Z])[a-z]{0,3}\.(?=\s+(?-i:[A-Z]))|(?-i:[A-Z])[\w'’-]*)"  # "Col. Hamidullah", never "Brazil. Lopes"
NAME_RE = re.compile(rf"(?P<name>{_CAP}(?:(?:\s+{_PARTICLE}[\s-]+|\s+){_CAP}){{0,5}})")
_RESULT = alternation(vb.RESULT_PHRASES)
_VERB = alternation(vb.VICTIM_VERBS)
_VERBS_ANY_TENSE = {**vb.VICTIM_VERBS, **vb.PRESENT_VICTIM_VERBS}
#: An active verb before its object may be in the historic present ("gunmen shoot and kill X").
_ACTIVE_VERB = alternation(_VERBS_ANY_TENSE)
_PRESENT_NOT_AFTER = re.compile(r"(?:\b|(?<=n))(?:" + alternation(vb.PRESENT_NOT_AFTER) + r")\s+\Z", re.IGNORECASE)
_MANNER = alternation(vb.MANNER_VERBS)
_AND_POSSESSIVE = re.compile(r"\s+and\s+(?P<det>his|her|their)\b", re.IGNORECASE)
_WORD = re.compile(r"\s+(?P<w>(?-i:[a-z])[\w-]*)")


def _and_possessive(text: str, pos: int, end: int) -> tuple[int, int, str] | None:
    """'and his nine-year-old daughter' after a victim: (start, end, head) of the second person."""
    m = _AND_POSSESSIVE.match(text, pos, end)
    if m is None:
        return None
    p = m.end()
    for _ in range(3):
        w = _WORD.match(text, p, end)
        if w is None:
            return None
        word = w.group("w").lower()
        if word in _ROLE_STOP:
            return None
        p = w.end()
        if _AFTER_NAME.match(text, p, end):
            singular = not word.endswith("s") or word.endswith("ss")
            return (m.start("det"), p, word) if singular and word not in lx.NON_PERSON else None
    return None


#: A title before a name is lowercase words that are neither function words nor verbs.
_TITLE_WORD = rf"(?!(?:{alternation([*lx.MODIFIER_STOP, *vb.NOT_TITLES, *vb.VICTIM_VERBS, *vb.MANNER_VERBS, 'the', 'a', 'an'])})\b)"
_ACTIVE = re.compile(
    rf"\b(?:(?P<verb>{_ACTIVE_VERB})|(?P<manner>{_MANNER})(?:\s+(?P<res1>{_RESULT}))?)\s+"
    rf"(?P<title>(?:{_TITLE_WORD}(?-i:[a-z])[\w-]+\s+){{0,3}})(?P<name>{_CAP}(?:(?:\s+{_PARTICLE}[\s-]+|\s+){_CAP}){{0,5}})"
    rf"(?P<res2>\s+(?:{_RESULT})\b)?",
    re.IGNORECASE,
)
#: An active verb right before a determiner: "shot and killed a ...", "shot dead an ...".
_ACTIVE_BEFORE = re.compile(
    r"\b(?:(?P<verb>" + _ACTIVE_VERB + r")|(?P<manner>" + _MANNER + r")\s+(?:" + _RESULT + r"))"
    r"(?:\s+and\s+(?:then\s+)?(?-i:[a-z])\w+ed)?\s+\Z",  # "killed and mutilated a guard"
    re.IGNORECASE,
)
_ADVERB = r"(?:(?:reportedly|allegedly|also|later|subsequently|then|eventually|fatally|brutally|\w+ly)\s+){0,2}"
#: "shot in the chest and killed": where the blow landed, before its coordinated result.
_WHERE_HIT = r"(?:\s+(?:in|at|on)\s+[^,.;:()]{1,40}?)?"
#: A chain of passives whose last conjunct is the person's fate: "was kidnapped by rebels and
#: later killed", "was seriously wounded and later died of his injuries" (any participle first).
_CHAIN = (rf"(?:{_MANNER}|(?-i:[a-z])[a-z]+(?:ed|en))(?:\s+\w+ly)?(?:\s+(?:in|at|on|by|from|near|during)\s+[^,.;:()]{{1,40}}?)?"
          rf"\s+and\s+(?:(?:then|later|subsequently|eventually|also)\s+)?")  # fmt: skip
_APPOS = r"(?P<appos>\s*,(?:[^,;:.()]|\([^()]{1,40}\)){1,90},)?"
_PASSIVE = re.compile(
    rf"{_APPOS}\s+(?:was|has\s+been|had\s+been|is\s+said\s+to\s+have\s+been|got)\s+"
    rf"(?P<neg>(?:not|never)\s+)?{_ADVERB}(?:found\s+)?"
    rf"(?:(?P<c1>{_CHAIN})(?P<died>died|succumbed|perished)|(?P<c2>{_CHAIN})?(?:(?P<verb>{_VERB})|(?P<manner>{_MANNER})\s+(?P<res>{_RESULT})))\b",
    re.IGNORECASE,
)
#: The plural passive after a list of people: "Nazari and his driver were killed".
_PASSIVE_PLURAL = re.compile(
    rf"{_APPOS}\s+(?:were|have\s+been|had\s+been)\s+{_ADVERB}(?:(?:{_CHAIN})?(?:(?P<verb>{_VERB})|(?P<manner>{_MANNER})\s+"
    rf"(?P<res>{_RESULT}))|(?P<found>found\s+dead))\b|\s+(?:both\s+)?{_ADVERB}(?P<died>died|perished)\b",
    re.IGNORECASE,
)
_DIED = re.compile(
    rf"{_APPOS}\s+{_ADVERB}(?:(?P<verb>{alternation(vb.DIED_PREDICATES)})|(?P<hurt>{alternation(vb.WOUNDED_PREDICATES)})"
    rf"\s+(?:\w+\s+){{0,2}}?(?:{alternation(vb.WOUND_NOUNS)}))\b",
    re.IGNORECASE,
)
_NON_LETHAL = re.compile(rf"\b(?:{alternation(vb.NON_LETHAL_BEFORE)})\s+(?:be\s+|been\s+|being\s+)?\Z", re.IGNORECASE)
_NOMINAL = re.compile(r"\b(?:the|a|an|his|her|their|its|this|that)\s+(?:\w+\s+)?\Z", re.IGNORECASE)
_BACKGROUND = re.compile(rf"\b(?:{alternation(vb.BACKGROUND_WORDS)})\b", re.IGNORECASE)
#: What may follow a named object: punctuation or a word that starts the next phrase.
_NEXT_PHRASE = """in on at and or while after during as when who with from for because following by to over
shortly but whose was were had has reportedly allegedly""".split()
_AFTER_NAME = re.compile(
    r"\s*(?:[,.;:()\[\]—–]|$)|\s+(?:" + alternation([*_NEXT_PHRASE, *vb.NOT_TITLES]) + r")\b", re.IGNORECASE
)
#: "He was killed with an axe", "she later died": one person, maybe one counted before
#: (the tally reads the pronoun as someone already named).
_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)
#: What a subject name may follow: a sentence or clause start, possibly after a title.
_CLAUSE_START = re.compile(r"(?:^|[.,;:(\"“]|\band|\bbut|\bwhile|\bas|\bwhen|\bafter|\bwhere)\s*"
                           r"(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}\Z", re.IGNORECASE)  # fmt: skip
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|from|in|at|near|to|by|for|with|on|into|against|outside|inside)\s+\Z",
                                 re.IGNORECASE)  # fmt: skip


_ROLE_TOKEN = re.compile(r"\s*(?P<paren>\([^()]{1,30}\))|\s+(?P<w>[A-Za-z][\w'’.-]*)")
_JOINERS = frozenset({"of", "and", "for", "de", "du"})
_ROLE_STOP = frozenset([*lx.MODIFIER_STOP, *vb.NOT_TITLES, *vb.VICTIM_VERBS, *vb.MANNER_VERBS, *lx.IRREGULAR_VERBS])
_ROLE_DET = re.compile(r"\b(?P<det>an?|the|one|his|her)\b", re.IGNORECASE)  # "Her driver was injured"
_INDEFINITE = frozenset({"a", "an"})
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten dozen dozens several".split())


def role_np(text: str, pos: int, stop: int) -> tuple[int, str] | None:
    """(end, head) of a singular role noun phrase after a determiner at `pos`, with its
    modifiers: "a National Directorate of Security (NDS) officer", "a Da Afghanistan Bank
    branch manager", "an elderly street vendor". None unless it ends in a lowercase head that
    can name a person (capitalised last: a name or an organisation, not a role)."""
    head: str | None = None
    head_end = pos
    p = pos
    prev_cap = False
    for _ in range(10):
        m = _ROLE_TOKEN.match(text, p, stop)
        if m is None:
            break
        if m.group("paren"):
            p = m.end()
            continue
        word = m.group("w")
        low = word.lower().rstrip(".")
        if word[:1].isupper():
            if low in vb.NOT_NAMES and head is not None:
                break
            head, prev_cap, p = None, True, m.end()
            continue
        if low in _JOINERS and prev_cap:
            nxt = _ROLE_TOKEN.match(text, m.end(), stop)
            if nxt is not None and (nxt.group("paren") or (nxt.group("w") or "")[:1].isupper()):
                p = m.end()
                continue
        if low in _ROLE_STOP or low.endswith("ly") or low in _NUMBER_WORDS or not low.replace("-", "").isalpha():
            break
        if head is not None and low.endswith(("ed", "ing")):
            break
        head, head_end, p, prev_cap = low, m.end(), m.end(), False
        if word.endswith("."):
            head_end = p = m.end() - 1  # the full stop ends the sentence, not the word
            break
    if head is None and prev_cap and p > pos and len(text[pos:p].split()) == 1 and not text[pos:p].strip().isupper() \
            and text[pos:p].strip().lower() not in vb.NOT_NAMES:  # fmt: skip
        return p, text[pos:p].strip().lower()  # "an Israeli was injured": a people's name for one person
    if head is None or (head_end != p and not text[head_end:p].strip().startswith("(")):
        return None
    if head in lx.NON_PERSON or head.endswith(("ed", "ing")) or (head.endswith("s") and not head.endswith(("ss", "us", "is"))):
        return None
    return head_end, head


_PAIR_MEMBER = rf"(?:one\s+of\s+(?:his|her|their|the)\s+(?-i:[a-z])[\w-]*s\b|{_CAP}(?:(?:\s+{_PARTICLE}[\s-]+|\s+){_CAP}){{0,5}}|(?:his|her|their|a|an)\s+(?:{_TITLE_WORD}(?-i:[a-z])[\w-]+\s+)?{_TITLE_WORD}(?-i:[a-z])[\w-]+\b)"
_PAIR = re.compile(
    rf"(?P<m1>{_PAIR_MEMBER})(?P<ap1>\s*,(?:[^,;:.()]|\([^()]{{1,40}}\)){{1,90}},)?\s*,?\s+and\s+(?P<m2>{_PAIR_MEMBER})"
)


@dataclass(frozen=True, slots=True)
class Victim:
    """One named person and what happened to them."""

    span: Span  # the title and name as written
    category: str
    population: str
    population_class: str
    how: str  # "object" | "subject" | "died" | "pronoun" | "role" | "list" | "partitive" | "another"
    counted: bool = False  # a list member the count rules already read
    value: float = 1.0


#: Endings of plural nouns and peoples' names, never of one person's name ("Flores" is one).
_PLURAL_ENDINGS = ("ians", "ans", "ers", "ors", "ists", "ites", "ees", "ies", "ses", "men", "ches")


def _is_name(name: str) -> bool:
    words = [w.strip(".'’").lower() for w in name.split()]
    if not words or words[0] in vb.NOT_NAMES or words[-1] in vb.NOT_NAMES:
        return False
    if len(words) == 1 and (name.isupper() or words[0] in lx.NON_PERSON or words[0].removesuffix("s") in lx.POPULATIONS
                            or words[0].endswith(_PLURAL_ENDINGS)):  # fmt: skip
        return False  # "ISIS", "Soldiers", "Palestinians": a group or a plural noun, not a person
    return words[-1] not in lx.POPULATIONS  # "Security Forces", "Police": a noun, not a name


def _population(text: str, start: int, end: int) -> tuple[str, str]:
    """The people a title names ("police officer Ana Dorn", "Commander Ilya Dorsk"), else people."""
    m = lx.POP_RE.search(text, start, end)
    if m is None:
        return "people", "unknown"
    population, cls, _unit = lx.POPULATIONS[m.group(0).lower()]
    return population, cls


def _category(verb: str | None, manner: bool) -> str:
    if manner or verb is None:
        return "killed"
    return _VERBS_ANY_TENSE[re.sub(r"\s+", " ", verb.lower())]


def _present_undone(text: str, start: int, verb: str | None, at: int) -> bool:
    """A present form after "to", a modal, a negation or a determiner: no deed reported."""
    return verb is not None and re.sub(r"\s+", " ", verb.lower()) in vb.PRESENT_VICTIM_VERBS \
        and _PRESENT_NOT_AFTER.search(text, max(start, at - 12), at) is not None  # fmt: skip


def _pred_start(m: re.Match[str]) -> int:
    """Where the predicate's verb starts (the words before it may undo it: "was nearly lynched")."""
    for g in ("c1", "c2", "verb", "manner", "hurt", "died"):  # a chain's first verb may be undone
        if g in m.re.groupindex and m.group(g):
            return m.start(g)
    return m.end()


def _died_category(m: re.Match[str]) -> str:
    return "wounded" if m.group("hurt") else "killed"


def _undone(text: str, start: int, at: int) -> bool:
    before = text[max(start, at - 40) : at]
    return bool(_NON_LETHAL.search(before)) or irrealis(text, start, at) \
        or bool(_BACKGROUND.search(text, start, at))  # fmt: skip


_UNDONE_PREDICATE = re.compile(
    r"\s+(?:(?:was|were|had\s+been|has\s+been|have\s+been|is|are)\s+)?(?:" + alternation(vb.NON_LETHAL_BEFORE)
    + r")\s+(?:be\s+|been\s+|being\s+)?(?:" + _VERB + r"|" + _MANNER + r")\b",
    re.IGNORECASE,
)


def undone_after(text: str, pos: int, end: int) -> bool:
    """Is the predicate after `pos` undone ("was nearly lynched", "were almost killed")?"""
    return _UNDONE_PREDICATE.match(text, pos, end) is not None


def undone_before(text: str, start: int, at: int) -> bool:
    """Is the verb at `at` undone ("nearly lynched", "tried to kill"), hypothetical or a
    background death?"""
    return _undone(text, start, at)


def predicate_at(text: str, start: int, pos: int, end: int, appositive: bool = False) -> str | None:
    """The category of a singular passive or dying predicate right at `pos` ("was shot dead",
    "died of his wounds"), unless negated or undone; None when none starts there. With
    `appositive`, the predicate may follow an apposition (", Joel Rincon, was killed")."""
    after = _PASSIVE.match(text, pos, end) or _DIED.match(text, pos, end)
    if after is None or (after.group("appos") and not appositive) or after.groupdict().get("neg") or _undone(text, start, _pred_start(after)):
        return None
    if after.re is _DIED:
        return _died_category(after)
    return _category(after.group("verb"), bool(after.group("manner")))


def plural_predicate_at(text: str, start: int, pos: int, end: int) -> str | None:
    """The category of a plural passive or dying predicate right at `pos` ("were executed",
    "were later found dead", "died"), unless negated or undone; None when none starts there."""
    after = _PASSIVE_PLURAL.match(text, pos, end)
    if after is None or after.group("appos") or _undone(text, start, _pred_start(after)):
        return None
    if after.group("died"):
        return "killed"
    return _category(after.group("verb"), bool(after.group("manner")))


def clause_subject_at(text: str, start: int, pos: int) -> bool:
    """May a subject start at `pos`: after a clause start, not after a preposition?"""
    return bool(_CLAUSE_START.search(text[max(start, pos - 40) : pos])) \
        and not _PREPOSITION_BEFORE.search(text, max(start, pos - 12), pos)  # fmt: skip


def find_victims(text: str, start: int, end: int, taken: list[Span]) -> list[Victim]:
    """Named victims in text[start:end] whose names overlap none of the `taken` spans."""
    out: list[Victim] = []

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in taken) and not any(v.span[0] < b and a < v.span[1] for v in out)

    for m in _ACTIVE.finditer(text, start, end):
        verb, manner = m.group("verb"), m.group("manner")
        if manner and not (m.group("res1") or m.group("res2")):
            continue  # "shot Omar": wounded or killed, the text does not say
        if (verb or manner).lower().endswith("ing") and _NOMINAL.search(text, max(start, m.start() - 30), m.start()):
            continue  # "the killing of", "his execution": a noun, not a verb on a victim
        if _undone(text, start, m.start()) or _present_undone(text, start, verb, m.start()) \
                or not _is_name(m.group("name")):  # fmt: skip
            continue
        if not _AFTER_NAME.match(text, m.end("name"), end) and not m.group("res2"):
            continue  # "killed Taliban fighters": the name modifies a noun
        a, b = m.start("title") if m.group("title") else m.start("name"), m.end("name")
        if free(a, b):
            population, cls = _population(text, a, b)
            category = _category(verb, bool(manner))
            also = _and_possessive(text, b, end)  # "killed Flores and his daughter": two people
            if also is not None:
                counted = any(s < also[1] and also[0] < e for s, e in taken)
                out.append(Victim((a, b), category, population, cls, "list"))
                out.append(Victim(also[:2], category, "people", "unknown", "list", counted))
            else:
                out.append(Victim((a, b), category, population, cls, "object"))
    for m in NAME_RE.finditer(text, start, end):
        name = m.group("name")
        if not _is_name(name):
            continue
        after = _PASSIVE.match(text, m.end(), end)
        how = "subject"
        if after is None:
            after, how = _DIED.match(text, m.end(), end), "died"
        if after is None or (how == "subject" and after.group("neg")):
            continue
        if not _CLAUSE_START.search(text[max(start, m.start() - 40) : m.start()]) \
                or _PREPOSITION_BEFORE.search(text, max(start, m.start() - 12), m.start()):  # fmt: skip
            continue
        if _undone(text, start, _pred_start(after)):
            continue
        # "Dario Venn, a journalist, was killed": a person the apposition already counts.
        if free(m.start(), after.end("appos") if after.group("appos") else m.end()):
            category = _died_category(after) if how == "died" else _category(after.group("verb"), bool(after.group("manner")))
            population, cls = _population(text, m.start(), m.end())
            out.append(Victim(m.span(), category, population, cls, how))
    for m in _PRONOUN.finditer(text, start, end):
        after = _PASSIVE.match(text, m.end(), end) or _DIED.match(text, m.end(), end)
        if after is None or after.groupdict().get("neg") or after.group("appos") \
                or not _CLAUSE_START.search(text[max(start, m.start() - 40) : m.start()]) \
                or _undone(text, start, _pred_start(after)):  # fmt: skip
            continue
        if free(m.start(), m.end()):
            category = _category(after.group("verb"), bool(after.groupdict().get("manner"))) \
                if after.re is _PASSIVE else _died_category(after)  # fmt: skip
            out.append(Victim(m.span(), category, "people", "unknown", "pronoun"))
    _roles(text, start, end, out, free)
    _pairs(text, start, end, out, taken)
    _partitives(text, start, end, out, free)
    return out


def _roles(text: str, start: int, end: int, out: list[Victim], free: Callable[[int, int], bool]) -> None:
    """'killed a National Directorate of Security (NDS) officer', 'An Afghan Local Police
    (ALP) officer was killed': a singular role with its modifiers, one person."""
    for d in _ROLE_DET.finditer(text, start, end):
        np = role_np(text, d.end(), end)
        if np is None:
            continue
        np_end, head = np
        if text[np_end - len(head) : np_end][:1].isupper() and d.group("det").lower() not in _INDEFINITE:
            continue  # "the Taliban": a group; only "an Israeli", "a Palestinian" is one person
        before = text[max(start, d.start() - 40) : d.start()]
        verb = _ACTIVE_BEFORE.search(before)
        category: str | None = None
        after: re.Match[str] | None = None
        if verb is not None and _AFTER_NAME.match(text, np_end, end):
            at = d.start() - len(before) + verb.start()
            nominal = verb.group(0).split()[0].lower().endswith("ing") and _NOMINAL.search(text, max(start, at - 30), at)
            if not _undone(text, start, at) and not nominal and not _present_undone(text, start, verb.group("verb"), at):
                category = _category(verb.group("verb"), bool(verb.group("manner")))
        else:
            after = _PASSIVE.match(text, np_end, end) or _DIED.match(text, np_end, end)
            if after is not None and not after.groupdict().get("neg") and _CLAUSE_START.search(before[-40:]) \
                    and not _PREPOSITION_BEFORE.search(before) and not _undone(text, start, _pred_start(after)):  # fmt: skip
                manner = bool(after.groupdict().get("manner"))
                category = _category(after.group("verb"), manner) if after.re is _PASSIVE else _died_category(after)
        if category is not None and free(d.start(), np_end):
            population, cls = lx.POPULATIONS.get(head, ("people", "unknown", "people"))[:2]
            out.append(Victim((d.start(), np_end), category, population, cls, "role"))
            if verb is None and after is not None:
                _another(text, after.end(), end, out)


#: "An Israeli was killed and another injured": one more person, after the victim's clause.
_ANOTHER_AFTER = re.compile(
    r"\s*,?\s+and\s+(?P<a>another)\s+(?:(?:was|is)\s+)?(?:\w+ly\s+)?(?P<cue>injured|wounded|hurt|killed|abducted)\b",
    re.IGNORECASE,
)


def _another(text: str, pos: int, end: int, out: list[Victim]) -> None:
    m = _ANOTHER_AFTER.match(text, pos, end)
    if m is not None:
        category = vb.VICTIM_VERBS.get(m.group("cue").lower(), "wounded")
        out.append(Victim((m.start("a"), m.end()), category, "people", "unknown", "another"))


def _pairs(text: str, start: int, end: int, out: list[Victim], taken: list[Span]) -> None:
    """'Nazari and his driver were killed', 'Jalil, a commander, and his driver were killed':
    two people, each counted (the list adds up in the tally)."""
    if " and " not in text[start:end]:
        return
    for m in _PAIR.finditer(text, start, end):
        after = _PASSIVE_PLURAL.match(text, m.end(), end)
        if after is None or not _CLAUSE_START.search(text[max(start, m.start() - 40) : m.start()]):
            continue
        if _undone(text, start, _pred_start(after)) or not all(_member_ok(m.group(g)) for g in ("m1", "m2")):
            continue
        category = "killed" if after.group("died") else _category(after.group("verb"), bool(after.group("manner")))
        for g in ("m1", "m2"):
            a, b = m.span(g)
            if any(v.span[0] < b and a < v.span[1] for v in out):
                out[:] = [v for v in out if not (v.span[0] < b and a < v.span[1])]
            counted = any(s < b and a < e for s, e in taken)
            if g == "m1" and not counted and m.group("ap1"):
                # "Ivo Brandt, a district engineer, and ...": the apposition may be the count read
                ap = m.span("ap1")
                if any(s < ap[1] and ap[0] < e for s, e in taken):
                    a, b, counted = ap[0], ap[1], True
            population, cls = _population(text, a, b)
            out.append(Victim((a, b), category, population, cls, "list", counted))


_PARTITIVE = re.compile(
    r"\s+of\s+(?:his|her|their|its|our|the|those|these)\s+(?:[\w-]+\s+){0,2}?(?P<head>(?-i:[a-z])[\w-]*(?:s|men|people|children))\b",
    re.IGNORECASE,
)


def _partitives(text: str, start: int, end: int, out: list[Victim], free: Callable[[int, int], bool]) -> None:
    """'three of his escorts were killed', 'one of the hostages was killed': the figure counts
    the people the partitive's open-class head names."""
    if " of " not in text[start:end]:
        return
    for num in find_numbers(text, start, end):
        if num.kind != "cardinal" or num.written == "vague":
            continue
        m = _PARTITIVE.match(text, num.span[1], end)
        if m is None or m.group("head").lower() in lx.NON_PERSON:
            continue
        after = (_PASSIVE if num.value == 1 else _PASSIVE_PLURAL).match(text, m.end(), end) \
            or (_DIED.match(text, m.end(), end) if num.value == 1 else None)  # fmt: skip
        if after is None or after.groupdict().get("neg") or _undone(text, start, _pred_start(after)):
            continue
        if after.re is _DIED:
            category = _died_category(after)
        elif after.groupdict().get("died"):
            category = "killed"
        else:
            category = _category(after.group("verb"), bool(after.group("manner")))
        if free(num.span[0], m.end()):
            population, cls = _population(text, m.start("head"), m.end("head"))
            out.append(Victim((num.span[0], m.end()), category, population, cls, "partitive", value=num.value))


def _member_ok(words: str) -> bool:
    first = words.split()[0].lower()
    if first == "one":
        return words.split()[-1].lower() not in lx.NON_PERSON  # "one of his bodyguards"
    if first in ("his", "her", "their", "a", "an"):
        head = words.split()[-1].lower()
        return head not in lx.NON_PERSON and head not in _ROLE_STOP and not head.endswith("s")
    return _is_name(words)
