from django.urls import include, path, register_converter

from confide.clients.converters import ClientCodeConverter

register_converter(ClientCodeConverter, "code")

urlpatterns = [
    path("", include("confide.accounts.urls")),
    path("audit/", include("confide.audit.urls")),
    path("clients/", include("confide.clients.urls")),
    path("notes/", include("confide.notes.urls")),
    path("explainers/", include("confide.explainers.urls")),
    path("", include("confide.access.urls")),
    path("", include("confide.consent.urls")),
    path("", include("confide.supervision.urls")),
    path("", include("confide.web.urls")),
]

handler403 = "confide.web.errors.permission_denied"
handler404 = "confide.web.errors.not_found"
handler500 = "confide.web.errors.server_error"
