"""The consent form Confide ships, in English and Spanish (written for Confide)."""
# ruff: noqa: E501 -- prose: one paragraph a line, blank lines between paragraphs

TITLES = {
    "en": "Consent to share information",
    "es": "Consentimiento para compartir información",
}

BODIES = {
    "en": """This form is about your information and who may see it.

What you share with us stays private. Only the people who work with you can see your record, and only what they need.

With this form you can say yes to sharing some of your information, for a reason you choose, with people you name. You choose what may be shared. You can say no. Saying no will not change the support you get.

You can change your mind at any time. Tell any of us and we will stop sharing from that moment. What was already shared cannot be taken back.

There are times we must share without asking: if someone is in danger of serious harm, if a child or a vulnerable adult may be abused or neglected, if a court orders it, or in a medical emergency. We will tell you when that happens, unless telling you would put someone at risk.""",
    "es": """Este formulario trata de su información y de quién puede verla.

Lo que nos cuenta es privado. Solo las personas que trabajan con usted pueden ver su expediente, y solo lo que necesitan.

Con este formulario puede decir que sí a compartir parte de su información, por una razón que usted elige, con las personas que usted nombra. Usted elige qué se puede compartir. Puede decir que no. Decir que no no cambia el apoyo que recibe.

Puede cambiar de opinión cuando quiera. Díganos y dejaremos de compartir desde ese momento. Lo que ya se compartió no se puede recuperar.

Hay veces en que debemos compartir sin preguntar: si alguien corre peligro de daño grave, si un niño o un adulto vulnerable puede sufrir abuso o abandono, si lo ordena un juez, o en una emergencia médica. Le avisaremos cuando pase, salvo que avisarle ponga a alguien en riesgo.""",
}


def ensure_default_consent_forms() -> None:
    """Version 1 of the form in each language, if missing (also after a test flush)."""
    from confide.consent.models import ConsentForm

    for language, title in TITLES.items():
        ConsentForm.objects.get_or_create(
            version=1, language=language, defaults={"title": title, "body": BODIES[language]}
        )
