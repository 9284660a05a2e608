"""Verb forms, declared as data: the verbs that say what happened to the people a figure counts
(`CUE_VERBS`), and the forms of "be" the cue patterns agree on (`BE`, a pattern alternation:
`(?:{BE}|have\\s+been)`). Irregular past tenses, which end an open noun phrase, are
`lexicon.IRREGULAR_VERBS`.

The tables after the cue verbs say what happened to a person named or counted without the
count rules' cues (extract/victims.py, headlines.py, attackers.py, issue 20): a victim named
without a number ("Assailants shot and killed Faiz Karimi"), telegraphic predicates ("Four
killed, one injured"), guards against non-lethal and background uses, attackers' nouns.
Forms are written out (no stemming): a table is easier to check than a morphology.
"""

from __future__ import annotations

from typing import Final

from tollbook.extract.grammar.loader import WordTable

__all__ = [
    "ATTACKER_NOUNS",
    "BACKGROUND_WORDS",
    "BE",
    "BE_FORMS",
    "COUNT_BACKGROUND_WORDS",
    "CUE_VERBS",
    "DIED_PREDICATES",
    "HEADLINE_DEGREE",
    "HEADLINE_PREDICATES",
    "MANNER_VERBS",
    "MORE_DEATH_PREDICATES",
    "NON_LETHAL_BEFORE",
    "NOT_NAMES",
    "NOT_TITLES",
    "PRESENT_CUE_VERBS",
    "PRESENT_NOT_AFTER",
    "PRESENT_VICTIM_VERBS",
    "RESULT_PHRASES",
    "VICTIM_BEFORE",
    "VICTIM_VERBS",
    "WOUNDED_PREDICATES",
    "WOUND_NOUNS",
    "active_forms",
    "participles",
    "present_forms",
]

#: The present and past of "be" before a participle or "among": "were killed", "was among".
BE_FORMS: tuple[str, ...] = ("were", "was", "are", "is")
BE = "|".join(BE_FORMS)

#: Verbs of a category that read the same three ways, one row each: (category, participle, -ing
#: form). The participle is a cue after the people ("12 were executed": lexicon.RIGHT_CUES), both
#: forms are cues before them ("executed 12", "executing 12": lexicon.LEFT_CUES), and the
#: participle written actively makes the figure before it the agent, not the victim ("a gunman
#: executed five": cue_patterns.TRANSITIVE). A new verb of an existing category is one row here.
#: Verbs read otherwise (phrases such as "shot dead", "took ... hostage") stay in the cue tables.
CUE_VERBS: tuple[tuple[str, str, str], ...] = (
    ("killed", "murdered", "murdering"),
    ("killed", "massacred", "massacring"),
    ("killed", "executed", "executing"),
    ("killed", "assassinated", "assassinating"),
    ("killed", "beheaded", "beheading"),
    ("killed", "lynched", "lynching"),
    ("wounded", "wounded", "wounding"),
    ("wounded", "injured", "injuring"),
    ("hostage", "abducted", "abducting"),
    ("hostage", "kidnapped", "kidnapping"),
    ("hostage", "captured", "capturing"),
    ("hostage", "seized", "seizing"),
    ("hostage", "snatched", "snatching"),
    ("detained", "detained", "detaining"),
    ("detained", "arrested", "arresting"),
)
def participles(*categories: str) -> str:
    """ "murdered|massacred|...": the participles of CUE_VERBS in `categories`, as an alternation
    (every category when none is given), in declaration order."""
    return "|".join(p for c, p, _ in CUE_VERBS if not categories or c in categories)


def active_forms(category: str) -> str:
    """ "murdered|murdering|...": both forms of the category's CUE_VERBS, as an alternation."""
    return "|".join(f"{p}|{ing}" for c, p, ing in CUE_VERBS if c == category)


