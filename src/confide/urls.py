from django.urls import include, path

urlpatterns = [
    path("", include("confide.accounts.urls")),
    path("audit/", include("confide.audit.urls")),
    path("", include("confide.web.urls")),
]

handler403 = "confide.web.errors.permission_denied"
handler404 = "confide.web.errors.not_found"
handler500 = "confide.web.errors.server_error"
