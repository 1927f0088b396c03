from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from confide.explainers import services
from confide.explainers.models import DeliveryMethod, Explainer


class ExplainerForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 24}),
        max_length=services.MAX_BODY_LENGTH,
        strip=False,
        required=False,  # checked in clean_body, with a message that says what to do
        help_text=_(
            'Plain words, short sentences, "you". Start a heading with ## and a list item '
            "with -. Put **two stars** around words to make them bold. Add your local rules "
            'under "When I would have to tell someone". HTML is shown as typed.'
        ),
    )
    teach_back_points = forms.CharField(
        label=_("Teach-back points"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=_(
            "One per line: short sentences the client can say back in their own words, "
            'such as "You\'d tell someone if I said I was going to hurt myself."'
        ),
    )

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        if not body.strip():
            raise ValidationError(_("Write the explainer text: it cannot be empty."))
        return body

    def clean_teach_back_points(self) -> list[str]:
        try:
            return services.clean_points(self.cleaned_data["teach_back_points"].splitlines())
        except services.ExplainerInvalid as error:
            raise ValidationError(str(error)) from None


class DeliveryForm(forms.Form):
    """Going through one explainer version with a client. The choices of points are that
    version's points, so what is ticked is what the client heard."""

    explainer = forms.UUIDField(widget=forms.HiddenInput)
    teach_back_confirmed = forms.MultipleChoiceField(
        label=_("What the client said back in their own words"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick each point the client explained back to you."),
    )
    questions = forms.CharField(
        label=_("The client's questions"),
        required=False,
        max_length=services.MAX_QUESTIONS_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("In their words if you can, for example what they asked about court."),
    )
    method = forms.ChoiceField(
        label=_("How you went through it"),
        choices=DeliveryMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how you went through the explainer.")},
    )

    def __init__(self, *args: object, explainer: Explainer, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["explainer"].initial = explainer.pk
        points = explainer.teach_back_points
        self.fields["teach_back_confirmed"].choices = [(point, point) for point in points]
