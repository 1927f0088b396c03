"""Reading grade of an explainer text, measured with textstat.

English: the Flesch-Kincaid grade level. Spanish: Crawford's grade level (years of
schooling, a formula made for Spanish), shown with the Fernández-Huerta reading ease
(Flesch's ease adapted to Spanish). Both grades are compared with the same target.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from textstat.backend import metrics

from confide.explainers.markdown import parse, plain_text

TARGET_GRADE = 8.0


@dataclass(frozen=True)
class Readability:
    grade: float
    measure: str  # a short name of the grade formula, stored with each version
    ease: float
    ease_measure: str

    @property
    def too_hard(self) -> bool:
        return self.grade > TARGET_GRADE


MEASURES = {
    "en": ("Flesch-Kincaid grade", "Flesch reading ease"),
    "es": ("Crawford grade", "Fernández-Huerta reading ease"),
}
MEASURE_LABELS = {
    "Flesch-Kincaid grade": _("Flesch-Kincaid grade"),
    "Crawford grade": _("Crawford grade (Spanish)"),
}


def measure(markdown: str, language: str) -> Readability | None:
    """The readability of an explainer body; None when it has no words to measure."""
    text = plain_text(parse(markdown))
    if not any(character.isalpha() for character in text):
        return None
    if language == "es":
        grade = metrics.crawford(text, "es")
        ease = metrics.fernandez_huerta(text, "es")
    else:
        grade = metrics.flesch_kincaid_grade(text, "en_US")
        ease = metrics.flesch_reading_ease(text, "en_US")
    grade_name, ease_name = MEASURES.get(language, MEASURES["en"])
    return Readability(round(grade, 1), grade_name, round(ease, 1), ease_name)
