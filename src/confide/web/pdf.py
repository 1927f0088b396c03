"""PDF documents with Confide's confidentiality footer on every page (reportlab)."""

import io
from collections.abc import Sequence

from django.utils import timezone
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

CONFIDENTIALITY_FOOTER = (
    "CONFIDENTIAL. This document holds protected information about a person receiving "
    "peer support. Do not copy or share it without their consent or a legal requirement."
)
# 42 CFR 2.32 requires this notice with substance-use records that are disclosed.
REDISCLOSURE_NOTICE = (
    "This record which has been disclosed to you is protected by federal confidentiality "
    "rules (42 CFR part 2). The federal rules prohibit you from making any further "
    "disclosure of information in this record that identifies a patient as having or having "
    "had a substance use disorder either directly, by reference to publicly available "
    "information, or through verification of such identification by another person unless "
    "further disclosure is expressly permitted by the written consent of the individual whose "
    "information is being disclosed or as otherwise permitted by 42 CFR part 2."
)


def table_pdf(
    *,
    title: str,
    intro: Sequence[str],
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    notices: Sequence[str] = (),
) -> bytes:
    """A one-table document: title, intro paragraphs, the table, any notices, and the
    confidentiality footer (with page numbers) on every page. All text is escaped."""
    body = [Paragraph(_escape(text), _STYLES["BodyText"]) for text in intro]
    body.append(Spacer(1, 12))
    data = [[Paragraph(f"<b>{_escape(h)}</b>", _SMALL) for h in header]]
    data += [[Paragraph(_escape(cell), _SMALL) for cell in row] for row in rows]
    table = Table(data, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8ebf3")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    body.append(table)
    return _build(title, body, notices)


def document_pdf(
    *,
    title: str,
    sections: Sequence[tuple[str, Sequence[str]]],
    notices: Sequence[str] = (),
    image_png: bytes | None = None,
    image_caption: str = "",
) -> bytes:
    """A document of headed sections of paragraphs (plain text, escaped), an optional
    image (a drawn signature) and notices, with the confidentiality footer on every page."""
    body: list = []
    for heading, paragraphs in sections:
        if heading:
            body.append(Paragraph(_escape(heading), _STYLES["Heading3"]))
        body += [Paragraph(_escape(text), _STYLES["BodyText"]) for text in paragraphs]
    if image_png:
        body += [Spacer(1, 8), Image(io.BytesIO(image_png), width=3 * inch, height=1 * inch)]
        body.append(Paragraph(_escape(image_caption), _SMALL))
    return _build(title, body, notices)


_STYLES = getSampleStyleSheet()
_SMALL = _STYLES["BodyText"].clone("small", fontSize=8, leading=10)


def _build(title: str, body: list, notices: Sequence[str]) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        title=title,
        author="Confide",
        leftMargin=0.75 * inch,
        rightMargin=0.75 * inch,
        bottomMargin=1.0 * inch,
    )
    story = [Paragraph(_escape(title), _STYLES["Title"]), *body]
    for notice in notices:
        story += [Spacer(1, 12), Paragraph(_escape(notice), _SMALL)]
    document.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()


def _footer(canvas: object, doc: object) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 7)
    text = canvas.beginText(0.7 * inch, 0.6 * inch)
    for line in _wrap(CONFIDENTIALITY_FOOTER, 130):
        text.textLine(line)
    printed = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    text.textLine(f"Printed {printed}. Page {doc.page}.")
    canvas.drawText(text)
    canvas.restoreState()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _wrap(text: str, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]
