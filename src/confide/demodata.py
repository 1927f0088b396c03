"""The synthetic demo organisation (people from ../shared/SCENARIOS.md; all invented).

Idempotent: running it twice leaves one copy. Demo accounts are flagged so that
`confide demo --code` may print their current MFA code and nobody else's.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from confide.access.services import do_break_glass
from confide.accounts.devices import AuthenticatorDevice
from confide.accounts.models import Role, User
from confide.clients.models import Client
from confide.clients.services import do_assign, do_create_client
from confide.notes.services import do_create_draft, do_sign_note
from confide.vault.fields import search_token

DEMO_PASSWORD = "peer-support-demo"  # noqa: S105 -- demo accounts only, printed on purpose
DEMO_STAFF = [
    ("dana", "Dana Whitfield", Role.PEER_SUPPORTER),
    ("alex", "Alex Moreno", Role.PEER_SUPPORTER),
    ("jo", "Jo Okafor", Role.PEER_SUPPORTER),
    ("kai", "Kai Brennan", Role.PEER_SUPPORTER),
    ("lee", "Lee Tanaka", Role.SUPERVISOR),
    ("rene", "René Abara", Role.SUPERVISOR),
    ("sam", "Sam Bergstrom", Role.PRIVACY_OFFICER),
    ("morgan", "Morgan Reyes", Role.ADMINISTRATOR),
    ("pat", "Pat Lindqvist", Role.AUDITOR),
]
WORKERS = ("dana", "alex", "jo", "kai")
# Invented for this project; combined at random so no real person is described.
_FIRST = [
    "Rosa",
    "Tomas",
    "Keisha",
    "Arturo",
    "Mina",
    "Devon",
    "Lupe",
    "Harold",
    "Imani",
    "Wes",
    "Noor",
    "Callum",
    "Beatriz",
    "Ojo",
    "Marisol",
    "Teodoro",
    "Anouk",
    "Bashir",
    "Greta",
    "Lionel",
    "Yesenia",
    "Corwin",
    "Dalia",
    "Emeka",
    "Fenna",
    "Gideon",
    "Hollis",
    "Ines",
]
_LAST = [
    "Ferrante",
    "Quill",
    "Oduya",
    "Marchetti",
    "Svoboda",
    "Halloran",
    "Ruiz-Paz",
    "Nakamura",
    "Brandt",
    "Achterberg",
    "Velasquez",
    "Okonkwo",
    "Lindgren",
    "Castellano",
    "Pryce",
    "Dunmore",
    "Abernathy",
    "Soto",
    "Wexford",
    "Kowalczyk",
]
_NOTE_TEXT = (
    "Met at the library. Talked through the week and the housing waitlist; agreed to call "
    "the office together on Monday.",
    "Phone check-in. Sleeping better, still anxious about the hearing. Practised what to say.",
    "Walked to the food pantry together. Shared some of my own recovery story when asked.",
    "Text exchange about the support group time. Confirmed a ride for Thursday.",
    "Outreach visit. Brought the bus pass application; filled in the first page together.",
)


def _staff() -> dict[str, User]:
    users = {}
    for username, display_name, role in DEMO_STAFF:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(
                username=username,
                password=DEMO_PASSWORD,
                display_name=display_name,
                role=role,
                is_demo=True,
            )
            AuthenticatorDevice.objects.create(user=user, name="authenticator", confirmed=True)
        users[username] = user
    return users


def _scenario_client(staff: dict[str, User]) -> None:
    """R., Dana's new client from the coffee-shop scenario, with the concert-ticket notes."""
    dana = staff["dana"]
    client = do_create_client(
        legal_name="Ramona Estrada-Villalobos",
        preferred_name="R.",
        pronouns="she/her",
        date_of_birth=datetime.date(1991, 4, 17),
        phone="555-014-7781",
        emergency_contact="Lucía (sister), 555-014-9920",
        language="es",
        acting_user=dana,
    )
    today = timezone.localdate()
    for days_ago, text in (
        (
            9,
            "First meeting at the coffee shop on Alder Street. Went through the explainer in "
            "Spanish. R. asked whether a court could see her notes.",
        ),
        (
            2,
            "R. offered me two tickets to a concert on Saturday as a thank-you. Her sister "
            "Lucía is going too. I said I would think about it and check with my supervisor.",
        ),
    ):
        note = do_create_draft(
            client,
            acting_user=dana,
            session_date=today - datetime.timedelta(days=days_ago),
            contact_type="in_person",
            duration_minutes=45,
            tags=[],
            body=text,
        )
        do_sign_note(note, acting_user=dana)


