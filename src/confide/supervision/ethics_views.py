"""The ethics consultation log: record, list and filter by topic, and the guidelines page."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from confide.audit.actions import Action
from confide.audit.services import record_event
from confide.supervision.access import PacketAction, access_packet, is_clinical, packets_for_user
from confide.supervision.ethics import (
    GUIDELINES,
    Topic,
    Value,
    do_record_ethics_consultation,
    ethics_for_user,
)
from confide.supervision.forms import EthicsFilterForm, EthicsForm
from confide.supervision.models import Packet


def _clinical_only(request: HttpRequest) -> None:
    if not is_clinical(request.user):
        raise Http404


@require_GET
def guidelines(request: HttpRequest) -> HttpResponse:
    _clinical_only(request)
    values = [(Value(key).label, text) for key, text in GUIDELINES.items()]
    return render(request, "supervision/guidelines.html", {"values": values})


@require_GET
def ethics_list(request: HttpRequest) -> HttpResponse:
    _clinical_only(request)
    form = EthicsFilterForm(request.GET or None)
    entries = list(
        ethics_for_user(request.user)
        .select_related("recorded_by", "packet")
        .order_by("-created_at")
    )
    if form.is_valid():
        topic, value = form.cleaned_data["topic"], form.cleaned_data["value"]
        # Topics are few and entries per person modest: filtering here keeps one code path
        # for SQLite and PostgreSQL (JSON containment differs between them).
        entries = [
            e
            for e in entries
            if (not topic or topic in e.topics) and (not value or value in e.values)
        ]
    return render(
        request,
        "supervision/ethics_list.html",
        {"form": form, "entries": entries, "topic_labels": dict(Topic.choices)},
    )


@require_http_methods(["GET", "POST"])
def ethics_new(request: HttpRequest) -> HttpResponse:
    _clinical_only(request)
    user = request.user
    packets = list(packets_for_user(user).filter(status=Packet.Status.SHARED))
    initial = {"packet": request.GET.get("packet", "")}
    form = EthicsForm(request.POST or None, packets=packets, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        packet = form.chosen_packet()
        if packet is not None:
            packet = access_packet(user, packet.pk, PacketAction.VIEW)
        data = form.cleaned_data
        entry, replaced = do_record_ethics_consultation(
            acting_user=user,
            topics=data["topics"],
            values=data["values"],
            consulted=data["consulted"],
            packet=packet,
            question=data["question"],
            options=data["options"],
            decision=data["decision"],
            rationale=data["rationale"],
        )
        if replaced.total:
            messages.warning(
                request,
                ngettext(
                    "Before saving, %(n)s identifier was replaced (%(kinds)s). "
                    "Check the entry below.",
                    "Before saving, %(n)s identifiers were replaced (%(kinds)s). "
                    "Check the entry below.",
                    replaced.total,
                )
                % {
                    "n": replaced.total,
                    "kinds": ", ".join(
                        f"{count} {_label(label)}" for label, count in replaced.by_label.items()
                    ),
                },
            )
        else:
            messages.success(request, _("Saved. No identifiers were found."))
        return redirect("supervision:ethics_detail", entry_id=entry.pk)
    return render(request, "supervision/ethics_new.html", {"form": form})


def _label(label: str) -> str:
    return {
        "PERSON": _("names"),
        "LOCATION": _("places"),
        "ORG": _("organisations"),
        "ADDRESS": _("addresses"),
        "PHONE": _("phone numbers"),
        "EMAIL": _("email addresses"),
        "DATE": _("dates"),
        "AGE": _("ages"),
        "ID": _("numbers or ids"),
        "ZIP": _("ZIP codes"),
        "URL": _("web addresses"),
        "IP": _("IP addresses"),
    }.get(label, _("other"))


@require_GET
def ethics_detail(request: HttpRequest, entry_id: str) -> HttpResponse:
    entry = (
        ethics_for_user(request.user)
        .select_related("recorded_by", "packet")
        .filter(pk=entry_id)
        .first()
    )
    record_event(
        Action.ETHICS_VIEWED,
        actor=request.user,
        resource_type="ethics",
        resource_id=str(entry_id),
        outcome="allowed" if entry is not None else "denied",
        purpose="supervision",
    )
    if entry is None:
        raise Http404
    context = {
        "entry": entry,
        "topics": [Topic(t).label for t in entry.topics],
        "values": [Value(v).label for v in entry.values],
        "consulted": entry.consulted.order_by("display_name"),
    }
    return render(request, "supervision/ethics_detail.html", context)
