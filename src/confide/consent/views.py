"""Consents, recipients, disclosures and the accounting of disclosures, per client."""

import base64

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from confide.access.decisions import access_client
from confide.access.decorators import require_permission
from confide.access.permissions import Permission
from confide.access.purposes import purpose_for
from confide.access.rules import ClientAction
from confide.accounts.decorators import reauthentication_needed, require_reauthentication
from confide.audit.actions import Action, Outcome
from confide.audit.services import record_event
from confide.consent import services
from confide.consent.accounting import accounting_csv, accounting_pdf, accounting_rows
from confide.consent.checklist import checklist_for
from confide.consent.fhir import consent_to_fhir
from confide.consent.forms import (
    AccountingForm,
    ConsentFormVersionForm,
    ConsentRecordForm,
    DisclosureForm,
    RecipientForm,
    ReviewDisclosureForm,
    RevokeForm,
)
from confide.consent.models import Consent, ConsentForm, Disclosure
from confide.web.pdf import REDISCLOSURE_NOTICE


def _client(request: HttpRequest, code: str, action: ClientAction):
    client, _decision = access_client(request.user, code, action, purpose=purpose_for(request.user))
    return client


def _consent(request: HttpRequest, consent_id: str, action: ClientAction) -> Consent:
    consent = Consent.objects.filter(pk=consent_id).select_related("client", "form").first()
    if consent is None:
        raise Http404
    _client(request, consent.client.code, action)
    return consent


@require_GET
def overview(request: HttpRequest, code: str) -> HttpResponse:
    client = _client(request, code, ClientAction.VIEW_IDENTITY)
    consents = client.consents.select_related("form", "recorded_by").prefetch_related("recipients")
    context = {
        "client": client,
        "consents": consents,
        "disclosures": client.disclosures.select_related("recipient")[:20],
        "recipients": client.recipients.select_related("staff"),
        "checklist": checklist_for(client),
        "now": timezone.now(),
        "redisclosure_notice": REDISCLOSURE_NOTICE,
    }
    return render(request, "consent/overview.html", context)


@require_http_methods(["GET", "POST"])
def add_recipient(request: HttpRequest, code: str) -> HttpResponse:
    client = _client(request, code, ClientAction.MANAGE_CONSENT)
    form = RecipientForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.do_add_recipient(client, acting_user=request.user, **form.cleaned_data)
        messages.success(request, _("Recipient added."))
        # Back to the consent or disclosure form that sent us here, never anywhere else.
        then = request.POST.get("then", "")
        allowed = {
            reverse("consent:record", args=[client.code]),
            reverse("consent:disclose", args=[client.code]),
        }
        return redirect(
            then if then in allowed else reverse("consent:overview", args=[client.code])
        )
    return render(request, "consent/recipient.html", {"client": client, "form": form})


