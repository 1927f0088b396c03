from django.db import migrations

from confide.consent.defaults import BODIES, TITLES


def create(apps, schema_editor):
    ConsentForm = apps.get_model("consent", "ConsentForm")
    for language, title in TITLES.items():
        ConsentForm.objects.get_or_create(
            version=1, language=language, defaults={"title": title, "body": BODIES[language]}
        )


class Migration(migrations.Migration):
    dependencies = [("consent", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
