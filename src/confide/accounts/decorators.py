from collections.abc import Callable
from functools import wraps
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from confide.accounts import session_policy


def _return_path(request: HttpRequest) -> str:
    if request.method in ("GET", "HEAD"):
        return request.get_full_path()
    # A form cannot be re-sent after a redirect: go back to the page it came from.
    target = request.POST.get("next", "/")
    return target if url_has_allowed_host_and_scheme(target, allowed_hosts=None) else "/"


def reauthentication_needed(request: HttpRequest) -> HttpResponse | None:
    """The redirect to re-authenticate, when the last full authentication is too old."""
    if session_policy.recently_authenticated(request):
        return None
    query = urlencode({"next": _return_path(request)})
    return redirect(f"{reverse('accounts:reauth')}?{query}")


def require_reauthentication(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Dangerous actions (break-glass, export, shred, keys, staff changes) ask for both
    factors again when the last full authentication is older than a few minutes."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        return reauthentication_needed(request) or view(request, *args, **kwargs)

    return wrapper
