from django import forms
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from confide.accounts.models import Role, User


class NewStaffForm(forms.Form):
    username = forms.RegexField(
        label=_("Username"),
        regex=r"^[a-z0-9][a-z0-9._-]{1,40}$",
        help_text=_("Lower-case letters, digits, dots, dashes. Used to sign in."),
        error_messages={"invalid": _("Use lower-case letters, digits, dots and dashes only.")},
    )
    display_name = forms.CharField(label=_("Name colleagues see"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    password = forms.CharField(
        label=_("First password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters, not a common one. Give it to them in person."),
    )

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        if User.objects.filter(username=username).exists():
            raise ValidationError(_("Someone already has that username."))
        return username

    def clean(self) -> dict:
        data = super().clean()
        if "password" in data:
            candidate = User(
                username=data.get("username", ""), display_name=data.get("display_name", "")
            )
            try:
                validate_password(data["password"], user=candidate)
            except ValidationError as error:
                self.add_error("password", error)
        return data


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
