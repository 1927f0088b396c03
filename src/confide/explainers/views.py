"""Explainer pages: the list and editor (staff), delivery to a client, the handout, and
the public page clients can open without an account."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from confide.access.decisions import access_client
from confide.access.decorators import require_permission
from confide.access.permissions import Permission, has_permission
from confide.access.purposes import purpose_for
from confide.access.rules import ClientAction
from confide.clients.models import Client
from confide.explainers import services
from confide.explainers.forms import DeliveryForm, ExplainerForm
from confide.explainers.handout import words
from confide.explainers.markdown import render as render_markdown
from confide.explainers.models import Explainer, Language
from confide.explainers.readability import MEASURE_LABELS, TARGET_GRADE, measure


def _language(value: str) -> str:
    if value not in Language.values:
        raise Http404
    return value


def _explainer(explainer_id: uuid.UUID) -> Explainer:
    explainer = Explainer.objects.filter(pk=explainer_id).first()
    if explainer is None:
        raise Http404
    return explainer


def _client_language(client: Client) -> str:
    """The language the client's record says they read (English unless set)."""
    return client.language if client.language in Language.values else Language.ENGLISH


@require_GET
def explainer_list(request: HttpRequest) -> HttpResponse:
    """The current explainer in each language and every earlier version (no client data)."""
    context = {
        "current": services.current_explainers(),
        "versions": Explainer.objects.select_related("created_by").order_by("language", "-version"),
        "can_edit": has_permission(request.user, Permission.EDIT_EXPLAINERS),
        "languages": Language.choices,
        "target": TARGET_GRADE,
        "measure_labels": MEASURE_LABELS,
    }
    return render(request, "explainers/list.html", context)


@require_http_methods(["GET", "POST"])
@require_permission(Permission.EDIT_EXPLAINERS)
def edit_explainer(request: HttpRequest, language: str) -> HttpResponse:
    """Write a new version from the current one; "Check" measures and previews it,
    "Publish" saves it (a text above the target grade is warned about, not refused)."""
    language = _language(language)
    current = services.current_explainer(language)
    initial = (
        {
            "title": current.title,
            "body": current.body,
            "teach_back_points": "\n".join(current.teach_back_points),
        }
        if current
        else {}
    )
    form = ExplainerForm(request.POST or None, initial=initial)
    body = request.POST.get("body", "") if request.method == "POST" else initial.get("body", "")
    readability = measure(body, language) if body.strip() else None
    publishing = request.method == "POST" and request.POST.get("intent") == "publish"
    if publishing and form.is_valid():
        try:
            explainer = services.do_publish_explainer(
                language=language,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                teach_back_points=form.cleaned_data["teach_back_points"],
                acting_user=request.user,
            )
        except services.ExplainerInvalid as error:
            form.add_error(None, str(error))
        else:
            _published(request, explainer)
            return redirect("explainers:version", explainer_id=explainer.pk)
    context = {
        "form": form,
        "language": language,
        "language_name": Language(language).label,
        "current": current,
        "readability": readability,
        "measure_label": MEASURE_LABELS.get(readability.measure) if readability else "",
        "target": TARGET_GRADE,
        "preview": render_markdown(body) if request.method == "POST" and body.strip() else None,
    }
    return render(request, "explainers/edit.html", context)


def _published(request: HttpRequest, explainer: Explainer) -> None:
    messages.success(
        request, _("Version %(version)d is published.") % {"version": explainer.version}
    )
    grade = explainer.readability_grade
    if grade is not None and grade > TARGET_GRADE:
        messages.warning(
            request,
            _("It reads above grade %(target)d (grade %(grade)s): consider a simpler version.")
            % {"target": TARGET_GRADE, "grade": grade},
        )


@require_GET
def explainer_version(request: HttpRequest, explainer_id: uuid.UUID) -> HttpResponse:
    explainer = _explainer(explainer_id)
    context = {
        "explainer": explainer,
        "text": render_markdown(explainer.body),
        "current": services.current_explainer(explainer.language),
        "can_edit": has_permission(request.user, Permission.EDIT_EXPLAINERS),
        "measure_label": MEASURE_LABELS.get(explainer.readability_measure, ""),
        "target": TARGET_GRADE,
    }
    return render(request, "explainers/version.html", context)


@require_GET
def handout(request: HttpRequest, explainer_id: uuid.UUID) -> HttpResponse:
    """The printable handout of one version: generic, so any member of staff may print it."""
    explainer = _explainer(explainer_id)
    pdf = services.do_print_handout(explainer, acting_user=request.user)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{explainer.handout_filename}"'
    return response


@login_not_required
@require_GET
def public_explainer(request: HttpRequest, language: str) -> HttpResponse:
    """The current explainer for clients: no account, no client data, read-only."""
    language = _language(language)
    explainer = services.current_explainer(language)
    text = words(language)
    context = {
        "explainer": explainer,
        "text": render_markdown(explainer.body) if explainer else "",
        "words": text,
        "version_line": text["version"].format(
            version=explainer.version, date=explainer.published_at.date().isoformat()
        )
        if explainer
        else "",
        "language": language,
        "languages": [(code, name) for code, name in Language.choices if code != language],
    }
    with translation.override(language):
        return render(request, "explainers/public.html", context)


@require_http_methods(["GET", "POST"])
def deliver(request: HttpRequest, code: str) -> HttpResponse:
    """Go through the explainer with a client, on a phone: pick the language, read it
    together, tick what the client said back, note their questions, save."""
    user = request.user
    client, decision = access_client(user, code, ClientAction.WRITE_NOTE, purpose=purpose_for(user))
    explainer = None
    if request.method == "POST":
        # The version on the worker's screen is the one delivered, even if a newer one
        # was published meanwhile.
        try:
            explainer = Explainer.objects.filter(
                pk=uuid.UUID(request.POST.get("explainer", ""))
            ).first()
        except ValueError:
            explainer = None
    language = explainer.language if explainer else request.GET.get("language", "")
    if language not in Language.values:
        language = _client_language(client)
    explainer = explainer or services.current_explainer(language)
    form = None
    if explainer is not None:
        form = DeliveryForm(request.POST or None, explainer=explainer)
        if request.method == "POST" and form.is_valid():
            try:
                services.do_record_delivery(
                    client,
                    explainer=explainer,
                    method=form.cleaned_data["method"],
                    teach_back_confirmed=form.cleaned_data["teach_back_confirmed"],
                    questions=form.cleaned_data["questions"],
                    acting_user=user,
                )
            except services.ExplainerInvalid as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The explainer is recorded."))
                return redirect("clients:detail", code=client.code)
    context = {
        "client": client,
        "grant": decision.break_glass,
        "explainer": explainer,
        "text": render_markdown(explainer.body) if explainer else "",
        "form": form,
        "language": language,
        "languages": Language.choices,
    }
    return render(request, "explainers/deliver.html", context)


@require_GET
def delivery_history(request: HttpRequest, code: str) -> HttpResponse:
    user = request.user
    client, decision = access_client(user, code, ClientAction.VIEW_NOTES, purpose=purpose_for(user))
    context = {
        "client": client,
        "grant": decision.break_glass,
        "deliveries": services.deliveries_for_client(client, decision),
    }
    return render(request, "explainers/history.html", context)
