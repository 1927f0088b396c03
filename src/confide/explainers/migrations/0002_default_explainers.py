"""Publish Confide's default explainer (English and Spanish) where none exists yet."""

from django.db import migrations


def publish_defaults(apps, schema_editor):
    from confide.explainers.defaults import create_missing_defaults

    create_missing_defaults(apps.get_model("explainers", "Explainer"))


class Migration(migrations.Migration):
    dependencies = [("explainers", "0001_initial")]

    # Reversing leaves the texts: deliveries may already point at them.
    operations = [migrations.RunPython(publish_defaults, migrations.RunPython.noop)]
