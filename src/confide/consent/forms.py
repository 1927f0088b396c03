import base64
import binascii
import io

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from confide.accounts.models import User
from confide.consent.models import (
    Consent,
    ConsentForm,
    ConsentPurpose,
    DataCategory,
    Disclosure,
    ExceptionBasis,
    Recipient,
)
from confide.consent.services import MAX_SCAN_BYTES

DATE = forms.DateInput(attrs={"type": "date"})
MAX_SIGNATURE_CHARS = 400_000


def _staff_choices() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=User.objects.filter(is_active=True).order_by("display_name"), required=False
    )


class RecipientForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Who is it?"), choices=Recipient.Kind.choices, widget=forms.RadioSelect
    )
    name = forms.CharField(label=_("Person's name"), max_length=200, required=False)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    staff = _staff_choices()
    staff.label = _("Member of staff")

    def clean(self) -> dict:
        data = super().clean()
        kind = data.get("kind")
        if kind == Recipient.Kind.STAFF and not data.get("staff"):
            self.add_error("staff", _("Choose the member of staff."))
        if (
            kind
            and kind != Recipient.Kind.STAFF
            and not (data.get("name") or data.get("organisation"))
        ):
            self.add_error("name", _("Give the person's name or the organisation."))
        return data


class ConsentRecordForm(forms.Form):
    form = forms.ModelChoiceField(
        label=_("Form (version and language)"),
        queryset=ConsentForm.objects.order_by("-version", "language"),
        empty_label=None,
    )
    purposes = forms.MultipleChoiceField(
        label=_("What for"), choices=ConsentPurpose.choices, widget=forms.CheckboxSelectMultiple
    )
    categories = forms.MultipleChoiceField(
        label=_("Which information"),
        choices=DataCategory.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    recipients = forms.ModelMultipleChoiceField(
        label=_("Who may receive it"),
        queryset=Recipient.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    starts_on = forms.DateField(label=_("From"), widget=DATE)
    expires_on = forms.DateField(label=_("Until (date)"), widget=DATE, required=False)
    expiry_event = forms.CharField(
        label=_("Or until (an event)"),
        max_length=200,
        required=False,
        help_text=_("For example: when I leave the program."),
    )
    method = forms.ChoiceField(
        label=_("How the client agreed"), choices=Consent.Method.choices, widget=forms.RadioSelect
    )
    signature = forms.CharField(
        widget=forms.HiddenInput, required=False, max_length=MAX_SIGNATURE_CHARS
    )
    typed_name = forms.CharField(
        label=_("Typed signature (full name)"), max_length=200, required=False
    )
    scan = forms.FileField(label=_("Signed form (PDF, up to 5 MB)"), required=False)
    attestation = forms.CharField(
        label=_("Your attestation (verbal consent)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What you explained and what the client said, in your words."),
    )
    witness = _staff_choices()
    witness.label = _("Witness (optional, a colleague)")

    def __init__(self, *args: object, client: object, user: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["recipients"].queryset = Recipient.objects.filter(client=client)
        self.fields["recipients"].label_from_instance = lambda r: r.label
        self.fields["witness"].queryset = self.fields["witness"].queryset.exclude(pk=user.pk)

    def clean_scan(self) -> bytes:
        upload = self.cleaned_data.get("scan")
        if not upload:
            return b""
        if upload.size > MAX_SCAN_BYTES:
            raise ValidationError(_("The scan is larger than 5 MB."))
        data = upload.read()
        if not data.startswith(b"%PDF-"):
            raise ValidationError(_("The scan must be a PDF file."))
        return data

    def clean_signature(self) -> str:
        value = self.cleaned_data.get("signature", "")
        if not value:
            return ""
        prefix = "data:image/png;base64,"
        if not value.startswith(prefix):
            raise ValidationError(_("The signature could not be read. Sign again."))
        try:
            png = base64.b64decode(value[len(prefix) :], validate=True)
        except (binascii.Error, ValueError):
            raise ValidationError(_("The signature could not be read. Sign again.")) from None
        if not _has_ink(png):
            raise ValidationError(_("The signature pad is empty. Ask the client to sign."))
        return value

    def clean(self) -> dict:
        data = super().clean()
        method = data.get("method")
        if (
            data.get("starts_on")
            and data.get("expires_on")
            and data["expires_on"] < data["starts_on"]
        ):
            self.add_error("expires_on", _("The consent cannot end before it starts."))
        if (
            method == Consent.Method.DRAWN
            and not data.get("signature")
            and "signature" not in self.errors
        ):
            self.add_error(None, _("The signature pad is empty. Ask the client to sign."))
        if method == Consent.Method.TYPED and not data.get("typed_name"):
            self.add_error("typed_name", _("Type the client's full name as their signature."))
        if method == Consent.Method.SCAN and not data.get("scan") and "scan" not in self.errors:
            self.add_error("scan", _("Upload the signed form (choose the file again)."))
        if method == Consent.Method.VERBAL and not data.get("attestation"):
            self.add_error("attestation", _("Write your attestation of the verbal consent."))
        return data


def _has_ink(png: bytes) -> bool:
    """True when the drawn image has at least a few dark pixels (not a blank pad)."""
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(png))
        image.load()
    except (UnidentifiedImageError, OSError):
        return False
    if image.width * image.height > 4_000_000:
        return False
    grey = image.convert("LA") if "A" in image.getbands() else image.convert("L")
    pixels = grey.get_flattened_data()
    if grey.mode == "LA":
        dark = sum(1 for lum, alpha in pixels if alpha > 128 and lum < 128)
    else:
        dark = sum(1 for lum in pixels if lum < 128)
    return dark >= 20


class ConsentFormVersionForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text of the form"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Plain language. Leave a blank line between paragraphs."),
    )


