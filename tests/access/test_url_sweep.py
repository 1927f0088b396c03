"""Every URL the project has, requested by someone who should not get in.

A new view that forgets its check fails here: anonymous visitors must be sent to sign
in (unless the view is on the short public list), and a signed-in peer supporter must
be refused every page that needs a permission their role lacks.
"""

import re
import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.helpers import https_client, sign_in

PUBLIC = {"accounts:login", "accounts:mfa", "accounts:enrol", "web:healthz"}
# Pages any signed-in member of staff may open (their own session and dashboard).
EVERY_STAFF_MEMBER = {
    "web:dashboard", "accounts:reauth", "accounts:logout", "accounts:lock", "accounts:locked",
    "accounts:unlock", "accounts:status",
}  # fmt: skip


def _patterns(resolvers=None, prefix="", namespace=""):
    for entry in resolvers if resolvers is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern), entry.callback


def _concrete(route: str) -> str:
    path = re.sub(r"<uuid:\w+>", str(uuid.uuid4()), route)
    path = re.sub(r"<(?:str|slug):\w+>", "C-ZZZZZ", path)
    path = re.sub(r"<int:\w+>", "1", path)
    assert "<" not in path, f"teach the sweep about {route}"
    return "/" + path


ALL = sorted(_patterns())


def test_the_sweep_sees_the_views():
    names = {name for name, _, _ in ALL}
    assert {"accounts:staff_list", "audit:log", "web:dashboard"} <= names


@pytest.mark.parametrize(("name", "route", "view"), ALL, ids=[n for n, _, _ in ALL])
def test_anonymous_visitors_are_sent_to_sign_in(name, route, view, db):
    client = https_client()
    for method in (client.get, client.post):
        response = method(_concrete(route))
        if name in PUBLIC:
            assert response.status_code in (200, 302, 405)
            if response.status_code == 302:
                assert response.url.startswith("/login/")
        else:
            assert response.status_code == 302, f"{name} answered {response.status_code}"
            assert response.url.startswith("/login/")


@pytest.mark.parametrize(("name", "route", "view"), ALL, ids=[n for n, _, _ in ALL])
def test_a_peer_supporter_is_refused_every_page_their_role_does_not_grant(
    name, route, view, worker
):
    if name in PUBLIC or name in EVERY_STAFF_MEMBER:
        pytest.skip("open to every signed-in member of staff")
    assert getattr(view, "required_permission", None) is not None, (
        f"{name} neither declares a permission nor is listed as open to all staff"
    )
    client = sign_in(worker)
    path = _concrete(route)
    statuses = {client.get(path).status_code, client.post(path).status_code}
    # The method the view serves is refused; the other is not allowed at all.
    assert statuses <= {403, 404, 405} and statuses & {403, 404}, f"{name}: {statuses}"
