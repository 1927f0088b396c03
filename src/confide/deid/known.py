"""Identifiers the system already knows about a client, and finding them in any variant.

Names match case- and accent-insensitively, as the full name, each part, first + last, with a
possessive, as common diminutives ("Robert" -> "Bob") and as an initial followed by a full
stop ("R."). A name part that is also an ordinary word ("Will", "Hope") matches only when
capitalised, or we would redact every "will". Phones match in any punctuation, ids ignoring
separators and case, dates of birth in any date format, address parts one by one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache

from .dates import DateMention, find_dates, parse_date
from .lexicon import WEAK_CAPITALS, is_common
from .normalise import fold
from .scan import scan
from .spans import Span

_DIMINUTIVES = {
    "robert": "rob bob bobby robbie bert",
    "william": "will bill billy willy liam",
    "richard": "rick ricky rich richie dick",
    "james": "jim jimmy jamie",
    "john": "johnny jack",
    "joseph": "joe joey jojo",
    "michael": "mike mikey mick",
    "thomas": "tom tommy",
    "christopher": "chris topher",
    "anthony": "tony",
    "daniel": "dan danny",
    "david": "dave davey",
    "edward": "ed eddie ted ned",
    "elizabeth": "liz lizzy lizzie beth betty eliza libby",
    "margaret": "maggie meg peggy marge",
    "katherine": "kate katie kathy kat",
    "catherine": "cate cathy kate katie cat",
    "kathryn": "kate katie kathy",
    "jennifer": "jen jenny jenn",
    "jessica": "jess jessie",
    "patricia": "pat patty tricia trish",
    "susan": "sue suzy",
    "deborah": "deb debbie",
    "rebecca": "becky becca",
    "samantha": "sam sammy",
    "samuel": "sam sammy",
    "alexander": "alex xander",
    "alexandra": "alex lexi sandra",
    "nicholas": "nick nicky",
    "jonathan": "jon jonny",
    "benjamin": "ben benny",
    "matthew": "matt matty",
    "andrew": "andy drew",
    "stephen": "steve stevie",
    "steven": "steve stevie",
    "timothy": "tim timmy",
    "gregory": "greg",
    "jeffrey": "jeff",
    "kenneth": "ken kenny",
    "lawrence": "larry",
    "ronald": "ron ronnie",
    "donald": "don donnie",
    "raymond": "ray",
    "gerald": "jerry",
    "francis": "fran frank frankie",
    "frances": "fran frannie",
    "francisco": "paco pancho frank cisco",
    "jose": "pepe chepe",
    "jesus": "chuy",
    "guadalupe": "lupe lupita",
    "alejandro": "alex ale jandro",
    "guillermo": "memo",
    "roberto": "beto",
    "alberto": "beto",
    "eduardo": "lalo eddie",
    "enrique": "quique kike",
    "ignacio": "nacho",
    "antonio": "tony tono",
    "manuel": "manny",
    "rafael": "rafa",
    "maria": "mari",
    "dolores": "lola lolita",
    "graciela": "chela",
    "teresa": "tere tess tessa terry",
    "theresa": "tess tessa terry",
    "mercedes": "meche",
    "rosario": "chayo",
    "victoria": "vicky tori",
    "christina": "chris tina",
    "christine": "chris tina",
    "angela": "angie",
    "dorothy": "dot dottie",
    "virginia": "ginny",
    "barbara": "barb",
    "sandra": "sandy",
    "cynthia": "cindy",
    "kimberly": "kim",
    "michelle": "shelly",
    "pamela": "pam",
    "jacqueline": "jackie",
    "gabriel": "gabe",
    "gabriela": "gabby gabi",
    "isabel": "izzy bella",
    "isabella": "izzy bella",
    "joshua": "josh",
    "zachary": "zach zack",
    "nathaniel": "nate nat",
    "nathan": "nate",
    "jacob": "jake",
    "charles": "charlie chuck",
    "henry": "hank",
    "harold": "hal harry",
    "walter": "walt",
    "albert": "al bert",
    "leonard": "leo len lenny",
    "theodore": "ted teddy theo",
    "douglas": "doug",
    "phillip": "phil",
    "philip": "phil",
    "eugene": "gene",
    "vincent": "vince vinny",
    "dominic": "dom",
    "jeremiah": "jerry",
}

_KEYS = (
    "names",
    "nicknames",
    "phones",
    "emails",
    "addresses",
    "dates_of_birth",
    "ids",
    "other_people",
    "places",
)


@dataclass(frozen=True)
class KnownIdentifiers:
    """What the system knows about one client. Every field is optional.

    ``names``/``nicknames`` are the client's; ``other_people`` are family and contacts; ``places``
    are towns and places the client is tied to; ``addresses`` are free strings such as
    "412 Maple Ave Apt 3, Dayton, OH 45402"; ``dates_of_birth`` are `date` objects or strings
    in any common format.
    """

    names: tuple[str, ...] = ()
    nicknames: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    addresses: tuple[str, ...] = ()
    dates_of_birth: tuple[date | str, ...] = ()
    ids: tuple[str, ...] = ()
    other_people: tuple[str, ...] = ()
    places: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        # Accept lists for convenience but store tuples, so the object is hashable and the
        # compiled matcher can be cached.
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, str | date) or not isinstance(value, Iterable):
                raise TypeError(f"{f.name} must be a list, not {type(value).__name__}")
            object.__setattr__(self, f.name, tuple(value))

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> KnownIdentifiers:
        """Build from the JSON "known" object. Raises ValueError on unknown keys or bad types."""
        if not isinstance(data, Mapping):
            raise ValueError("known must be an object")
        unknown = set(data) - set(_KEYS)
        if unknown:
            raise ValueError(f"unknown key(s) in known: {', '.join(sorted(unknown))}")
        values: dict[str, tuple[str, ...]] = {}
        for key in _KEYS:
            raw = data.get(key, [])
            if isinstance(raw, str):
                raw = [raw]
            if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
                raise ValueError(f"known.{key} must be a list of strings")
            values[key] = tuple(v for v in raw if v.strip())
        return cls(**values)

    def is_empty(self) -> bool:
        return not any(getattr(self, key) for key in _KEYS)


def find_known(
    text: str,
    known: KnownIdentifiers,
    folded: str | None = None,
    dates: list[DateMention] | None = None,
) -> list[Span]:
    """Spans of ``text`` matching ``known``; all have source "known".

    ``folded`` is ``fold(text)`` and ``dates`` is ``find_dates(text)`` when the caller has them.
    """
    if known.is_empty():
        return []
    matcher = _compile(known)
    return matcher.find(text, folded, dates)


@dataclass(frozen=True)
class _Matcher:
    folded: tuple[tuple[re.Pattern[str], str, str], ...]  # run over fold(text)
    exact: tuple[tuple[re.Pattern[str], str, str], ...]  # run over the original text
    dobs: tuple[date, ...]

    def find(
        self, text: str, folded: str | None = None, dates: list[DateMention] | None = None
    ) -> list[Span]:
        spans: list[Span] = []
        folded_text = fold(text) if folded is None else folded
        for regex, label, detail in self.folded:
            spans.extend(Span(*m.span(), label, "known", detail) for m in scan(regex, folded_text))
        for regex, label, detail in self.exact:
            spans.extend(Span(*m.span(), label, "known", detail) for m in scan(regex, text))
        if self.dobs:
            for mention in find_dates(text, folded_text) if dates is None else dates:
                if any(_same_date(mention, dob) for dob in self.dobs):
                    spans.append(Span(mention.start, mention.end, "DATE", "known", "dob"))
        return spans


def _same_date(mention: DateMention, dob: date) -> bool:
    if mention.month != dob.month or mention.day != dob.day:
        return False
    return mention.year is None or mention.year == dob.year


def _alternation(variants: Iterable[str]) -> str:
    ordered = sorted(set(variants), key=len, reverse=True)
    return "|".join(ordered)


def _flexible(words: list[str]) -> str:
    """Words separated by any run of spaces, hyphens or commas."""
    return r"[\s,-]+".join(re.escape(w) for w in words)


@lru_cache(maxsize=256)
def _compile(known: KnownIdentifiers) -> _Matcher:
    folded: list[tuple[re.Pattern[str], str, str]] = []
    exact: list[tuple[re.Pattern[str], str, str]] = []
    people = [(n, "client") for n in known.names + known.nicknames]
    # Other people carry their folded name, so one packet's documents share a pseudonym.
    people += [(n, "other:" + " ".join(fold(n).split())) for n in known.other_people]
    for name, detail in people:
        loose, strict, initials = _name_variants(name)
        if loose:
            pattern = rf"(?<![\w@.])(?:{_alternation(loose)})(?!\w)"
            folded.append((re.compile(pattern), "PERSON", detail))
        if strict or initials:
            alternatives = [re.escape(v) for v in strict] + initials
            pattern = rf"(?<![\w@.])(?:{'|'.join(alternatives)})(?![\w])"
            exact.append((re.compile(pattern), "PERSON", detail))
    for place in known.places:
        words = fold(place).split()
        if words:
            folded.append((re.compile(rf"(?<!\w){_flexible(words)}(?!\w)"), "LOCATION", "client"))
    for phone in known.phones:
        regex = _phone_regex(phone)
        if regex:
            folded.append((regex, "PHONE", "client"))
    for email in known.emails:
        email = fold(email.strip())
        variants = [re.escape(email)]
        local = email.split("@")[0]
        if len(local) >= 4 and not is_common(local):
            variants.append(re.escape(local))
        pattern = rf"(?<![\w.])(?:{'|'.join(variants)})(?![\w])"
        folded.append((re.compile(pattern), "EMAIL", "client"))
    for ident in known.ids:
        for regex in _id_regexes(ident):
            folded.append((regex, "ID", "client"))
    for address in known.addresses:
        folded.extend(_address_regexes(address))
    dobs = tuple(d for d in (parse_date(v) for v in known.dates_of_birth) if d is not None)
    return _Matcher(tuple(folded), tuple(exact), dobs)


def _name_variants(name: str) -> tuple[list[str], list[str], list[str]]:
    """(folded regex variants, exact capitalised variants, initial regexes) for a name."""
    parts = [p.strip(".,") for p in re.split(r"[\s,]+", fold(name.strip())) if p.strip(".,")]
    raw_parts = [p.strip(".,") for p in re.split(r"[\s,]+", name.strip()) if p.strip(".,")]
    loose: list[str] = []
    strict: list[str] = []
    initials: list[str] = []
    if not parts:
        return loose, strict, initials
    words = [p for p in parts if len(p) > 1]
    if len(words) > 1:
        loose.append(_flexible(words))
        loose.append(_flexible([words[0], words[-1]]))
        loose.append(_flexible(list(reversed([words[0], words[-1]]))))
    candidates = set(words)
    for part in list(words):
        for piece in part.split("-"):
            if len(piece) > 1:
                candidates.add(piece)
    for nick in _DIMINUTIVES.get(words[0] if words else "", "").split():
        candidates.add(nick)
    for cand in candidates:
        if is_common(cand) or cand in WEAK_CAPITALS:
            # "Will", "Hope", "Rich": capitalised or upper case only.
            strict.extend([cand.capitalize(), cand.upper()])
        else:
            loose.append(_flexible(cand.split("-")) if "-" in cand else re.escape(cand))
    first_raw = next((p for p in raw_parts if p[:1].isalpha()), "")
    if first_raw:
        letter = re.escape(first_raw[0].upper())
        # "R." before a space, a possessive or punctuation: "R.'s sister", "(R.)", "R.,".
        initials.append(rf"{letter}\.(?!\w)")
        if len(raw_parts) > 1 and raw_parts[-1][:1].isalpha():
            last = re.escape(raw_parts[-1][0].upper())
            initials.append(rf"{letter}\.\s?{last}\.?")
            initials.append(rf"{letter}{last}(?!\w)")
    return loose, strict, initials


def _phone_regex(phone: str) -> re.Pattern[str] | None:
    digits = re.sub(r"\D", "", phone)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) < 7:
        return None
    sep = r"[\s().+-]{0,3}"
    full = sep.join(digits)
    local = sep.join(digits[-7:])
    return re.compile(rf"(?<!\d)(?:\+?1{sep})?(?:{full}|{local})(?!\d)")


def _id_regexes(ident: str) -> list[re.Pattern[str]]:
    compact = re.sub(r"[^0-9a-z]", "", fold(ident))
    chunks = [re.sub(r"[^0-9a-z]", "", c) for c in fold(ident).split()]
    forms = {compact} | {c for c in chunks if len(c) >= 4 and any(ch.isdigit() for ch in c)}
    out = []
    for form in sorted(forms, key=len, reverse=True):
        if len(form) < 4:
            continue
        body = r"[\s./-]?".join(re.escape(c) for c in form)
        out.append(re.compile(rf"(?<![0-9a-z]){body}(?![0-9a-z])"))
    return out


_SUFFIX_FORMS = {
    "st": "st|street",
    "street": "st|street",
    "ave": "ave|avenue|av",
    "avenue": "ave|avenue|av",
    "rd": "rd|road",
    "road": "rd|road",
    "dr": "dr|drive",
    "drive": "dr|drive",
    "ln": "ln|lane",
    "lane": "ln|lane",
    "blvd": "blvd|boulevard",
    "boulevard": "blvd|boulevard",
    "ct": "ct|court",
    "court": "ct|court",
    "pl": "pl|place",
    "place": "pl|place",
}


def _address_regexes(address: str) -> list[tuple[re.Pattern[str], str, str]]:
    out: list[tuple[re.Pattern[str], str, str]] = []
    for part in (p.strip() for p in fold(address).split(",")):
        if not part:
            continue
        words = part.replace(".", " ").split()
        zips = [w for w in words if re.fullmatch(r"\d{5}(?:-\d{4})?", w)]
        for z in zips:
            out.append(
                (re.compile(rf"(?<!\d){re.escape(z[:5])}(?:-\d{{4}})?(?!\d)"), "ZIP", "client")
            )
        words = [w for w in words if w not in zips]
        if not words or (len(words) == 1 and len(words[0]) == 2):
            continue  # nothing left, or a state abbreviation: allowed by Safe Harbor
        if words[0][0].isdigit():
            out.extend(_street_regexes(words))
        else:
            out.append((re.compile(rf"(?<!\w){_flexible(words)}(?!\w)"), "LOCATION", "client"))
    return out


def _street_regexes(words: list[str]) -> list[tuple[re.Pattern[str], str, str]]:
    number, rest = words[0], words[1:]
    unit_at = next((i for i, w in enumerate(rest) if w in ("apt", "apartment", "unit", "#")), None)
    unit = rest[unit_at + 1 :] if unit_at is not None else []
    street = rest[:unit_at] if unit_at is not None else rest
    out: list[tuple[re.Pattern[str], str, str]] = []
    if street:
        suffix = street[-1]
        has_suffix = suffix in _SUFFIX_FORMS and len(street) > 1
        name = _flexible(street[:-1] if has_suffix else street)
        number_re = re.escape(number)
        if has_suffix:
            suffix_re = rf"[\s-]+(?:{_SUFFIX_FORMS[suffix]})\b\.?"
            # The street name alone ("Main") is too common a word: ask for number or suffix.
            pattern = rf"(?<!\w)(?:{number_re}\s+{name}(?:{suffix_re})?|{name}{suffix_re})"
        else:
            pattern = rf"(?<!\w){number_re}\s+{name}(?!\w)"
        out.append((re.compile(pattern), "ADDRESS", "client"))
    if unit:
        u = re.escape(unit[-1].lstrip("#"))
        pattern = rf"(?:apt|apartment|unit|#)\.?\s*#?\s*{u}(?!\w)"
        out.append((re.compile(pattern), "ADDRESS", "client"))
    return out
