from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from confide.access.permissions import Permission, has_permission
from confide.audit.actions import Action, Outcome
from confide.audit.services import record_event


def require_permission(permission: Permission) -> Callable:
    """Refuse the view (403, audited) unless the user's role grants ``permission``."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if not has_permission(request.user, permission):
                record_event(
                    Action.ACCESS_DENIED,
                    actor=request.user,
                    outcome=Outcome.DENIED,
                    purpose=permission.value,
                )
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.required_permission = permission  # type: ignore[attr-defined]  -- for the URL sweep
        return wrapper

    return decorator
