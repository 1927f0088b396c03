from django.urls import path

from confide.accounts import views

app_name = "accounts"

urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("login/code/", views.mfa_view, name="mfa"),
    path("login/enrol/", views.enrol_view, name="enrol"),
    path("reauth/", views.reauth_view, name="reauth"),
    path("logout/", views.logout_view, name="logout"),
    path("session/lock/", views.lock_view, name="lock"),
    path("session/locked/", views.locked_view, name="locked"),
    path("session/unlock/", views.unlock_view, name="unlock"),
    path("session/status/", views.session_status_view, name="status"),
]