#: Transitive forms whose object dies, is wounded or is taken: "killed X", "X was killed".
#: Both the past/participle and the -ing form are listed; "shot" alone is not here (it wounds
#: as often as it kills): it counts only with a result (RESULT_PHRASES).
VICTIM_VERBS: Final[dict[str, str]] = WordTable({
    "killed": "killed", "killing": "killed", "murdered": "killed", "murdering": "killed",
    "assassinated": "killed", "assassinating": "killed", "executed": "killed", "executing": "killed",
    "beheaded": "killed", "beheading": "killed", "decapitated": "killed", "decapitating": "killed",
    "lynched": "killed", "lynching": "killed", "slain": "killed", "slew": "killed", "slaying": "killed",
    "strangled": "killed", "strangling": "killed", "hanged": "killed", "hanging": "killed",
    "martyred": "killed", "put to death": "killed", "putting to death": "killed",
    "gunned down": "killed", "gunning down": "killed",  # "burned down" is a building's fate
    "drowned": "killed", "drowning": "killed",
    "wounded": "wounded", "wounding": "wounded", "injured": "wounded", "injuring": "wounded",
    "maimed": "wounded", "maiming": "wounded",
    "kidnapped": "hostage", "kidnapping": "hostage", "abducted": "hostage", "abducting": "hostage",
    "taken hostage": "hostage", "taking hostage": "hostage",
})  # fmt: skip

#: The present tense of VICTIM_VERBS, read only before their object: the historic present of
#: summaries and headlines ("Unidentified gunmen shoot and kill a former lawmaker", "Boko Haram
#: kill the governor's uncle"). Never the subject's participle: "Soldier kills wife" names no victim
#: before the verb (extract/bare.py reads participles only).
PRESENT_VICTIM_VERBS: Final[dict[str, str]] = WordTable({
    "kill": "killed", "kills": "killed", "murder": "killed", "murders": "killed",
    "assassinate": "killed", "assassinates": "killed", "execute": "killed", "executes": "killed",
    "behead": "killed", "beheads": "killed", "decapitate": "killed", "decapitates": "killed",
    "lynch": "killed", "lynches": "killed", "slay": "killed", "slays": "killed",
    "strangle": "killed", "strangles": "killed", "gun down": "killed", "guns down": "killed",
    "wound": "wounded", "wounds": "wounded", "injure": "wounded", "injures": "wounded",
    "maim": "wounded", "maims": "wounded",
    "kidnap": "hostage", "kidnaps": "hostage", "abduct": "hostage", "abducts": "hostage",
})  # fmt: skip
#: The present tense of every category's cue verbs, read before the people they befall: the
#: historic present of headlines and summaries ("Bandits kidnap 20 villagers in Zamfara",
#: "Security forces arrest 40 protesters", "Floods displace 3,000"). PRESENT_VICTIM_VERBS and
#: the verbs of the categories that befall no victim; lexicon.LEFT_CUES takes each category's
#: forms from here (present_forms). Freeing is no category: "Army frees 12 hostages" counts the
#: hostages by their noun, "Soldiers rescue 40 students" counts nobody. Not here: "seize" (towns,
#: weapons, control far more often than people) and "evacuate" (the wounded are evacuated to
#: hospital: "evacuate two wounded Afghans").
PRESENT_CUE_VERBS: Final[dict[str, str]] = {
    **PRESENT_VICTIM_VERBS,
    "capture": "hostage", "captures": "hostage",
    "arrest": "detained", "arrests": "detained", "detain": "detained", "detains": "detained",
    "round up": "detained", "rounds up": "detained",
    "displace": "displaced", "displaces": "displaced", "uproot": "displaced", "uproots": "displaced",
}  # fmt: skip


def present_forms(category: str) -> str:
    """ "kill|kills|murder|...": the PRESENT_CUE_VERBS of `category` as a pattern alternation,
    longest first, a space between words matching any space."""
    forms = sorted((v for v, c in PRESENT_CUE_VERBS.items() if c == category), key=len, reverse=True)
    return "|".join(f.replace(" ", r"\s+") for f in forms)


#: Words before a present form that make it no report of a deed: an infinitive or a modal
#: ("vowed to kill", "will kill"), a negation, or a determiner making it a noun ("the murder").
PRESENT_NOT_AFTER: Final[tuple[str, ...]] = (
    "to", "will", "would", "could", "can", "may", "might", "should", "must", "shall", "not",
    "never", "n't", "cannot", "the", "a", "an", "his", "her", "their", "its", "our", "of",
)  # fmt: skip

