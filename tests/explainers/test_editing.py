"""Explainer versions: the editor, readability, safe Markdown, who may publish."""

import pytest
from textstat.backend import metrics

from confide.audit.models import AuditEvent
from confide.explainers.defaults import DEFAULTS
from confide.explainers.markdown import parse, plain_text, render
from confide.explainers.models import Explainer
from confide.explainers.readability import measure
from confide.explainers.services import current_explainer
from tests.helpers import sign_in

# One long sentence of abstract words: well above grade 8 by any measure.
COMPLEX_EN = (
    "Notwithstanding the foregoing confidentiality undertakings, information disclosed "
    "during peer-support interactions may be communicated to appropriate governmental "
    "authorities whenever circumstances reasonably indicate an imminent, substantial "
    "likelihood of serious physical deterioration or interpersonal victimisation."
)
COMPLEX_ES = (
    "La confidencialidad de la información proporcionada durante las intervenciones de "
    "acompañamiento constituye un principio fundamental, cuya observancia únicamente admite "
    "excepciones legalmente establecidas, particularmente cuando concurren circunstancias de "
    "riesgo inminente para la integridad física de la persona usuaria o de terceros."
)


def _publish(client, language="en", **fields):
    data = {
        "intent": "publish",
        "title": "What stays private",
        "body": "What you say stays with us.\n\n## Limits\n- If you might get hurt.",
        "teach_back_points": "What I say stays private.\nYou'd tell someone if I was at risk.",
        **fields,
    }
    return client.post(f"/explainers/edit/{language}/", data)


def test_the_default_texts_read_at_grade_8_or_lower(defaults):
    english = plain_text(parse(DEFAULTS["en"]["body"]))
    spanish = plain_text(parse(DEFAULTS["es"]["body"]))
    assert metrics.flesch_kincaid_grade(english, "en_US") <= 8
    assert metrics.crawford(spanish, "es") <= 8
    # Flesch-style ease: 60 and above is plain language; Fernández-Huerta is its Spanish form.
    assert metrics.fernandez_huerta(spanish, "es") >= 60
    for language, explainer in defaults.items():
        assert explainer.readability_grade <= 8, language
        assert explainer.teach_back_points and explainer.created_by is None


def test_the_defaults_cover_the_limits_of_confidentiality(defaults):
    english = defaults["en"].body.lower()
    for limit in ("hurt yourself", "someone else", "child", "judge", "medical emergency"):
        assert limit in english
    assert "without your name" in english  # supervision without the client's identity
    spanish = defaults["es"].body.lower()
    for limit in ("hacerte un daño", "otra persona", "niño", "juez", "emergencia médica"):
        assert limit in spanish


def test_a_complex_text_is_warned_about_but_can_be_published(privacy_officer, defaults):
    client = sign_in(privacy_officer)
    check = _publish(client, intent="check", body=COMPLEX_EN)
    assert check.status_code == 200
    assert b"Hard to read" in check.content
    assert b"Flesch-Kincaid" in check.content
    assert Explainer.objects.filter(language="en").count() == 1  # checking saves nothing

    response = _publish(client, body=COMPLEX_EN)
    assert response.status_code == 302
    explainer = current_explainer("en")
    assert explainer.version == 2 and explainer.readability_grade > 8
    page = client.get(response.url)
    assert b"consider a simpler version" in page.content


def test_spanish_is_measured_with_a_spanish_formula(privacy_officer, defaults):
    assert measure(COMPLEX_ES, "es").too_hard
    assert measure(COMPLEX_ES, "es").measure == "Crawford grade"
    response = _publish(sign_in(privacy_officer), "es", intent="check", body=COMPLEX_ES)
    assert b"Hard to read" in response.content
    assert "Fernández-Huerta".encode() in response.content


def test_the_default_text_gets_no_warning_in_the_editor(privacy_officer, defaults):
    response = sign_in(privacy_officer).get("/explainers/edit/es/")
    assert response.status_code == 200
    assert b"Hard to read" not in response.content
    assert b"Reading grade" in response.content


def test_publishing_makes_a_new_version_and_audits_it(privacy_officer, defaults):
    response = _publish(sign_in(privacy_officer))
    assert response.status_code == 302
    explainer = current_explainer("en")
    assert explainer.version == 2 and explainer.created_by == privacy_officer
    assert explainer.teach_back_points == [
        "What I say stays private.",
        "You'd tell someone if I was at risk.",
    ]
    assert defaults["en"].pk != explainer.pk
    event = AuditEvent.objects.filter(action="explainer.published").order_by("-seq").first()
    assert event.actor_id == str(privacy_officer.pk)
    assert event.resource_id == str(explainer.pk)


def test_a_published_version_never_changes(defaults):
    explainer = defaults["en"]
    explainer.body = "Rewritten"
    with pytest.raises(ValueError, match="never changes"):
        explainer.save()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"body": "   "}, b"Write the explainer text: it cannot be empty."),
        ({"teach_back_points": " \n \n"}, b"Add at least one teach-back point, one per line."),
    ],
)
def test_bad_input_is_refused_and_what_was_typed_is_kept(
    privacy_officer, defaults, fields, message
):
    response = _publish(sign_in(privacy_officer), **fields)
    assert response.status_code == 200
    assert message in response.content
    assert b"What stays private" in response.content  # the title typed is still there
    assert Explainer.objects.filter(language="en").count() == 1


def test_markdown_is_rendered_safely():
    html = render(
        "# Hi <script>alert(1)</script>\n\nSome **bold** and <b onclick=x>raw</b>.\n\n"
        "- one\n- two\n\n1. first\n2. second"
    )
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b onclick" not in html and "&lt;b onclick=x&gt;" in html
    assert "<strong>bold</strong>" in html
    assert "<ul><li>one</li><li>two</li></ul>" in html
    assert "<ol><li>first</li><li>second</li></ol>" in html
    assert html.startswith("<h2>")


def test_a_script_in_a_published_body_is_shown_as_text(privacy_officer, defaults):
    client = sign_in(privacy_officer)
    body = "Hello <script>alert('x')</script> there."
    preview = _publish(client, intent="check", body=body)
    assert b"<script>alert" not in preview.content
    assert b"&lt;script&gt;alert" in preview.content
    _publish(client, body=body)
    explainer = current_explainer("en")
    page = client.get(f"/explainers/{explainer.pk}/")
    public = client.get("/explainers/public/en/")
    for response in (page, public):
        assert b"<script>alert" not in response.content
        assert b"&lt;script&gt;alert" in response.content


@pytest.mark.parametrize("persona", ["worker", "supervisor", "administrator", "auditor"])
def test_only_the_privacy_officer_edits(request, persona, defaults):
    client = sign_in(request.getfixturevalue(persona))
    assert client.get("/explainers/edit/en/").status_code == 403
    assert _publish(client).status_code == 403
    assert Explainer.objects.filter(language="en").count() == 1


def test_an_unknown_language_is_not_found(privacy_officer, defaults):
    assert sign_in(privacy_officer).get("/explainers/edit/fr/").status_code == 404


def test_every_member_of_staff_sees_the_list_and_only_officers_get_edit_links(
    worker, privacy_officer, defaults
):
    as_worker = sign_in(worker).get("/explainers/")
    assert as_worker.status_code == 200
    assert b"What stays private" in as_worker.content
    assert b"/explainers/edit/" not in as_worker.content
    as_officer = sign_in(privacy_officer).get("/explainers/")
    assert b"/explainers/edit/es/" in as_officer.content
