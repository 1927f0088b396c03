from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from confide.access.decisions import (
    break_glass_clients_for_user,
    caseload_for_user,
    consented_client_ids,
)
from confide.access.permissions import Permission, has_permission
from confide.access.rules import ClientAction
from confide.access.services import unreviewed_break_glass
from confide.consent.checklist import explainer_due_for
from confide.consent.models import Disclosure
from confide.consent.rules import consents_ending_for
from confide.notes.models import Note
from confide.supervision.dashboard import supervision_summary


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """What is due for this person: caseload, drafts to sign, emergency access, reviews."""
    user = request.user
    drafts = (
        Note.objects.filter(author=user, status=Note.Status.DRAFT)
        .select_related("client")
        .order_by("-updated_at")
    )
    context = {
        "caseload_count": caseload_for_user(user).count(),
        "consented_count": len(set(consented_client_ids(user, ClientAction.VIEW_IDENTITY))),
        "drafts": drafts,
        "emergency": break_glass_clients_for_user(user),
        "reviews_waiting": (
            unreviewed_break_glass().count()
            if has_permission(user, Permission.REVIEW_BREAK_GLASS)
            else None
        ),
        "disclosures_waiting": (
            Disclosure.objects.filter(needs_review=True).count()
            if has_permission(user, Permission.REVIEW_DISCLOSURES)
            else None
        ),
        "consents_ending": consents_ending_for(user),
        "explainer_due": explainer_due_for(caseload_for_user(user)),
        "supervision": supervision_summary(user),
    }
    return render(request, "web/dashboard.html", context)


@login_not_required
def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    # The reason is for developers; users get a plain explanation and nothing internal.
    return render(request, "403_csrf.html", status=403)


@login_not_required
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
