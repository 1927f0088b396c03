from django.urls import path

from confide.clients import views
from confide.notes import views as note_views

app_name = "clients"

urlpatterns = [
    path("", views.caseload, name="caseload"),
    path("all/", views.all_clients, name="all"),
    path("new/", views.intake, name="intake"),
    path("<code:code>/", views.client_detail, name="detail"),
    path("<code:code>/edit/", views.edit_identity, name="edit"),
    path("<code:code>/status/", views.close_or_reopen, name="close_or_reopen"),
    path("<code:code>/team/", views.care_team, name="care_team"),
    path("<code:code>/team/<uuid:assignment_id>/end/", views.end_assignment, name="end_assignment"),
    path("<code:code>/notes/new/", note_views.new_note, name="new_note"),
]
