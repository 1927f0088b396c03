"""A shared packet as a PDF: pseudonym, frozen redacted text and thread, nothing else."""

from django.utils import timezone
from django.utils.translation import gettext as _

from confide.supervision.models import Packet, PacketMessage, PacketSection
from confide.web.pdf import REDISCLOSURE_NOTICE, table_pdf


def packet_pdf(
    packet: Packet, sections: list[tuple[str, PacketSection]], thread: list[PacketMessage]
) -> bytes:
    rows = []
    for name, section in sections:
        heading = name
        if section.day_offset:
            heading = _("%(name)s (%(days)s days after note 1)") % {
                "name": name,
                "days": section.day_offset,
            }
        rows.append([heading, section.redacted_text or ""])
    for message in thread:
        when = timezone.localtime(message.created_at).strftime("%Y-%m-%d %H:%M")
        rows.append([f"{message.author.display_name}, {when}", message.body or ""])
    return table_pdf(
        title=_("Consultation packet: %(label)s") % {"label": packet.pseudonym},
        intro=[
            _(
                "A de-identified consultation packet. Names, places, contacts and dates were "
                "replaced before it was shared; it does not say who the client is."
            )
        ],
        header=[_("Part"), _("Text")],
        rows=rows,
        notices=[REDISCLOSURE_NOTICE] if packet.substance_use else [],
    )
