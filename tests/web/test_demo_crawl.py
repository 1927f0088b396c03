"""Every page the demo organisation links to, opened as each demo role: none may fail.

A crawl over the seeded demo data finds broken templates and views that no scenario
test happens to open. It follows links only (GET), never forms.
"""

import re
from urllib.parse import urldefrag, urlsplit

import pytest

from confide.accounts.models import User
from confide.demodata import DEMO_STAFF, seed_demo
from tests.helpers import PASSWORD, code_for, https_client

LINK = re.compile(rb'href="(/[^"]*)"')
SKIP = ("/static/", "/logout/", ".pdf", ".csv", ".json")
MAX_PAGES = 120


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        from confide.consent.defaults import ensure_default_consent_forms
        from confide.vault.keyring import ensure_organisation_keys

        ensure_organisation_keys()
        ensure_default_consent_forms()
        seed_demo(client_count=24)
        for user in User.objects.filter(is_demo=True):
            user.set_password(PASSWORD)
            user.save()
    yield
    with django_db_blocker.unblock():
        from django.core.management import call_command

        call_command("flush", interactive=False, verbosity=0)


@pytest.mark.parametrize("username", [u for u, _, _ in DEMO_STAFF])
def test_every_linked_page_opens_for_each_demo_role(username, demo, db):
    from confide.accounts.devices import AuthenticatorDevice

    user = User.objects.get(username=username)
    client = https_client()
    client.post("/login/", {"username": username, "password": PASSWORD})
    response = client.post(
        "/login/code/", {"code": code_for(AuthenticatorDevice.objects.get(user=user))}
    )
    assert response.status_code == 302
    seen, queue, statuses = set(), ["/"], {}
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen or any(part in path for part in SKIP):
            continue
        seen.add(path)
        page = client.get(path)
        statuses[path] = page.status_code
        assert page.status_code < 500, f"{username}: {path} answered {page.status_code}"
        if page.status_code == 200 and "text/html" in page["Content-Type"]:
            for link in LINK.findall(page.content):
                target = urldefrag(link.decode()).url
                if urlsplit(target).path not in seen:
                    queue.append(target.replace("&amp;", "&"))
    assert len(seen) >= 2