#: Verbs of violence that say nothing of the outcome alone; with a result phrase they kill:
#: "shot dead", "stabbed X to death", "burned alive".
MANNER_VERBS: Final[frozenset[str]] = frozenset(
    """shot shooting stabbed stabbing beaten beat beating hacked hacking burned burnt burning
    stoned stoning bludgeoned bludgeoning clubbed clubbing gunned gunning tortured torturing
    axed hanged crushed knifed""".split()
)
#: The results that make a manner verb lethal, after the verb or after its object.
RESULT_PHRASES: Final[tuple[str, ...]] = ("dead", "to death", "alive")

#: Intransitive predicates of a person who died: "X died", "X lost his life".
DIED_PREDICATES: Final[tuple[str, ...]] = (
    "died", "perished", "succumbed", "lost his life", "lost her life", "was found dead",
    "was martyred", "was confirmed dead", "was pronounced dead", "is dead", "was dead",
    # "The bomber was the only fatality": the subject is the one who died
    "was the only fatality", "was the sole fatality", "was the only death", "was the only person killed",
    "was the only one killed", "was the only person to die", "was the only one to die",
    "was the sole person killed", "was the lone fatality",
)  # fmt: skip

#: Words before a verb that undo it: "nearly lynched", "tried to kill", "failed to kill".
NON_LETHAL_BEFORE: Final[tuple[str, ...]] = (
    "nearly", "almost", "narrowly", "attempted to", "attempting to", "attempt to", "tried to",
    "trying to", "try to", "failed to", "plotted to", "plotting to", "plot to", "threatened to",
    "threatening to", "wanted to", "sought to", "planned to", "planning to", "intended to",
    "was about to", "were about to", "not", "never", "escaped being", "survived being",
)  # fmt: skip

#: Words that make a death the background of what a sentence reports (a cause, a protest,
#: a trial, a memorial), not an event it reports: "protesters denounced the killing of a
#: student", "sentenced for murdering a trader", "marked the anniversary of".
BACKGROUND_WORDS: Final[tuple[str, ...]] = (
    "protest", "protested", "protesting", "protests", "protesters", "denounce", "denounced",
    "denouncing", "condemn", "condemned", "condemning", "mourn", "mourned", "mourning",
    "commemorate", "commemorated", "commemorating", "anniversary", "memorial", "funeral",
    "sentenced", "convicted", "charged with", "accused of", "suspected of", "arrested for",
    "wanted for", "trial", "tried for", "demanding justice", "demand justice", "in connection with",
    "responsible for", "avenge", "avenging", "revenge", "retaliation for",
)  # fmt: skip

#: The BACKGROUND_WORDS that frame a singular counted death ("a student") as background in the
#: count rules too (categorise._background). Not the words of attribution that incident
#: descriptions use for the event itself ("presumed responsible for killing a civil servant",
#: "arrested for the beating death of", a group named "Revenge Teams").
COUNT_BACKGROUND_WORDS: Final[tuple[str, ...]] = tuple(
    w for w in BACKGROUND_WORDS
    if w not in ("responsible for", "in connection with", "arrested for", "avenge", "avenging", "revenge",
                 "retaliation for")
)  # fmt: skip

#: Capitalised words that open a sentence or a clause and name nobody.
NOT_NAMES: Final[frozenset[str]] = frozenset(
    """the a an he she it they we you i this that these those there here his her their its our
    nobody none noone everyone everybody someone somebody anyone anybody one another many several
    some others other both all each few most no police security army government assailants
    gunmen militants attackers sources authorities officials troops soldiers forces rebels
    residents witnesses reports local unknown unidentified suspected armed two three four five
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december later earlier meanwhile also however
    additionally subsequently afterwards then while when after before during""".split()
)

#: Words that never open a person's title ("killed near Orvay", "killed outside Kano"):
#: prepositions, adverbs of place and time, conjunctions.
NOT_TITLES: Final[frozenset[str]] = frozenset(
    """near outside inside across along around between behind beyond toward towards upon within
    without off about above below against amid amidst among throughout through via per across
    last this next today yesterday tonight overnight early late earlier later soon then there
    here so also too not just only even yet still again both either neither nor if unless
    because although though whereas whether what which whose whom how why where when""".split()
)

