"""The explainer Confide ships, in English and Spanish, written for this project.

Plain language (grade 8 or lower by confide.explainers.readability), second person, warm.
The organisation edits it by publishing new versions; these texts are only the start.
The data migration 0002 imports this module: keep ``DEFAULTS`` and
``create_missing_defaults`` here and their signatures stable.
"""

from typing import Any

DEFAULTS: dict[str, dict[str, Any]] = {
    "en": {
        "title": "What stays private",
        "body": """\
What you tell me stays between us and your support team. This page says who can see it. \
It also says the few times I would have to share it.

## What I keep private
- What we talk about.
- Your name, your phone number and where you live.
- The notes I write after we meet.

I write short notes so I can remember and help you well. They are locked in a safe \
system. Only the people who work with you can open them. Each time someone opens your \
file, the system writes it down. You can ask who looked.

## Who can see your file
- Me, and the other people on your support team.
- My supervisor helps me do good work. I can talk about how things are going without \
your name or anything that shows who you are. If you want, you can say yes to me using \
your name with my supervisor.
- Nobody else, unless you say yes, or one of the times below happens.

## When I would have to tell someone
There are a few times when the law or safety means I must share some things:
- **If you might seriously hurt yourself.** I would get help to keep you safe.
- **If you might seriously hurt someone else.** I would need to warn them or get help.
- **If a child, an older adult or a person with a disability is being hurt or not cared \
for.** The law may say I must report it.
- **If a judge orders it.** A court can make us share records. We share only what the \
order asks for. We try to tell you first.
- **If you have a medical emergency.** I would tell the doctors or nurses what they need \
to know to help you.

If I ever have to share, I will share as little as I can. When it is safe, I will tell \
you what I shared and with whom.

## Your choices
- You can ask me questions at any time.
- You decide what you want to tell me.
- You can say yes or no to me sharing with other people, like a doctor or your family. \
You can change your mind later.
""",
        "teach_back_points": [
            "What I say stays private, except in a few cases.",
            "You'd tell someone if I said I was going to hurt myself.",
            "You'd tell someone if I said I might hurt another person.",
            "You'd have to report it if a child or someone who can't protect themselves "
            "is being hurt.",
            "A judge can order my records to be shared.",
            "My name isn't shared with your supervisor unless I say yes.",
            "I can ask who looked at my file.",
        ],
    },
    "es": {
        "title": "Lo que queda en privado",
        "body": """\
Lo que me cuentas queda entre nosotros y tu equipo de apoyo. Aquí te explico quién puede \
verlo. También te explico las pocas veces en que tendría que compartirlo.

## Lo que guardo en privado
- Lo que hablamos.
- Tu nombre, tu teléfono y dónde vives.
- Las notas que escribo después de vernos.

Escribo notas cortas para recordar y ayudarte bien. Están guardadas en un sistema \
seguro. Solo las personas que trabajan contigo pueden abrirlas. Cada vez que alguien \
abre tu archivo, el sistema lo anota. Puedes preguntar quién lo vio.

## Quién puede ver tu archivo
- Yo y las otras personas de tu equipo de apoyo.
- La persona que me supervisa me ayuda a hacer bien mi trabajo. Puedo hablar de cómo \
van las cosas sin decir tu nombre ni nada que muestre quién eres. Si quieres, puedes \
darme permiso para usar tu nombre con esa persona.
- Nadie más, a menos que tú digas que sí, o que pase una de las cosas de abajo.

## Cuándo tendría que contarle a alguien
Hay pocas veces en que la ley o la seguridad me obligan a compartir algo:
- **Si podrías hacerte un daño grave.** Buscaría ayuda para que estés a salvo.
- **Si podrías hacerle un daño grave a otra persona.** Tendría que avisar o buscar ayuda.
- **Si alguien lastima o descuida a un niño, a una persona mayor o a una persona con \
discapacidad.** La ley puede obligarme a reportarlo.
- **Si un juez lo ordena.** Un juez puede pedir tus datos. Solo damos lo que pide la \
orden. Tratamos de avisarte antes.
- **Si tienes una emergencia médica.** Les diría a los médicos lo que necesitan saber \
para ayudarte.

Si alguna vez tengo que compartir algo, compartiré lo menos posible. Cuando sea seguro, \
te diré qué compartí y con quién.

## Tus decisiones
- Puedes hacerme preguntas cuando quieras.
- Tú decides qué me cuentas.
- Puedes decir sí o no a que yo comparta algo con otras personas, como un médico o tu \
familia. Puedes cambiar de idea después.
""",
        "teach_back_points": [
            "Lo que digo queda en privado, salvo en pocos casos.",
            "Le contarías a alguien si digo que me voy a hacer daño.",
            "Le contarías a alguien si digo que podría hacerle daño a otra persona.",
            "Tendrías que reportarlo si alguien lastima a un niño o a alguien que no se "
            "puede cuidar.",
            "Un juez puede ordenar que se compartan mis datos.",
            "Mi nombre no se comparte con quien te supervisa, a menos que yo diga que sí.",
            "Puedo preguntar quién vio mi archivo.",
        ],
    },
}


def create_missing_defaults(explainer_model: Any) -> list[Any]:
    """Publish version 1 of the default text in each language that has no explainer yet.

    Takes the model class so the data migration can pass its historical model; returns
    the rows created. Idempotent.
    """
    from confide.explainers.readability import measure

    created = []
    for language, text in DEFAULTS.items():
        if explainer_model.objects.filter(language=language).exists():
            continue
        readability = measure(text["body"], language)
        created.append(
            explainer_model.objects.create(
                language=language,
                version=1,
                title=text["title"],
                body=text["body"],
                teach_back_points=list(text["teach_back_points"]),
                readability_grade=readability.grade if readability else None,
                readability_measure=readability.measure if readability else "",
            )
        )
    return created
