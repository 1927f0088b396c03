"""Break-glass (find, state a reason, open), its review, and the client access report."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from confide.access import services
from confide.access.decisions import access_client, client_action_is_allowed
from confide.access.decorators import require_permission
from confide.access.forms import BreakGlassForm, FindClientForm, ReviewForm
from confide.access.models import BreakGlassGrant
from confide.access.permissions import Permission
from confide.access.purposes import purpose_for
from confide.access.reports import access_report
from confide.access.rules import ClientAction, Purpose
from confide.accounts.decorators import reauthentication_needed, require_reauthentication
from confide.audit.actions import Action
from confide.audit.models import AuditEvent
from confide.audit.services import record_event
from confide.clients.models import Client
from confide.clients.services import search_clients
from confide.web.pdf import table_pdf


@require_http_methods(["GET", "POST"])
@require_permission(Permission.BREAK_GLASS)
def find_client(request: HttpRequest) -> HttpResponse:
    """Finding a client you have no access to is its own audited step of break-glass."""
    form = FindClientForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["code"]:
            found = Client.objects.filter(code=data["code"])
        else:
            found = search_clients(
                Client.objects.all(),
                name=data["name"],
                date_of_birth=data["date_of_birth"].isoformat(),
            )
        matches = list(found[:2])
        record_event(
            Action.CLIENT_SEARCHED,
            actor=request.user,
            purpose=Purpose.BREAK_GLASS,
            details={"matches": len(matches), "by": "code" if data["code"] else "name_dob"},
        )
        if len(matches) == 1:
            return redirect("access:break_glass", code=matches[0].code)
        form.add_error(
            None,
            _("No single client matches. Check the code, or the full name and date of birth.")
            if not matches
            else _("More than one client matches: use the client code."),
        )
    return render(request, "access/find.html", {"form": form})


@require_http_methods(["GET", "POST"])
@require_permission(Permission.BREAK_GLASS)
@require_reauthentication
def break_glass(request: HttpRequest, code: str) -> HttpResponse:
    client = Client.objects.filter(code=code).first()
    if client is None:
        raise Http404
    if client_action_is_allowed(request.user, ClientAction.VIEW_NOTES, client).allowed:
        return redirect("clients:detail", code=client.code)
    form = BreakGlassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_break_glass(
                client, acting_user=request.user, reason=form.cleaned_data["reason"]
            )
            return redirect("clients:detail", code=client.code)
        except services.BreakGlassRefused as error:
            form.add_error("reason", str(error))
    return render(request, "access/break_glass.html", {"form": form, "code": client.code})


@require_GET
@require_permission(Permission.REVIEW_BREAK_GLASS)
def review_queue(request: HttpRequest) -> HttpResponse:
    pending = services.unreviewed_break_glass().order_by("granted_at")
    recent = (
        BreakGlassGrant.objects.filter(reviewed_at__isnull=False)
        .select_related("user", "client", "reviewed_by")
        .order_by("-reviewed_at")[:20]
    )
    return render(request, "access/review_queue.html", {"pending": pending, "recent": recent})


@require_http_methods(["GET", "POST"])
@require_permission(Permission.REVIEW_BREAK_GLASS)
def review(request: HttpRequest, grant_id: str) -> HttpResponse:
    grant = BreakGlassGrant.objects.filter(pk=grant_id).select_related("user", "client").first()
    if grant is None:
        raise Http404
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_review_break_glass(
                grant,
                acting_user=request.user,
                outcome=form.cleaned_data["outcome"],
                note=form.cleaned_data["note"],
            )
            messages.success(request, _("Review recorded."))
            return redirect("access:review_queue")
        except services.BreakGlassRefused as error:
            form.add_error(None, str(error))
    # What was done under the grant: the audit trail of that person on that record then.
    actions = AuditEvent.objects.filter(
        actor_id=str(grant.user_id),
        client_id=str(grant.client_id),
        at_us__gte=int(grant.granted_at.timestamp() * 1_000_000),
        at_us__lte=int(grant.expires_at.timestamp() * 1_000_000),
    ).order_by("seq")
    record_event(
        Action.CLIENT_ACCESS,
        actor=request.user,
        resource_type="break_glass",
        resource_id=str(grant.pk),
        client_id=str(grant.client_id),
        purpose=Purpose.ADMINISTRATION,
        details={"action": "review_break_glass", "reason": "role"},
    )
    context = {"grant": grant, "form": form, "actions": actions, "now": timezone.now()}
    return render(request, "access/review.html", context)


@require_GET
def client_access_report(request: HttpRequest, code: str, as_pdf: bool = False) -> HttpResponse:
    user = request.user
    action = ClientAction.EXPORT if as_pdf else ClientAction.VIEW_ACCESS_REPORT
    client, _decision = access_client(
        user, code, ClientAction.VIEW_ACCESS_REPORT, purpose=purpose_for(user)
    )
    rows = access_report(client)
    if not as_pdf:
        return render(request, "access/report.html", {"client": client, "rows": rows})
    if redirect_to_reauth := reauthentication_needed(request):
        return redirect_to_reauth
    record_event(
        Action.EXPORTED,
        actor=user,
        resource_type="access_report",
        resource_id=client.code,
        client_id=str(client.pk),
        purpose=purpose_for(user),
        details={"format": "pdf", "rows": len(rows), "action": action.value},
    )
    pdf = table_pdf(
        title=_("Who accessed this record"),
        intro=[
            _(
                "Client code %(code)s. Every time someone opened, read, changed or was refused "
                "this record, as kept in the tamper-evident audit log."
            )
            % {"code": client.code},
        ],
        header=[_("When"), _("Who"), _("Role"), _("What"), _("Purpose"), _("Result")],
        rows=[
            [
                timezone.localtime(r.at).strftime("%Y-%m-%d %H:%M"),
                r.who,
                r.role,
                r.what,
                _("emergency (break-glass)") if r.emergency else r.purpose,
                _("allowed") if r.allowed else _("refused"),
            ]
            for r in rows
        ],
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="access-report-{client.code}.pdf"'
    return response
