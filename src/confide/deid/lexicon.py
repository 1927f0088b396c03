"""Word lists written by hand for this project.

Nothing here is taken from a test-data generator: the common-word list, the name lists and
the cue words were typed for Confide from general knowledge of English and of names common in
the United States (Anglo, African-American, Hispanic and other communities). The common-word
list is used to *exclude* capitalised words that are not names; the name lists only add recall
where capitalisation gives no signal (lowercase text messages, sentence starts).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files


def words(*chunks: str) -> frozenset[str]:
    return frozenset(w for chunk in chunks for w in chunk.split())


def _load(name: str) -> frozenset[str]:
    """The words of a packaged list in ``data/``: whitespace-separated, "#" starts a comment."""
    text = files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() for w in line.split("#", 1)[0].split())


# Ordinary English words, the vocabulary of clinical notes (drugs, eponyms used as terms,
# abbreviations, specialties) that no general word list holds, and everyday words of the
# other languages notes quote.
ORDINARY = _load("common.txt")
COMMON = ORDINARY | _load("clinical.txt") | _load("other_languages.txt")

# States written out, in lowercase: they start organisation names and follow town names.
STATE_NAMES = words(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming"""
)

# Proper nouns that are not identifiers in Safe Harbor terms: benefit programmes, national
# fellowships, drugs, states, nationalities. Flagging them would only hurt precision.
NON_IDENTIFYING = words(
    """god jesus christ lord bible allah buddha english spanish french american mexican
    vietnamese somali portuguese mandarin cantonese chinese creole kreyol hmong arabic russian
    ukrainian polish korean japanese tagalog filipino farsi persian dari pashto amharic
    tigrinya oromo swahili punjabi hindi urdu bengali nepali burmese khmer lao thai
    italian german greek turkish hebrew yiddish ojibwe nigerian caucasian
    ethiopian eritrean guatemalan salvadoran honduran colombian venezuelan peruvian
    brazilian jamaican trinidadian canadian irish scottish welsh british european
    african-american indigenous islander islanders army navy marines airforce guard
    hmong-speaking
    african asian latino latina latinx hispanic black white native indian puerto rican
    cuban dominican haitian christian catholic baptist methodist lutheran muslim jewish
    medicaid medicare snap wic tanf ssi ssdi ssa hud section va vets veterans ebt chip
    aca obamacare marketplace aa na ca al-anon alateen nar-anon smart celebrate twelve
    big book steps step traditions serenity prayer narcan naloxone suboxone subutex sublocade
    vivitrol methadone buprenorphine naltrexone xanax klonopin ativan valium adderall ritalin
    oxy oxycontin percocet vicodin norco tramadol fentanyl heroin meth cocaine molly ecstasy
    zoloft prozac lexapro celexa paxil wellbutrin effexor cymbalta trazodone seroquel abilify
    risperdal zyprexa lithium depakote lamictal gabapentin neurontin tylenol advil motrin
    ibuprofen insulin metformin lisinopril covid covid-19 hiv aids hep hcv hbv ptsd adhd ocd
    bpd mdd gad sud oud aud smi iop php mat ed er icu ob gyn ot pt lcsw lisw lpc lpcc cdca
    cadc cpss cprs crs pss wrap cbt dbt mi emdr ua uas uds bac dui owi ovi dwi cps dcfs dss
    jfs bmv dmv irs fbi dea ice usps ups fedex atm id ids dob ssn mrn npi roi hipaa iep ged
    gps tv uber lyft facebook fb instagram ig snapchat snap tiktok
    twitter x youtube google gmail zoom teams whatsapp messenger venmo cashapp paypal
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico
    rtc si hi nos wnl sob cp loc aox3 a&o bp hr rr spo2 spo iop php pcp lmsw qmhp ccm tcm acm
    licsw lcsw pgy dpt pharmd bcc mdiv m.div msw lmhc lpc lmft cadc cprs pmhnp dnp crna aprn
    fnp bsn pa-c np-c rn-bc facp facc mph
    act cit nami samhsa cdc nih who fda ada ssn tbd asap rsvp vm od ods nkda etoh thc
    york carolina dakota ohio oklahoma oregon pennsylvania rhode island tennessee texas utah
    vermont virginia washington wisconsin wyoming usa us u.s. america united states""",
)

