"""Consultation packets: build from a client's notes, preview and correct, share, discuss.

Packet pages are addressed by the packet's id and show only its pseudonym: no client code,
name or link back to the record, whoever reads them.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from confide.access.decisions import access_client, client_action_is_allowed, notes_for_user
from confide.access.purposes import purpose_for
from confide.access.rules import ClientAction
from confide.accounts.decorators import require_reauthentication
from confide.audit.actions import Action
from confide.audit.services import record_event
from confide.supervision import services
from confide.supervision.access import (
    PacketAction,
    PacketNotFound,
    access_packet,
    is_recipient,
    packets_shared_with,
    packets_written_by,
)
from confide.supervision.forms import (
    AddRedactionForm,
    EditQuestionForm,
    MessageForm,
    NewPacketForm,
    RestoreForm,
    ShareForm,
    SupervisionNoteForm,
)
from confide.supervision.models import Packet, PacketSection, SupervisionNote
from confide.supervision.pdf import packet_pdf
from confide.supervision.redaction import preview_packet


def _client_for_draft(request: HttpRequest, packet: Packet) -> None:
    """A draft shows the originals: its author must still be allowed to read the notes."""
    client, decision = access_client(
        request.user, packet.client.code, ClientAction.VIEW_NOTES, purpose=purpose_for(request.user)
    )
    if decision.break_glass is not None:
        raise PacketNotFound


@require_http_methods(["GET", "POST"])
def new_packet(request: HttpRequest, code: str) -> HttpResponse:
    user = request.user
    client, decision = access_client(user, code, ClientAction.VIEW_NOTES, purpose=purpose_for(user))
    if decision.break_glass is not None:
        # Emergency access is for the emergency, not for building supervision packets.
        raise PacketNotFound
    notes, _withheld = notes_for_user(user, client, decision)
    form = NewPacketForm(request.POST or None, notes=notes)
    if request.method == "POST" and form.is_valid():
        try:
            packet = services.do_create_packet(
                client,
                acting_user=user,
                notes=form.chosen_notes(),
                question=form.cleaned_data["question"],
            )
            messages.success(request, _("Check the preview, then share the packet."))
            return redirect("supervision:packet", packet_id=packet.pk)
        except services.PacketError as error:
            form.add_error(None, str(error))
    return render(request, "supervision/new_packet.html", {"form": form, "client": client})


@require_GET
def packet_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = {
        "shared_with_me": packets_shared_with(user).select_related("author"),
        "written": packets_written_by(user).select_related("client"),
    }
    return render(request, "supervision/packet_list.html", context)


def _section_names(sections: list[PacketSection]) -> dict[object, str]:
    names = {}
    for section in sections:
        if section.kind == PacketSection.Kind.QUESTION:
            names[section.pk] = _("Question")
        else:
            names[section.pk] = _("Note %(n)s") % {"n": section.position}
    return names


@require_GET
def packet_detail(request: HttpRequest, packet_id: str) -> HttpResponse:
    user = request.user
    packet = access_packet(user, packet_id, PacketAction.VIEW)
    sections = services.ordered_sections(packet)
    names = _section_names(sections)
    if not packet.is_frozen:
        return _draft_page(request, packet, sections, names)
    return _shared_page(request, packet, sections, names)


def _shared_page(
    request: HttpRequest,
    packet: Packet,
    sections: list[PacketSection],
    names: dict[object, str],
    *,
    share_form: ShareForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    recipient = is_recipient(user, packet)
    is_author = packet.author_id == user.pk
    context = {
        "packet": packet,
        "sections": [(names[s.pk], s, _pieces(s)) for s in sections],
        "thread": packet.messages.select_related("author"),
        "shares": packet.shares.select_related("supervisor", "group"),
        "message_form": MessageForm(),
        "is_author": is_author,
        # Only the author shares with more people (PacketAction.SHARE).
        "share_form": (share_form or ShareForm(author=user, packet=packet)) if is_author else None,
        "recipient": recipient,
        "supervision_notes": (
            SupervisionNote.objects.filter(packet=packet, author=user) if recipient else []
        ),
        "note_form": SupervisionNoteForm() if recipient else None,
        "ethics": packet.ethics_consultations.all(),
        "identified_record": _identified_record(user, packet),
    }
    return render(request, "supervision/packet.html", context, status=status)


def _identified_record(user: object, packet: object) -> str | None:
    """The client's record, for a supervisor the client consented may know who they are;
    for everyone else the packet leads nowhere."""
    if packet.author_id == user.pk:
        return None
    decision = client_action_is_allowed(user, ClientAction.VIEW_IDENTITY, packet.client)
    if decision.allowed and decision.reason == "consent":
        return reverse("clients:detail", args=[packet.client.code])
    return None


def _pieces(section: PacketSection) -> list[tuple[str, str | None]]:
    """The frozen text cut into plain runs and replacements (with their label)."""
    text = section.redacted_text or ""
    pieces: list[tuple[str, str | None]] = []
    pos = 0
    for start, end, label in section.redacted_spans:
        if start > pos:
            pieces.append((text[pos:start], None))
        pieces.append((text[start:end], str(label).lower()))
        pos = end
    if pos < len(text):
        pieces.append((text[pos:], None))
    return pieces


def _draft_page(
    request: HttpRequest,
    packet: Packet,
    sections: list[PacketSection],
    names: dict[object, str],
    *,
    add_form: AddRedactionForm | None = None,
    question_form: EditQuestionForm | None = None,
    share_form: ShareForm | None = None,
    status: int = 200,
) -> HttpResponse:
    _client_for_draft(request, packet)
    previews = preview_packet(packet, sections)
    choices = [(str(s.pk), names[s.pk]) for s in sections]
    question = next(s for s in sections if s.kind == PacketSection.Kind.QUESTION)
    context = {
        "packet": packet,
        "previews": [(names[p.section.pk], p) for p in previews],
        "add_form": add_form or AddRedactionForm(sections=choices),
        "question_form": question_form
        or EditQuestionForm(initial={"question": question.draft_text}),
        # Saving another question clears what was hidden or restored in this one.
        "question_adjusted": bool(question.adjustments.all()),
        "share_form": share_form or ShareForm(author=request.user, packet=packet),
        "restore_form": RestoreForm,
    }
    return render(request, "supervision/draft.html", context, status=status)


def _redraw(request: HttpRequest, packet: Packet, **forms: object) -> HttpResponse:
    """The packet's page again with the form that failed, its errors and what was typed."""
    sections = services.ordered_sections(packet)
    page = _shared_page if packet.is_frozen else _draft_page
    return page(request, packet, sections, _section_names(sections), status=400, **forms)


