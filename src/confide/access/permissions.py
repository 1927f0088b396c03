"""Named permissions and the roles that hold them. Not listed means not allowed."""

from enum import StrEnum

from confide.accounts.models import Role


class Permission(StrEnum):
    MANAGE_STAFF = "manage_staff"
    VIEW_AUDIT_LOG = "view_audit_log"
    BREAK_GLASS = "break_glass"
    REVIEW_BREAK_GLASS = "review_break_glass"
    MANAGE_CLIENTS = "manage_clients"
    GRANT_SENSITIVE_TAGS = "grant_sensitive_tags"
    MANAGE_PEER_GROUPS = "manage_peer_groups"
    REVIEW_DISCLOSURES = "review_disclosures"
    EDIT_CONSENT_FORMS = "edit_consent_forms"
    EDIT_EXPLAINERS = "edit_explainers"


P = Permission
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.PEER_SUPPORTER: frozenset({P.BREAK_GLASS}),
    Role.SUPERVISOR: frozenset({P.BREAK_GLASS}),
    Role.PRIVACY_OFFICER: frozenset(
        {
            P.MANAGE_STAFF,
            P.VIEW_AUDIT_LOG,
            P.BREAK_GLASS,
            P.REVIEW_BREAK_GLASS,
            P.MANAGE_CLIENTS,
            P.GRANT_SENSITIVE_TAGS,
            P.MANAGE_PEER_GROUPS,
            P.REVIEW_DISCLOSURES,
            P.EDIT_CONSENT_FORMS,
            P.EDIT_EXPLAINERS,
        }
    ),
    Role.ADMINISTRATOR: frozenset(
        {P.MANAGE_STAFF, P.BREAK_GLASS, P.MANAGE_CLIENTS, P.MANAGE_PEER_GROUPS}
    ),
    Role.AUDITOR: frozenset({P.VIEW_AUDIT_LOG}),
}


def has_permission(user: object, permission: Permission) -> bool:
    """True only for an active, signed-in user whose role grants ``permission``."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return False
    try:
        role = Role(user.role)
    except ValueError:
        return False
    return permission in ROLE_PERMISSIONS.get(role, frozenset())
