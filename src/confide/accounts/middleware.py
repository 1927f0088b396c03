from collections.abc import Callable

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from confide.accounts import session_policy
from confide.audit.actions import Action
from confide.audit.services import record_event

# Requests that must not count as activity (the page's own idle-timer poll).
PASSIVE_PATHS = {"/session/status/"}
# While the screen is locked only these answer; everything else shows the lock page.
LOCKED_PATHS = {"/session/locked/", "/session/unlock/", "/session/status/", "/logout/"}


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


class SessionPolicyMiddleware:
    """Ends idle or over-age sessions and keeps a locked screen locked, on the server."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated:
            reason = None if user.is_verified() else "unverified"
            reason = reason or session_policy.expiry_reason(request)
            if reason:
                record_event(
                    Action.SESSION_EXPIRED,
                    actor=user,
                    resource_type="user",
                    resource_id=str(user.pk),
                    details={"reason": reason},
                )
                logout(request)
                if _wants_json(request):
                    return JsonResponse({"expired": True}, status=401)
                return redirect(f"{reverse('accounts:login')}?expired=1")
            if request.session.get(session_policy.LOCKED) and request.path not in LOCKED_PATHS:
                return redirect("accounts:locked")
            if request.path not in PASSIVE_PATHS:
                session_policy.touch(request)
        return self.get_response(request)
