"""The audit trail for auditors and privacy officers: who did what, when, never content."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from confide.access.decorators import require_permission
from confide.access.permissions import Permission
from confide.accounts.models import User
from confide.audit.actions import Action
from confide.audit.forms import AuditFilterForm
from confide.audit.models import AuditEvent
from confide.audit.services import record_event
from confide.clients.models import Client

PAGE_SIZE = 50


@require_GET
@require_permission(Permission.VIEW_AUDIT_LOG)
def audit_log(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    events = AuditEvent.objects.order_by("-seq")
    if form.is_valid():
        data = form.cleaned_data
        if data["action"]:
            events = events.filter(action=data["action"])
        if data["outcome"]:
            events = events.filter(outcome=data["outcome"])
        if data["client_code"]:
            client_id = Client.objects.filter(code=data["client_code"]).values_list("id", flat=True)
            events = events.filter(client_id__in=[str(pk) for pk in client_id])
        if data["before"]:
            events = events.filter(seq__lt=data["before"])
    page = list(events[:PAGE_SIZE])
    actors = {
        str(pk): name
        for pk, name in User.objects.filter(
            pk__in=[e.actor_id for e in page if len(e.actor_id) == 36]
        ).values_list("pk", "display_name")
    }
    codes = {
        str(pk): code
        for pk, code in Client.objects.filter(
            pk__in=[e.client_id for e in page if e.client_id]
        ).values_list("pk", "code")
    }
    rows = [
        {
            "event": e,
            "actor": actors.get(e.actor_id, e.actor_id),
            "client": codes.get(e.client_id, "—" if not e.client_id else "destroyed"),
        }
        for e in page
    ]
    record_event(
        Action.AUDIT_LOG_VIEWED,
        actor=request.user,
        purpose="audit",
        details={"events_shown": len(page)},
    )
    older = None
    if len(page) == PAGE_SIZE:
        query = request.GET.copy()
        query["before"] = str(page[-1].seq)
        older = query.urlencode()
    return render(request, "audit/log.html", {"form": form, "rows": rows, "older": older})
