"""The kinds of audit event. Adding a kind is adding a member here."""

from enum import StrEnum


class Action(StrEnum):
    # Accounts and sessions
    LOGIN = "login"
    LOGIN_FAILED = "login.failed"
    LOGIN_LOCKED_OUT = "login.locked_out"
    LOGOUT = "logout"
    SESSION_EXPIRED = "session.expired"
    SESSION_LOCKED = "session.locked"
    SESSION_UNLOCKED = "session.unlocked"
    MFA_ENROLLED = "mfa.enrolled"
    MFA_FAILED = "mfa.failed"
    MFA_RESET = "mfa.reset"
    BACKUP_CODES_ISSUED = "mfa.backup_codes_issued"
    REAUTHENTICATED = "reauth"
    REAUTH_FAILED = "reauth.failed"
    USER_CREATED = "user.created"
    ROLE_CHANGED = "user.role_changed"
    USER_DEACTIVATED = "user.deactivated"
    USER_REACTIVATED = "user.reactivated"
    PASSWORD_CHANGED = "user.password_changed"  # noqa: S105 -- an event name
    # Keys and data
    KEYS_INITIALISED = "keys.initialised"
    KEYS_ROTATED = "keys.rotated"
    KEY_RETIRED = "keys.retired"
    DATA_KEY_CREATED = "keys.data_key_created"
    CLIENT_SHREDDED = "client.shredded"
    # Clients
    CLIENT_CREATED = "client.created"
    CLIENT_VIEWED = "client.viewed"
    CLIENT_UPDATED = "client.updated"
    CLIENT_CLOSED = "client.closed"
    CLIENT_REOPENED = "client.reopened"
    CLIENT_SEARCHED = "client.searched"
    CLIENT_LISTED = "client.listed"
    # Access decisions
    ACCESS_DENIED = "access.denied"
    CLIENT_ACCESS = "client.access"
    BREAK_GLASS_GRANTED = "break_glass.granted"
    BREAK_GLASS_REVIEWED = "break_glass.reviewed"
    TAG_GRANTED = "tag.granted"
    TAG_REVOKED = "tag.revoked"
    # Care teams
    ASSIGNMENT_CREATED = "care_team.assigned"
    ASSIGNMENT_ENDED = "care_team.ended"
    # Notes
    NOTE_CREATED = "note.created"
    NOTE_DRAFT_SAVED = "note.draft_saved"
    NOTE_SIGNED = "note.signed"
    NOTE_DELETED = "note.draft_deleted"
    # Exports
    EXPORTED = "export"
    # Consent and disclosures
    RECIPIENT_ADDED = "recipient.added"
    CONSENT_RECORDED = "consent.recorded"
    CONSENT_FORM_PUBLISHED = "consent_form.published"
    CONSENT_REVOKED = "consent.revoked"
    CONSENT_VIEWED = "consent.viewed"
    DISCLOSURE_RECORDED = "disclosure.recorded"
    DISCLOSURE_REFUSED = "disclosure.refused"
    DISCLOSURE_REVIEWED = "disclosure.reviewed"
    DISCLOSURE_CLIENT_TOLD = "disclosure.client_told"
    # Explainers
    EXPLAINER_PUBLISHED = "explainer.published"
    EXPLAINER_DELIVERED = "explainer.delivered"
    EXPLAINER_HANDOUT_PRINTED = "explainer.handout_printed"
    # Supervision
    PACKET_ACCESS = "packet.access"
    PACKET_CREATED = "packet.created"
    PACKET_QUESTION_EDITED = "packet.question_edited"
    PACKET_REDACTION_ADDED = "packet.redaction_added"
    PACKET_REDACTION_RESTORED = "packet.redaction_restored"
    PACKET_SHARED = "packet.shared"
    PACKET_DISCARDED = "packet.discarded"
    PACKET_REPLIED = "packet.replied"
    SUPERVISION_NOTE_RECORDED = "packet.supervision_note"
    PEER_GROUP_SAVED = "peer_group.saved"
    ETHICS_RECORDED = "ethics.recorded"
    ETHICS_VIEWED = "ethics.viewed"
    # The log itself
    AUDIT_VERIFIED = "audit.verified"
    AUDIT_CHECKPOINT = "audit.checkpoint"
    AUDIT_LOG_VIEWED = "audit.viewed"


class Outcome(StrEnum):
    ALLOWED = "allowed"
    DENIED = "denied"
