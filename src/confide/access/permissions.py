"""Named permissions and the roles that hold them. Not listed means not allowed."""

from enum import StrEnum

from confide.accounts.models import Role


class Permission(StrEnum):
    MANAGE_STAFF = "manage_staff"
    VIEW_AUDIT_LOG = "view_audit_log"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.PEER_SUPPORTER: frozenset(),
    Role.SUPERVISOR: frozenset(),
    Role.PRIVACY_OFFICER: frozenset({Permission.MANAGE_STAFF, Permission.VIEW_AUDIT_LOG}),
    Role.ADMINISTRATOR: frozenset({Permission.MANAGE_STAFF}),
    Role.AUDITOR: frozenset({Permission.VIEW_AUDIT_LOG}),
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
