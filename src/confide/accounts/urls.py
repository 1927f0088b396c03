from django.urls import path

from confide.accounts import staff_views, views

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
    path("staff/", staff_views.staff_list, name="staff_list"),
    path("staff/new/", staff_views.staff_new, name="staff_new"),
    path("staff/<uuid:user_id>/", staff_views.staff_detail, name="staff_detail"),
    path("staff/<uuid:user_id>/role/", staff_views.staff_change_role, name="staff_change_role"),
    path("staff/<uuid:user_id>/active/", staff_views.staff_set_active, name="staff_set_active"),
    path("staff/<uuid:user_id>/reset-mfa/", staff_views.staff_reset_mfa, name="staff_reset_mfa"),
    path("staff/<uuid:user_id>/tags/", staff_views.staff_sensitive_tags, name="staff_tags"),
]
