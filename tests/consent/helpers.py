import io

from PIL import Image, ImageDraw


def png_data_url(*, ink: bool) -> str:
    image = Image.new("RGBA", (300, 100), (255, 255, 255, 0))
    if ink:
        ImageDraw.Draw(image).line(
            [(10, 80), (100, 20), (200, 70), (290, 30)], fill="black", width=4
        )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    import base64

    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def give_consent(client, worker, recipients, **overrides):
    """A verbal consent to identified supervision, from today, with no end, in English."""
    import datetime

    from confide.consent.models import ConsentForm
    from confide.consent.services import do_record_consent

    fields = dict(
        acting_user=worker,
        form=ConsentForm.objects.get(version=1, language="en"),
        purposes=["identified_supervision"],
        categories=["identity"],
        recipients=recipients,
        starts_on=datetime.date.today(),
        expires_on=None,
        expiry_event="",
        method="verbal",
        attestation="Agreed.",
    )
    fields.update(overrides)
    return do_record_consent(client, **fields)
