from django.urls import path

from confide.notes import views

app_name = "notes"

urlpatterns = [
    path("<uuid:note_id>/", views.edit_note, name="edit"),
    path("<uuid:note_id>/amend/", views.amend_note, name="amend"),
    path("<uuid:note_id>/delete/", views.delete_draft, name="delete"),
]
