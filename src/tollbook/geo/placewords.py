"""Word lists the place finder reads: demonyms, stop words, first names, place nouns.

Kept apart from the matching code in places.py (as lexicon.py is for counts), so that
reviewers can extend the vocabulary without reading code. Words are plain, unfolded;
places.py folds them with `name_key`.
"""

from __future__ import annotations

import re

__all__ = ["DEMONYMS", "FIRST_NAMES", "FUNCTION_WORDS", "LIST_GAP", "NAME_LIKE_COUNTRIES", "NAME_PARTICLES",
           "ORG_TAILS", "PLACE_NOUNS", "PREPOSITIONS", "REGION_NOUNS", "STOP_WORDS", "words"]  # fmt: skip

#: Demonyms and adjectives -> ISO2. They feed `countries_in` but never make a PlaceMention.
DEMONYMS: dict[str, str] = {
    "Afghan": "AF", "Albanian": "AL", "Algerian": "DZ", "American": "US", "Angolan": "AO",
    "Argentine": "AR", "Argentinian": "AR", "Armenian": "AM", "Australian": "AU",
    "Austrian": "AT", "Azerbaijani": "AZ", "Azeri": "AZ", "Bahraini": "BH",
    "Bangladeshi": "BD", "Belarusian": "BY", "Belgian": "BE", "Bolivian": "BO",
    "Bosnian": "BA", "Brazilian": "BR", "British": "GB", "Bulgarian": "BG", "Burkinabe": "BF",
    "Burmese": "MM", "Burundian": "BI", "Cambodian": "KH", "Cameroonian": "CM",
    "Canadian": "CA", "Chadian": "TD", "Chilean": "CL", "Chinese": "CN", "Colombian": "CO",
    "Congolese": "CD", "Croatian": "HR", "Cuban": "CU", "Cypriot": "CY", "Czech": "CZ",
    "Danish": "DK", "Dutch": "NL", "Ecuadorian": "EC", "Egyptian": "EG", "Emirati": "AE",
    "Eritrean": "ER", "Estonian": "EE", "Ethiopian": "ET", "Filipino": "PH", "Finnish": "FI",
    "French": "FR", "Georgian": "GE", "German": "DE", "Ghanaian": "GH", "Greek": "GR",
    "Guatemalan": "GT", "Haitian": "HT", "Honduran": "HN", "Hungarian": "HU",
    "Indian": "IN", "Indonesian": "ID", "Iranian": "IR", "Iraqi": "IQ", "Irish": "IE",
    "Israeli": "IL", "Italian": "IT", "Japanese": "JP", "Jordanian": "JO", "Kazakh": "KZ",
    "Kazakhstani": "KZ", "Kenyan": "KE", "Kosovar": "XK", "Kuwaiti": "KW", "Kyrgyz": "KG",
    "Latvian": "LV", "Lebanese": "LB", "Liberian": "LR", "Libyan": "LY", "Lithuanian": "LT",
    "Malian": "ML", "Mauritanian": "MR", "Mexican": "MX", "Moldovan": "MD", "Mongolian": "MN",
    "Montenegrin": "ME", "Moroccan": "MA", "Mozambican": "MZ", "Nepali": "NP",
    "Nicaraguan": "NI", "Nigerian": "NG", "Nigerien": "NE", "North Korean": "KP",
    "Norwegian": "NO", "Omani": "OM", "Pakistani": "PK", "Palestinian": "PS",
    "Peruvian": "PE", "Philippine": "PH", "Polish": "PL", "Portuguese": "PT", "Qatari": "QA",
    "Romanian": "RO", "Russian": "RU", "Rwandan": "RW", "Salvadoran": "SV", "Saudi": "SA",
    "Senegalese": "SN", "Serbian": "RS", "Sierra Leonean": "SL", "Slovak": "SK",
    "Slovenian": "SI", "Somali": "SO", "South African": "ZA", "South Korean": "KR",
    "South Sudanese": "SS", "Spanish": "ES", "Sri Lankan": "LK", "Sudanese": "SD",
    "Swedish": "SE", "Swiss": "CH", "Syrian": "SY", "Taiwanese": "TW", "Tajik": "TJ",
    "Tanzanian": "TZ", "Thai": "TH", "Tunisian": "TN", "Turkish": "TR", "Turkmen": "TM",
    "Ugandan": "UG", "Ukrainian": "UA", "Uruguayan": "UY", "Uzbek": "UZ",
    "Venezuelan": "VE", "Vietnamese": "VN", "Yemeni": "YE", "Zambian": "ZM",
    "Zimbabwean": "ZW",
}  # fmt: skip

