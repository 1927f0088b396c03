from django import forms
from django.utils.translation import gettext_lazy as _

from confide.accounts.models import Role, User
from confide.notes.models import Note
from confide.supervision.ethics import Topic, Value
from confide.supervision.models import Packet, PeerGroup

LABEL_CHOICES = [
    ("client", _("A name of the client (a nickname, say)")),
    ("PERSON", _("Someone else's name")),
    ("LOCATION", _("A place")),
    ("ORG", _("An organisation")),
    ("ADDRESS", _("An address")),
    ("PHONE", _("A phone number")),
    ("EMAIL", _("An email address or handle")),
    ("DATE", _("A date")),
    ("ID", _("A number or other identifier")),
]


def _question_field() -> forms.CharField:
    return forms.CharField(
        label=_("Your question for supervision"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=10_000,
        error_messages={
            "required": _("Write the question you want to ask."),
            "max_length": _("The question is too long."),
        },
        help_text=_("Names, places, dates and numbers are hidden before anyone else sees it."),
    )


class NewPacketForm(forms.Form):
    notes = forms.MultipleChoiceField(
        label=_("Notes to include"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only signed notes can go into a packet."),
        error_messages={
            "required": _("Choose at least one note."),
            "invalid_choice": _("Choose notes from this client's record only."),
        },
    )
    question = _question_field()

    def __init__(self, *args: object, notes: list[Note], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.notes_by_id = {str(n.pk): n for n in notes if n.is_signed}
        self.fields["notes"].choices = [
            (key, f"{n.session_date:%a %-d %b %Y} · {n.get_contact_type_display()}")
            for key, n in self.notes_by_id.items()
        ]

    def chosen_notes(self) -> list[Note]:
        return [self.notes_by_id[key] for key in self.cleaned_data["notes"]]


class EditQuestionForm(forms.Form):
    question = _question_field()


class AddRedactionForm(forms.Form):
    words = forms.CharField(
        label=_("Words to hide"),
        max_length=200,
        required=False,
        help_text=_("Type them exactly as written, or select them in the text on the left."),
    )
    label = forms.ChoiceField(label=_("What is it?"), choices=LABEL_CHOICES)
    section = forms.ChoiceField(label=_("Where"), required=False)
    start = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args: object, sections: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [("", _("Everywhere in the packet")), *sections]

    def clean(self) -> dict:
        data = super().clean()
        has_offsets = data.get("start") is not None and data.get("end") is not None
        if not (data.get("words") or "").strip() and not has_offsets:
            raise forms.ValidationError(_("Type the words to hide, or select them in the text."))
        return data


class RestoreForm(forms.Form):
    section = forms.UUIDField(widget=forms.HiddenInput)
    start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=1, widget=forms.HiddenInput)


class ShareForm(forms.Form):
    supervisor = forms.ModelChoiceField(
        label=_("Supervisor"), queryset=User.objects.none(), required=False
    )
    group = forms.ModelChoiceField(
        label=_("Or a peer group (case conference)"),
        queryset=PeerGroup.objects.none(),
        required=False,
    )

    def __init__(self, *args: object, author: User, packet: Packet, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # Every active member of staff (and every group) is accepted where they could be
        # chosen by mistake, so the service says clearly why it refuses someone; the lists
        # offer only supervisors, and only those the packet is not yet shared with.
        shares = packet.shares.all()
        self.fields["supervisor"].queryset = User.objects.filter(is_active=True).exclude(
            pk=author.pk
        )
        self.fields["supervisor"].widget.choices = [("", "---------")] + [
            (u.pk, u.display_name)
            for u in User.objects.filter(role=Role.SUPERVISOR, is_active=True)
            .exclude(pk=author.pk)
            .exclude(pk__in=shares.filter(supervisor__isnull=False).values("supervisor"))
            .order_by("display_name")
        ]
        self.fields["group"].queryset = PeerGroup.objects.all()
        self.fields["group"].widget.choices = [("", "---------")] + [
            (g.pk, g.name)
            for g in PeerGroup.objects.exclude(
                pk__in=shares.filter(group__isnull=False).values("group")
            )
        ]

    @property
    def offers_anyone(self) -> bool:
        """Whether anyone is left to share with."""
        return any(len(self.fields[name].widget.choices) > 1 for name in ("supervisor", "group"))

    def clean(self) -> dict:
        data = super().clean()
        if bool(data.get("supervisor")) == bool(data.get("group")):
            raise forms.ValidationError(_("Choose a supervisor or a peer group, not both."))
        return data


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10_000,
        error_messages={"required": _("Write something first.")},
    )


class SupervisionNoteForm(forms.Form):
    body = forms.CharField(
        label=_("Supervision note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=10_000,
        help_text=_("For your own records of this supervision. Only you see it."),
        error_messages={"required": _("Write something first.")},
    )


class PeerGroupForm(forms.Form):
    name = forms.CharField(label=_("Group name"), max_length=80)
    members = forms.ModelMultipleChoiceField(
        label=_("Members"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Peer supporters and supervisors."),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = User.objects.filter(
            is_active=True, role__in=[Role.PEER_SUPPORTER, Role.SUPERVISOR]
        ).order_by("display_name")


class EthicsForm(forms.Form):
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        choices=Topic.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one topic.")},
    )
    values = forms.MultipleChoiceField(
        label=_("Practice values it touches"),
        choices=Value.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    packet = forms.ChoiceField(label=_("About a consultation packet"), required=False)
    question = forms.CharField(
        label=_("The ethical question"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5_000,
        error_messages={"required": _("Write the question.")},
    )
    options = forms.CharField(
        label=_("Options considered"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5_000,
        required=False,
    )
    decision = forms.CharField(
        label=_("Decision"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5_000
    )
    rationale = forms.CharField(
        label=_("Why"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5_000,
        required=False,
    )
    consulted = forms.ModelMultipleChoiceField(
        label=_("Who was consulted"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args: object, packets: list[Packet], user: User, **kwargs: object):
        super().__init__(*args, **kwargs)
        self.packets = {str(p.pk): p for p in packets}
        self.fields["packet"].choices = [("", _("No client: a general question"))] + [
            (key, p.pseudonym) for key, p in self.packets.items()
        ]
        self.fields["consulted"].queryset = (
            User.objects.filter(is_active=True, role__in=[Role.PEER_SUPPORTER, Role.SUPERVISOR])
            .exclude(pk=user.pk)
            .order_by("display_name")
        )

    def chosen_packet(self) -> Packet | None:
        return self.packets.get(self.cleaned_data.get("packet") or "")


class EthicsFilterForm(forms.Form):
    topic = forms.ChoiceField(
        label=_("Topic"), choices=[("", _("Any topic")), *Topic.choices], required=False
    )
    value = forms.ChoiceField(
        label=_("Value"), choices=[("", _("Any value")), *Value.choices], required=False
    )