class RevokeForm(forms.Form):
    note = forms.CharField(
        label=_("What the client said (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


BASIS_CHOICES = [("consent", _("The client's consent"))] + list(ExceptionBasis.choices)


class DisclosureForm(forms.Form):
    recipient = forms.ModelChoiceField(
        label=_("Shared with"), queryset=Recipient.objects.none(), empty_label=None
    )
    disclosed_at = forms.DateTimeField(
        label=_("When"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    how = forms.ChoiceField(label=_("How"), choices=Disclosure.How.choices)
    basis = forms.ChoiceField(
        label=_("Legal basis"), choices=BASIS_CHOICES, widget=forms.RadioSelect
    )
    purpose = forms.ChoiceField(
        label=_("Purpose"), required=False, choices=[("", "—")] + list(ConsentPurpose.choices)
    )
    categories = forms.MultipleChoiceField(
        label=_("Which information"),
        required=False,
        choices=DataCategory.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.ModelMultipleChoiceField(
        label=_("Specific notes shared"),
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )
    description = forms.CharField(
        label=_("What was shared"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    justification = forms.CharField(
        label=_("Justification (needed for an exception)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    client_told = forms.ChoiceField(
        label=_("Was the client told?"),
        choices=Disclosure.Told.choices,
        initial=Disclosure.Told.NOT_YET,
    )
    client_told_on = forms.DateField(label=_("Told on"), required=False, widget=DATE)

    def __init__(self, *args: object, client: object, **kwargs: object) -> None:
        from confide.notes.models import Note

        super().__init__(*args, **kwargs)
        self.fields["recipient"].queryset = Recipient.objects.filter(client=client)
        self.fields["recipient"].label_from_instance = lambda r: r.label
        self.fields["notes"].queryset = Note.objects.filter(client=client, status="signed")
        self.fields["notes"].label_from_instance = lambda n: (
            f"{n.session_date:%Y-%m-%d} ({n.get_contact_type_display()})"
        )
        self.initial.setdefault("disclosed_at", timezone.localtime().strftime("%Y-%m-%dT%H:%M"))

    def clean(self) -> dict:
        data = super().clean()
        if data.get("basis") == "consent" and not data.get("purpose"):
            self.add_error("purpose", _("Choose the purpose the consent covers."))
        if data.get("basis") not in (None, "consent") and not data.get("justification"):
            self.add_error("justification", _("An exception needs your justification."))
        if not data.get("categories") and not data.get("notes") and "basis" in data:
            self.add_error("categories", _("Say which information was shared."))
        return data


class AccountingForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=DATE, required=False)
    end = forms.DateField(label=_("To"), widget=DATE, required=False)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end is before the start."))
        return data


class ReviewDisclosureForm(forms.Form):
    note = forms.CharField(
        label=_("Review note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
