"""`confide init`, `confide serve`, `confide check`."""

import argparse
import os
import secrets
import sys

from confide import paths
from confide.cli.base import CLI_ACTOR, CommandError, setup_django, unit_of_work


def register(commands: argparse._SubParsersAction) -> None:
    init = commands.add_parser(
        "init", help="create the data directory, master key file and database (idempotent)"
    )
    init.set_defaults(run=run_init)

    serve = commands.add_parser("serve", help="run the web app with gunicorn")
    serve.add_argument(
        "--bind", default="127.0.0.1:8000", help="address:port (default %(default)s)"
    )
    serve.add_argument(
        "--workers", type=int, default=2, help="worker processes (default %(default)s)"
    )
    serve.set_defaults(run=run_serve)

    check = commands.add_parser(
        "check", help="run Django's deployment checks with production settings"
    )
    check.set_defaults(run=run_check)


def _private_dir(path: os.PathLike) -> None:
    os.makedirs(path, mode=0o700, exist_ok=True)
    os.chmod(path, 0o700)


def _create_private_file(path: os.PathLike, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)


def run_init(args: argparse.Namespace) -> int:
    from confide.crypto import KeyFileProvider, MasterKeys

    created = []
    _private_dir(paths.data_dir())
    _private_dir(paths.key_dir())
    key_file = paths.key_dir() / "master-keys.json"
    if not os.environ.get("CONFIDE_MASTER_KEYS") and not key_file.exists():
        KeyFileProvider(key_file).create(MasterKeys.generate())
        created.append(f"master key file {key_file} (mode 0600)")
    if not os.environ.get("CONFIDE_SECRET_KEY") and not paths.secret_key_file().exists():
        _create_private_file(paths.secret_key_file(), secrets.token_urlsafe(64))
        created.append("session signing secret")

    with unit_of_work():
        from django.conf import settings
        from django.core.management import call_command
        from django.db import transaction

        from confide.audit.actions import Action
        from confide.audit.checkpoints import create_signing_key
        from confide.audit.services import record_event
        from confide.vault.keyring import ensure_organisation_keys
        from confide.vault.models import WrappedKey

        if not settings.AUDIT_SIGNING_KEY_FILE.exists():
            create_signing_key(settings.AUDIT_SIGNING_KEY_FILE)
            created.append("audit checkpoint signing key")
        call_command("migrate", interactive=False, verbosity=0)
        with transaction.atomic():
            if not WrappedKey.objects.exists():
                ensure_organisation_keys()
                record_event(Action.KEYS_INITIALISED, actor=CLI_ACTOR, resource_type="master_key")
                created.append("organisation data keys")
        call_command("collectstatic", interactive=False, verbosity=0)
    print(f"Confide is ready in {paths.data_dir()}")
    for item in created:
        print(f"  created {item}")
    return 0


def run_serve(args: argparse.Namespace) -> int:
    setup_django()
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise CommandError("the database is not set up: run `confide init` first")
    if args.workers < 1:
        raise CommandError("--workers must be at least 1")
    # Paths only in the access log: query strings could carry search terms.
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        "confide.wsgi:application",
        "--bind",
        args.bind,
        "--workers",
        str(args.workers),
        "--access-logfile",
        "-",
        "--access-logformat",
        '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms',
    ]
    os.execv(sys.executable, argv)  # noqa: S606 -- replaces this process with gunicorn
    return 0  # not reached


def run_check(args: argparse.Namespace) -> int:
    # Production settings: TLS on, debug off, whatever the shell had.
    os.environ["CONFIDE_TLS"] = "true"
    os.environ["CONFIDE_DEBUG"] = "false"
    setup_django()
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    try:
        call_command("check", deploy=True, fail_level="WARNING")
    except SystemCheckError as error:
        print(error, file=sys.stderr)
        return 1
    return 0
