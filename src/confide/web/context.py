from django.conf import settings
from django.http import HttpRequest


def confide_context(request: HttpRequest) -> dict[str, object]:
    return {
        "organisation_name": settings.ORGANISATION_NAME,
        "idle_timeout_seconds": settings.IDLE_TIMEOUT_SECONDS,
    }
