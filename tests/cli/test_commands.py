"""The `confide` command as an operator uses it: real processes on a fresh data directory."""

import io
import json
import os
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from confide.accounts.models import User
from confide.cli import build_parser, main

SUBCOMMANDS = [
    ["init"],
    ["serve"],
    ["check"],
    ["demo"],
    ["createuser"],
    ["audit"],
    ["audit", "verify"],
    ["audit", "checkpoint"],
    ["keys"],
    ["keys", "status"],
    ["keys", "rotate"],
    ["keys", "retire"],
    ["redact"],
]


def _run(args: list[str], data_dir: Path, stdin: str = "") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CONFIDE_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env.update(CONFIDE_DATA_DIR=str(data_dir), CONFIDE_TLS="false")
    return subprocess.run(
        [sys.executable, "-m", "confide.cli", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def initialised(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("confide-data")
    result = _run(["init"], data_dir)
    assert result.returncode == 0, result.stderr
    return data_dir


@pytest.mark.parametrize("words", SUBCOMMANDS, ids=" ".join)
def test_every_command_has_help(words, capsys):
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args([*words, "--help"])
    assert exit_info.value.code == 0
    assert "usage: confide" in capsys.readouterr().out


def test_an_unknown_command_exits_with_status_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2


def test_init_creates_private_key_files_and_prints_no_secrets(initialised):
    keys = initialised / "keys"
    assert stat.S_IMODE(keys.stat().st_mode) == 0o700
    for name in ("master-keys.json", "django-secret-key", "audit-signing-key.json"):
        assert stat.S_IMODE((keys / name).stat().st_mode) == 0o600
    master = json.loads((keys / "master-keys.json").read_text())
    again = _run(["init"], initialised)
    assert again.returncode == 0
    for secret in master["keys"].values():
        assert secret not in again.stdout + again.stderr
    # Running init again changes nothing that exists.
    assert json.loads((keys / "master-keys.json").read_text()) == master


def test_commands_before_init_say_what_to_do(tmp_path):
    result = _run(["keys", "status"], tmp_path / "nothing-here")
    assert result.returncode == 2
    assert "confide init" in result.stderr
    assert "Traceback" not in result.stderr


def test_createuser_then_status_and_verify_on_a_fresh_install(initialised):
    created = _run(
        ["createuser", "robin", "--role", "auditor", "--display-name", "Robin", "--password-stdin"],
        initialised,
        stdin="a long and unusual passphrase\n",
    )
    assert created.returncode == 0, created.stderr
    assert "passphrase" not in created.stdout
    duplicate = _run(
        ["createuser", "robin", "--role", "auditor", "--display-name", "R", "--password-stdin"],
        initialised,
        stdin="another long passphrase\n",
    )
    assert duplicate.returncode == 2 and "already exists" in duplicate.stderr
    status = _run(["keys", "status"], initialised)
    assert status.returncode == 0 and "wraps 2 data keys" in status.stdout
    verified = _run(["audit", "verify"], initialised)
    assert verified.returncode == 0 and verified.stdout.startswith("OK:")


def test_createuser_refuses_a_weak_password_and_a_bad_role(db, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    args = ["createuser", "kim", "--role", "auditor", "--display-name", "Kim", "--password-stdin"]
    assert main(args) == 2
    assert "password refused" in capsys.readouterr().err
    assert not User.objects.filter(username="kim").exists()
    with pytest.raises(SystemExit) as exit_info:
        main(["createuser", "kim", "--role", "overlord", "--display-name", "Kim"])
    assert exit_info.value.code == 2


def test_demo_code_is_only_given_for_demo_accounts(worker, capsys):
    assert main(["demo", "--code", "dana"]) == 2  # a real account: refused
    assert "not a demo account" in capsys.readouterr().err


def test_serve_runs_gunicorn_and_answers(initialised):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CONFIDE_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    env.update(CONFIDE_DATA_DIR=str(initialised), CONFIDE_TLS="false")
    server = subprocess.Popen(
        [sys.executable, "-m", "confide.cli", "serve", "--bind", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        body = b""
        deadline = time.monotonic() + 60  # a loaded 2-core machine boots gunicorn slowly
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=2) as r:
                    body = r.read()
                    headers = r.headers
                break
            except OSError:
                time.sleep(0.1)
        assert b"Sign in" in body
        assert headers["Cache-Control"] == "no-store, private"
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0].decode()
    assert "gunicorn" in output.lower() or "Booting worker" in output
