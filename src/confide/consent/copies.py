"""The client's own PDF copy of a consent: what they agreed to, and how to withdraw it."""

import base64

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from confide.consent.models import Consent, Recipient
from confide.web.pdf import REDISCLOSURE_NOTICE, document_pdf


def signature_png(consent: Consent) -> bytes | None:
    if consent.method != Consent.Method.DRAWN or not consent.signature:
        return None
    return base64.b64decode(consent.signature.split(",", 1)[1])


def consent_copy_pdf(consent: Consent, recipients: list[Recipient]) -> bytes:
    """The copy handed to the client, in the form's language."""
    with override(consent.form.language):
        client = consent.client
        until = consent.expires_on.isoformat() if consent.expires_on else _("no end date")
        if consent.expiry_event:
            until = f"{until}; {_('or when')}: {consent.expiry_event}"
        how = Consent.Method(consent.method).label
        proof = []
        if consent.method == Consent.Method.TYPED:
            proof.append(_("Signed by typing the name: %(name)s") % {"name": consent.signature})
        if consent.method == Consent.Method.VERBAL:
            proof.append(_("Attestation: %(text)s") % {"text": consent.attestation})
            if consent.witness:
                proof.append(_("Witness: %(name)s") % {"name": consent.witness.display_name})
        recorded = timezone.localtime(consent.recorded_at).strftime("%Y-%m-%d %H:%M")
        sections = [
            ("", [consent.form.title, _("Form version %(v)s") % {"v": consent.form.version}]),
            ("", consent.form.body.split("\n\n")),
            (_("Who"), [f"{client.legal_name} ({client.code})"]),
            (_("What for"), consent.purpose_labels()),
            (_("Which information"), consent.category_labels()),
            (_("Who may receive it"), [r.label for r in recipients] or [_("Nobody outside")]),
            (_("From"), [consent.starts_on.isoformat()]),
            (_("Until"), [until]),
            (_("How it was given"), [how, *proof]),
            (_("Recorded"), [f"{recorded}, {consent.recorded_by.display_name}"]),
            (
                _("Changing your mind"),
                [
                    _(
                        "You can withdraw this consent at any time by telling any of our staff. "
                        "It stops at once; what was already shared cannot be called back."
                    )
                ],
            ),
        ]
        notices = [REDISCLOSURE_NOTICE] if "substance_use" in consent.categories else []
        return document_pdf(
            title=_("Your consent"),
            sections=sections,
            notices=notices,
            image_png=signature_png(consent),
            image_caption=_("Signature"),
        )
