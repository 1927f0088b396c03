"""Helpers for tests: staff with authenticators, real sign-in, TOTP codes."""

import base64
import re
import time
import zlib

from django.test import Client
from django_otp.oath import totp

from confide.accounts.devices import AuthenticatorDevice
from confide.accounts.models import User
from confide.vault.keyring import ensure_organisation_keys

PASSWORD = "correct horse battery staple"
HTTPS = {"X-Forwarded-Proto": "https"}


def make_staff(username: str, role: str, *, enrolled: bool = True) -> User:
    # Authenticator seeds are encrypted under the organisation key: make sure it exists
    # (a persona may be asked for by name, after a transactional test emptied the tables).
    ensure_organisation_keys()
    user = User.objects.create_user(
        username=username, password=PASSWORD, display_name=username.title(), role=role
    )
    if enrolled:
        AuthenticatorDevice.objects.create(user=user, name="authenticator", confirmed=True)
    return user


def code_for(device: AuthenticatorDevice) -> str:
    """A currently valid code the device has not accepted yet (codes are single-use)."""
    device.refresh_from_db()
    now_step = int((time.time() - device.t0) // device.step)
    drift = 1 if device.last_t is not None and device.last_t >= now_step else 0
    if device.last_t is not None and device.last_t >= now_step + 1:
        raise AssertionError("no unused code left in the tolerance window")
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift)
    return f"{value:0{device.digits}d}"


def https_client() -> Client:
    """A test client that arrives over TLS, as production traffic does (behind the proxy)."""
    return Client(headers=HTTPS)


def sign_in(user: User, client: Client | None = None) -> Client:
    """Sign in through the real two-step login; returns the signed-in client."""
    client = client or https_client()
    response = client.post("/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    device = AuthenticatorDevice.objects.get(user=user, confirmed=True)
    response = client.post("/login/code/", {"code": code_for(device)})
    assert response.status_code == 302, response.content[:500]
    return client


def pdf_text(data: bytes) -> str:
    """The PDF's objects, with every compressed stream inflated in place of its encoded
    bytes (which would match short needles by chance)."""
    out = [re.sub(rb"stream\r?\n.*?endstream", b"", data, flags=re.DOTALL).decode("latin-1")]
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.DOTALL):
        raw = match.group(1).strip()
        try:
            if raw.endswith(b"~>"):  # ReportLab wraps its compressed streams in ASCII85
                raw = base64.a85decode(raw[:-2])
            out.append(zlib.decompress(raw).decode("latin-1"))
        except (ValueError, zlib.error):
            # Images and the like: not text.
            continue
    return "\n".join(out)