def _find_r() -> Client | None:
    return Client.objects.filter(
        legal_name_index=search_token("client-name", "Ramona Estrada-Villalobos", "name")
    ).first()


def _consents_and_disclosures(staff: dict[str, User]) -> None:
    """Scenarios 1, 4 and 5: R.'s verbal consent to identified supervision with Lee, her
    release to her therapist (since revoked), and a crisis disclosure awaiting review."""
    from confide.consent.models import ConsentForm
    from confide.consent.services import (
        do_add_recipient,
        do_record_consent,
        do_record_disclosure,
        do_revoke_consent,
    )

    r = _find_r()
    if r is None or r.consents.exists():
        return
    dana, today = staff["dana"], timezone.localdate()
    spanish = ConsentForm.objects.get(version=1, language="es")
    lee = do_add_recipient(r, acting_user=dana, kind="staff", staff=staff["lee"])
    do_record_consent(
        r,
        acting_user=dana,
        form=spanish,
        purposes=["identified_supervision"],
        categories=["identity", "notes"],
        recipients=[lee],
        starts_on=today - datetime.timedelta(days=9),
        expires_on=today + datetime.timedelta(days=20),
        expiry_event="",
        method="verbal",
        witness=staff["alex"],
        attestation="Read the form aloud in Spanish at the coffee shop; R. agreed that Lee may "
        "know who she is when we talk about her. Alex listened on the phone.",
    )
    therapist = do_add_recipient(
        r,
        acting_user=dana,
        kind="person",
        name="Dr. Winifred Ames",
        organisation="Riverbend Counseling",
    )
    release = do_record_consent(
        r,
        acting_user=dana,
        form=spanish,
        purposes=["release_of_information"],
        categories=["attendance"],
        recipients=[therapist],
        starts_on=today - datetime.timedelta(days=8),
        expires_on=None,
        expiry_event="when I leave the program",
        method="typed",
        signature="Ramona E. V.",
    )
    do_record_disclosure(
        r,
        acting_user=dana,
        recipient=therapist,
        disclosed_at=timezone.now() - datetime.timedelta(days=5),
        how="phone",
        purpose="release_of_information",
        categories=["attendance"],
        notes=[],
        description="Confirmed the dates R. attended this month.",
    )
    do_revoke_consent(release, acting_user=dana, note="R. called: nothing more to her therapist.")
    crisis = do_add_recipient(
        r, acting_user=dana, kind="organisation", organisation="County mobile crisis team"
    )
    do_record_disclosure(
        r,
        acting_user=dana,
        recipient=crisis,
        disclosed_at=timezone.now() - datetime.timedelta(days=1),
        how="phone",
        purpose="",
        categories=["identity"],
        notes=[],
        exception="imminent_risk",
        description="Her location and the plan she described.",
        justification="R. described a specific plan to harm herself; followed the safety "
        "procedure and called the mobile crisis team.",
    )


def _explainer_delivery(staff: dict[str, User]) -> None:
    """Dana went through the Spanish explainer with R. at their first meeting (once)."""
    from confide.explainers.models import ExplainerDelivery
    from confide.explainers.services import (
        current_explainer,
        do_record_delivery,
        ensure_default_explainers,
    )

    ensure_default_explainers()
    r = _find_r()
    spanish = current_explainer("es")
    if r is None or spanish is None or ExplainerDelivery.objects.filter(client=r).exists():
        return
    do_record_delivery(
        r,
        explainer=spanish,
        method="spoken",
        teach_back_confirmed=spanish.teach_back_points[1:3],
        questions="¿Un juez puede pedir lo que te cuento? Tengo una audiencia en marzo.",
        acting_user=staff["dana"],
        delivered_at=timezone.now() - datetime.timedelta(days=9),
    )