@require_POST
def edit_question(request: HttpRequest, packet_id: str) -> HttpResponse:
    packet = access_packet(request.user, packet_id, PacketAction.EDIT)
    _client_for_draft(request, packet)
    form = EditQuestionForm(request.POST)
    if form.is_valid():
        try:
            cleared = services.do_edit_question(
                packet, acting_user=request.user, question=form.cleaned_data["question"]
            )
        except services.PacketFrozen as error:
            # Shared in the meantime (another tab): nothing of the draft is left to edit.
            messages.error(request, str(error))
            return redirect("supervision:packet", packet_id=packet.pk)
        except services.PacketError as error:
            form.add_error("question", str(error))
        else:
            messages.success(request, _("Question saved. Check the preview again."))
            if cleared:
                messages.warning(
                    request,
                    ngettext(
                        "Your change to what is hidden in the old question was cleared: "
                        "it does not fit the new text. Check the question in the preview.",
                        "Your %(n)s changes to what is hidden in the old question were "
                        "cleared: they do not fit the new text. Check the question in the "
                        "preview.",
                        cleared,
                    )
                    % {"n": cleared},
                )
            return redirect("supervision:packet", packet_id=packet.pk)
    return _redraw(request, packet, question_form=form)


@require_POST
def add_redaction(request: HttpRequest, packet_id: str) -> HttpResponse:
    packet = access_packet(request.user, packet_id, PacketAction.EDIT)
    _client_for_draft(request, packet)
    sections = services.ordered_sections(packet)
    names = _section_names(sections)
    form = AddRedactionForm(request.POST, sections=[(str(s.pk), names[s.pk]) for s in sections])
    if form.is_valid():
        data = form.cleaned_data
        try:
            count = services.do_add_redaction(
                packet,
                acting_user=request.user,
                words=data["words"] or "",
                label=data["label"],
                section_id=data["section"] or None,
                start=data["start"],
                end=data["end"],
            )
            messages.success(
                request,
                _("Hidden in %(n)s place(s). Check the preview again.") % {"n": count},
            )
            return redirect("supervision:packet", packet_id=packet.pk)
        except services.PacketError as error:
            form.add_error(None, str(error))
    return _redraw(request, packet, add_form=form)


