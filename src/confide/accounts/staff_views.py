"""Staff management for administrators and privacy officers."""

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from confide.access import services as access_services
from confide.access.decorators import require_permission
from confide.access.permissions import Permission
from confide.accounts import services
from confide.accounts.decorators import require_reauthentication
from confide.accounts.devices import AuthenticatorDevice
from confide.accounts.models import User
from confide.accounts.staff_forms import NewStaffForm, RoleForm
from confide.notes.models import Sensitivity


def _staff_member(user_id: str) -> User:
    try:
        return User.objects.get(pk=user_id)
    except (User.DoesNotExist, ValueError):
        raise Http404 from None


@require_GET
@require_permission(Permission.MANAGE_STAFF)
def staff_list(request: HttpRequest) -> HttpResponse:
    enrolled = AuthenticatorDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    staff = User.objects.annotate(mfa=Exists(enrolled)).order_by("display_name")
    return render(request, "accounts/staff_list.html", {"staff": staff})


@require_http_methods(["GET", "POST"])
@require_permission(Permission.MANAGE_STAFF)
def staff_new(request: HttpRequest) -> HttpResponse:
    form = NewStaffForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.do_create_user(**form.cleaned_data, acting_user=request.user)
        messages.success(request, _("Account created. They set up MFA at their first sign-in."))
        return redirect("accounts:staff_list")
    return render(request, "accounts/staff_new.html", {"form": form})


@require_GET
@require_permission(Permission.MANAGE_STAFF)
def staff_detail(request: HttpRequest, user_id: str) -> HttpResponse:
    member = _staff_member(user_id)
    context = {
        "member": member,
        "role_form": RoleForm(initial={"role": member.role}),
        "mfa": AuthenticatorDevice.objects.filter(user=member, confirmed=True).exists(),
        "tags": [
            (tag, set(member.tag_grants.values_list("tag", flat=True)) >= {tag.value})
            for tag in Sensitivity
        ],
    }
    return render(request, "accounts/staff_detail.html", context)


@require_POST
@require_permission(Permission.MANAGE_STAFF)
@require_reauthentication
def staff_change_role(request: HttpRequest, user_id: str) -> HttpResponse:
    member = _staff_member(user_id)
    form = RoleForm(request.POST)
    if form.is_valid():
        try:
            services.do_change_role(member, form.cleaned_data["role"], acting_user=request.user)
            messages.success(request, _("Role changed."))
        except services.SelfLockout as error:
            messages.error(request, str(error))
    return redirect("accounts:staff_detail", user_id=member.pk)


@require_POST
@require_permission(Permission.MANAGE_STAFF)
@require_reauthentication
def staff_set_active(request: HttpRequest, user_id: str) -> HttpResponse:
    member = _staff_member(user_id)
    try:
        services.do_set_active(member, request.POST.get("active") == "1", acting_user=request.user)
        messages.success(request, _("Account updated."))
    except services.SelfLockout as error:
        messages.error(request, str(error))
    return redirect("accounts:staff_detail", user_id=member.pk)


@require_POST
@require_permission(Permission.GRANT_SENSITIVE_TAGS)
@require_reauthentication
def staff_sensitive_tags(request: HttpRequest, user_id: str) -> HttpResponse:
    """Which sensitivity tags this person sees beyond what their role allows."""
    member = _staff_member(user_id)
    wanted = set(request.POST.getlist("tags")) & {s.value for s in Sensitivity}
    held = set(member.tag_grants.values_list("tag", flat=True))
    for tag in sorted(wanted - held):
        access_services.do_grant_tag(member, tag, acting_user=request.user)
    for tag in sorted(held - wanted):
        access_services.do_revoke_tag(member, tag, acting_user=request.user)
    messages.success(request, _("Sensitive-content access updated."))
    return redirect("accounts:staff_detail", user_id=member.pk)


@require_POST
@require_permission(Permission.MANAGE_STAFF)
@require_reauthentication
def staff_reset_mfa(request: HttpRequest, user_id: str) -> HttpResponse:
    member = _staff_member(user_id)
    services.do_reset_mfa(member, acting_user=request.user)
    messages.success(request, _("Authenticator removed. They set up a new one at next sign-in."))
    return redirect("accounts:staff_detail", user_id=member.pk)
