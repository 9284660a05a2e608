"""The compiled grammar: declared word tables (populations.py, verbs.py and the
cue tables below) -> lookup tables and patterns, built once at import. Category nouns, cues,
characterisation terms.

Kept apart from the rules so that a reviewer can read (and extend) the vocabulary without
reading code. docs/annotation.md documents the same tables for annotators.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tollbook._exceptions import GrammarError
from tollbook.extract.grammar import injury_patterns as injury
from tollbook.extract.grammar.alternation import (
    alternation,
    final_words,
    first_words,
    opening,
    opening_key,
)
from tollbook.extract.grammar.cue_openings import OPENINGS
from tollbook.extract.grammar.literals import gate_of
from tollbook.extract.grammar.loader import WordTable, load_table
from tollbook.extract.grammar.populations import POPULATION_NOUNS, Population
from tollbook.extract.grammar.relations import ORPHAN_CUES
from tollbook.extract.grammar.verbs import (
    ATTACKER_NOUNS,
    BE,
    BE_FORMS,
    CUE_VERBS,
    MANNER_VERBS,
    MORE_DEATH_PREDICATES,
    active_forms,
    participles,
    present_forms,
)
from tollbook.model import CATEGORIES

#: verb form -> category, from verbs.CUE_VERBS: a form declared under two categories is refused,
#: and so is a category the contract (model.CATEGORIES) does not list.
CUE_VERB_CATEGORY: dict[str, str] = load_table(
    "CUE_VERBS", [(form, cat) for cat, participle, ing in CUE_VERBS for form in (participle, ing)]
)
if unknown := sorted(set(CUE_VERB_CATEGORY.values()) - set(CATEGORIES)):
    raise GrammarError(f"CUE_VERBS names categories {unknown} that model.CATEGORIES does not list; add them there",
                       source="CUE_VERBS")  # fmt: skip

#: head noun (lower case, singular and plural) -> Population(population, class, unit), declared
#: in populations.py and loaded once, a word with two meanings refused.
POPULATIONS: dict[str, Population] = load_table("POPULATION_NOUNS", POPULATION_NOUNS)

#: Nouns that name a category by themselves: "27 dead", "12 hostages".
CATEGORY_NOUNS: dict[str, tuple[str, str]] = WordTable({
    "dead": ("killed", "people"),
    "killed": ("killed", "people"),
    "deaths": ("killed", "people"),
    "death": ("killed", "people"),
    "fatalities": ("killed", "people"),
    "fatality": ("killed", "people"),
    "casualties": ("casualties", "people"),
    "injured": ("wounded", "people"),
    "wounded": ("wounded", "people"),
    "injuries": ("wounded", "people"),
    "hostages": ("hostage", "people"),
    "hostage": ("hostage", "people"),
    "abductees": ("hostage", "people"),
    "missing": ("missing", "people"),
    "idps": ("displaced", "refugees"),
    "displaced": ("displaced", "people"),
    "displacements": ("displaced", "people"),
    "returnees": ("returned", "people"),
    "arrests": ("detained", "people"),
    "detained": ("detained", "people"),
    "arrested": ("detained", "people"),
    "orphans": ("orphaned", "children"),
    "bodies": ("killed", "people"),
    "corpses": ("killed", "people"),
})

#: Singular people nouns that "a"/"an" count as one ("a soldier and two civilians").
SINGULARS = (
    "person", "individual", "victim", "civilian", "resident", "villager", "passenger", "farmer",
    "driver", "child", "boy", "girl", "infant", "baby", "toddler", "teenager", "minor", "woman",
    "mother", "man", "soldier", "serviceman", "conscript", "guard", "border guard", "militant",
    "fighter", "insurgent", "rebel", "gunman", "attacker", "assailant", "bomber", "police officer",
    "policeman", "policewoman", "officer", "protester", "demonstrator", "journalist", "reporter",
    "photographer", "aid worker", "health worker", "medic", "doctor", "nurse", "paramedic",
    "worker", "teacher", "refugee", "migrant", "student", "pupil", "prisoner", "inmate", "detainee",
    "peacekeeper", "pilgrim", "worshipper", "shepherd", "fisherman", "member",
    "commander", "cadre", "bodyguard", "sniper", "tribesman", "suspect", "leader", "official",
    "chief", "activist", "politician", "mayor", "councillor", "lawyer", "judge", "pastor", "priest",
    "imam", "cleric", "merchant", "vendor", "shopkeeper", "businessman", "trader", "pastoralist",
    "herdsman", "herder", "adolescent", "youth", "relative", "brother", "sister", "son", "daughter",
    "father", "husband", "wife", "cousin", "nephew", "uncle", "supporter", "informant", "chairman",
    "landowner", "smuggler", "robber", "thief", "bandit", "kidnapper", "dealer", "agent", "guest",
    "patient", "customer", "neighbour", "neighbor",
)  # fmt: skip

#: Past tenses without "-ed", so that an open noun phrase stops before them ("a gunman shot").
IRREGULAR_VERBS = frozenset(
    """shot hit cut beat set put led fled left took saw ran fought told said held made met won lost
    struck threw stole burnt sent brought caught began went came gave found knew kept fell got
    broke chose drove rode shook wrote spoke tore wore stood sat slew hung blew bit dug fed
    sought sold spent split spread stuck swept swung taught thought understood upset woke""".split()
)

#: Head nouns that never count people, even next to a death word ("killed 15 cows",
#: "the attack killed", "the plan died"): animals, things, places and events.
NON_PERSON = frozenset(
    """cow cows cattle goat goats sheep camel camels donkey donkeys horse horses dog dogs animal
    animals livestock chicken chickens bird birds fish pig pigs ox oxen bull bulls buffalo
    vehicle vehicles car cars truck trucks tank tanks bus buses motorcycle motorcycles boat boats
    minibus minibuses van vans jeep jeeps lorry lorries pickup pickups tanker tankers tractor tractors
    bicycle bicycles helicopter helicopters aircraft plane planes airliner airliners ship ships
    vessel vessels ferry ferries train trains ambulance ambulances window windows wall walls roof
    device devices ied ieds explosive explosives
    house houses building buildings home homes shop shops hut huts crop crops tree trees plant
    plants round rounds shell shells rocket rockets missile missiles drone drones weapon weapons
    rifle rifles gun guns pistol pistols bomb bombs mine mines grenade grenades ammunition pills
    sachet sachets gram grams kilogram kilograms bag bags message messages document documents
    area areas village villages town towns city cities market markets road roads camp camps site
    sites post posts checkpoint checkpoints base bases position positions front fronts region
    attack attacks blast blasts explosion explosions bombing bombings strike strikes airstrike
    airstrikes shelling fire fires clash clashes fighting violence incident incidents raid raids
    operation operations ambush ambushes assault assaults shooting shootings war conflict crash
    crashes accident accidents collision storm flood floods earthquake virus disease outbreak
    epidemic pandemic coronavirus covid hunger famine plan plans deal talks agreement ceasefire
    truce project policy bill law motion idea hope hopes process effort efforts event events
    time times day days week weeks month months year years hour hours same other others rest
    majority most many few some all none one two side sides party parties toll tolls death deaths
    injury injuries wound wounds economy
    number numbers figure figures total count tally centre center office ministry group groups
    organisation organization committee council agency hospital department government authority
    authorities commission court service union association network observatory monitor
    coalition statement report reports news media press station stations unit units
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday country countries province provinces
    state states county counties district districts municipality municipalities neighbourhood
    neighbourhoods neighborhood neighborhoods locality localities robbery robberies crime crimes
    theft thefts offence offense murder murders kidnapping kidnappings killing killings
    prison jail mosque church school clinic trade business industry sector trafficking
    section sections part parts portion wing floor leg legs arm arms hand hands foot feet chest
    stomach abdomen neck shoulder thigh knee eye eyes north south east west north-east
    north-west south-east south-west northeast northwest southeast southwest outskirts
    interior coast capital population hamlet hamlets settlement settlements shelter shelters tent tents hotel hotels schools churches mosques
    centres centers residence residences compound compounds premises property properties farm farms
    cargo goods
    cash money ransom equipment phone phones laptop laptops computer computers handbag handbags wallet
    wallets purse purses jewellery jewelry valuables item items highway highways street streets bridge bridges
    order orders warrant warrants mission missions task tasks command commands instruction
    instructions directive directives decree decrees sentence sentences verdict ruling contract
    contracts scheme schemes plot plots strategy manoeuvre maneuver programme program search
    searches""".split()
)  # the last rows: what one "executes" (carries out), not whom ("executed the order")
SINGULAR_RE = re.compile(
    r"\b(?P<a>an?|one|another)\s+(?:(?:\d+-year-old|[a-z]+(?:-[a-z]+)*)\s+){0,2}?(?P<n>"
    + alternation(SINGULARS) + r")\b",
    re.IGNORECASE,
)

# Longest first so that "elderly citizens" wins over "elderly".
POP_RE = re.compile(alternation(POPULATIONS) + r"\b", re.IGNORECASE)

#: Words that may not stand between a number and its head noun ("three Palestinian civilians"):
#: function words, verbs, and the adverbs closing a span of time ("killed a short time later").
MODIFIER_STOP = frozenset(
    """were was are is be been being had has have of in on at to from by for with and or but
    who which that whose as than during after before since while when where into over under
    more killed dead died wounded injured people including among out amid amidst
    later earlier ago afterwards""".split()
)

#: The armed men who take people away: the militants' nouns, the attackers' and the captors'.
_TAKERS = {w for w, (pop, _cls, _unit) in POPULATIONS.items() if pop == "militants"} | set(ATTACKER_NOUNS) \
    | {"kidnappers", "abductors", "captors"}  # fmt: skip

#: The kidnapping verb family written as phrases (issue 20): after the people ("eleven villagers
#: were carried off", "were taken away at gunpoint", "were marched away by their captors",
#: "eleven (were) taken away by the attackers") and before them ("carried off eleven villagers",
#: "whisked away two engineers"). "Taken away" alone is no kidnapping ("the bodies were taken
#: away", "taken away by police"): at gunpoint, or by armed men (_TAKERS), it is.
CAPTIVE_PHRASES_AFTER = (
    r"carried\s+off|whisked\s+away|spirited\s+away|(?:taken|led|carried|marched|dragged|driven)\s+away\s+"
    r"(?:at\s+gunpoint|by\s+(?:the\s+|their\s+)?(?:[\w-]+\s+)?(?:" + alternation(sorted(_TAKERS)) + r"))"
)
#: Agents that take people but hold no hostage: "was snatched by a crocodile", "were carried off
#: by the floodwaters".
NATURAL_AGENTS = (
    "crocodile crocodiles lion lions leopard leopards hyena hyenas wolf wolves shark sharks animal animals "
    "flood floods floodwaters waters water current currents river rivers sea waves wave tide storm winds "
    "wind mudslide landslide avalanche"
).split()
NOT_BY_NATURE = r"(?!\s+by\s+(?:a\s+|an\s+|the\s+)?(?:\w+\s+)?(?:" + alternation(NATURAL_AGENTS) + r")\b)"
CAPTIVE_PHRASES_BEFORE = r"carried\s+off|carrying\s+off|whisked\s+away|whisking\s+away"

# Category cues after the people they count: "were killed", "remain missing".
_AUX_WORDS = (
    r"(?:(?:who|that|which)\s+)?(?:(?:" + BE + r"|have|has|had|been|being|got|get|be|"
    r"remain|remained|remains|are\s+still|were\s+still|still|reportedly|allegedly|reported|"
    r"believed|said|feared|confirmed|thought|to|have\s+been|had\s+been|has\s+been|also|all|"
    r"later|now|either|both|subsequently|eventually)\s+){0,4}"
)
#: Any adverb may open the predicate ("were brutally killed"), and where it does, the text
#: there is a word ending in "ly" and a space (_ADVERB_AHEAD).
_ADVERB = r"(?:\w+ly\s+)?"
_ADVERB_AHEAD = r"\w+ly\s"
_AUX = _AUX_WORDS + _ADVERB
RIGHT_CUES: tuple[tuple[str, str, str | None], ...] = (
    (r"(?:brutally\s+)?(?:killed|slain|slaughtered|"
     r"shot\s+dead|shot\s+and\s+killed|gunned\s+down|burned\s+alive|burnt\s+alive|"
     r"beaten\s+to\s+death|stabbed\s+to\s+death|hacked\s+to\s+death|"
     r"wiped\s+out|dead|died|perished|drowned|fatally\s+(?:shot|wounded|injured|stabbed|assaulted|"
     r"attacked|beaten|hit|struck)|(?:shot|stabbed|beaten|hacked|burned|burnt|tortured)\s+to\s+death|"
     + participles("killed") + r")\b",
     "killed", None),  # fmt: skip
    (r"(?:shot|stabbed|attacked|hit|injured|wounded|beaten|hurt|tortured)\s+and\s+(?:later\s+)?"
     r"(?:died|killed|succumbed)\b", "killed", None),
    (r"(?:attacked|assaulted|tortured|shot|stabbed|abducted|kidnapped)\s+and\s+(?:then\s+)?"
     r"(?:beaten|stabbed|hacked|shot|burned|burnt|tortured)\s+to\s+death\b", "killed", None),
    (r"['’]s\s+(?:dead\s+|lifeless\s+|decomposed\s+|mutilated\s+)?(?:body|corpse|remains)\b",
     "killed", None),
    (r"(?:succumbed\s+to\s+(?:his|her|their)\s+(?:\w+\s+)?(?:wounds|injuries)|"
     r"lost\s+their\s+lives|lost\s+his\s+life|lost\s+her\s+life|were\s+left\s+dead|"
     r"found\s+dead|confirmed\s+dead|declared\s+dead|die|dying)\b", "killed", None),
    (alternation(MORE_DEATH_PREDICATES) + r"\b", "killed", None),  # "were martyred", "hanged" (verbs.py)
    *ORPHAN_CUES,  # "lost one parent", "lost both parents" (relations.py)
    (r"(?:hurt|maimed|seriously\s+injured|critically\s+injured|"  # care and wounds: injury_patterns.py
     + injury.AFTER_PEOPLE + r"|" + injury.HARMED_PASSIVE + r"|" + participles("wounded") + r")\b",
     "wounded", None),  # fmt: skip
    (r"(?:taken\s+(?:prisoner|hostage|captive)|held\s+(?:hostage|captive)|" + participles("hostage") + r"|"
     # the kidnapping verb family written as phrases: "were carried off", "taken away at gunpoint"
     + CAPTIVE_PHRASES_AFTER + r")\b" + NOT_BY_NATURE,
     "hostage", None),  # fmt: skip
    (r"(?:missing|unaccounted\s+for|disappeared|forcibly\s+disappeared)\b", "missing", None),
    # "flee", "flees": the historic present of headlines ("5,000 flee fighting in Ituri"); not
    # the infinitive ("urged 3,000 residents to flee").
    (r"(?:displaced|forced\s+to\s+flee|(?:forced|driven|chased)\s+(?:from|out\s+of)\s+their\s+(?:homes|villages|lands?)|"
     r"fled|(?<!\bto\s)flees?|"
     r"evacuated|uprooted|made\s+homeless|left\s+homeless|rendered\s+homeless|relocated|"
     r"sheltering|in\s+(?:\d[\d,]*\s+)?(?:relief\s+)?camps|homeless|ordered\s+to\s+(?:evacuate|leave|flee)|"
     r"(?:took|taken|taking|take|sought|seeking|seek|found|finding)\s+(?:shelter|refuge)|"
     r"(?:remained\s+|living\s+|staying\s+|sheltered\s+)?(?:in|at)\s+(?:\w+\s+){0,2}?(?:collective|evacuation|"
     r"relief|transit|displacement|temporary|IDP)\s+(?:centres|centers|camps|sites|shelters)|"
     r"pushed\s+(?:\w+\s+){0,3}?(?:into|across|over)|crossed\s+(?:into|the\s+border)|"
     r"in\s+(?:\w+\s+)?shelters|(?:staying|living|hosted)\s+(?:with|by)\s+host\s+families|"
     r"(?:living|staying|sheltering)\s+in\s+(?:\w+\s+){0,2}?(?:camps|tents|shelters)|"
     r"moved\s+(?:in)?to\s+(?:\w+\s+){0,3}?(?:shelters|camps|evacuation\s+centres)|"
     r"moved\s+(?:away\s+from|out\s+of)\s+(?:their\s+|the\s+)?(?:\w+\s+){0,2}?(?:homes?|villages?|towns?|"
     r"areas?|zones?|districts?|neighbou?rhoods?|border|front\s+lines?|fighting|shelling|danger)\b|"
     # "staying in or near the Harlo displacement camp", "staying at the UN mission's base"
     r"(?:remained|remain|remaining|living|staying|sheltering|sheltered|housed|hosted)\s+(?:in|at|inside|near)\s+"
     r"(?:or\s+(?:in|at|near)\s+)?(?:[\w'’-]+\s+){0,3}?(?:collective|evacuation|relief|transit|displacement|"
     r"temporary|IDP|emergency)\s+(?:centre|center|camp|site|shelter)|"
     r"(?:staying|living|sheltering|sheltered|(?:taken|taking|took|sought|seeking)\s+refuge)\s+(?:in|at|inside)\s+"
     r"(?:the\s+)?(?:UN|United\s+Nations)\b[^.;,]{0,30}?\b(?:bases?|compounds?)|"
     r"(?:newly\s+)?arrived\s+(?:in|at))\b", "displaced", None),
    # A return: intransitive "returned" ("the bodies were returned" is not one) to a home or a
    # named place, or from one; work, school, power and the like are other returns.
    (r"(?<!\bwere\s)(?<!\bwas\s)(?<!\bbeen\s)(?<!\bbe\s)(?<!\bbeing\s)(?<!\bis\s)(?<!\bare\s)"
     r"(?:returned|repatriated)\s+(?:home\b|to\s+their\s+(?:homes|villages|towns|areas|places|country|"
     r"countries|communities|land)\b|(?:to|from)\s+(?:the\s+)?(?:(?-i:[A-Z])|(?:\w+\s+){0,3}?camps?\b))",
     "returned", None),
    (r"had\s+their\s+(?:houses|homes)\s+(?:destroyed|washed\s+away|swept\s+away|razed|burned|burnt)\b",
     "displaced", "housing destroyed"),
    (r"(?:jailed|imprisoned|rounded\s+up|taken\s+into\s+custody|held\s+in\s+custody|" + participles("detained")
     + r")\b",
     "detained", None),
)
#: Categories whose cues above already read their verbs.CUE_VERBS; any other category declared
#: there gets its cues from its rows alone: "40 children were recruited".
_VERB_ONLY_CATEGORIES = tuple(dict.fromkeys(c for c, _p, _i in CUE_VERBS if c not in ("killed", "wounded", "hostage", "detained")))
RIGHT_CUES += tuple((r"(?:" + participles(c) + r")\b", c, None) for c in _VERB_ONLY_CATEGORIES)


def _opening(*parts: str, also: tuple[str, ...] = ()) -> str:
    """A look-ahead for where a match of the parts (one after the other) can start: one of the
    words they open with (alternation.first_words, read from re's parse) or one of `also`.
    It refuses only positions where the cue cannot match, so the matches are the same, and a
    word that opens no cue fails there in one step instead of trying every cue (issue 23).
    The parse costs about 15 ms per process, so the results are read from a table generated
    beforehand (cue_openings.py, `scripts/cue_openings.py`) when it holds these very parts."""
    found = OPENINGS.get(opening_key(parts, re.IGNORECASE, also))
    return found if found is not None else opening(first_words(*parts, flags=re.IGNORECASE), *also)


#: What each right cue's look-ahead is read from: the auxiliaries' words and the cue, or an adverb.
_RIGHT_OPENED = tuple(((_AUX_WORDS, pat), (_ADVERB_AHEAD,)) for pat, _c, _d in RIGHT_CUES)
RIGHT_CUE_RES = tuple(
    (re.compile(_opening(*parts, also=also) + _AUX + pat, re.IGNORECASE), cat, detail)
    for (parts, also), (pat, cat, detail) in zip(_RIGHT_OPENED, RIGHT_CUES, strict=True)
)
#: The displacement cues alone ("Around 100,000 fled"): a bare figure may precede them.
DISPLACED_CUE_RES = tuple(c for c in RIGHT_CUE_RES if c[1] == "displaced" and c[2] is None)
#: Matches where any of RIGHT_CUE_RES matches, and only there: one attempt per word of a
#: window instead of one per cue. Callers that need which cue matched ask the list after.
_RIGHT_CUES_ANY = "(?:" + "|".join(f"(?:{pat})" for pat, _c, _d in RIGHT_CUES) + ")"
_ANY_OPENED = ((_AUX_WORDS, _RIGHT_CUES_ANY), (_ADVERB_AHEAD,))
RIGHT_CUE_ANY = re.compile(_opening(*_ANY_OPENED[0], also=_ANY_OPENED[1]) + _AUX + _RIGHT_CUES_ANY, re.IGNORECASE)

# Category cues directly before the figure: "killed 27", "the death toll rose to 40".
#: "the number of <who> killed": who is an open slot, up to two words ("worshippers",
#: "police officers", "Palestinians"), not a word list; the participle says the category.
_TOLL_NOUN = (
    r"(?:death\s+toll|toll|number\s+of\s+(?:(?!(?:the|a|an|this|that)\s)[A-Za-z][\w'’-]*\s+){0,2}?"
    r"(?P<what>dead|deaths|killed|fatalities|victims|wounded|injured|missing|displaced|detained|"
    r"arrested|hostages|casualties)|fatalities|deaths|dead|casualty\s+toll|injury\s+toll)"
)
_UPDATE_VERB = (
    r"(?:has\s+|had\s+|have\s+)?(?:rose|risen|rises|climbed|climbs|increased|jumped|reached|hit|grew|"
    r"soared|went\s+up|was\s+revised|been\s+revised|revised|raised|heightened)(?:\s+(?:up|upwards?|down))?"
    r"(?:\s+from\s+[\d,]+)?\s+to"
)
#: A later figure for a count named before, in a coder's words: "the count was revised up to
#: 114", "the figure was raised to 58", "(a number later heightened to 15)". It counts what
#: the sentence's last figure counted (killed when none): an update. A noun with "of" after it
#: ("the number of refugees rose to") says what it counts and is the toll cues' own.
#: The verbs of a count told again, higher or corrected ("the count was revised up to 114"); the
#: category is the earlier figure's, so these words are triggers of their own (grammar/triggers.py).
UPDATE_VERBS: tuple[str, ...] = (
    "raised", "revised", "heightened", "increased", "rose", "risen", "climbed", "jumped", "grew", "updated",
)  # fmt: skip
_COUNT_NOUN_UPDATE = (
    r"\b(?:death\s+|casualty\s+|fatality\s+)?(?:count|figure|figures|numbers|number|total|tally)"
    r"(?:\s+(?!of\b)[\w'’-]+){0,5}?\s+(?:" + "|".join(UPDATE_VERBS) + r")"
    r"(?:\s+(?:up|upwards?))?\s+to\s*$"
)
LEFT_CUES: tuple[tuple[str, str, str], ...] = (
    (r"\b(?:bringing|brings|bring|brought|raising|raises|taking|takes|pushing)\s+(?:the\s+)?"
     r"(?:total\s+|overall\s+)?(?:number|toll|death\s+toll|tally|count|total)"
     r"(?:\s+[\w,'’-]+){0,10}?\s+to\s*$", "toll", "cumulative"),  # fmt: skip
    (r"\bnumber\s+of\s+(?:[\w-]+\s+){0,3}?returnees(?:\s+[\w,]+){0,10}?\s+(?:now\s+)?"
     r"(?:is|was|stands\s+at|stood\s+at|reached|rose\s+to|came\s+to)(?:\s+now)?\s*$", "toll", "cumulative"),
    # "This brings to 332,000 the number of people displaced": the noun phrase follows (TOTAL_AHEAD).
    (r"\b(?:bringing|brings|bring|brought|raising|raises|taking|takes|pushing)\s+to\s*$", "toll", "ahead"),
    (r"\brevised\s+(?:the\s+)?(?:death\s+)?toll(?:\s+[\w,'’-]+){0,8}?\s+(?:down|up)\s+to\s*$",
     "killed", "update"),  # fmt: skip
    (_TOLL_NOUN + r"(?:\s+[\w,'’-]+){0,12}?\s+" + _UPDATE_VERB + r"\s*$", "toll", "update"),
    (_COUNT_NOUN_UPDATE, "inherit", "update"),
    (_TOLL_NOUN + r"(?:\s+[\w,'’-]+){0,8}?\s+(?:of|at|is|was|stands\s+at|stood\s+at|now\s+stands\s+at|"
     r"reached|hit|to|:|put\s+at|is\s+put\s+at|(?:range|ranges|ranged|ranging|vary|varies|varied)\s+from|"
     r"range|ranges|ranged|ranging)\s*$", "toll", ""),  # fmt: skip
    (r"\b(?:killed|killing|kills|kill|blew\s+up|blowing\s+up)\s+(?:himself|herself|themselves)(?:\s+up)?\s*"
     r"(?:,|and|along\s+with|as\s+well\s+as)\s*$",
     "killed", "attacker"),
    (r"\bamong\s+the\s+(?:dead|killed|victims|fatalities)\s+(?:were|was|are)\s*$", "killed", "among"),
    (r"\bamong\s+the\s+(?:injured|wounded)\s+(?:were|was|are)\s*$", "wounded", "among"),
    # "The dead included a nurse, two teachers and a baby": the list names who died (as "among
    # the dead were"); its members add up. Not "the victims included": victims may be the
    # wounded or the taken.
    (r"\b(?:the|those)\s+(?:dead|killed|fatalities|who\s+died)\s+(?:included|include|includes)\s*:?\s*$",
     "killed", "among"),
    (r"\b(?:the|those)\s+(?:injured|wounded)\s+(?:included|include|includes)\s*:?\s*$", "wounded", "among"),
    # "killing and injuring 20": the source does not separate the dead from the wounded.
    (r"\b(?:killing|killed|kill)(?:\s+(?:and|or)\s+|\s*/\s*)(?:injuring|wounding|injured|wounded|injure|wound)\s*$",
     "casualties", ""),
    (r"(?:claimed|claiming|claims|cost|costing|took|taking|takes|ended|claim)\s+the\s+lives\s+of\s*$",
     "killed", ""),
    (r"\b(?:claimed|claiming|claims|cost|costing)\s*$", "killed", ""),
    (r"(?:the\s+)?(?:deaths?|killings?|murders?|executions?|massacre|slaughter)\s+of\s*$", "killed", ""),
    (r"(?:the\s+)?(?:temporary\s+|forced\s+|mass\s+)?(?:displacement|relocation|evacuation|"
     r"flight|exodus)\s+of\s*$", "displaced", ""),
    (r"(?<!legislative\s)(?<!governing\s)(?<!national\s)(?<!international\s)(?<!regional\s)"
     r"(?<!advisory\s)(?<!official\s)(?<!public\s)\b(?:bodies|body|remains|corpses|corpse)\s+of\s*$",
     "killed", ""),
    (r"(?<!\bwere\s)(?<!\bwas\s)(?<!\bbeen\s)(?<!\bbe\s)(?<!\bare\s)(?<!\bis\s)"
     r"\b(?:killed|killing|" + present_forms("killed") + r"|"
     r"slew|slaying|slays|shot\s+dead|shooting\s+dead|gunned\s+down|left|leaving|"
     r"set\s+(?:alight|ablaze|on\s+fire)|"
     r"burned\s+alive|burnt\s+alive|burning\s+alive|(?:shot|shooting)\s+and\s+kill(?:ed|ing)|"
     r"fatally\s+(?:shot|shooting|stabbed|stabbing|wounded|wounding|injured|injuring|"
     r"assaulted|attacked|beat|beaten|hit|struck)|" + active_forms("killed") + r")\s*$", "killed", ""),
    # "stabbed to death two thieves", "hacked to death a herder and his two sons": the result
    # before the object (after it, "stabbed two men to death", the next cue's NEEDS_COMPLETION).
    (r"(?<!\bwere\s)(?<!\bwas\s)(?<!\bbeen\s)(?<!\bare\s)(?<!\bis\s)"
     r"\b(?:" + alternation(sorted(MANNER_VERBS)) + r")\s+to\s+death\s*$", "killed", ""),
    (r"(?<!\bwere\s)(?<!\bwas\s)(?<!\bbeen\s)(?<!\bare\s)(?<!\bis\s)"
     r"\b(?:shot|shooting|stabbed|stabbing|beat|beaten|beating|hacked|hacking|burned|burnt|"
     r"burning|tortured|torturing|stoned|stoning|strangled|strangling|bludgeoned|clubbed)\s*$",
     "killed", ""),
    (r"(?<!\bwere\s)(?<!\bwas\s)(?<!\bbeen\s)(?<!\bare\s)(?<!\bis\s)(?<!\ba\s)(?<!\bthe\s)"
     r"\b(?:" + present_forms("wounded") + r"|hurt|hurting|maiming|" + active_forms("wounded") + r")\s*$",
     "wounded", ""),  # fmt: skip
    (injury.BEFORE_PEOPLE, "wounded", ""),  # "caused injuries to two passers-by"
    (r"(?<!\bwere\s)(?<!\bwas\s)(?<!\bbeen\s)(?<!\bare\s)(?<!\bis\s)"
     r"\b(?:" + present_forms("hostage") + r"|" + CAPTIVE_PHRASES_BEFORE + r"|"
     r"took|taking|holding|held|" + active_forms("hostage") + r")\s*$", "hostage", ""),  # fmt: skip
    # The progressive is active ("the group was holding two pilots hostage"); the guard above
    # keeps "were held" a passive.
    (r"(?:" + "|".join(rf"(?<=\b{be}\s)" for be in BE_FORMS) + r")holding\s*$", "hostage", ""),
    (r"(?<!\bwere\s)(?<!\bwas\s)(?<!\bbeen\s)(?<!\bare\s)(?<!\bis\s)"
     r"\b(?:displaced|displacing|" + present_forms("displaced") + r"|uprooted|uprooting|evacuated|evacuating|"
     r"forced|forcing)\s*$", "displaced", ""),  # fmt: skip
    (r"(?<!\bwere\s)(?<!\bwas\s)(?<!\bbeen\s)(?<!\bare\s)(?<!\bis\s)"
     r"\b(?:" + present_forms("detained") + r"|jailed|jailing|rounded\s+up|"
     r"rounding\s+up|" + active_forms("detained") + r")\s*$", "detained", ""),  # fmt: skip
    # "the fate of 12 fishermen is unknown", "the whereabouts of six crew members remain unknown"
    (r"\b(?:fate|whereabouts)\s+of(?:\s+the)?\s*$", "missing", "fate"),
)
#: A category declared only in verbs.CUE_VERBS reads its verbs as active cues too ("recruited 40").
LEFT_CUES += tuple(
    (r"(?<!\bwere\s)(?<!\bwas\s)(?<!\bbeen\s)(?<!\bare\s)(?<!\bis\s)\b(?:" + active_forms(c) + r")\s*$", c, "")
    for c in _VERB_ONLY_CATEGORIES
)
#: What a running total counts when it is named after the figure ("brings to N the total number
#: of people displaced"): `what` is read as a toll's words are.
TOTAL_AHEAD = re.compile(
    r"\s+the\s+(?:total\s+|overall\s+|cumulative\s+)?(?:number|toll|tally|count)\s+of\s+"
    r"(?:(?P<pop>[\w-]+)\s+){0,2}?(?P<what>displaced|displacements|IDPs|evacuees|returnees|killed|dead|"
    r"deaths|fatalities|wounded|injured|missing|detained|arrested)\b",
    re.IGNORECASE,
)
#: Each searched over the window before a figure, so each opens with where it can start: most
#: positions fail at once, not after the cue's look-behinds and alternatives (issue 23).
LEFT_CUE_RES = tuple(
    (re.compile(_opening(pat) + pat, re.IGNORECASE), cat, note)
    for pat, cat, note in LEFT_CUES
)
#: Every (parts, also) a cue is opened with, for scripts/cue_openings.py and its test.
OPENED = (*_RIGHT_OPENED, _ANY_OPENED, *(((pat,), ()) for pat, _c, _n in LEFT_CUES))
#: Every word the cues are written with, plus their punctuation: a superset of the words a
#: left cue can end in, so that a figure after any other word skips the cue scan.
LEFT_CUE_FINALS = frozenset(
    w.lower() for pat, _c, _n in LEFT_CUES for w in re.findall(r"[A-Za-z]+", re.sub(r"\\[A-Za-z]", " ", pat))
) | {":", ","}

#: The words each left cue can end with (None: any), read from the patterns themselves.
LEFT_CUE_ENDINGS = tuple(
    None if (w := final_words(pat, re.IGNORECASE)) is None else tuple(sorted(w))
    for pat, _c, _n in LEFT_CUES
)


@lru_cache(maxsize=4096)  # pure; a text repeats its last words before figures
def left_cues_ending(word: str) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """The left cues (in LEFT_CUE_RES order) that can end with `word` (a window's last word,
    lower case). Each opens with where it can start (LEFT_CUE_RES), so a window that holds
    none of them is refused by each in one quick pass: one pattern of them all was slower
    (issue 23: 0.20 s against 0.12 s over 10,945 windows of the dense articles)."""
    if word not in LEFT_CUE_FINALS:
        return ()
    return tuple(LEFT_CUE_RES[i] for i, ends in enumerate(LEFT_CUE_ENDINGS) if ends is None or word.endswith(ends))


#: "forced 2,000 people to flee / to seek refuge / to stay in shelters": what makes "forced" displace.
_FORCED_TO = (
    r"\bto\s+(?:flee|leave|evacuate|abandon\s+their\s+homes|relocate|"
    r"(?:seek|take|find)\s+(?:refuge|shelter)|"
    r"stay\s+(?:in|at)\s+(?:\w+\s+){0,3}?(?:shelters?|camps?|evacuation\s+cent(?:re|er)s?))\b|"
    r"\bfrom\s+their\s+homes\b"
)
#: Active verbs whose object after the number needs a completing word to the right:
#: "left 27 dead", "took 5 hostage", "forced 2,000 people to flee".
NEEDS_COMPLETION = WordTable({
    "left": r"\b(?:dead|killed|injured|wounded|homeless|missing)\b",
    "leaving": r"\b(?:dead|killed|injured|wounded|homeless|missing)\b",
    "took": r"\b(?:hostage|hostages|prisoner|prisoners|captive)\b",
    "taking": r"\b(?:hostage|hostages|prisoner|prisoners|captive)\b",
    "holding": r"\b(?:hostage|hostages|captive)\b",
    "held": r"\b(?:hostage|hostages|captive)\b",
    "forced": _FORCED_TO,
    "claimed": r"\blives\b",
    "claiming": r"\blives\b",
    "claims": r"\blives\b",
    "cost": r"\blives\b",
    "costing": r"\blives\b",
    "forcing": _FORCED_TO,
})
# "stabbed a man to death": the verb alone is an injury; "to death" makes it a killing.
for _verb in ("shot shooting stabbed stabbing beat beaten beating hacked hacking burned burnt "
              "burning tortured torturing stoned stoning strangled strangling bludgeoned clubbed").split():
    NEEDS_COMPLETION[_verb] = r"\bto\s+death\b|\bdead\b"

BREAKDOWN_RE = re.compile(
    r"^\s*(?::\s*$|[,;:(—–-]?\s*(?:including|includes|included|among\s+them|among\s+whom|of\s+whom|"
    r"of\s+them|among\s+those\s+(?:killed|dead|injured|wounded)(?:\s+(?:were|are))?|"
    r"among\s+the\s+(?:dead|victims|killed|injured|wounded|missing)(?:\s+(?:were|are))?|"
    r"mostly|mainly|most\s+of\s+them|many\s+of\s+them)\b\s*:?\s*)",
    re.IGNORECASE,
)
#: "(a breakdown) ... among them six women": the marker anywhere before the parts.
BREAKDOWN_ANYWHERE_RE = re.compile(
    r"(?:[,;(—–-]\s*(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\b\s*:?|:)\s*$",
    re.IGNORECASE,
)
SUBSET_RE = re.compile(
    r"^\s*,?\s*(?:out\s+of(?:\s+the)?|of\s+the|from\s+among(?:\s+the)?|from\s+a\s+total\s+of)\s+$",
    re.IGNORECASE,
)
#: The joint between two members of a list; a possessive may open the next member's figure
#: ("a father and his two sons": the figure starts at "two").
LIST_SEP_RE = re.compile(r"^\s*(?:,\s*(?:and\s+|as\s+well\s+as\s+|plus\s+)?|and\s+|as\s+well\s+as\s+|plus\s+|&\s*)"
                         r"(?:(?<=and\s)(?:his|her|their)\s+)?$", re.IGNORECASE)

#: Hypotheticals, threats and negations that stop a figure from being a claim.
IRREALIS_RE = re.compile(
    r"\b(?:could|might|(?-i:may)|would|will|threaten(?:s|ed|ing)?\s+to|vow(?:s|ed)?\s+to|"
    r"plan(?:s|ned)?\s+to|conspir(?:acy|ed|ing|es|e)\s+to|intend(?:s|ed|ing)?\s+to|risk(?:s|ed)?|at\s+risk\s+of|in\s+danger\s+of|fear(?:s|ed)?\s+(?:that|of)|"
    r"capable\s+of|enough\s+to|designed\s+to|aim(?:s|ed)?\s+to|if)\s+(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)
HEDGE_RE = re.compile(
    r"\b(?:unconfirmed|unverified|rumou?red|could\s+not\s+(?:be\s+)?(?:independently\s+)?verif|"
    r"not\s+(?:been\s+)?(?:independently\s+)?(?:verified|confirmed)|(?:may|might|could)\s+(?:well\s+)?have\s+been)",
    re.IGNORECASE,
)
#: Word gate of HEDGE_RE (literals.gate; proven in tests/test_gates.py).
HEDGE_GATE = gate_of(("unconfirmed", "unverified", "rumoured", "rumored", "verif", "confirmed", "have"))
#: A competing figure from another source, after the main one: "Some reports claim 32 dead",
#: "Other reports hold 50 deaths", "(some sources claim 20)", "Some witnesses put the toll at
#: 25". A figure after this frame in its sentence is flagged hedged (counts._assign); the
#: tally prefers the figures no frame hedges (tally/rules.py), as conservative coders do.
ALTERNATIVE_REPORT_RE = re.compile(
    r"\b(?:some|other|others|another|conflicting|differing|several|one|local)\s+(?:local\s+|media\s+|news\s+|eyewitness\s+)?"
    r"(?:reports?|sources?|witness(?:es)?|accounts?|estimates?|residents)\s+(?:also\s+|have\s+|had\s+)?"
    r"(?:claim(?:s|ed)?|hold|held|says?|said|put|puts|assert(?:s|ed)?|suggest(?:s|ed)?|report(?:s|ed)?|"
    r"indicate(?:s|d)?|place(?:s|d)?|give|gave|gives|state(?:s|d)?|count(?:s|ed)?|speak\s+of|spoke\s+of|"
    r"put\s+the\s+(?:death\s+)?toll\s+at)\b",
    re.IGNORECASE,
)
#: Where another source's frame stops reaching: "Some reports claim 32 dead; police said 12 were
#: killed" hedges 32, not 12.
ALTERNATIVE_REPORT_END_RE = re.compile(r";|\s(?:but|while|whereas)\s", re.IGNORECASE)
CUMULATIVE_RE = re.compile(
    r"\b(?:bringing|brings|brought|raising|raises|pushing)\s+(?:the\s+)?(?:total|overall|"
    r"number|toll|death\s+toll|tally|count)|\bso\s+far\s+this\s+(?:year|month)|"
    r"\bsince\s+the\s+(?:start|beginning|outbreak)\s+of|\b(?:total|overall)\s+(?:number|toll)\s+"
    r"(?:of\s+\w+\s+)?(?:since|this\s+year)|\bthis\s+year\s+to\b",
    re.IGNORECASE,
)

ZERO_RE = re.compile(
    r"\b(?P<z>(?:no\s+one|nobody|no-one|none|not\s+a\s+single\s+(?:person|one))\s+"
    r"(?:\w+\s+){0,2}?(?:was|were|has\s+been|had\s+been|have\s+been|is|are)\s+(?:\w+\s+)?"
    r"(?:killed|hurt|injured|wounded|harmed|dead)\b|(?:no\s+one|nobody|no-one|none)\s+"
    r"(?:\w+\s+)?(?:died|perished|lost\s+(?:his|her|their)\s+li(?:fe|ves))|"
    r"no\s+(?:deaths?|fatalities|casualties|injuries|lives\s+were\s+lost|one\s+died)\b)",
    re.IGNORECASE,
)
#: Word gate of ZERO_RE (literals.gate; proven in tests/test_gates.py): the harm each branch ends with.
ZERO_GATE = gate_of(("killed", "hurt", "injured", "wounded", "harmed", "dead", "died", "perished", "lost", "death",
                     "fatalities", "casualties", "injuries"))  # fmt: skip

#: The source's own words for what happened; recorded, never adopted.
CHARACTERISATION = (
    "genocide", "massacre", "carnage", "slaughter", "atrocity", "atrocities",
    "ethnic cleansing", "war crimes", "war crime", "crimes against humanity", "tragedy",
    "clashes", "clash", "terrorist attack", "terror attack", "attack", "aggression",
    "occupation", "liberation", "fighting", "skirmish", "incident", "bombardment",
    "shelling", "airstrike", "air strike", "provocation", "extermination", "pogrom",
    "operation", "counter-terrorism operation", "massacre of civilians", "mass killing",
)  # fmt: skip
CHARACTERISATION_RE = re.compile(
    r"\b(?:" + alternation(CHARACTERISATION) + r")\b",
    re.IGNORECASE,
)
#: Word gate of CHARACTERISATION_RE (literals.gate; proven in tests/test_gates.py).
CHARACTERISATION_GATE = gate_of(CHARACTERISATION)
#: Where a CHARACTERISATION_RE match can start, searched case-sensitively in the folded text
#: (literals.fold): its words (lower-case ASCII) without the \b around them (extract/claims.py).
CHARACTERISATION_START = re.compile(alternation(CHARACTERISATION))
