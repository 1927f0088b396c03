"""The rules of the access decision point, as data: what each role may do, and where."""

from enum import StrEnum

from confide.accounts.models import Role
from confide.notes.models import Sensitivity


class ClientAction(StrEnum):
    VIEW_IDENTITY = "view_identity"
    EDIT_IDENTITY = "edit_identity"
    VIEW_NOTES = "view_notes"
    WRITE_NOTE = "write_note"
    CLOSE_REOPEN = "close_reopen"
    EXPORT = "export"
    ASSIGN = "assign"
    VIEW_ACCESS_REPORT = "view_access_report"
    MANAGE_CONSENT = "manage_consent"  # record and revoke consents, record disclosures
    ACCOUNT_DISCLOSURES = "account_disclosures"  # the accounting of disclosures


class Purpose(StrEnum):
    CARE = "care"
    BREAK_GLASS = "break_glass"
    ADMINISTRATION = "administration"
    AUDIT = "audit"
    CLIENT_REQUEST = "client_request"


A = ClientAction
_CLINICAL_ON_TEAM = frozenset(
    {
        A.VIEW_IDENTITY,
        A.EDIT_IDENTITY,
        A.VIEW_NOTES,
        A.WRITE_NOTE,
        A.CLOSE_REOPEN,
        A.EXPORT,
        A.VIEW_ACCESS_REPORT,
        A.MANAGE_CONSENT,
        A.ACCOUNT_DISCLOSURES,
    }
)

# What a role may do for a client whose care team it is on.
CARE_TEAM_ACTIONS: dict[Role, frozenset[ClientAction]] = {
    Role.PEER_SUPPORTER: _CLINICAL_ON_TEAM,
}

# Supervisors work on de-identified packets. They see who a client is only under the
# client's active consent to identified supervision naming them, covering these data.
SUPERVISION_CONSENT_CATEGORIES: dict[ClientAction, tuple[str, ...]] = {
    A.VIEW_IDENTITY: ("identity",),
    A.VIEW_NOTES: ("identity", "notes"),
}

# What a role may do for any client while running the organisation: never notes.
MANAGEMENT_ACTIONS: dict[Role, frozenset[ClientAction]] = {
    Role.PRIVACY_OFFICER: frozenset(
        {
            A.VIEW_IDENTITY,
            A.ASSIGN,
            A.CLOSE_REOPEN,
            A.VIEW_ACCESS_REPORT,
            A.MANAGE_CONSENT,
            A.ACCOUNT_DISCLOSURES,
        }
    ),
    Role.ADMINISTRATOR: frozenset({A.ASSIGN}),
    Role.AUDITOR: frozenset({A.VIEW_ACCESS_REPORT}),
}

# Break-glass: who may open a record they have no other access to, and what it opens.
BREAK_GLASS_ROLES = frozenset(
    {Role.PEER_SUPPORTER, Role.SUPERVISOR, Role.PRIVACY_OFFICER, Role.ADMINISTRATOR}
)
BREAK_GLASS_ACTIONS = frozenset({A.VIEW_IDENTITY, A.VIEW_NOTES, A.WRITE_NOTE})

# Nothing may be written to a closed record until it is reopened.
CLOSED_RECORD_FORBIDS = frozenset({A.WRITE_NOTE, A.EDIT_IDENTITY})

# Sensitivity tags each role sees on the notes it may read; others need a TagGrant.
# The author of a note always sees it; break-glass (an emergency) sees every tag.
ROLE_VISIBLE_TAGS: dict[Role, frozenset[str]] = {
    Role.PEER_SUPPORTER: frozenset({Sensitivity.LEGAL, Sensitivity.TRAUMA, Sensitivity.OTHER}),
    Role.SUPERVISOR: frozenset({Sensitivity.LEGAL, Sensitivity.TRAUMA, Sensitivity.OTHER}),
}
