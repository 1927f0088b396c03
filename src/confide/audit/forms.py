from django import forms
from django.utils.translation import gettext_lazy as _

from confide.audit.actions import Action, Outcome


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("What happened"),
        required=False,
        choices=[("", _("Anything"))] + [(a.value, a.value) for a in Action],
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        required=False,
        choices=[("", _("Allowed or denied"))] + [(o.value, o.value) for o in Outcome],
    )
    client_code = forms.RegexField(
        label=_("Client code"),
        required=False,
        regex=r"^C-[0-9A-Z]{5}$",
        error_messages={"invalid": _("A client code looks like C-7F3K9.")},
    )
    before = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
