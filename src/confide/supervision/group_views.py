"""Peer groups for case conferences, managed by the privacy officer and administrators."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from confide.access.decorators import require_permission
from confide.access.permissions import Permission
from confide.supervision.forms import PeerGroupForm
from confide.supervision.models import PeerGroup
from confide.supervision.services import PacketError, do_save_peer_group


@require_http_methods(["GET", "POST"])
@require_permission(Permission.MANAGE_PEER_GROUPS)
def group_list(request: HttpRequest) -> HttpResponse:
    form = PeerGroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            do_save_peer_group(
                acting_user=request.user,
                name=form.cleaned_data["name"],
                members=form.cleaned_data["members"],
            )
            messages.success(request, _("Group saved."))
            return redirect("supervision:groups")
        except PacketError as error:
            form.add_error(None, str(error))
    groups = PeerGroup.objects.prefetch_related("members")
    return render(request, "supervision/groups.html", {"form": form, "groups": groups})


@require_http_methods(["GET", "POST"])
@require_permission(Permission.MANAGE_PEER_GROUPS)
def group_edit(request: HttpRequest, group_id: str) -> HttpResponse:
    group = PeerGroup.objects.filter(pk=group_id).first()
    if group is None:
        raise Http404
    initial = {"name": group.name, "members": list(group.members.all())}
    form = PeerGroupForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            do_save_peer_group(
                acting_user=request.user,
                name=form.cleaned_data["name"],
                members=form.cleaned_data["members"],
                group=group,
            )
            messages.success(request, _("Group saved."))
            return redirect("supervision:groups")
        except PacketError as error:
            form.add_error(None, str(error))
    return render(request, "supervision/group_edit.html", {"form": form, "group": group})
