"""Consultation packets: build, rewrite the question, correct the redaction, share (the
first share freezes; later ones add readers), discuss.

Each ``do_*`` function is one transaction with its audit event. Refusals raise
``PacketError`` with a message for the person acting, before anything is written.
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from confide.accounts.models import Role, User
from confide.audit.actions import Action
from confide.audit.services import record_event
from confide.clients.models import Client
from confide.notes.models import Note, Sensitivity
from confide.supervision.models import (
    Packet,
    PacketAdjustment,
    PacketMessage,
    PacketSection,
    PacketShare,
    PeerGroup,
    SupervisionNote,
    new_pseudonym,
)
from confide.supervision.redaction import (
    ADDABLE_LABELS,
    find_occurrences,
    known_identifiers_for,
    preview_packet,
    section_spans,
    section_text,
)

MAX_TEXT = 10_000


class PacketError(ValueError):
    """The request cannot be done; the message says why, in plain words."""


class PacketFrozen(PacketError):
    """The packet was shared: its content no longer changes."""


def _event(action: Action, packet: Packet, actor: User, **details: object) -> None:
    record_event(
        action,
        actor=actor,
        resource_type="packet",
        resource_id=str(packet.pk),
        client_id=str(packet.client_id),
        purpose="supervision",
        details=details or None,
    )


def _locked_draft(packet: Packet) -> Packet:
    locked = Packet.objects.select_for_update().get(pk=packet.pk)
    if locked.is_frozen:
        raise PacketFrozen(_("This packet was shared, so it can no longer be changed."))
    return locked


def ordered_sections(packet: Packet) -> list[PacketSection]:
    return list(
        packet.sections.select_related("note").prefetch_related("adjustments").order_by("position")
    )


def _question(question: str) -> str:
    question = (question or "").strip()
    if not question:
        raise PacketError(_("Write the question you want to ask."))
    if len(question) > MAX_TEXT:
        raise PacketError(_("The question is too long."))
    return question


def do_create_packet(
    client: Client, *, acting_user: User, notes: Iterable[Note], question: str
) -> Packet:
    """A draft packet from signed notes of ``client`` and a question.

    The caller has asked the access decision point that ``acting_user`` may read the
    client's notes, and offers only the notes ``notes_for_user`` returned.
    """
    question = _question(question)
    notes = list(notes)
    if not notes:
        raise PacketError(_("Choose at least one note."))
    if any(note.client_id != client.pk or not note.is_signed for note in notes):
        raise PacketError(_("Only signed notes of this client can go into the packet."))
    notes.sort(key=lambda n: (n.session_date, n.created_at))
    first = notes[0].session_date
    with transaction.atomic():
        initials = "".join(
            word[0]
            for name in (client.legal_name, client.preferred_name)
            if name
            for word in name.split()
            if word
        )
        packet = Packet.objects.create(
            client=client,
            author=acting_user,
            pseudonym=new_pseudonym(avoid=initials),
            substance_use=any(Sensitivity.SUBSTANCE_USE in n.tags for n in notes),
        )
        PacketSection.objects.create(
            packet=packet,
            client=client,
            kind=PacketSection.Kind.QUESTION,
            position=0,
            draft_text=question,
        )
        for position, note in enumerate(notes, start=1):
            PacketSection.objects.create(
                packet=packet,
                client=client,
                kind=PacketSection.Kind.NOTE,
                position=position,
                note=note,
                day_offset=(note.session_date - first).days,
            )
        _event(Action.PACKET_CREATED, packet, acting_user, notes=len(notes))
    return packet


def do_edit_question(packet: Packet, *, acting_user: User, question: str) -> int:
    """Replace the question of a draft; ``PacketFrozen`` once it was shared.

    The caller has asked the access decision point (``PacketAction.EDIT``). Redactions the
    worker added or restored in the question point at places in the old text, so they are
    cleared; returns how many were. The same text again changes nothing.
    """
    question = _question(question)
    with transaction.atomic():
        locked = _locked_draft(packet)
        section = locked.sections.get(kind=PacketSection.Kind.QUESTION)
        if section.draft_text == question:
            return 0
        cleared, _deleted = section.adjustments.all().delete()
        section.draft_text = question
        section.save(update_fields=["draft_text"])
        _event(Action.PACKET_QUESTION_EDITED, locked, acting_user, cleared=cleared)
    return cleared


def _section(packet: Packet, section_id: object) -> PacketSection:
    section = packet.sections.select_related("note").filter(pk=section_id).first()
    if section is None:
        raise PacketError(_("Choose a part of this packet."))
    return section


def do_add_redaction(
    packet: Packet,
    *,
    acting_user: User,
    words: str,
    label: str,
    section_id: object = None,
    start: int | None = None,
    end: int | None = None,
) -> int:
    """Hide ``words`` the engine missed: at ``start:end`` of one section when given (and
    they match), else everywhere they occur in the chosen section or the whole packet.
    Returns how many places were hidden."""
    if label not in ADDABLE_LABELS:
        raise PacketError(_("Say what kind of identifier this is."))
    with transaction.atomic():
        # The question of a draft can be rewritten: offsets are taken from the text as it
        # stands under the lock, never from a version read before it.
        _locked_draft(packet)
        sections = ordered_sections(packet)
        if section_id:
            chosen = _section(packet, section_id)
            sections = [s for s in sections if s.pk == chosen.pk]
        places: list[tuple[PacketSection, int, int]] = []
        for section in sections:
            text = section_text(section)
            if (
                start is not None
                and end is not None
                and len(sections) == 1
                and 0 <= start < end <= len(text)
                and (not words.strip() or text[start:end].strip() == words.strip())
            ):
                places.append((section, start, end))
                continue
            places += [(section, a, b) for a, b in find_occurrences(text, words)]
        if not places:
            raise PacketError(_("Those words are not in the packet. Copy them exactly as written."))
        for section, a, b in places:
            PacketAdjustment.objects.create(
                section=section,
                kind=PacketAdjustment.Kind.ADDED,
                start=a,
                end=b,
                label=label,
                created_by=acting_user,
            )
        _event(Action.PACKET_REDACTION_ADDED, packet, acting_user, places=len(places), label=label)
    return len(places)


def do_restore(
    packet: Packet, *, acting_user: User, section_id: object, start: int, end: int
) -> PacketAdjustment:
    """Show again a word the engine hid by mistake. Only the engine's guesses can be
    restored: what the record knows about the client always stays hidden."""
    with transaction.atomic():
        _locked_draft(packet)  # first, so the offsets are checked against the current text
        section = _section(packet, section_id)
        text = section_text(section)
        spans, restorable, _added = section_spans(
            text, known_identifiers_for(packet.client), list(section.adjustments.all())
        )
        span = next((s for s in spans if (s.start, s.end) == (start, end)), None)
        if span is None:
            raise PacketError(_("There is no such redaction to restore."))
        if span.source == "known":
            raise PacketError(
                _("This is something the record holds about the client, so it always stays hidden.")
            )
        if (start, end) not in restorable:
            raise PacketError(_("A redaction you added cannot be restored."))
        adjustment = PacketAdjustment.objects.create(
            section=section,
            kind=PacketAdjustment.Kind.RESTORED,
            start=start,
            end=end,
            label=span.label,
            created_by=acting_user,
        )
        _event(Action.PACKET_REDACTION_RESTORED, packet, acting_user, label=span.label)
    return adjustment


def _freeze(packet: Packet) -> None:
    sections = ordered_sections(packet)
    for preview in preview_packet(packet, sections):
        section = preview.section
        section.redacted_text = preview.redacted
        section.redacted_spans = preview.redacted_spans()
        section.draft_text = None  # the question as written is not kept in a shared packet
        section.save(update_fields=["redacted_text", "redacted_spans", "draft_text"])
    packet.status = Packet.Status.SHARED
    packet.shared_at = timezone.now()
    packet.save(update_fields=["status", "shared_at"])


def do_share_packet(
    packet: Packet,
    *,
    acting_user: User,
    supervisor: User | None = None,
    group: PeerGroup | None = None,
) -> PacketShare:
    """Share with one supervisor or one peer group. The first share freezes the packet:
    its redacted text is stored as shown in the preview and never changes again. Later
    shares add readers of the same frozen content; the same reader twice is refused.

    The caller has asked the access decision point (``PacketAction.SHARE``)."""
    if (supervisor is None) == (group is None):
        raise PacketError(_("Choose a supervisor or a peer group."))
    if supervisor is not None and (supervisor.role != Role.SUPERVISOR or not supervisor.is_active):
        raise PacketError(_("Packets can be shared only with a supervisor."))
    if supervisor is not None and supervisor.pk == acting_user.pk:
        raise PacketError(_("Choose someone other than yourself."))
    if group is not None and not group.members.exclude(pk=acting_user.pk).exists():
        raise PacketError(_("That group has nobody else in it."))
    with transaction.atomic():
        locked = Packet.objects.select_for_update().get(pk=packet.pk)
        if locked.shares.filter(supervisor=supervisor, group=group).exists():
            raise PacketError(_("The packet is already shared with them."))
        first_share = not locked.is_frozen
        if first_share:
            _freeze(locked)
        share = PacketShare.objects.create(
            packet=locked, supervisor=supervisor, group=group, shared_by=acting_user
        )
        _event(
            Action.PACKET_SHARED,
            locked,
            acting_user,
            with_group=group is not None,
            recipient=str((supervisor or group).pk),  # type: ignore[union-attr]
            frozen=first_share,
        )
    packet.refresh_from_db()
    return share


def do_discard_packet(packet: Packet, *, acting_user: User) -> None:
    """Throw away a draft (a shared packet stays: others have read it)."""
    with transaction.atomic():
        locked = _locked_draft(packet)
        _event(Action.PACKET_DISCARDED, locked, acting_user)
        locked.delete()


def _body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise PacketError(_("Write something first."))
    if len(body) > MAX_TEXT:
        raise PacketError(_("That is too long for one message."))
    return body


def do_reply(packet: Packet, *, acting_user: User, body: str) -> PacketMessage:
    """Add a message to a shared packet's thread."""
    body = _body(body)
    if not packet.is_frozen:
        raise PacketError(_("Share the packet before discussing it."))
    with transaction.atomic():
        message = PacketMessage.objects.create(
            packet=packet, client_id=packet.client_id, author=acting_user, body=body
        )
        _event(Action.PACKET_REPLIED, packet, acting_user)
    return message