# Two-letter postal abbreviations: states are allowed by Safe Harbor, and they mark a city
# before them ("Dayton, OH") and a ZIP after them.
STATE_ABBREVIATIONS = words(
    """AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV
    NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR""",
)

# Capitalised words that may be a name but are far more often a sentence word; a capital
# letter alone is not enough evidence for these (context cues still apply).
WEAK_CAPITALS = words(
    """i i'm i'll i've i'd ok okay dr mr mrs ms pt client peer plan note per re cc bcc
    may will can june april august march""",
)

FIRST_NAMES = _load("first_names.txt")

SURNAMES = _load("surnames.txt")

# Titles that introduce a person's name.
TITLES = words(
    """dr dr. doctor mr mr. mrs mrs. ms ms. miss mx mx. sr sr. sra sra. srta don dona doña
    nurse officer ofc ofc. deputy det det. detective sgt sgt. sergeant lt lt. cpt capt
    judge pastor rev rev. reverend father fr fr. sister brother bishop minister prof
    deacon dea dea. bro bro. sis sis. elder imam rabbi
    professor coach atty attorney counselor therapist ssg spc pfc cpl sfc msg nurse
    aunt auntie uncle tia tía tio tío abuela abuelo grandma grandpa granny nana papa""",
)

# Role and relation words: the name usually comes right after ("her sponsor Linda").
RELATIONS = words(
    """sister brother sis bro mom mother mama mum dad father papa son daughter kid kids wife
    husband partner spouse boyfriend girlfriend bf gf fiance fiancé fiancee fiancée ex
    aunt auntie uncle cousin grandma grandmother grandpa grandfather granny nana grandson
    granddaughter nephew niece stepmom stepdad stepson stepdaughter friend bestie buddy
    roommate neighbor neighbour landlord landlady boss supervisor coworker co-worker manager
    sponsor sponsee mentor therapist counselor counsellor psychiatrist doctor pcp prescriber
    nurse cm caseworker worker po officer attorney lawyer advocate pastor priest chaplain
    teacher coach tía tia tío tio prima primo hermana hermano abuela abuelo madre padre
    hija hijo esposa esposo novia novio named called aka a.k.a nicknamed name""",
)

# Words that end an organisation name ("Riverbend Recovery Center").
ORG_SUFFIXES = words(
    """clinic clinics hospital hospitals center centre centers medical health healthcare
    services service ministries ministry church chapel cathedral temple mosque synagogue
    shelter mission house home homes foundation institute university college school
    academy elementary middle high pharmacy inc inc. llc corp corporation co company group
    associates partners network coalition alliance agency authority department dept
    court courthouse jail prison correctional penitentiary bank credit union library
    ymca ywca store market diner cafe café restaurant grill bar pub motel hotel inn lodge
    apartments towers manor village commons place plaza mall behavioral wellness recovery
    treatment counseling care living residence residences program programs project club
    pd fd ems adm charities outreach missions pantry tavern saloon lounge mortuary funeral
    cemetery detention corrections sheriff police office commission collective partnership
    drugs ci ranch legion masjid hospice rehabilitation brace institute laboratories
    laboratory lab labs imaging radiology pathology orthopedics orthopedic pediatrics
    childrens children's kitchen fitness laundromat hall tabernacle fellowship parish hs""",
)

# Chain stores, restaurants, gas stations and pharmacies that notes name as meeting places and
# workplaces ("the Kroger on Morse Rd"). One word each; two-word names are joined with "_".
# Names that are also ordinary words ("pilot", "shell", "target") count only after "the", "at",
# "to" or "from", or capitalised.
STORES = words(
    """walmart wal-mart kroger meijer aldi safeway albertsons publix winco heb h-e-b
    food_lion piggly_wiggly save-a-lot savealot costco sams_club sam's_club lidl wegmans
    giant_eagle marc's fred_meyer ralphs vons frys smiths jewel jewel-osco hy-vee cub_foods
    menards lowes lowe's home_depot dollar_general dollar_tree family_dollar five_below
    goodwill walgreens cvs rite_aid riteaid mcdonalds mcdonald's wendys wendy's burger_king
    taco_bell kfc popeyes chick-fil-a chickfila arbys arby's dennys denny's ihop waffle_house
    whataburger sonic subway dunkin starbucks tim_hortons little_caesars dominos domino's
    pizza_hut applebees applebee's chilis chili's cracker_barrel golden_corral bojangles
    hardees hardee's checkers culvers culver's white_castle jack_in_the_box in-n-out
    sheetz wawa speedway sunoco marathon bp exxon shell circle_k quiktrip qt racetrac
    casey's caseys love's loves pilot flying_j murphy_usa kwik_trip holiday valero citgo
    7-eleven 711 autozone o'reilly advance_auto big_lots rent-a-center aarons aaron's
    western_union moneygram ace_cash advance_america check_into_cash greyhound amtrak
    target kmart sears jcpenney tj_maxx ross burlington planet_fitness laundromat"""
)

