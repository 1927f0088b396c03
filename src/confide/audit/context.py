"""The request id of the work in progress, so audit events can be tied together."""

import uuid
from contextvars import ContextVar

_request_id: ContextVar[str] = ContextVar("confide_request_id", default="")


def current_request_id() -> str:
    return _request_id.get()


def begin_request() -> str:
    """Start a new unit of work (a request or a CLI command) and return its id."""
    request_id = uuid.uuid4().hex
    _request_id.set(request_id)
    return request_id