def _supervision_packet(staff: dict[str, User]) -> None:
    """Scenario 3: Dana asks Lee about R.'s concert tickets in a de-identified packet (once)."""
    from confide.supervision.models import Packet
    from confide.supervision.services import do_create_packet, do_reply, do_share_packet

    r = _find_r()
    if r is None or Packet.objects.filter(client=r).exists():
        return
    notes = list(r.notes.filter(status="signed", author=staff["dana"]).order_by("session_date"))
    if not notes:
        return
    packet = do_create_packet(
        r,
        acting_user=staff["dana"],
        notes=notes[-2:],
        question=(
            "R. offered me two concert tickets as a thank-you, and her sister Lucía will be "
            "there. Can I accept, or how do I say no without hurting our connection?"
        ),
    )
    do_share_packet(packet, acting_user=staff["dana"], supervisor=staff["lee"])
    do_reply(
        packet,
        acting_user=staff["lee"],
        body=(
            "Good that you paused. Let us talk on Thursday about gifts and the dual "
            "relationship with the family; a warm no with the reason usually keeps the trust."
        ),
    )


def seed_demo(*, client_count: int = 240, seed: int = 7) -> dict[str, int]:
    """Create the demo staff (with enrolled authenticators), clients, care teams and notes."""
    rng = random.Random(seed)  # noqa: S311 -- reproducible synthetic data, not secrets
    with transaction.atomic():
        staff = _staff()
        if not Client.objects.exists():
            _scenario_client(staff)
        _explainer_delivery(staff)
        _supervision_packet(staff)
        _consents_and_disclosures(staff)
        today = timezone.localdate()
        for index in range(max(0, client_count - Client.objects.count())):
            worker = staff[WORKERS[index % len(WORKERS)]]
            client = do_create_client(
                legal_name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
                date_of_birth=datetime.date(
                    rng.randint(1950, 2005), rng.randint(1, 12), rng.randint(1, 28)
                ),
                phone=f"555-01{rng.randint(0, 99):02d}-{rng.randint(0, 9999):04d}",
                acting_user=worker,
            )
            if index % 10 == 0:
                supervisor = staff["lee"] if index % 20 == 0 else staff["rene"]
                do_assign(client, supervisor, starts_on=today, acting_user=staff["morgan"])
            for n in range(rng.randint(1, 4)):
                tags = ["substance_use"] if rng.random() < 0.15 else []
                note = do_create_draft(
                    client,
                    acting_user=worker,
                    session_date=today - datetime.timedelta(days=rng.randint(1, 200)),
                    contact_type=rng.choice(["in_person", "phone", "text", "outreach"]),
                    duration_minutes=rng.choice([15, 30, 45, 60]),
                    tags=tags,
                    body=rng.choice(_NOTE_TEXT),
                )
                if n or rng.random() < 0.9:
                    do_sign_note(note, acting_user=worker)
        if not staff["jo"].break_glass.exists():
            night_client = Client.objects.filter(assignments__staff=staff["alex"]).first()
            do_break_glass(
                night_client,
                acting_user=staff["jo"],
                reason="Arrived at the drop-in centre in crisis at night; Alex is off shift.",
            )
    return {"staff": len(staff), "clients": Client.objects.count()}


def current_demo_code(username: str) -> str | None:
    """The current TOTP code of a demo account; None for any account that is not a demo one."""
    from django_otp.oath import totp

    device = AuthenticatorDevice.objects.filter(
        user__username=username, user__is_demo=True, confirmed=True
    ).first()
    if device is None:
        return None
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=0)
    return f"{code:0{device.digits}d}"
