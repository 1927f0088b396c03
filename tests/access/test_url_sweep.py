"""Every URL the project has, requested by someone who should not get in.

A new view that forgets its check fails here. Anonymous visitors must be sent to sign
in (unless the view is on the short public list). A signed-in peer supporter who is not
on a client's care team must get "not found" or "not allowed" from every page about that
client, its notes, its care team and its emergency-access grants, and from every page
their role does not grant, and no such answer may carry the client's name.
"""

import datetime
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from confide.access.services import do_break_glass
from confide.clients.services import do_assign, do_create_client
from confide.notes.services import do_create_draft, do_sign_note
from confide.supervision.ethics import do_record_ethics_consultation
from confide.supervision.services import do_create_packet, do_save_peer_group, do_share_packet
from tests.helpers import https_client, sign_in

PUBLIC = {
    "accounts:login",
    "accounts:mfa",
    "accounts:enrol",
    "web:healthz",
    "explainers:public",
}
# Pages every signed-in member of staff may open: their own session, dashboard, caseload.
EVERY_STAFF_MEMBER = {
    "web:dashboard",
    "accounts:reauth",
    "accounts:logout",
    "accounts:lock",
    "accounts:locked",
    "accounts:unlock",
    "accounts:status",
    "clients:caseload",
    "clients:intake",
    # Confidentiality explainers and their handouts are generic texts, no client data.
    "explainers:list",
    "explainers:version",
    "explainers:handout",
}
# The break-glass entry is open to clinical staff by design; it asks for re-authentication
# and is tested on its own in tests/records/test_break_glass.py.
BREAK_GLASS_ENTRY = {"access:find", "access:break_glass"}
# Supervision pages about nobody in particular: the user's own packets and ethics log.
CLINICAL_STAFF_PAGES = {
    "supervision:packets",
    "supervision:ethics",
    "supervision:ethics_new",
    "supervision:guidelines",
}
SECRET_NAME = "Philippa Oyelaran-Whitcombe"


def _patterns(resolvers=None, prefix="", namespace=""):
    for entry in resolvers if resolvers is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", prefix + str(entry.pattern)


ALL = sorted(_patterns())


@pytest.fixture
def someone_elses_world(colleague, administrator, supervisor):
    """A client on Alex's caseload, with a note, a care-team entry and a break-glass grant,
    none of which Dana (the worker) may see."""
    client = do_create_client(legal_name=SECRET_NAME, acting_user=colleague)
    note = do_create_draft(
        client,
        acting_user=colleague,
        session_date=datetime.date.today(),
        contact_type="phone",
        duration_minutes=20,
        tags=[],
        body=f"Spoke with {SECRET_NAME}.",
    )
    assignment = do_assign(
        client, supervisor, starts_on=datetime.date.today(), acting_user=administrator
    )
    grant = do_break_glass(client, acting_user=supervisor, reason="Crisis at the drop-in centre.")
    do_sign_note(note, acting_user=colleague)
    packet = do_create_packet(client, acting_user=colleague, notes=[note], question="A gift?")
    do_share_packet(packet, acting_user=colleague, supervisor=supervisor)
    entry, _replaced = do_record_ethics_consultation(
        acting_user=colleague,
        topics=["gifts"],
        values=[],
        consulted=[],
        packet=packet,
        question="A gift?",
        options="",
        decision="Decline.",
        rationale="",
    )
    group = do_save_peer_group(acting_user=administrator, name="Conference", members=[supervisor])
    consent, disclosure = consent_and_disclosure(client, colleague, supervisor)
    explainer = ensure_explainer()
    return {
        "explainer_id": explainer.pk,
        "language": explainer.language,
        "consent_id": consent.pk,
        "disclosure_id": disclosure.pk,
        "code": client.code,
        "note_id": note.pk,
        "assignment_id": assignment.pk,
        "grant_id": grant.pk,
        "user_id": administrator.pk,
        "packet_id": packet.pk,
        "entry_id": entry.pk,
        "group_id": group.pk,
    }


def consent_and_disclosure(client, worker, supervisor):
    """An identified-supervision consent and an exception disclosure for ``client``."""
    from django.utils import timezone

    from confide.consent.models import ConsentForm
    from confide.consent.services import do_add_recipient, do_record_consent, do_record_disclosure

    lee = do_add_recipient(client, acting_user=worker, kind="staff", staff=supervisor)
    crisis_team = do_add_recipient(
        client, acting_user=worker, kind="organisation", organisation="Mobile crisis team"
    )
    consent = do_record_consent(
        client,
        acting_user=worker,
        form=ConsentForm.objects.get(version=1, language="en"),
        purposes=["identified_supervision"],
        categories=["identity"],
        recipients=[lee],
        starts_on=timezone.localdate(),
        expires_on=None,
        expiry_event="",
        method="verbal",
        attestation=f"{SECRET_NAME} agreed on the phone.",
    )
    disclosure = do_record_disclosure(
        client,
        acting_user=worker,
        recipient=crisis_team,
        disclosed_at=timezone.now(),
        how="phone",
        purpose="",
        categories=["identity"],
        notes=[],
        description=f"Told them {SECRET_NAME} was at risk.",
        exception="imminent_risk",
        justification="A specific plan to harm herself.",
    )
    return consent, disclosure


def ensure_explainer():
    """The current Spanish explainer (the default one, published again if a transactional
    test flushed the table since the migration made it)."""
    from confide.explainers.services import current_explainer, ensure_default_explainers

    ensure_default_explainers()
    return current_explainer("es")


def _concrete(route: str, ids: dict) -> str:
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(ids[m.group(1)]), route)
    assert "<" not in path, f"teach the sweep about {route}"
    return "/" + path


def test_the_sweep_sees_the_views():
    names = {name for name, _ in ALL}
    assert {"accounts:staff_list", "audit:log", "clients:detail", "notes:edit"} <= names


@pytest.mark.parametrize(("name", "route"), ALL, ids=[n for n, _ in ALL])
def test_anonymous_visitors_are_sent_to_sign_in(name, route, someone_elses_world):
    client = https_client()
    path = _concrete(route, someone_elses_world)
    for method in (client.get, client.post):
        response = method(path)
        if name in PUBLIC:
            assert response.status_code in (200, 302, 405)
        else:
            assert response.status_code == 302, f"{name} answered {response.status_code}"
            assert response.url.startswith("/login/")


@pytest.mark.parametrize(("name", "route"), ALL, ids=[n for n, _ in ALL])
def test_a_peer_supporter_outside_the_care_team_gets_nothing(
    name, route, worker, someone_elses_world
):
    if name in PUBLIC | EVERY_STAFF_MEMBER | BREAK_GLASS_ENTRY | CLINICAL_STAFF_PAGES:
        pytest.skip("open to this user by design")
    client = sign_in(worker)
    path = _concrete(route, someone_elses_world)
    responses = [client.get(path), client.post(path)]
    statuses = {r.status_code for r in responses}
    # The method the view serves is refused; the other is not allowed at all.
    assert statuses <= {403, 404, 405} and statuses & {403, 404}, f"{name}: {statuses}"
    for response in responses:
        assert SECRET_NAME.encode() not in response.content
