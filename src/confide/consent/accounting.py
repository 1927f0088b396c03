"""The accounting of disclosures: what was released about a client, to whom, when, why."""

import csv
import datetime
import io
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from confide.clients.models import Client
from confide.consent.models import ConsentPurpose, Disclosure
from confide.web.pdf import REDISCLOSURE_NOTICE, table_pdf


@dataclass(frozen=True)
class AccountingRow:
    date: str
    recipient: str
    description: str
    purpose: str
    basis: str


def accounting_rows(
    client: Client, start: datetime.date | None, end: datetime.date | None
) -> tuple[list[AccountingRow], bool]:
    """The period's disclosures, oldest first, and whether any carried substance-use data."""
    disclosures = Disclosure.objects.filter(client=client).select_related(
        "recipient", "recipient__staff"
    )
    if start:
        disclosures = disclosures.filter(disclosed_at__date__gte=start)
    if end:
        disclosures = disclosures.filter(disclosed_at__date__lte=end)
    rows = []
    substance_use = False
    for d in disclosures.order_by("disclosed_at"):
        substance_use |= d.substance_use
        rows.append(
            AccountingRow(
                date=timezone.localtime(d.disclosed_at).strftime("%Y-%m-%d %H:%M"),
                recipient=d.recipient.label,
                description=d.description or "",
                purpose=ConsentPurpose(d.purpose).label if d.purpose else "",
                basis=d.basis_label,
            )
        )
    return rows, substance_use


def _period(start: datetime.date | None, end: datetime.date | None) -> str:
    first = start.isoformat() if start else _("the beginning")
    last = end.isoformat() if end else _("today")
    return f"{first} – {last}"


HEADER = ("Date", "Recipient", "What was shared", "Purpose", "Legal basis")


def accounting_pdf(
    client: Client,
    rows: list[AccountingRow],
    substance_use: bool,
    start: datetime.date | None,
    end: datetime.date | None,
) -> bytes:
    return table_pdf(
        title=_("Accounting of disclosures"),
        intro=[
            _(
                "For %(name)s (%(code)s), from %(period)s. Every time information about you was "
                "shared outside the people who support you."
            )
            % {"name": client.legal_name, "code": client.code, "period": _period(start, end)}
        ],
        header=[_(h) for h in HEADER],
        rows=[[r.date, r.recipient, r.description, r.purpose, r.basis] for r in rows],
        notices=[REDISCLOSURE_NOTICE] if substance_use else [],
    )


def accounting_csv(rows: list[AccountingRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for r in rows:
        writer.writerow(
            [_csv_safe(v) for v in (r.date, r.recipient, r.description, r.purpose, r.basis)]
        )
    return buffer.getvalue()


def _csv_safe(value: str) -> str:
    # A cell starting with = + - @ is a formula in spreadsheets: neutralise it.
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
