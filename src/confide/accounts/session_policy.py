"""Server-side session rules: idle timeout, absolute lifetime, screen lock, re-authentication.

Times are stored in the session as Unix seconds. Nothing here trusts the browser:
a client-side timer only mirrors what the server enforces.
"""

import time

from django.conf import settings
from django.http import HttpRequest

STARTED_AT = "confide_started_at"
LAST_SEEN = "confide_last_seen"
REAUTH_AT = "confide_reauth_at"
LOCKED = "confide_locked"


def start_session(request: HttpRequest) -> None:
    now = time.time()
    request.session[STARTED_AT] = now
    request.session[LAST_SEEN] = now
    # Logging in is itself a fresh authentication with both factors.
    request.session[REAUTH_AT] = now


def expiry_reason(request: HttpRequest, now: float | None = None) -> str | None:
    """'idle' or 'lifetime' when the session must end now, else None."""
    now = time.time() if now is None else now
    started = request.session.get(STARTED_AT)
    last_seen = request.session.get(LAST_SEEN)
    if started is None or last_seen is None:
        return "lifetime"
    if now - last_seen > settings.IDLE_TIMEOUT_SECONDS:
        return "idle"
    if now - started > settings.SESSION_MAX_AGE_SECONDS:
        return "lifetime"
    return None


def touch(request: HttpRequest) -> None:
    request.session[LAST_SEEN] = time.time()


def seconds_left(request: HttpRequest) -> int:
    last_seen = request.session.get(LAST_SEEN, 0)
    return max(0, int(settings.IDLE_TIMEOUT_SECONDS - (time.time() - last_seen)))


def mark_reauthenticated(request: HttpRequest) -> None:
    request.session[REAUTH_AT] = time.time()


def recently_authenticated(request: HttpRequest) -> bool:
    at = request.session.get(REAUTH_AT)
    return at is not None and time.time() - at <= settings.REAUTH_VALID_SECONDS