def do_record_supervision_note(packet: Packet, *, acting_user: User, body: str) -> SupervisionNote:
    """A supervisor's own note on the packet, kept under its pseudonym."""
    body = _body(body)
    with transaction.atomic():
        note = SupervisionNote.objects.create(
            packet=packet, client_id=packet.client_id, author=acting_user, body=body
        )
        _event(Action.SUPERVISION_NOTE_RECORDED, packet, acting_user)
    return note


def do_save_peer_group(
    *, acting_user: User, name: str, members: Iterable[User], group: PeerGroup | None = None
) -> PeerGroup:
    """Create or change a peer group. Members are peer supporters and supervisors only."""
    name = (name or "").strip()
    members = list(members)
    if not name:
        raise PacketError(_("Give the group a name."))
    if any(m.role not in (Role.PEER_SUPPORTER, Role.SUPERVISOR) for m in members):
        raise PacketError(_("Only peer supporters and supervisors can be in a peer group."))
    if PeerGroup.objects.filter(name__iexact=name).exclude(pk=getattr(group, "pk", None)).exists():
        raise PacketError(_("There is already a group with that name."))
    with transaction.atomic():
        created = group is None
        if group is None:
            group = PeerGroup.objects.create(name=name, created_by=acting_user)
        else:
            group.name = name
            group.save(update_fields=["name"])
        group.members.set(members)
        record_event(
            Action.PEER_GROUP_SAVED,
            actor=acting_user,
            resource_type="peer_group",
            resource_id=str(group.pk),
            details={"created": created, "members": len(members)},
        )
    return group
