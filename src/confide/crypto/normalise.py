"""Normalisers that make equal-meaning values index equal.

A blind index only matches exact bytes, so "José  García" typed at intake and
"jose garcia" typed at search must normalise to the same string. Errors never
quote the value: it is an identifier and messages end up in logs.

Kinds:

``text``
    NFKC, case-folded, format characters (zero-width spaces, soft hyphens)
    removed, whitespace runs collapsed to one space, trimmed. Accents are
    kept: in free text they can change the meaning.
``name``
    As ``text``, and also accents removed ("José" == "Jose"), a few letters
    without a Unicode decomposition folded (ł→l, ø→o, đ→d, æ→ae, œ→oe, ß→ss),
    hyphens, dashes, periods, commas and underscores read as spaces
    ("Mary-Jane" == "Mary Jane", "J.R." == "J R") and apostrophes dropped
    ("O'Brien" == "OBrien"). Staff cannot always type the accents a client
    uses, and a missed match means a duplicate record.
``date``
    ISO ``YYYY-MM-DD`` or US ``M/D/YYYY`` (one or two digits for month and
    day), returned as ISO. Two-digit years and impossible dates are refused.
``phone``
    ASCII digits only (after NFKC, so full-width digits count); an 11-digit
    number starting with the US country code ``1`` loses it. Extensions are
    not recognised: their digits are kept.
``email``
    Trimmed and case-folded.

Every kind raises ``ValueError`` if nothing is left to index: indexing empty
values would make all empty values match each other.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

KINDS = frozenset({"text", "name", "date", "phone", "email"})

_NAME_FOLD = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ħ": "h",
        "ı": "i",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        # Apostrophes inside names are dropped...
        "'": None,
        "\u2019": None,  # right single quotation mark
        "\u02bc": None,  # modifier letter apostrophe
        "`": None,
        # ...and separators between name parts read as spaces.
        "-": " ",
        "\u2010": " ",  # hyphen
        "\u2011": " ",  # non-breaking hyphen
        "\u2012": " ",  # figure dash
        "\u2013": " ",  # en dash
        "\u2014": " ",  # em dash
        ".": " ",
        ",": " ",
        "_": " ",
    }
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})", re.ASCII)


def normalise(value: str, kind: str) -> str:
    """Return the canonical form of ``value`` for blind index ``kind``.

    Raises ``TypeError`` if ``value`` is not a str, ``ValueError`` for an
    unknown kind, an unparseable date or an empty result.
    """
    if not isinstance(value, str):
        raise TypeError(f"value must be a str, not {type(value).__name__}")
    if kind == "text":
        result = _normalise_text(value)
    elif kind == "name":
        result = _normalise_name(value)
    elif kind == "date":
        result = _normalise_date(value)
    elif kind == "phone":
        result = _normalise_phone(value)
    elif kind == "email":
        result = value.strip().casefold()
    else:
        raise ValueError(f"unknown index kind {kind!r}; expected one of {sorted(KINDS)}")
    if not result:
        raise ValueError(f"nothing left to index after {kind} normalisation")
    return result


def _drop_format_characters(text: str) -> str:
    # Zero-width spaces, joiners and soft hyphens are invisible on screen but
    # would make two identical-looking values index differently.
    return "".join(char for char in text if unicodedata.category(char) != "Cf")


def _collapse_whitespace(text: str) -> str:
    return " ".join(text.split())


def _normalise_text(value: str) -> str:
    # Case folding can produce non-normalised sequences, hence NFKC on both sides.
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", value).casefold())
    return _collapse_whitespace(_drop_format_characters(folded))


def _normalise_name(value: str) -> str:
    # Decompose, fold case, decompose again (folding "İ" yields "i" + a combining
    # dot), then drop the combining marks: that is what removes the accents.
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", value).casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _collapse_whitespace(_drop_format_characters(bare).translate(_NAME_FOLD))


def _normalise_date(value: str) -> str:
    text = unicodedata.normalize("NFKC", value).strip()
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif match := _US_DATE.fullmatch(text):
        month, day, year = (int(part) for part in match.groups())
    else:
        raise ValueError("not a recognised date (expected YYYY-MM-DD or M/D/YYYY)")
    try:
        return datetime.date(year, month, day).isoformat()
    except ValueError:
        raise ValueError("not a valid calendar date") from None


def _normalise_phone(value: str) -> str:
    text = unicodedata.normalize("NFKC", value)
    digits = "".join(char for char in text if char in "0123456789")
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return digits
