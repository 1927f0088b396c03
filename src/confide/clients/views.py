"""Caseload, search, intake, the client page, identity edits, closing, care teams."""

import json

from django.contrib import messages
from django.db import transaction
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from confide.access.decisions import (
    access_client,
    audit_decision,
    break_glass_clients_for_user,
    caseload_for_user,
    client_decisions,
    clients_for_user,
    manages_every_client,
    notes_for_user,
)
from confide.access.purposes import purpose_for
from confide.access.rules import ClientAction
from confide.accounts.models import Role
from confide.audit.actions import Action
from confide.audit.services import record_event
from confide.clients import services
from confide.clients.forms import AssignForm, EndAssignmentForm, IdentityForm, SearchForm
from confide.clients.models import IDENTITY_FIELDS, CareTeamAssignment, Client
from confide.consent.checklist import checklist_for
from confide.vault.keyring import preload_client_keys

MANAGEMENT_PAGE = 50


def _with_keys(clients: list[Client]) -> list[Client]:
    preload_client_keys(c.pk for c in clients)
    return clients


@require_http_methods(["GET", "POST"])
def caseload(request: HttpRequest) -> HttpResponse:
    """My caseload, emergency access in force, and exact-match search (POST, so no search
    term ever sits in a URL or a log line)."""
    user = request.user
    can_see_identity = clients_for_user(user, ClientAction.VIEW_IDENTITY)
    form = SearchForm(request.POST if request.method == "POST" else None)
    results = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            found = services.search_clients(
                can_see_identity,
                name=data["name"],
                date_of_birth=data["date_of_birth"].isoformat() if data["date_of_birth"] else "",
                phone=data["phone"],
            )
            results = _with_keys(list(found.order_by("code")[:50]))
        except ValueError:
            form.add_error(None, _("That search could not be read. Check the date and phone."))
        record_event(
            Action.CLIENT_SEARCHED,
            actor=user,
            purpose=purpose_for(user),
            details={
                "matches": len(results or []),
                "by": [f for f in ("name", "date_of_birth", "phone") if data.get(f)],
            },
        )
    mine, emergency = [], []
    if results is None:  # a search shows its results alone
        mine = _with_keys(
            list(
                caseload_for_user(user)
                .annotate(last_note=Max("notes__session_date"))
                .order_by("code")
            )
        )
        emergency = list(break_glass_clients_for_user(user))
        _with_keys([grant.client for grant in emergency])
    context = {
        "form": form,
        "results": results,
        "caseload": mine,
        "emergency": emergency,
        "manages": request.user.role in (Role.PRIVACY_OFFICER, Role.ADMINISTRATOR),
    }
    return render(request, "clients/caseload.html", context)


@require_GET
def all_clients(request: HttpRequest) -> HttpResponse:
    """Every client, by code, for the people who run the organisation (no content)."""
    if not manages_every_client(request.user, ClientAction.ASSIGN):
        raise Http404
    after = request.GET.get("after", "")
    clients = clients_for_user(request.user, ClientAction.ASSIGN).filter(code__gt=after)
    page = list(clients.order_by("code")[:MANAGEMENT_PAGE])
    shows_names = manages_every_client(request.user, ClientAction.VIEW_IDENTITY)
    if shows_names:
        _with_keys(page)
    record_event(
        Action.CLIENT_LISTED,
        actor=request.user,
        purpose=purpose_for(request.user),
        details={"shown": len(page), "names": shows_names},
    )
    more = page[-1].code if len(page) == MANAGEMENT_PAGE else None
    return render(
        request, "clients/all.html", {"clients": page, "more": more, "shows_names": shows_names}
    )


@require_http_methods(["GET", "POST"])
def intake(request: HttpRequest) -> HttpResponse:
    if request.user.role not in services.CLINICAL_ROLES + (Role.PRIVACY_OFFICER,):
        raise Http404
    form = IdentityForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        client = services.do_create_client(acting_user=request.user, **form.cleaned_data)
        messages.success(
            request, _("Client added. Their code is %(code)s.") % {"code": client.code}
        )
        return redirect("clients:detail", code=client.code)
    return render(request, "clients/intake.html", {"form": form})


