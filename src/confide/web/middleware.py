import sys
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from confide.audit.context import begin_request
from confide.vault.keyring import key_scope


class RequestIdMiddleware:
    """Gives each request an id that its audit events share (and the response echoes),
    and a key scope that forgets unwrapped data keys when the request ends."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.request_id = begin_request()
        # Unwrapped data keys, and anything the de-identification engine memoised from
        # notes, live for this request only.
        try:
            with key_scope():
                response = self.get_response(request)
        finally:
            if "confide.deid" in sys.modules:
                from confide.deid.memory import forget

                forget()
        response["X-Request-ID"] = request.request_id
        return response


class NoStoreMiddleware:
    """No page of Confide may be kept by a browser or proxy cache (static files aside)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response["Cache-Control"] = "no-store, private"
        response["Pragma"] = "no-cache"
        response["Permissions-Policy"] = (
            "camera=(), microphone=(), geolocation=(), interest-cohort=()"
        )
        return response