#: Telegraphic predicates of headlines and coders' notes, written straight after a figure
#: with no auxiliary: "Four killed, one critically injured", "2 die in blast", "One dead".
HEADLINE_PREDICATES: Final[dict[str, str]] = WordTable({
    "killed": "killed", "dead": "killed", "die": "killed", "dies": "killed", "died": "killed",
    "slain": "killed", "confirmed dead": "killed", "feared dead": "killed", "reported dead": "killed",
    "reportedly dead": "killed", "reportedly killed": "killed", "perish": "killed", "perished": "killed",
    "believed dead": "killed", "presumed dead": "killed", "believed killed": "killed", "presumed killed": "killed",
    "hurt": "wounded", "injured": "wounded", "wounded": "wounded",
    "missing": "missing", "kidnapped": "hostage", "abducted": "hostage",
})  # fmt: skip
#: Degree words between a headline figure and its predicate: "one critically injured".
HEADLINE_DEGREE: Final[tuple[str, ...]] = (
    "critically", "seriously", "severely", "badly", "slightly", "lightly", "gravely", "fatally",
    "also", "more",
)  # fmt: skip
#: Verbs whose following figure counts their victims and that the left cues lack, present
#: (headlines: "Vigilantes lynch four") and past ("put to death three hostages", "stoned to
#: death a suspected thief", "burned alive two women").
VICTIM_BEFORE: Final[dict[str, str]] = {
    "lynch": "killed", "lynches": "killed", "slay": "killed", "slays": "killed", "behead": "killed",
    "beheads": "killed", "execute": "killed", "executes": "killed", "shoot dead": "killed",
    "shoots dead": "killed", "gun down": "killed", "guns down": "killed", "murder": "killed",
    "murders": "killed", "massacre": "killed", "massacres": "killed", "hang": "killed", "hangs": "killed",
    "put to death": "killed", "puts to death": "killed", "burn alive": "killed", "burns alive": "killed",
    "burned alive": "killed", "burnt alive": "killed", "stone to death": "killed",
    "stones to death": "killed", "stoned to death": "killed", "hanged": "killed",
    # killing by water and by the throat: "Fighters drowned three fishermen", "slit the throats
    # of 17 villagers" (the plural body part counts its owners).
    "drown": "killed", "drowns": "killed", "drowned": "killed", "slit the throats of": "killed",
    "slits the throats of": "killed", "slitting the throats of": "killed", "cut the throats of": "killed",
    "cuts the throats of": "killed", "cutting the throats of": "killed",
}  # fmt: skip

#: Predicates of people who died that the count rules' right cues lacked: "three fighters were
#: martyred", "two men were hanged", "were stoned to death", "were put to death".
MORE_DEATH_PREDICATES: Final[tuple[str, ...]] = (
    "martyred", "hanged", "stoned to death", "put to death", "strangled", "strangled to death",
    "decapitated", "suffocated", "crushed to death", "bludgeoned to death", "clubbed to death",
    "buried alive", "trampled to death", "burned to death", "burnt to death", "axed to death",
    "shot to death", "knifed to death", "electrocuted to death", "asphyxiated", "drowned",
)  # fmt: skip

#: Nouns that name the people who carried out an attack (GTD's and RAND's perpetrators):
#: claims about them are flagged "attackers" so that a user can count with or without them.
ATTACKER_NOUNS: Final[frozenset[str]] = frozenset(
    """assailant assailants attacker attackers gunman gunmen bomber bombers perpetrator
    perpetrators hijacker hijackers assassin assassins kidnapper kidnappers raider raiders""".split()
)

#: Intransitive predicates of a person who was wounded: "he sustained serious wounds".
WOUNDED_PREDICATES: Final[tuple[str, ...]] = (
    "sustained", "suffered", "received", "was treated for", "was hospitalised with",
    "was hospitalized with",
)  # fmt: skip
#: What a wounded person sustained: "sustained (serious) wounds / injuries".
WOUND_NOUNS: Final[tuple[str, ...]] = ("wounds", "injuries", "gunshot wounds", "burns", "injury", "wound")
