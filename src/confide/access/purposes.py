from confide.access.rules import Purpose
from confide.accounts.models import Role

_BY_ROLE = {
    Role.PEER_SUPPORTER: Purpose.CARE,
    Role.SUPERVISOR: Purpose.CARE,
    Role.PRIVACY_OFFICER: Purpose.ADMINISTRATION,
    Role.ADMINISTRATOR: Purpose.ADMINISTRATION,
    Role.AUDITOR: Purpose.AUDIT,
}


def purpose_for(user: object) -> Purpose:
    """The purpose a member of staff acts for by default, from their role."""
    try:
        return _BY_ROLE[Role(user.role)]  # type: ignore[attr-defined]
    except (ValueError, KeyError, AttributeError):
        return Purpose.CARE
