"""State changes of staff accounts. Each one runs in a transaction with its audit event."""

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from confide.accounts.devices import (
    AuthenticatorDevice,
    BackupCode,
    BackupCodesDevice,
    backup_code_digest,
    new_backup_code,
)
from confide.accounts.models import Role, User
from confide.audit.actions import Action
from confide.audit.services import record_event

BACKUP_CODE_COUNT = 10


def do_create_user(
    *, username: str, display_name: str, role: Role | str, password: str, acting_user: object
) -> User:
    """Create a staff account; raises ValidationError for a weak password."""
    role = Role(role)
    candidate = User(username=username, display_name=display_name, role=role)
    validate_password(password, user=candidate)
    with transaction.atomic():
        user = User.objects.create_user(
            username=username, password=password, display_name=display_name, role=role
        )
        record_event(
            Action.USER_CREATED,
            actor=acting_user,
            resource_type="user",
            resource_id=str(user.pk),
            details={"role": role.value},
        )
    return user


def do_change_role(user: User, role: Role | str, *, acting_user: object) -> None:
    role = Role(role)
    if user == acting_user and role != user.role:
        raise SelfLockout("you cannot change your own role")
    with transaction.atomic():
        previous = user.role
        user.role = role
        user.save(update_fields=["role"])
        record_event(
            Action.ROLE_CHANGED,
            actor=acting_user,
            resource_type="user",
            resource_id=str(user.pk),
            details={"from": previous, "to": role.value},
        )


class SelfLockout(ValueError):
    """An administrator tried to remove their own access."""


def do_set_active(user: User, active: bool, *, acting_user: object) -> None:
    """Deactivate (sign-in refused from the next request) or reactivate a staff account."""
    if not active and user == acting_user:
        raise SelfLockout("you cannot deactivate your own account")
    with transaction.atomic():
        user.is_active = active
        user.save(update_fields=["is_active"])
        record_event(
            Action.USER_REACTIVATED if active else Action.USER_DEACTIVATED,
            actor=acting_user,
            resource_type="user",
            resource_id=str(user.pk),
        )


def pending_totp_device(user: User) -> AuthenticatorDevice:
    """The unconfirmed authenticator being enrolled (made once, reused until confirmed)."""
    device = AuthenticatorDevice.objects.filter(user=user, confirmed=False).first()
    return device or AuthenticatorDevice.objects.create(
        user=user, name="authenticator", confirmed=False
    )


def do_confirm_totp(user: User, device: AuthenticatorDevice, token: str) -> list[str] | None:
    """Confirm enrolment with a first code; returns fresh backup codes, or None if wrong."""
    if device.user_id != user.pk or device.confirmed or not device.verify_token(token):
        return None
    with transaction.atomic():
        AuthenticatorDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = _issue_backup_codes(user)
        record_event(
            Action.MFA_ENROLLED, actor=user, resource_type="user", resource_id=str(user.pk)
        )
    return codes


def do_reset_mfa(user: User, *, acting_user: object) -> None:
    """Remove a user's authenticators so they enrol again at next login."""
    with transaction.atomic():
        AuthenticatorDevice.objects.filter(user=user).delete()
        BackupCodesDevice.objects.filter(user=user).delete()
        record_event(
            Action.MFA_RESET, actor=acting_user, resource_type="user", resource_id=str(user.pk)
        )


def _issue_backup_codes(user: User) -> list[str]:
    device, _ = BackupCodesDevice.objects.get_or_create(
        user=user, name="backup", defaults={"confirmed": True}
    )
    device.codes.all().delete()
    codes = [new_backup_code() for _ in range(BACKUP_CODE_COUNT)]
    BackupCode.objects.bulk_create(
        [BackupCode(device=device, code_hash=backup_code_digest(c)) for c in codes]
    )
    record_event(
        Action.BACKUP_CODES_ISSUED, actor=user, resource_type="user", resource_id=str(user.pk)
    )
    return codes


def verify_second_factor(user: User, token: str) -> object | None:
    """The confirmed device that accepts ``token`` (TOTP or a one-time backup code), or None.

    django-otp throttles each device after failures and burns a backup code on use.
    """
    token = token.strip()
    for model in (AuthenticatorDevice, BackupCodesDevice):
        for device in model.objects.filter(user=user, confirmed=True):
            allowed, _ = device.verify_is_allowed()
            if allowed and device.verify_token(token):
                return device
    return None


def has_confirmed_totp(user: User) -> bool:
    return AuthenticatorDevice.objects.filter(user=user, confirmed=True).exists()
