from django.urls import path

from confide.explainers import views

app_name = "explainers"

urlpatterns = [
    path("", views.explainer_list, name="list"),
    path("edit/<slug:language>/", views.edit_explainer, name="edit"),
    path("<uuid:explainer_id>/", views.explainer_version, name="version"),
    path("<uuid:explainer_id>/handout.pdf", views.handout, name="handout"),
    path("public/<slug:language>/", views.public_explainer, name="public"),
    path("client/<code:code>/", views.deliver, name="deliver"),
    path("client/<code:code>/history/", views.delivery_history, name="history"),
]
