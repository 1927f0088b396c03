"""The synthetic demo organisation (people from ../shared/SCENARIOS.md; all invented).

Idempotent: running it twice leaves one copy. Demo accounts are flagged so that
`confide demo --code` may print their current MFA code and nobody else's.
"""

import datetime
import random

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from confide.accounts.models import Role, User
from confide.clients.models import Client
from confide.clients.services import do_create_client

DEMO_PASSWORD = "peer-support-demo"  # noqa: S105 -- demo accounts only, printed on purpose
DEMO_STAFF = [
    ("dana", "Dana Whitfield", Role.PEER_SUPPORTER),
    ("alex", "Alex Moreno", Role.PEER_SUPPORTER),
    ("jo", "Jo Okafor", Role.PEER_SUPPORTER),
    ("lee", "Lee Tanaka", Role.SUPERVISOR),
    ("sam", "Sam Bergstrom", Role.PRIVACY_OFFICER),
    ("morgan", "Morgan Reyes", Role.ADMINISTRATOR),
    ("pat", "Pat Lindqvist", Role.AUDITOR),
]
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
]


def seed_demo(*, client_count: int = 40, seed: int = 7) -> dict[str, int]:
    """Create the demo staff (with enrolled authenticators) and synthetic clients."""
    rng = random.Random(seed)  # noqa: S311 -- reproducible synthetic data, not secrets
    created_users = 0
    with transaction.atomic():
        for username, display_name, role in DEMO_STAFF:
            if User.objects.filter(username=username).exists():
                continue
            user = User.objects.create_user(
                username=username,
                password=DEMO_PASSWORD,
                display_name=display_name,
                role=role,
                is_demo=True,
            )
            TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)
            created_users += 1
        existing = Client.objects.count()
        dana = User.objects.get(username="dana")
        for _ in range(max(0, client_count - existing)):
            do_create_client(
                legal_name=f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
                date_of_birth=datetime.date(
                    rng.randint(1950, 2005), rng.randint(1, 12), rng.randint(1, 28)
                ),
                phone=f"555-01{rng.randint(0, 99):02d}",
                acting_user=dana,
            )
    return {"staff": created_users, "clients": Client.objects.count()}


def current_demo_code(username: str) -> str | None:
    """The current TOTP code of a demo account; None for any account that is not a demo one."""
    from django_otp.oath import totp

    device = TOTPDevice.objects.filter(
        user__username=username, user__is_demo=True, confirmed=True
    ).first()
    if device is None:
        return None
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=0)
    return f"{code:0{device.digits}d}"
