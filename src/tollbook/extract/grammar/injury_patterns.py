"""Injury grammar: the ways a report says people were hurt without the verbs "wounded" or
"injured" (issue 20), declared as phrase fragments that grammar/lexicon.py's cue tables join.

- after the people, a predicate of care or of a wound received: "were hospitalised", "were
  taken to hospital", "were treated for smoke inhalation", "received minor burns",
  "remain in critical condition";
- before the people, a noun of injury with its recipient: "caused injuries to two
  passers-by", "injury to three workers".

Guards live in the fragments: a stay in hospital that ends in death ("taken to hospital
where they died") is no injury; "treated" and "received" need a wound noun after them.
"""

from __future__ import annotations

from typing import Final

from tollbook.extract.grammar.alternation import alternation

#: What a person may be hurt with or treated for: wounds and their kinds, and the harms of
#: blasts and fires ("smoke inhalation", "shock").
WOUND_NOUNS: Final[tuple[str, ...]] = (
    "injuries", "injury", "wounds", "wound", "burns", "burn", "cuts", "bruises", "fractures",
    "gunshot wounds", "bullet wounds", "shrapnel wounds", "stab wounds", "smoke inhalation",
    "shock", "concussion", "concussions", "lacerations", "trauma",
)  # fmt: skip
#: Verbs whose object is a wound: "sustained serious injuries", "received minor burns".
RECEIVE_VERBS: Final[tuple[str, ...]] = ("sustained", "suffered", "received", "incurred", "retained")
#: Places of care a hurt person is brought to.
CARE_PLACES: Final[tuple[str, ...]] = ("hospital", "hospitals", "clinic", "clinics", "medical centre",
                                       "medical center", "health centre", "health center")  # fmt: skip
_WOUND = "(?:" + alternation(WOUND_NOUNS) + ")"
_CARE = r"(?:a\s+|the\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:" + alternation(CARE_PLACES) + r")"
#: A death later in the clause undoes the stay in hospital: "taken to hospital where he died".
_NOT_DIED = r"(?![^.;]{0,60}\b(?:died|succumbed|pronounced\s+dead|declared\s+dead|dead\s+on\s+arrival)\b)"

#: Predicates after the people (a right cue of category wounded; the auxiliary is the cue
#: table's): "hospitalised", "taken to hospital", "treated for burns", "in critical condition".
AFTER_PEOPLE = (
    r"(?:(?:hospitali[sz]ed|admitted\s+to\s+" + _CARE + r"|(?:taken|rushed|evacuated|airlifted|flown|sent|"
    r"transported|transferred|carried|brought)\s+to\s+" + _CARE + r"|treated\s+(?:in|at)\s+" + _CARE + r")"
    + _NOT_DIED
    + r"|treated\s+for\s+(?:[\w-]+\s+){0,2}?" + _WOUND
    + r"|(?:" + alternation(RECEIVE_VERBS) + r")\s+(?!(?:no|any|hardly)\b)(?:[\w-]+\s+){0,2}?" + _WOUND  # not "suffered no injuries"
    + r"|in\s+(?:a\s+)?(?:critical|serious|stable|grave)\s+condition)"
)
#: Before the people (a left cue of category wounded): "causing injuries to", "injury to", "the
#: wounding of seven" (the nominal, as "the deaths of" is killed's).
BEFORE_PEOPLE = r"\b(?:(?:injuries|injury|wounds|burns)\s+to|the\s+(?:injuring|wounding|maiming)\s+of)\s*$"

#: Adverbs of degree a negation may bear instead of the verb: "was not seriously injured",
#: "were never badly hurt" deny how bad the wound was, not the wound (RAND codes them hurt).
DEGREE_ADVERBS: Final[tuple[str, ...]] = (
    "seriously", "badly", "severely", "gravely", "critically", "dangerously", "fatally", "life-threateningly",
)  # fmt: skip
#: A negation that scopes over a degree adverb only (matched before the adverb, consumes "not").
DEGREE_NEGATION = r"(?:not|never)\s+(?=(?:" + alternation(DEGREE_ADVERBS) + r")\b)"

