from django.conf import settings
from django.http import HttpRequest

from confide.access.permissions import Permission, has_permission


def confide_context(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    return {
        "organisation_name": settings.ORGANISATION_NAME,
        "idle_timeout_seconds": settings.IDLE_TIMEOUT_SECONDS,
        # What the navigation may offer; every view still checks for itself.
        "can": {p.value: has_permission(user, p) for p in Permission},
    }
