"""Error pages that say what happened in plain words and leak nothing else.

A refused record and a missing one render the same 404 (see confide.access)."""

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


def _page(template: str, status: int, request: HttpRequest | None = None) -> HttpResponse:
    return HttpResponse(render_to_string(template, request=request), status=status)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page("403.html", 403, request)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page("404.html", 404, request)


def server_error(request: HttpRequest) -> HttpResponse:
    # No request context: rendering must not depend on anything that may have failed.
    return _page("500.html", 500)
