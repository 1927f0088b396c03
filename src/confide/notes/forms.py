import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from confide.notes.models import ContactType, Sensitivity


class NoteForm(forms.Form):
    session_date = forms.DateField(
        label=_("Date of the session"), widget=forms.DateInput(attrs={"type": "date"})
    )
    contact_type = forms.ChoiceField(label=_("How you met"), choices=ContactType.choices)
    duration_minutes = forms.IntegerField(
        label=_("Minutes"),
        min_value=1,
        max_value=720,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    tags = forms.MultipleChoiceField(
        label=_("Sensitive content"),
        choices=Sensitivity.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick what applies: these notes are shown to fewer people."),
    )
    body = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 12}), max_length=20000, strip=False
    )

    def clean_session_date(self) -> datetime.date | None:
        value = self.cleaned_data["session_date"]
        if value is None:  # an unfinished draft
            return value
        today = timezone.localdate()
        if value > today:
            raise ValidationError(_("The session cannot be in the future."))
        if value < today - datetime.timedelta(days=366):
            raise ValidationError(_("That is more than a year ago: check the date."))
        return value


class DraftForm(NoteForm):
    """Autosave accepts an unfinished draft: only what is there is checked."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