# Words that end a street name; an address regex also uses these.
STREET_SUFFIXES = words(
    """street st st. avenue ave ave. road rd rd. boulevard blvd blvd. drive dr dr. lane ln
    ln. court ct ct. place pl pl. way terrace ter circle cir parkway pkwy highway hwy route
    rte trail trl square sq loop pike alley aly row crescent cres expressway expy freeway
    fwy turnpike tpke""",
)

# Words before a place name ("lives in Dayton").
PLACE_CUES = words("in from to near at outside around toward towards into visiting across")
STRONG_PLACE_CUES = words("lives living live moved moving staying stays born raised grew")


def _holds(words: frozenset[str], low: str) -> bool:
    """Whether ``words`` holds ``low`` or the word it inflects; a hyphenated word counts when
    each part does or is a single letter ("well-known", "AUDIT-C")."""
    if low in words:
        return True
    if "-" in low:
        parts = [p for p in low.split("-") if p]
        if len(parts) == 2 and parts[0] == parts[1]:
            return False  # "jun-jun": a nickname
        return bool(parts) and all(len(p) == 1 or _holds(words, p) for p in parts)
    for suffix, repl in _INFLECTIONS:
        # A stem of three letters, or of two before an "e" put back ("died" -> "die").
        if low.endswith(suffix) and len(low) - len(suffix) + len(repl) >= 3:
            stem = low[: -len(suffix)] + repl
            if stem in words:
                return True
            # Doubled consonant before -ed/-ing: "stopped" -> "stop".
            if repl == "" and len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in words:
                return True
    return False


@lru_cache(maxsize=1 << 16)
def is_common(low: str) -> bool:
    """Whether a lowercase word is an ordinary English word, allowing for inflections."""
    return _holds(COMMON, low)


def _dictionary() -> frozenset[str]:
    """The words Webster's Second (public domain, from the english-words package) writes in
    lowercase, less every name our lists hold: its capitalised entries are proper nouns."""
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], alpha=True)
    return frozenset(w for w in words if w.islower()) - FIRST_NAMES - SURNAMES


# A large dictionary, for lowercase words only: "with recurrent pain" and "per protocol" hold
# no names, while a capitalised dictionary word ("Crystal", "Baker") may well be one.
DICTIONARY = _dictionary()


@lru_cache(maxsize=1 << 16)
def in_dictionary(low: str) -> bool:
    """Whether a lowercase word (or the word it inflects) is in the large dictionary."""
    return _holds(DICTIONARY, low)


@lru_cache(maxsize=1 << 16)
def is_english(low: str) -> bool:
    """Whether a lowercase word is a common word or in the large dictionary."""
    return is_common(low) or in_dictionary(low)


_INFLECTIONS = (
    ("'s", ""),
    ("’s", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("es", ""),
    ("s", ""),
    ("ly", ""),
    ("er", ""),
    ("ers", ""),
    ("est", ""),
)

# Word endings that mark a common word even when the list above does not know it; used only
# for capitalised words at the start of a sentence, where capitals say nothing.
WORDLIKE_ENDINGS = (
    "ed",
    "ing",
    "ly",
    "tion",
    "tions",
    "sion",
    "ment",
    "ments",
    "ness",
    "ity",
    "ous",
    "ive",
    "able",
    "ible",
    "ful",
    "less",
    "ize",
    "ise",
    "ance",
    "ence",
    "ship",
)