@require_GET
def client_detail(request: HttpRequest, code: str) -> HttpResponse:
    user = request.user
    # Outside any transaction: a refusal must stay recorded although the request fails.
    client, decision = access_client(
        user, code, ClientAction.VIEW_IDENTITY, purpose=purpose_for(user)
    )
    # The page's other events in one transaction: one write lock, not one per event.
    with transaction.atomic():
        decisions = client_decisions(user, client)
        notes_decision = decisions[ClientAction.VIEW_NOTES]
        notes, withheld = [], 0
        if notes_decision.allowed:
            audit_decision(
                user, ClientAction.VIEW_NOTES, client, notes_decision, purpose=purpose_for(user)
            )
            notes, withheld = notes_for_user(user, client, notes_decision)
    team = CareTeamAssignment.objects.active().filter(client=client).select_related("staff")
    allowed = {action.value: d.allowed for action, d in decisions.items()}
    context = {
        "client": client,
        "grant": decision.break_glass or notes_decision.break_glass,
        "notes": notes,
        "withheld": withheld,
        "team": team,
        "allowed": allowed,
        "checklist": checklist_for(client) if allowed["manage_consent"] else None,
    }
    return render(request, "clients/detail.html", context)


@require_http_methods(["GET", "POST"])
def edit_identity(request: HttpRequest, code: str) -> HttpResponse:
    user = request.user
    client, _decision = access_client(
        user, code, ClientAction.EDIT_IDENTITY, purpose=purpose_for(user)
    )
    initial = {name: getattr(client, name) for name in IDENTITY_FIELDS}
    form = IdentityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        changed = services.do_update_identity(client, acting_user=user, **form.cleaned_data)
        messages.success(request, _("Saved.") if changed else _("Nothing was changed."))
        return redirect("clients:detail", code=client.code)
    history = [
        {"revision": r, "previous": json.loads(r.previous or "{}")}
        for r in client.revisions.select_related("changed_by")
    ]
    return render(
        request, "clients/edit.html", {"form": form, "client": client, "history": history}
    )


@require_POST
def close_or_reopen(request: HttpRequest, code: str) -> HttpResponse:
    user = request.user
    client, _decision = access_client(
        user, code, ClientAction.CLOSE_REOPEN, purpose=purpose_for(user)
    )
    if client.status == Client.Status.OPEN:
        services.do_close_client(client, acting_user=user)
        messages.success(request, _("The record is closed. It can be reopened."))
    else:
        services.do_reopen_client(client, acting_user=user)
        messages.success(request, _("The record is open again."))
    return redirect("clients:detail", code=client.code)


@require_http_methods(["GET", "POST"])
def care_team(request: HttpRequest, code: str) -> HttpResponse:
    user = request.user
    client, _decision = access_client(user, code, ClientAction.ASSIGN, purpose=purpose_for(user))
    form = AssignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_assign(
                client,
                form.cleaned_data["staff"],
                starts_on=form.cleaned_data["starts_on"],
                ends_on=form.cleaned_data["ends_on"],
                acting_user=user,
            )
            messages.success(request, _("Added to the care team."))
            return redirect("clients:care_team", code=client.code)
        except services.AssignmentError as error:
            form.add_error(None, str(error))
    assignments = client.assignments.select_related("staff", "assigned_by").order_by("-starts_on")
    context = {
        "client": client,
        "form": form,
        "assignments": assignments,
        "end_form": EndAssignmentForm(),
    }
    return render(request, "clients/care_team.html", context)


@require_POST
def end_assignment(request: HttpRequest, code: str, assignment_id: str) -> HttpResponse:
    user = request.user
    client, _decision = access_client(user, code, ClientAction.ASSIGN, purpose=purpose_for(user))
    assignment = client.assignments.filter(pk=assignment_id).first()
    if assignment is None:
        raise Http404
    form = EndAssignmentForm(request.POST)
    if form.is_valid():
        try:
            services.do_end_assignment(
                assignment, ends_on=form.cleaned_data["ends_on"], acting_user=user
            )
            messages.success(request, _("The assignment ends on that day."))
        except services.AssignmentError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Give the last day of the assignment."))
    return redirect("clients:care_team", code=client.code)
