from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "confide.supervision"
    default_auto_field = "django.db.models.BigAutoField"