#: Verbs of violence whose passive, with no lethal result, says the person was hurt: "was
#: stabbed in the back", "were beaten". (The lethal results, "beaten to death", "stabbed and
#: killed", are the killed cues'.) "Shot" is here only with a limb (below); "burned" names
#: things' fate as often as people's.
HARM_PARTICIPLES: Final[tuple[str, ...]] = (
    "stabbed", "beaten", "hacked", "knifed", "clubbed", "bludgeoned", "tortured", "whipped",
    "flogged", "stoned", "assaulted", "pistol-whipped", "slashed", "mauled",
    # harms named by their result on the body ("was partially blinded", "were bruised")
    "blinded", "maimed", "bruised", "paralysed", "paralyzed", "scalded", "disfigured", "grazed",
    "battered", "lacerated",
)  # fmt: skip
#: A death in the rest of the clause makes the harm lethal, not a wound: "was shot in the head
#: and died", "were stabbed, one fatally".
_LETHAL_AFTER = (r"(?!\s+(?:up\s+)?(?:dead|alive|to\s+death|at)\b|[^.;]{0,60}?\b(?:dead|death|killed|killing|died|"
                 r"succumbed|fatally|fatal|lifeless|body|bodies|corpses?)\b)")  # fmt: skip
#: Limbs: a shot there wounds ("was shot in the legs", "kneecapped"); "shot" alone, or in the
#: head or chest, kills as often as it wounds, and is left to the text's other words.
LIMBS: Final[tuple[str, ...]] = (
    "leg", "legs", "arm", "arms", "knee", "knees", "kneecap", "kneecaps", "foot", "feet", "thigh",
    "thighs", "hand", "hands", "shoulder", "shoulders", "ankle", "ankles", "buttocks", "elbow",
)  # fmt: skip
_SHOT_IN_LIMB = (r"shot\s+(?:(?:once|twice|\w+\s+times|several\s+times)\s+)?in\s+(?:the|his|her|their|both)\s+"
                 r"(?:(?:left|right|lower|upper)\s+)?(?:" + alternation(LIMBS) + r")")  # fmt: skip
#: What strikes a person and wounds where it hits: "was hit by a stray bullet", "were struck by
#: shrapnel". (Rockets, shells and bombs hit buildings and vehicles as often: not here.)
PROJECTILES: Final[tuple[str, ...]] = (
    "bullet", "bullets", "gunfire", "shrapnel", "pellets", "pellet", "buckshot", "splinters", "fragments",
    "shards", "glass",
)  # fmt: skip
#: The verbs of a hit: "was hit by a stray bullet", "was struck in the leg".
HIT_VERBS: Final[tuple[str, ...]] = ("hit", "struck")
#: "was hit by a stray bullet", "was struck in the leg by a bullet", "were hit by the gunfire",
#: "was hit on the leg", "was hit several times with bullets": a hit in a limb, or by a
#: projectile, with no lethal result.
_HIT = (r"(?:" + alternation(HIT_VERBS) + r")\s+(?:(?:once|twice|\w+\s+times|several\s+times)\s+)?"
        r"(?:(?:in|on)\s+(?:the|his|her|their|both)\s+(?:(?:left|right|lower|upper)\s+)?(?:" + alternation(LIMBS) + r")"
        r"|(?:(?:in|on)\s+(?:the|his|her|their)\s+\w+\s+)?(?:by|with)\s+(?:a\s+|an\s+|the\s+|\w+\s+)?(?:stray\s+|flying\s+)?"
        r"(?:" + alternation(PROJECTILES) + r"))"
        # "was hit by one bullet but no one was injured": a hit that wounded nobody
        r"(?![^.;]{0,60}?\b(?:no\s+(?:one|injuries|casualties)|nobody|unhurt|unharmed|unscathed)\b)")  # fmt: skip
#: The participle alone, for a passive whose auxiliary the caller reads (extract/victims.py).
HARMED = r"(?:" + alternation(HARM_PARTICIPLES) + r"|" + _SHOT_IN_LIMB + r"|" + _HIT + r")\b" + _LETHAL_AFTER
#: The passive after the people (a right cue of category wounded): "were stabbed".
HARMED_PASSIVE = r"(?:were|was|been|got)\s+(?:(?!fatally)\w+ly\s+)?" + HARMED