@require_http_methods(["GET", "POST"])
def record_consent(request: HttpRequest, code: str) -> HttpResponse:
    client = _client(request, code, ClientAction.MANAGE_CONSENT)
    form = ConsentRecordForm(
        request.POST or None,
        request.FILES or None,
        client=client,
        user=request.user,
        initial={"starts_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        signature = data["signature"] if data["method"] == "drawn" else data["typed_name"]
        try:
            consent = services.do_record_consent(
                client,
                acting_user=request.user,
                form=data["form"],
                purposes=data["purposes"],
                categories=data["categories"],
                recipients=list(data["recipients"]),
                starts_on=data["starts_on"],
                expires_on=data["expires_on"],
                expiry_event=data["expiry_event"],
                method=data["method"],
                signature=signature if data["method"] in ("drawn", "typed") else "",
                scan=data["scan"] if data["method"] == "scan" else b"",
                attestation=data["attestation"] if data["method"] == "verbal" else "",
                witness=data["witness"] if data["method"] == "verbal" else None,
            )
            messages.success(request, _("Consent recorded. Give the client their copy."))
            return redirect("consent:detail", consent_id=consent.pk)
        except services.ConsentRefused as error:
            form.add_error(None, str(error).capitalize() + ".")
    return render(request, "consent/record.html", {"client": client, "form": form})


@require_GET
def consent_detail(request: HttpRequest, consent_id: str) -> HttpResponse:
    consent = _consent(request, consent_id, ClientAction.VIEW_IDENTITY)
    context = {
        "consent": consent,
        "client": consent.client,
        "recipients": consent.recipients.select_related("staff"),
        "revoke_form": RevokeForm(),
        "active": consent.is_active(),
    }
    return render(request, "consent/detail.html", context)


@require_POST
def revoke(request: HttpRequest, consent_id: str) -> HttpResponse:
    consent = _consent(request, consent_id, ClientAction.MANAGE_CONSENT)
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            services.do_revoke_consent(
                consent, acting_user=request.user, note=form.cleaned_data["note"]
            )
            messages.success(request, _("Consent revoked. It authorises nothing from now on."))
        except services.ConsentRefused as error:
            messages.error(request, str(error))
    return redirect("consent:detail", consent_id=consent.pk)


def _export_event(request: HttpRequest, client: object, kind: str, fmt: str, **details) -> None:
    record_event(
        Action.EXPORTED,
        actor=request.user,
        resource_type=kind,
        resource_id=client.code,
        client_id=str(client.pk),
        purpose=purpose_for(request.user),
        details={"format": fmt, **details},
    )


@require_GET
@require_reauthentication
def consent_copy(request: HttpRequest, consent_id: str) -> HttpResponse:
    consent = _consent(request, consent_id, ClientAction.VIEW_IDENTITY)
    _export_event(request, consent.client, "consent_copy", "pdf")
    response = HttpResponse(base64.b64decode(consent.copy_pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="consent-{consent.client.code}.pdf"'
    return response


@require_GET
@require_reauthentication
def consent_fhir(request: HttpRequest, consent_id: str) -> HttpResponse:
    consent = _consent(request, consent_id, ClientAction.EXPORT)
    _export_event(request, consent.client, "consent_fhir", "fhir_json")
    response = JsonResponse(consent_to_fhir(consent), json_dumps_params={"indent": 2})
    response["Content-Type"] = "application/fhir+json"
    response["Content-Disposition"] = f'attachment; filename="consent-{consent.client.code}.json"'
    return response


@require_http_methods(["GET", "POST"])
def record_disclosure(request: HttpRequest, code: str) -> HttpResponse:
    client = _client(request, code, ClientAction.MANAGE_CONSENT)
    form = DisclosureForm(request.POST or None, client=client)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        exception = "" if data["basis"] == "consent" else data["basis"]
        try:
            services.do_record_disclosure(
                client,
                acting_user=request.user,
                recipient=data["recipient"],
                disclosed_at=data["disclosed_at"],
                how=data["how"],
                purpose=data["purpose"],
                categories=data["categories"],
                notes=list(data["notes"]),
                description=data["description"],
                exception=exception,
                justification=data["justification"],
                client_told=data["client_told"],
                client_told_on=data["client_told_on"],
            )
            messages.success(
                request,
                _("Disclosure recorded. The privacy officer has been asked to review it.")
                if exception
                else _("Disclosure recorded."),
            )
            return redirect("consent:overview", code=client.code)
        except services.ConsentRefused as error:
            record_event(
                Action.DISCLOSURE_REFUSED,
                actor=request.user,
                outcome=Outcome.DENIED,
                resource_type="client",
                resource_id=client.code,
                client_id=str(client.pk),
            )
            form.add_error(None, _("Not recorded: %(why)s.") % {"why": error})
    return render(request, "consent/disclosure.html", {"client": client, "form": form})


@require_GET
def accounting(request: HttpRequest, code: str, fmt: str = "html") -> HttpResponse:
    client = _client(request, code, ClientAction.ACCOUNT_DISCLOSURES)
    form = AccountingForm(request.GET or None)
    start = end = None
    if form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    rows, substance_use = accounting_rows(client, start, end)
    if fmt != "html" and (redirect_to_reauth := reauthentication_needed(request)):
        return redirect_to_reauth
    if fmt == "html":
        context = {
            "client": client,
            "form": form,
            "rows": rows,
            "substance_use": substance_use,
            "query": request.GET.urlencode(),
        }
        return render(request, "consent/accounting.html", context)
    _export_event(request, client, "accounting", fmt, rows=len(rows))
    if fmt == "pdf":
        body, kind = accounting_pdf(client, rows, substance_use, start, end), "application/pdf"
    else:
        body, kind = accounting_csv(rows), "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=kind)
    response["Content-Disposition"] = (
        f'attachment; filename="accounting-of-disclosures-{client.code}.{fmt}"'
    )
    return response


@require_GET
@require_permission(Permission.EDIT_CONSENT_FORMS)
def consent_forms(request: HttpRequest) -> HttpResponse:
    forms_ = ConsentForm.objects.order_by("language", "-version")
    return render(request, "consent/forms.html", {"forms": forms_})


@require_http_methods(["GET", "POST"])
@require_permission(Permission.EDIT_CONSENT_FORMS)
def publish_consent_form(request: HttpRequest) -> HttpResponse:
    latest = ConsentForm.objects.filter(language=request.GET.get("language", "en")).first()
    initial = (
        {"language": latest.language, "title": latest.title, "body": latest.body} if latest else {}
    )
    form = ConsentFormVersionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_publish_consent_form(acting_user=request.user, **form.cleaned_data)
            messages.success(request, _("New version published. Earlier consents keep theirs."))
            return redirect("consent:forms")
        except services.ConsentRefused as error:
            form.add_error(None, str(error))
    return render(request, "consent/form_edit.html", {"form": form})


@require_POST
def client_told(request: HttpRequest, disclosure_id: str) -> HttpResponse:
    disclosure = Disclosure.objects.filter(pk=disclosure_id).select_related("client").first()
    if disclosure is None:
        raise Http404
    client = _client(request, disclosure.client.code, ClientAction.MANAGE_CONSENT)
    services.do_mark_client_told(disclosure, acting_user=request.user, told_on=timezone.localdate())
    messages.success(request, _("Recorded that the client was told."))
    return redirect("consent:overview", code=client.code)


@require_GET
@require_permission(Permission.REVIEW_DISCLOSURES)
def review_queue(request: HttpRequest) -> HttpResponse:
    pending = (
        Disclosure.objects.filter(needs_review=True)
        .select_related("client", "recorded_by", "recipient")
        .order_by("disclosed_at")
    )
    return render(request, "consent/review_queue.html", {"pending": pending})


@require_http_methods(["GET", "POST"])
@require_permission(Permission.REVIEW_DISCLOSURES)
def review(request: HttpRequest, disclosure_id: str) -> HttpResponse:
    disclosure = Disclosure.objects.filter(pk=disclosure_id).select_related("client").first()
    if disclosure is None:
        raise Http404
    _client(request, disclosure.client.code, ClientAction.MANAGE_CONSENT)
    form = ReviewDisclosureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.do_review_disclosure(
                disclosure, acting_user=request.user, note=form.cleaned_data["note"]
            )
            messages.success(request, _("Review recorded."))
            return redirect("consent:review_queue")
        except services.ConsentRefused as error:
            form.add_error(None, str(error))
    context = {"disclosure": disclosure, "form": form, "redisclosure_notice": REDISCLOSURE_NOTICE}
    return render(request, "consent/review.html", context)
