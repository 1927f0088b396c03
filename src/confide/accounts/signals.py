"""Audit receivers for authentication events raised by Django and django-axes."""

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_out, user_login_failed
from django.dispatch import receiver

from confide.accounts.models import User
from confide.audit.actions import Action, Outcome
from confide.audit.services import record_event


def _user_named(credentials: dict) -> User | None:
    username = credentials.get("username")
    return User.objects.filter(username=username).first() if username else None


@receiver(user_login_failed)
def audit_login_failure(sender: object, credentials: dict, request: object = None, **_: object):
    # The attempted username is not stored: it may be a mistyped password.
    user = _user_named(credentials)
    record_event(
        Action.LOGIN_FAILED,
        actor=None,
        outcome=Outcome.DENIED,
        resource_type="user",
        resource_id=str(user.pk) if user else "",
        details={"known_user": user is not None},
    )


@receiver(user_locked_out)
def audit_lockout(sender: object, request: object = None, username: str | None = None, **_):
    user = _user_named({"username": username})
    record_event(
        Action.LOGIN_LOCKED_OUT,
        actor=None,
        outcome=Outcome.DENIED,
        resource_type="user",
        resource_id=str(user.pk) if user else "",
    )


@receiver(user_logged_out)
def audit_logout(sender: object, request: object = None, user: User | None = None, **_: object):
    if user is not None:
        record_event(Action.LOGOUT, actor=user, resource_type="user", resource_id=str(user.pk))
