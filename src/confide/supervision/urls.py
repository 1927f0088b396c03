from django.urls import path

from confide.supervision import ethics_views, group_views, views

app_name = "supervision"

urlpatterns = [
    path("clients/<code:code>/consultations/new/", views.new_packet, name="new_packet"),
    path("consultations/", views.packet_list, name="packets"),
    path("consultations/<uuid:packet_id>/", views.packet_detail, name="packet"),
    path("consultations/<uuid:packet_id>/question/", views.edit_question, name="edit_question"),
    path("consultations/<uuid:packet_id>/hide/", views.add_redaction, name="add_redaction"),
    path("consultations/<uuid:packet_id>/restore/", views.restore, name="restore"),
    path("consultations/<uuid:packet_id>/share/", views.share, name="share"),
    path("consultations/<uuid:packet_id>/discard/", views.discard, name="discard"),
    path("consultations/<uuid:packet_id>/reply/", views.reply, name="reply"),
    path(
        "consultations/<uuid:packet_id>/supervision-notes/",
        views.supervision_note,
        name="supervision_note",
    ),
    path("consultations/<uuid:packet_id>/packet.pdf", views.packet_as_pdf, name="pdf"),
    path("ethics/", ethics_views.ethics_list, name="ethics"),
    path("ethics/new/", ethics_views.ethics_new, name="ethics_new"),
    path("ethics/guidelines/", ethics_views.guidelines, name="guidelines"),
    path("ethics/<uuid:entry_id>/", ethics_views.ethics_detail, name="ethics_detail"),
    path("peer-groups/", group_views.group_list, name="groups"),
    path("peer-groups/<uuid:group_id>/", group_views.group_edit, name="group"),
]
