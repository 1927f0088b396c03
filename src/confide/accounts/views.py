"""Login with password then a second factor, enrolment, re-authentication and screen lock."""

import base64
import io
import time
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp import login as otp_login

from confide.accounts import services, session_policy
from confide.accounts.devices import BackupCodesDevice
from confide.accounts.forms import CodeForm, PasswordLoginForm, ReauthForm, UnlockForm
from confide.accounts.models import User
from confide.audit.actions import Action, Outcome
from confide.audit.services import record_event

PENDING_USER = "confide_pending_user"
PENDING_AT = "confide_pending_at"
PENDING_SECONDS = 300


def _safe_next(request: HttpRequest, default: str = "/") -> str:
    target = request.POST.get("next") or request.GET.get("next") or default
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


def _pending_user(request: HttpRequest) -> User | None:
    user_id = request.session.get(PENDING_USER)
    started = request.session.get(PENDING_AT, 0)
    if not user_id or time.time() - started > PENDING_SECONDS:
        return None
    return User.objects.filter(pk=user_id, is_active=True).first()


@login_not_required
@require_http_methods(["GET", "POST"])
def login_view(request: HttpRequest) -> HttpResponse:
    form = PasswordLoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request,
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password"],
        )
        if user is not None:
            request.session.cycle_key()
            request.session[PENDING_USER] = str(user.pk)
            request.session[PENDING_AT] = time.time()
            step = "accounts:mfa" if services.has_confirmed_totp(user) else "accounts:enrol"
            return redirect(f"{reverse(step)}?{urlencode({'next': _safe_next(request)})}")
        form.add_error(None, _("That username and password do not match."))
    context = {"form": form, "expired": request.GET.get("expired"), "next": _safe_next(request)}
    return render(request, "accounts/login.html", context)


def _finish_login(request: HttpRequest, user: User, device: object) -> None:
    for key in (PENDING_USER, PENDING_AT):
        request.session.pop(key, None)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    otp_login(request, device)
    session_policy.start_session(request)
    record_event(
        Action.LOGIN,
        actor=user,
        resource_type="user",
        resource_id=str(user.pk),
        details={
            "factor": "backup_code" if isinstance(device, BackupCodesDevice) else "authenticator"
        },
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def mfa_view(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None:
        return redirect("accounts:login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = services.verify_second_factor(user, form.cleaned_data["code"])
        if device is not None:
            _finish_login(request, user, device)
            return redirect(_safe_next(request))
        record_event(
            Action.MFA_FAILED,
            actor=None,
            outcome=Outcome.DENIED,
            resource_type="user",
            resource_id=str(user.pk),
        )
        form.add_error("code", _("That code is not right, or it has expired. Try the newest one."))
    return render(request, "accounts/mfa.html", {"form": form, "next": _safe_next(request)})


def _qr_data_uri(text: str) -> str:
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()


@login_not_required
@require_http_methods(["GET", "POST"])
def enrol_view(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None or services.has_confirmed_totp(user):
        return redirect("accounts:login")
    device = services.pending_totp_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            codes = services.do_confirm_totp(user, device, form.cleaned_data["code"].strip())
            if codes is not None:
                _finish_login(request, user, device)
        if codes is not None:
            next_url = _safe_next(request)
            return render(request, "accounts/backup_codes.html", {"codes": codes, "next": next_url})
        form.add_error("code", _("That code is not right. Check the time on your phone and retry."))
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    context = {
        "form": form,
        "qr": _qr_data_uri(device.config_url),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "next": _safe_next(request),
    }
    return render(request, "accounts/enrol.html", context)


@require_http_methods(["GET", "POST"])
def reauth_view(request: HttpRequest) -> HttpResponse:
    form = ReauthForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        password_ok = user.check_password(form.cleaned_data["password"])
        device = (
            services.verify_second_factor(user, form.cleaned_data["code"]) if password_ok else None
        )
        if device is not None:
            session_policy.mark_reauthenticated(request)
            record_event(
                Action.REAUTHENTICATED, actor=user, resource_type="user", resource_id=str(user.pk)
            )
            return redirect(_safe_next(request))
        record_event(
            Action.REAUTH_FAILED,
            actor=user,
            outcome=Outcome.DENIED,
            resource_type="user",
            resource_id=str(user.pk),
        )
        form.add_error(None, _("The password or the code is not right."))
    return render(request, "accounts/reauth.html", {"form": form, "next": _safe_next(request)})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("accounts:login")


@require_POST
def lock_view(request: HttpRequest) -> HttpResponse:
    """The quick-hide key: the server marks the session locked until the password is given."""
    request.session[session_policy.LOCKED] = True
    record_event(Action.SESSION_LOCKED, actor=request.user)
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"locked": True})
    return redirect("accounts:locked")


@require_GET
def locked_view(request: HttpRequest) -> HttpResponse:
    if not request.session.get(session_policy.LOCKED):
        return redirect("web:dashboard")
    return render(request, "accounts/locked.html", {"form": UnlockForm()})


@require_POST
def unlock_view(request: HttpRequest) -> HttpResponse:
    form = UnlockForm(request.POST)
    wants_json = "application/json" in request.headers.get("Accept", "")
    if form.is_valid() and request.user.check_password(form.cleaned_data["password"]):
        request.session[session_policy.LOCKED] = False
        record_event(Action.SESSION_UNLOCKED, actor=request.user)
        return JsonResponse({"unlocked": True}) if wants_json else redirect("web:dashboard")
    record_event(Action.REAUTH_FAILED, actor=request.user, outcome=Outcome.DENIED)
    if wants_json:
        return JsonResponse(
            {"unlocked": False, "error": _("That password is not right.")}, status=403
        )
    form.add_error("password", _("That password is not right."))
    return render(request, "accounts/locked.html", {"form": form}, status=403)


@require_GET
def session_status_view(request: HttpRequest) -> HttpResponse:
    """Seconds of idle time left, for the page's warning; does not count as activity."""
    return JsonResponse({"seconds_left": session_policy.seconds_left(request)})
