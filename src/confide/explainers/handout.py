"""The printable handout and the fixed words around the explainer that clients read.

Client-facing, so these words ship in each explainer language here, whatever the
language of the member of staff who prints or shows them.
"""

from confide.explainers.markdown import Block, parse
from confide.explainers.models import Explainer
from confide.web.pdf import document_pdf

CLIENT_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "points": "In your own words",
        "version": "Version {version}, {date}.",
        "other_language": "Other languages",
        "none": "This explainer is not available in this language yet.",
    },
    "es": {
        "points": "Con tus propias palabras",
        "version": "Versión {version}, {date}.",
        "other_language": "Otros idiomas",
        "none": "Esta explicación todavía no está disponible en este idioma.",
    },
}


def words(language: str) -> dict[str, str]:
    return CLIENT_WORDS.get(language, CLIENT_WORDS["en"])


def _text(item: tuple[tuple[str, bool], ...]) -> str:
    return "".join(text for text, _bold in item)


def _sections(blocks: list[Block]) -> list[tuple[str, list[str]]]:
    """Headed sections of plain paragraphs; list entries become their own paragraphs."""
    sections: list[tuple[str, list[str]]] = [("", [])]
    for block in blocks:
        if block.kind == "heading":
            sections.append((_text(block.items[0]), []))
        elif block.kind == "paragraph":
            sections[-1][1].append(_text(block.items[0]))
        elif block.kind == "bullets":
            sections[-1][1].extend(f"\u2022 {_text(item)}" for item in block.items)
        else:
            sections[-1][1].extend(f"{n}. {_text(item)}" for n, item in enumerate(block.items, 1))
    return [section for section in sections if section[0] or section[1]]


def handout_pdf(explainer: Explainer) -> bytes:
    """The explainer as a handout: generic, no client data, in the explainer's language,
    with the confidentiality footer of every Confide document."""
    text = words(explainer.language)
    sections = _sections(parse(explainer.body))
    sections.append((text["points"], [f"\u2022 {point}" for point in explainer.teach_back_points]))
    date = explainer.published_at.date().isoformat()
    return document_pdf(
        title=explainer.title,
        sections=sections,
        notices=[text["version"].format(version=explainer.version, date=date)],
    )
