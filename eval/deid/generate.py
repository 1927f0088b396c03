"""Build the evaluation files from hand-written markup and self-authored templates.

Usage: .venv/bin/python eval/deid/generate.py

Writes eval/deid/notes.jsonl (dev: looked at while tuning), eval/deid/heldout.jsonl (the first
held-out set, since seen while tuning) and eval/deid/heldout2.jsonl (hand-written notes only,
held out from the second round of tuning and scored only before and after it). Each line:
{"id", "text", "known", "spans"}.

Markup: ``{LABEL|surface}`` marks a gold span. The name, place and organisation pools below
were invented for this project; templates with an even index feed the dev file, odd ones the
held-out file, and the two files draw from disjoint pools so that tuning on dev cannot leak.
eval/deid/heldout3.jsonl to heldout35.jsonl come from src/heldoutN_hand.txt alone: notes written
by hand, one at a time, by someone who had not seen the engine, each set scored once before any
tuning on it (tests/deid/test_heldout_recall.py records those first scores). Sets 5, 6, 9, 13,
16 and 18 are clinical notes (discharge summaries, ED and psychiatric notes, letters); 7, 10,
11, 14, 17, 19 and 23 mix clinical and peer-support notes; the others are peer-support notes.
Sets 14 to 20 were kept sealed during session 3 until the engine work they measure was done;
19 and 20 were never tuned on; sets 21 to 31 were written in session 4, and their misses read
in session 5, once sets 32 to 35 had been written to replace them as the sealed sets.

eval/deid/trainN.jsonl come from src/trainN_hand.txt: notes written the same way, but to train
the learned tagger (eval/deid/train_tagger.py), mostly without capitals; they are not scored.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\{([A-Z]+)\|([^{}]*)\}")


def parse_markup(marked: str) -> tuple[str, list[dict]]:
    """Strip ``{LABEL|text}`` marks, returning plain text and gold spans."""
    out: list[str] = []
    spans: list[dict] = []
    pos = 0
    length = 0
    for m in MARK.finditer(marked):
        before = marked[pos : m.start()]
        out.append(before)
        length += len(before)
        surface = m.group(2)
        spans.append({"start": length, "end": length + len(surface), "label": m.group(1)})
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans


def mark(label: str, surface: str) -> str:
    return "{" + label + "|" + surface + "}"


def read_hand(path: Path) -> list[dict]:
    notes: list[dict] = []
    blocks = path.read_text(encoding="utf-8").split("### id=")[1:]
    for block in blocks:
        lines = block.rstrip("\n").split("\n")
        note_id = lines[0].strip()
        known: dict = {}
        body = lines[1:]
        if body and body[0].startswith("known: "):
            known = json.loads(body[0][len("known: ") :])
            body = body[1:]
        text, spans = parse_markup("\n".join(body).strip())
        notes.append({"id": note_id, "text": text, "known": known, "spans": spans})
    return notes


# --- Pools: invented for this project, split into two disjoint halves. -----------------------
POOLS = {
    "dev": {
        "first": [
            "Delphine",
            "Arturo",
            "Keisha",
            "Bronson",
            "Marisela",
            "Tobias",
            "Yolanda",
            "Ezequiel",
            "Brandi",
            "Corwin",
            "Nayeli",
            "Desmond",
            "Latrice",
            "Wendell",
            "Araceli",
            "Hollis",
            "Tamika",
            "Everett",
            "Consuelo",
            "Jarvis",
        ],
        "last": [
            "Pruitt",
            "Velazquez",
            "Ashby",
            "Nwosu",
            "Garibay",
            "Tolliver",
            "Krajewski",
            "Benavides",
            "Hensley",
            "Oduya",
            "Carrington",
            "Zamora",
            "Blevins",
            "Matsuda",
            "Quintero",
            "Shelton",
            "Varga",
            "Lockhart",
        ],
        "nick": ["Dee", "Turo", "Kiki", "Bron", "Mari", "Toby", "Yoli", "Cheque", "Bran", "Cory"],
        "city": [
            "Millbrook",
            "Coalton",
            "Harrisburg",
            "Zanesfield",
            "Pomeroy",
            "Gallion",
            "Ashtabula",
            "Wapakoneta",
            "Bellefontaine",
            "Circleville",
        ],
        "street": [
            "Maplewood",
            "Cherry",
            "Hollow",
            "Sycamore",
            "Fairview",
            "Ridgewood",
            "Brandt",
            "Walnut",
            "Creek",
            "Ostrander",
            "Linden",
        ],
        "org": [
            "Harbor Light Clinic",
            "Grace Point Recovery",
            "Pathways Wellness Center",
            "St. Cecilia's Hospital",
            "Eastgate Counseling",
            "Blue Heron Treatment Center",
        ],
    },
    "heldout": {
        "first": [
            "Rosalind",
            "Fermin",
            "Tanisha",
            "Clayton",
            "Ximena",
            "Bartholomew",
            "Dorinda",
            "Ignacio",
            "Shaniqua",
            "Leopold",
            "Itzel",
            "Montgomery",
            "Roxanne",
            "Efrain",
            "Charmaine",
            "Thaddeus",
            "Milagros",
            "Barrett",
        ],
        "last": [
            "Haskins",
            "Villarreal",
            "Oyelowo",
            "Dombrowski",
            "Caballero",
            "Threlkeld",
            "Amundsen",
            "Figueroa",
            "Stroud",
            "Okonkwo",
            "Pennington",
            "Ybarra",
            "Sandoval",
            "Kettering",
            "Moncrief",
            "Lachance",
        ],
        "nick": ["Roz", "Fer", "Tani", "Clay", "Xime", "Bart", "Dori", "Nacho", "Shan", "Leo"],
        "city": [
            "Fostoria",
            "Lisbon",
            "Uhrichsville",
            "Minerva",
            "Caldwell",
            "Jackson",
            "Portsmouth",
            "Galion",
            "Bucyrus",
            "Norwalk",
        ],
        "street": [
            "Poplar",
            "Bluff",
            "Tanager",
            "Hawthorne",
            "Ironwood",
            "Kenyon",
            "Birchmont",
            "Wexford",
            "Larkspur",
            "Quarry",
            "Tamarack",
        ],
        "org": [
            "Riverside Behavioral Health",
            "New Dawn Recovery House",
            "Mercy Crossroads Clinic",
            "St. Jude's Outreach Center",
            "Northfield Family Health",
            "Lighthouse Peer Services",
        ],
    },
}

REL = [
    "sister",
    "brother",
    "mom",
    "dad",
    "aunt",
    "cousin",
    "sponsor",
    "landlord",
    "son",
    "daughter",
    "grandma",
    "roommate",
]
SUFFIX = ["St", "Street", "Ave", "Avenue", "Rd", "Road", "Dr", "Ln", "Blvd", "Ct"]
MONTHS = "January February March April May June July August September October November December"


def fmt_phone(rng: random.Random) -> str:
    a, b, c = rng.randint(201, 989), rng.randint(200, 999), rng.randint(0, 9999)
    style = rng.randint(0, 5)
    if style == 0:
        return f"({a}) {b}-{c:04d}"
    if style == 1:
        return f"{a}-{b}-{c:04d}"
    if style == 2:
        return f"{a}.{b}.{c:04d}"
    if style == 3:
        return f"{a}{b}{c:04d}"
    if style == 4:
        return f"+1 {a} {b} {c:04d}"
    return f"1-{a}-{b}-{c:04d}"


def fmt_date(rng: random.Random) -> str:
    y, m, d = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
    month = MONTHS.split()[m - 1]
    style = rng.randint(0, 7)
    return [
        f"{m}/{d}/{y}",
        f"{m:02d}/{d:02d}/{y % 100:02d}",
        f"{y}-{m:02d}-{d:02d}",
        f"{month} {d}, {y}",
        f"{month[:3]} {d}",
        f"{d} {month} {y}",
        f"{m}-{d}-{y % 100:02d}",
        f"{month[:3]}. {d}th",
    ][style]


def fmt_dob(rng: random.Random) -> str:
    y, m, d = rng.randint(1940, 2004), rng.randint(1, 12), rng.randint(1, 28)
    return f"{y}-{m:02d}-{d:02d}"


def dob_surface(iso: str, rng: random.Random) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    month = MONTHS.split()[m - 1]
    return rng.choice([f"{m}/{d}/{y}", f"{m:02d}-{d:02d}-{y % 100:02d}", f"{month} {d}, {y}"])


def medicaid(rng: random.Random) -> str:
    style = rng.randint(0, 2)
    if style == 0:
        return f"{rng.randint(10**11, 10**12 - 1)}"
    if style == 1:
        letters = "".join(rng.choice("ABCDEFGHJKMNPRSTWXYZ") for _ in range(2))
        return f"{letters}{rng.randint(10**6, 10**7 - 1)}"
    return f"{rng.randint(100, 999)}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}"


# Templates receive a dict of marked-up values and return marked-up text.
TEMPLATES = [
    "Called {client} at {phone}, no answer. Left msg. Her {rel} {other} said she went to "
    "{org} on {date}.",
    "{client_lc} txted: cant make it 2day, at my {rel}s in {city}. call {phone} l8r",
    "Met w/ {client} at {org}. Client reports {rel} {other} has been helping w/ rides. "
    "Medicaid {mcd} renewal due {date}.",
    "Client {client} (DOB {dob}) arrived late. Discussed relapse triggers. {rel_cap} {other} "
    "lives at {addr}, {city}. Next mtg {date}.",
    "Peer accompanied {client} to court. {title_other} presiding. Client's attorney emailed "
    "from {email}. Continued to {date}.",
    "{client} is a {age} yo who is staying w/ {rel} {other_lc} on {street_only}. "
    "Wants referral to {org}.",
    "Home visit {date}. {client} and {rel} {other} present. Landlord {title_other} wants "
    "them out by end of month. Address {addr}, {city} OH {zip}.",
    'Voicemail from {client}: "hey its me, new number {phone}, my {rel} {other_lc} '
    'took my phone". Returned call {date}.',
    "{client}'s case manager {other} at {org} ({phone}) asked for update. Sent ROI.",
    "Group: {client}, {other}, {other2} attended. {other2} celebrated 90 days. "
    "Next group {date} at {org}.",
    "Client {client} asked me to write a letter to {org}. Her email is {email}. Her ID # {mcd}.",
    "{client_lc} said {nick} is what everyone calls her. Her {rel} {other} drove her to "
    "{city} for detox on {date}.",
    "Transport to {org} for intake. {client} ({age} y/o) brought his insurance card, "
    "member ID {mcd}. {rel_cap} {other} to pick up at 3.",
    "Checked in with {client} re: housing. Applied at {org}. Unit at {addr} in {city} "
    "available {date}. Contact {title_other} {phone}.",
    "{client} reports sponsor {other} relapsed. Client shaken but sober. Meeting tonight "
    "at {org} on {street_only}.",
    "Spoke w/ {client} (aka {nick}) — {age} years old, lives in {city}. Got kicked out by "
    "{rel} {other} after argument {date}. Email {email}.",
]


def render(template: str, pool: dict, rng: random.Random, n: int, split: str) -> dict:
    first, last = rng.choice(pool["first"]), rng.choice(pool["last"])
    nick = rng.choice(pool["nick"])
    o_first, o_last = rng.choice(pool["first"]), rng.choice(pool["last"])
    o2 = rng.choice(pool["first"])
    city = rng.choice(pool["city"])
    street = rng.choice(pool["street"])
    suffix = rng.choice(SUFFIX)
    number = rng.randint(3, 9899)
    phone = fmt_phone(rng)
    dob = fmt_dob(rng)
    mcd = medicaid(rng)
    email = f"{first.lower()}{rng.choice(['.', '_', ''])}{last.lower()}{rng.randint(1, 99)}"
    email += "@" + rng.choice(["gmail.com", "yahoo.com", "hotmail.com", "icloud.com"])
    zipc = f"{rng.randint(43001, 45999)}"
    client_surface = rng.choice([first, f"{first} {last}", f"{first} {last[0]}."])
    other_surface = rng.choice([o_first, f"{o_first} {o_last}"])
    title = rng.choice(["Mr.", "Ms.", "Mrs.", "Judge", "Dr."])
    age = rng.choice([rng.randint(19, 70), rng.randint(19, 70), rng.randint(90, 99)])
    values = {
        "client": mark("PERSON", client_surface),
        "client_lc": mark("PERSON", first.lower()),
        "nick": mark("PERSON", nick),
        "rel": rng.choice(REL),
        "other": mark("PERSON", other_surface),
        "other_lc": mark("PERSON", o_first.lower()),
        "other2": mark("PERSON", o2),
        "title_other": mark("PERSON", " ".join([title, o_last])),
        "org": mark("ORG", rng.choice(pool["org"])),
        "city": mark("LOCATION", city),
        "phone": mark("PHONE", phone),
        "email": mark("EMAIL", email),
        "date": mark("DATE", fmt_date(rng)),
        "dob": mark("DATE", dob_surface(dob, rng)),
        "mcd": mark("ID", mcd),
        "addr": mark("ADDRESS", " ".join(str(v) for v in (number, street, suffix))),
        "street_only": mark("ADDRESS", " ".join([street, suffix])),
        "zip": mark("ZIP", zipc),
        "age": mark("AGE", str(age)),
    }
    values["rel_cap"] = values["rel"].capitalize()
    marked = template.format(**values)
    text, spans = parse_markup(marked)
    known: dict = {}
    if rng.random() < 0.6:
        known = {"names": [f"{first} {last}"], "nicknames": [nick]}
        if rng.random() < 0.5:
            known["phones"] = [phone]
            known["dates_of_birth"] = [dob]
        if rng.random() < 0.5:
            known["ids"] = [mcd]
            known["other_people"] = [f"{o_first} {o_last}"]
    return {"id": f"{split}-tpl-{n:03d}", "text": text, "known": known, "spans": spans}


def templated(split: str, count: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    parity = 0 if split == "dev" else 1
    # Half the templates per split: tuning on dev never sees the held-out templates.
    chosen = [t for i, t in enumerate(TEMPLATES) if i % 2 == parity]
    return [render(chosen[n % len(chosen)], POOLS[split], rng, n, split) for n in range(count)]


def write(path: Path, notes: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for note in notes:
            f.write(json.dumps(note, ensure_ascii=False) + "\n")


def main() -> None:
    dev = read_hand(HERE / "src" / "dev_hand.txt") + templated("dev", 70, seed=11)
    held = read_hand(HERE / "src" / "heldout_hand.txt") + templated("heldout", 70, seed=29)
    write(HERE / "notes.jsonl", dev)
    write(HERE / "heldout.jsonl", held)
    counts = [f"dev {len(dev)} notes", f"held-out {len(held)}"]
    for number in range(2, 36):
        source = HERE / "src" / f"heldout{number}_hand.txt"
        if source.exists():
            notes = read_hand(source)
            write(HERE / f"heldout{number}.jsonl", notes)
            counts.append(f"held-out {number} {len(notes)}")
    for source in sorted((HERE / "src").glob("train*_hand.txt")):
        notes = read_hand(source)
        name = source.name.removesuffix("_hand.txt")
        write(HERE / f"{name}.jsonl", notes)
        counts.append(f"{name} {len(notes)}")
    print(", ".join(counts))


if __name__ == "__main__":
    main()