# Capitalised words that are also the names of some small GeoNames place, and words that
# start organisation names, titles, dates and bylines. Never a place on their own.
STOP_WORDS = """
a about above according across act added affairs afternoon again against agency agreement aid air
all also although amnesty among an and another any april armed army article as assembly at
august azernews baby bank bar bath battalion battle before being best between bishop both
brigade brigades but by camp captain catholic ceasefire center central centre chairman chapter
charity chief child children christ christian christmas church city clinic colonel command
commander commission committee congress constitution contact convention cooperation copyright
corps council court cross crescent daily daughter day dead deal dec december declaration
defence defense democracy department deputy despite director district division doctor doctors
down dr during each earlier easter east eastern eden eid emergency envoy even evening every
faith family father feb february federal few first follow following for force forces foreign
free freedom friday from front general genocide global god government governor grace great
group guard guards had has have he head health her herald here hero heroes his holy home hope
hospital house however human humanitarian i if imam in including independence independent
institute intelligence interior international into is islamic it its jan january jesus joy
jul july jun june just justice killed king lady lake later law liberty live lord lower major
man many mar march martyr martyrs may mayor me medical memorial men mercy middle military
militia minister ministry mission mon monday monitor more morning mosque most mother mount
movement mr mrs ms museum muslim my national nations navy near new news night no north
northern not nov november now oct october of office officials old on once one only operation
or orthodox other our out over paradise park parliament party patriotic peace people per
photo police policy post president press prime prince princess privacy progress prosecutor
queen read red relief remembrance report republic rescue resolution rest rights river road
sale sat saturday save school sea second section secretary security senate sep sept september
service services several sheikh she since sir so son south southern spring square staff star
state statement station street summer sun sunday support taliban temple the their then there
these they third this those through thu thursday time times to today told tomorrow tonight
town treaty tribune truce tue tuesday under union united unity university until up update
upper valley very via victory video village war ward watch we wed wednesday week weekly
welfare well wells west western what when where which while who why will winter with within
without woman women world year yes yesterday you your
abu al allah arab atlantic baltic bayraktar bin centre crescent de el energy europe africa asia
gas google grad hamas harop hezbollah iskander javelin kinzhal la lancet le media oil pacific
patriot port fort san santa st saint rapid shahed shia shiite smerch spike stinger sunni
tochka wagner
"""


def words(spaced: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(spaced.split())


# First names that are also (small) place names; persons are a common false positive.
FIRST_NAMES = """
abbas ahmad ahmed alexander ali amir anna austin aziz charles charlotte clinton david elmar
eugene florence george hamid hassan hikmet hussein ibrahim ilham isabel ismail ivan jackson
jamal james jerome john karim khalid laurel leyla lincoln louis madison mahmoud maria marion
martin michael mohammed muhammad musa nasser nikol omar paul peter salah victor victoria yusuf
"""
NAME_PARTICLES = words("de da di du van von der den ter al el bin ibn abu ben le la")
FUNCTION_WORDS = words(
    "a an the this that these those in on at by for of to from into and or but as with"
)
PREPOSITIONS = words(
    "in at near from of to into outside around across inside towards toward between throughout via"
)
PLACE_NOUNS = words(
    "city town village district region province rayon raion oblast governorate county "
    "municipality settlement area neighbourhood neighborhood state corridor suburb outskirts "
    "enclave territory"
)
# Capitalised words that make the name before them part of a longer, different name.
ORG_TAILS = words(
    "times post herald tribune journal university airlines airways club fc council hills hill "
    "mountains mountain mount range river valley lake sea bay gulf strait island islands "
    "desert plain plains heights ridge pass peninsula forest park street road avenue square "
    "bridge dam airport stadium"
)
# Countries that are also first names: "Chad Smith", "Jordan Peterson".
NAME_LIKE_COUNTRIES = frozenset({"TD", "JO"})
# Nouns after a name that make it a region ("Tartar district") and prefer region entries.
REGION_NOUNS = words("district region province rayon raion oblast governorate county state")
# The gap between the places of a list ("Tartar, Barda and Ganja"), read whole.
LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+|\s*,\s*")
