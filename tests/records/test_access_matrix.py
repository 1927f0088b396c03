"""The access decision point, role by action by relationship, against a table written out
by hand (not derived from the rules it checks)."""

import datetime

import pytest
from django.utils import timezone

from confide.access.decisions import client_action_is_allowed
from confide.access.models import BreakGlassGrant
from confide.access.rules import ClientAction
from confide.clients.models import CareTeamAssignment, Client
from confide.clients.services import do_close_client, do_create_client
from tests.helpers import make_staff

V, E, N, W, C, X, A, R, M, D = (
    "view_identity",
    "edit_identity",
    "view_notes",
    "write_note",
    "close_reopen",
    "export",
    "assign",
    "view_access_report",
    "manage_consent",
    "account_disclosures",
)
ALL_ACTIONS = {V, E, N, W, C, X, A, R, M, D}
PEER_ON_TEAM = {V, E, N, W, C, X, R, M, D}
BREAK_GLASS = {V, N, W}
PRIVACY = {V, A, C, R, M, D}
RELATIONS = (
    "none",
    "team",
    "ended",
    "future",
    "break_glass",
    "expired_break_glass",
    "consent",
    "revoked_consent",
)

# role -> relationship -> the actions allowed. Relationships: none; on the care team today;
# a team assignment that ended yesterday; one that starts tomorrow; an active break-glass
# grant; an expired one; the client's active consent to identified supervision naming the
# user (identity and notes); the same consent, revoked.
EXPECTED = {
    "peer_supporter": {
        "none": set(),
        "team": PEER_ON_TEAM,
        "ended": set(),
        "future": set(),
        "break_glass": BREAK_GLASS,
        "expired_break_glass": set(),
        "consent": set(),
        "revoked_consent": set(),
    },
    # Supervisors see a client only under consent (or in an emergency), never by team.
    "supervisor": {
        "none": set(),
        "team": set(),
        "ended": set(),
        "future": set(),
        "break_glass": BREAK_GLASS,
        "expired_break_glass": set(),
        "consent": {V, N},
        "revoked_consent": set(),
    },
    "privacy_officer": {
        **{relation: PRIVACY for relation in RELATIONS},
        "break_glass": PRIVACY | {N, W},
    },
    "administrator": {
        **{relation: {A} for relation in RELATIONS},
        "break_glass": {A, V, N, W},
    },
    "auditor": {relation: {R} for relation in RELATIONS},
}
CASES = [
    (role, relation, action)
    for role, relations in EXPECTED.items()
    for relation in relations
    for action in sorted(ALL_ACTIONS)
]


def _relate(user, client, relation: str, boss) -> None:
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    now = timezone.now()
    if relation == "team":
        CareTeamAssignment.objects.create(
            client=client, staff=user, starts_on=today - day, assigned_by=boss
        )
    elif relation == "ended":
        CareTeamAssignment.objects.create(
            client=client,
            staff=user,
            starts_on=today - 9 * day,
            ends_on=today - day,
            assigned_by=boss,
        )
    elif relation == "future":
        CareTeamAssignment.objects.create(
            client=client, staff=user, starts_on=today + day, assigned_by=boss
        )
    elif relation in ("consent", "revoked_consent"):
        _consent(client, user, boss, revoked=relation == "revoked_consent")
    elif relation in ("break_glass", "expired_break_glass"):
        expires = now + datetime.timedelta(minutes=30)
        if relation == "expired_break_glass":
            expires = now - datetime.timedelta(minutes=1)
        BreakGlassGrant.objects.create(
            client=client, user=user, reason="An emergency.", expires_at=expires
        )


def _consent(client, named, boss, *, revoked: bool) -> None:
    from confide.consent.models import Consent, ConsentForm, Recipient

    recipient = Recipient.objects.create(client=client, kind="staff", staff=named)
    consent = Consent.objects.create(
        client=client,
        form=ConsentForm.objects.get(version=1, language="en"),
        purposes=["identified_supervision"],
        categories=["identity", "notes"],
        starts_on=timezone.localdate(),
        method="verbal",
        attestation="Agreed.",
        recorded_by=boss,
        revoked_at=timezone.now() if revoked else None,
    )
    consent.recipients.set([recipient])


@pytest.mark.parametrize(("role", "relation", "action"), CASES)
def test_the_decision_matches_the_table(role, relation, action, db):
    boss = make_staff("boss", "administrator")
    user = make_staff("subject", role)
    client = do_create_client(legal_name="Table Person", acting_user=boss)
    _relate(user, client, relation, boss)
    decision = client_action_is_allowed(user, ClientAction(action), client)
    assert decision.allowed == (action in EXPECTED[role][relation]), decision.reason


@pytest.mark.parametrize("role", ["peer_supporter", "privacy_officer"])
def test_nothing_is_written_to_a_closed_record(role, db):
    boss = make_staff("boss", "administrator")
    user = make_staff("subject", role)
    client = do_create_client(legal_name="Closed Person", acting_user=boss)
    _relate(user, client, "team", boss)
    do_close_client(client, acting_user=boss)
    client = Client.objects.get(pk=client.pk)
    for action in (ClientAction.WRITE_NOTE, ClientAction.EDIT_IDENTITY):
        assert not client_action_is_allowed(user, action, client).allowed


def test_a_deactivated_user_is_refused_everything(db):
    boss = make_staff("boss", "administrator")
    user = make_staff("subject", "peer_supporter")
    client = do_create_client(legal_name="Some Person", acting_user=boss)
    _relate(user, client, "team", boss)
    user.is_active = False
    for action in ClientAction:
        assert not client_action_is_allowed(user, action, client).allowed
