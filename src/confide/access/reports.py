"""The client access report: who accessed a client's record, from the audit log."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from confide.accounts.models import Role, User
from confide.audit.models import AuditEvent
from confide.clients.models import Client

# Plain words for what happened, as a client would want to read it.
DESCRIPTIONS = {
    "view_identity": _("looked at the record"),
    "edit_identity": _("opened the record to edit it"),
    "view_notes": _("read session notes"),
    "write_note": _("opened the note editor"),
    "close_reopen": _("closed or reopened the record"),
    "export": _("exported information"),
    "assign": _("managed the care team"),
    "view_access_report": _("looked at this access report"),
}
EVENT_DESCRIPTIONS = {
    "client.created": _("added the record"),
    "client.updated": _("changed contact or identity details"),
    "client.closed": _("closed the record"),
    "client.reopened": _("reopened the record"),
    "note.created": _("started a session note"),
    "note.signed": _("signed a session note"),
    "break_glass.granted": _("opened the record in an emergency"),
    "break_glass.reviewed": _("reviewed an emergency access"),
    "care_team.assigned": _("added someone to the care team"),
    "care_team.ended": _("ended a care team assignment"),
    "export": _("exported information"),
}


@dataclass(frozen=True)
class AccessRow:
    at: datetime
    who: str
    role: str
    what: str
    purpose: str
    allowed: bool
    emergency: bool


def access_report(client: Client) -> list[AccessRow]:
    """Every audited access to the client's record, oldest first."""
    events = list(
        AuditEvent.objects.filter(client_id=str(client.pk))
        .exclude(action="note.draft_saved")
        .order_by("seq")
    )
    people = {
        str(u.pk): u
        for u in User.objects.filter(pk__in={e.actor_id for e in events if len(e.actor_id) == 36})
    }
    rows = []
    for event in events:
        if event.action == "client.access":
            what = DESCRIPTIONS.get(_detail(event, "action"), event.action)
        else:
            what = EVENT_DESCRIPTIONS.get(event.action)
            if what is None:
                continue
        person = people.get(event.actor_id)
        rows.append(
            AccessRow(
                at=event.at,
                who=person.display_name if person else _("the system"),
                role=Role(person.role).label if person else "",
                what=str(what),
                purpose=event.purpose,
                allowed=event.outcome == "allowed",
                emergency=event.purpose == "break_glass",
            )
        )
    return rows


def _detail(event: AuditEvent, key: str) -> str:
    import json

    return str(json.loads(event.details).get(key, ""))
