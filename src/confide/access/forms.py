from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from confide.access.models import BreakGlassGrant
from confide.access.services import MIN_REASON_LENGTH
from confide.clients.models import CODE_PATTERN


class FindClientForm(forms.Form):
    code = forms.RegexField(
        label=_("Client code"),
        regex=rf"^{CODE_PATTERN}$",
        required=False,
        error_messages={"invalid": _("A client code looks like C-7F3K9.")},
    )
    name = forms.CharField(label=_("Full name"), max_length=200, required=False)
    date_of_birth = forms.DateField(
        label=_("Date of birth"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        if not data.get("code") and not (data.get("name") and data.get("date_of_birth")):
            raise ValidationError(_("Give the client code, or the full name and date of birth."))
        return data


class BreakGlassForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you need this record now?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=MIN_REASON_LENGTH,
        max_length=2000,
        help_text=_("This is reviewed by the privacy officer. Say what the emergency is."),
    )


class ReviewForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=BreakGlassGrant.Outcome.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Review note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
