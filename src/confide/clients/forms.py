import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from confide.accounts.models import Role, User
from confide.crypto import normalise


def _digits_phone(value: str) -> str:
    try:
        normalise(value, "phone")
    except ValueError:
        raise ValidationError(
            _("Enter a phone number with its area code, like 555-014-2211.")
        ) from None
    return value


class IdentityForm(forms.Form):
    legal_name = forms.CharField(label=_("Legal name"), max_length=200)
    preferred_name = forms.CharField(
        label=_("Name they go by"),
        max_length=200,
        required=False,
        help_text=_("What to call them. Leave empty if it is their legal name."),
    )
    pronouns = forms.CharField(label=_("Pronouns"), max_length=50, required=False)
    language = forms.ChoiceField(
        label=_("Language for documents"), choices=settings.LANGUAGES, initial="en", required=False
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    address = forms.CharField(label=_("Address"), max_length=400, required=False)
    emergency_contact = forms.CharField(
        label=_("Emergency contact"),
        max_length=400,
        required=False,
        help_text=_("Name and how to reach them, only with the client's agreement."),
    )
    other_identifiers = forms.CharField(
        label=_("Other identifiers"),
        max_length=400,
        required=False,
        help_text=_("Insurance or Medicaid number, ID from another service."),
    )

    def clean_language(self) -> str:
        return self.cleaned_data["language"] or "en"

    def clean_date_of_birth(self) -> datetime.date | None:
        value = self.cleaned_data["date_of_birth"]
        if value and not (datetime.date(1900, 1, 1) <= value <= timezone.localdate()):
            raise ValidationError(_("That date of birth is not possible."))
        return value

    def clean_phone(self) -> str:
        value = self.cleaned_data["phone"].strip()
        return _digits_phone(value) if value else value


class SearchForm(forms.Form):
    """Exact-match search: names, dates and phone numbers are matched whole, not in part."""

    name = forms.CharField(label=_("Full name or name they go by"), max_length=200, required=False)
    date_of_birth = forms.DateField(
        label=_("Date of birth"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)

    def clean_phone(self) -> str:
        value = self.cleaned_data["phone"].strip()
        return _digits_phone(value) if value else value

    def clean(self) -> dict:
        data = super().clean()
        if not any(data.get(f) for f in ("name", "date_of_birth", "phone")) and not self.errors:
            raise ValidationError(_("Type a name, a date of birth or a phone number."))
        return data


class AssignForm(forms.Form):
    staff = forms.ModelChoiceField(
        label=_("Staff member"),
        queryset=User.objects.filter(
            is_active=True, role__in=[Role.PEER_SUPPORTER, Role.SUPERVISOR]
        ).order_by("display_name"),
    )
    starts_on = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(
        label=_("Until (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("ends_on") and data.get("starts_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The end date is before the start date."))
        return data


class EndAssignmentForm(forms.Form):
    ends_on = forms.DateField(label=_("Last day"), widget=forms.DateInput(attrs={"type": "date"}))
