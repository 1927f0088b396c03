from django.urls import path

from confide.consent import views

app_name = "consent"

urlpatterns = [
    path("clients/<code:code>/consents/", views.overview, name="overview"),
    path("clients/<code:code>/consents/new/", views.record_consent, name="record"),
    path("clients/<code:code>/recipients/new/", views.add_recipient, name="add_recipient"),
    path("clients/<code:code>/disclosures/new/", views.record_disclosure, name="disclose"),
    path("clients/<code:code>/disclosures/accounting/", views.accounting, name="accounting"),
    path(
        "clients/<code:code>/disclosures/accounting.pdf",
        views.accounting,
        {"fmt": "pdf"},
        name="accounting_pdf",
    ),
    path(
        "clients/<code:code>/disclosures/accounting.csv",
        views.accounting,
        {"fmt": "csv"},
        name="accounting_csv",
    ),
    path("consents/<uuid:consent_id>/", views.consent_detail, name="detail"),
    path("consents/<uuid:consent_id>/revoke/", views.revoke, name="revoke"),
    path("consents/<uuid:consent_id>/copy.pdf", views.consent_copy, name="copy"),
    path("consents/<uuid:consent_id>/fhir.json", views.consent_fhir, name="fhir"),
    path("disclosures/reviews/", views.review_queue, name="review_queue"),
    path("consent-forms/", views.consent_forms, name="forms"),
    path("consent-forms/new/", views.publish_consent_form, name="publish_form"),
    path("disclosures/<uuid:disclosure_id>/told/", views.client_told, name="client_told"),
    path("disclosures/<uuid:disclosure_id>/review/", views.review, name="review"),
]
