"""The project's URLs plus two views that exist only to exercise shared machinery."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from confide.accounts.decorators import require_reauthentication
from confide.urls import handler403, handler404, handler500
from confide.urls import urlpatterns as project_urls

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]


@require_reauthentication
def dangerous(request: HttpRequest) -> HttpResponse:
    return HttpResponse("dangerous action done")


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("secret internal detail: Ottoline")


urlpatterns = [
    *project_urls,
    path("test/dangerous/", dangerous),
    path("test/boom/", boom),
]