@require_POST
def restore(request: HttpRequest, packet_id: str) -> HttpResponse:
    packet = access_packet(request.user, packet_id, PacketAction.EDIT)
    _client_for_draft(request, packet)
    form = RestoreForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("There is no such redaction to restore."))
        return redirect("supervision:packet", packet_id=packet.pk)
    try:
        services.do_restore(
            packet,
            acting_user=request.user,
            section_id=form.cleaned_data["section"],
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
        )
        messages.success(request, _("Restored. It will be shown as written."))
    except services.PacketError as error:
        messages.error(request, str(error))
    return redirect("supervision:packet", packet_id=packet.pk)


@require_POST
def share(request: HttpRequest, packet_id: str) -> HttpResponse:
    packet = access_packet(request.user, packet_id, PacketAction.SHARE)
    if not packet.is_frozen:
        _client_for_draft(request, packet)
    form = ShareForm(request.POST, author=request.user, packet=packet)
    if form.is_valid():
        already_frozen = packet.is_frozen
        try:
            services.do_share_packet(
                packet,
                acting_user=request.user,
                supervisor=form.cleaned_data["supervisor"],
                group=form.cleaned_data["group"],
            )
            if already_frozen:
                messages.success(request, _("Shared with them too. The packet is unchanged."))
            else:
                messages.success(request, _("Shared. The packet can no longer be changed."))
            return redirect("supervision:packet", packet_id=packet.pk)
        except services.PacketError as error:
            form.add_error(None, str(error))
    return _redraw(request, packet, share_form=form)


@require_POST
def discard(request: HttpRequest, packet_id: str) -> HttpResponse:
    packet = access_packet(request.user, packet_id, PacketAction.EDIT)
    _client_for_draft(request, packet)
    services.do_discard_packet(packet, acting_user=request.user)
    messages.success(request, _("The draft packet was thrown away."))
    return redirect("supervision:packets")


@require_POST
def reply(request: HttpRequest, packet_id: str) -> HttpResponse:
    packet = access_packet(request.user, packet_id, PacketAction.REPLY)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.do_reply(packet, acting_user=request.user, body=form.cleaned_data["body"])
            messages.success(request, _("Reply sent."))
        except services.PacketError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Write something first."))
    return redirect("supervision:packet", packet_id=packet.pk)


@require_POST
def supervision_note(request: HttpRequest, packet_id: str) -> HttpResponse:
    packet = access_packet(request.user, packet_id, PacketAction.SUPERVISION_NOTE)
    form = SupervisionNoteForm(request.POST)
    if form.is_valid():
        services.do_record_supervision_note(
            packet, acting_user=request.user, body=form.cleaned_data["body"]
        )
        messages.success(request, _("Supervision note saved."))
    else:
        messages.error(request, _("Write something first."))
    return redirect("supervision:packet", packet_id=packet.pk)


@require_GET
@require_reauthentication
def packet_as_pdf(request: HttpRequest, packet_id: str) -> HttpResponse:
    packet = access_packet(request.user, packet_id, PacketAction.EXPORT)
    sections = services.ordered_sections(packet)
    names = _section_names(sections)
    thread = list(packet.messages.select_related("author"))
    record_event(
        Action.EXPORTED,
        actor=request.user,
        resource_type="packet",
        resource_id=str(packet.pk),
        client_id=str(packet.client_id),
        purpose="supervision",
        details={"format": "pdf", "messages": len(thread)},
    )
    pdf = packet_pdf(packet, [(names[s.pk], s) for s in sections], thread)
    response = HttpResponse(pdf, content_type="application/pdf")
    label = packet.pseudonym.replace("Client ", "")
    response["Content-Disposition"] = f'attachment; filename="consultation-{label}.pdf"'
    return response
