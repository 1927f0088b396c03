from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExplainersConfig(AppConfig):
    name = "confide.explainers"
    verbose_name = _("Confidentiality explainers")
    default_auto_field = "django.db.models.BigAutoField"
