from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

_LABELS = {
    "person": _("name"),
    "phone": _("phone"),
    "email": _("email or handle"),
    "address": _("address"),
    "location": _("place"),
    "zip": _("ZIP code"),
    "date": _("date"),
    "age": _("age"),
    "id": _("number or id"),
    "url": _("web address"),
    "ip": _("IP address"),
    "org": _("organisation"),
}


@register.filter
def label_name(label: str) -> str:
    """The plain-language name of a redaction label ("PERSON" -> "name")."""
    return str(_LABELS.get(str(label).lower(), label))
