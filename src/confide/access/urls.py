from django.urls import path

from confide.access import views

app_name = "access"

urlpatterns = [
    path("emergency/", views.find_client, name="find"),
    path("emergency/reviews/", views.review_queue, name="review_queue"),
    path("emergency/reviews/<uuid:grant_id>/", views.review, name="review"),
    path("emergency/<code:code>/", views.break_glass, name="break_glass"),
    path("clients/<code:code>/access-report/", views.client_access_report, name="report"),
    path(
        "clients/<code:code>/access-report.pdf",
        views.client_access_report,
        {"as_pdf": True},
        name="report_pdf",
    ),
]
