"""`make bench`: every benchmark, on SQLite and (when reachable) PostgreSQL.

Run: ``.venv/bin/python bench/run.py [--quick]``. Pure benchmarks (no database) run in
this process. Django reads its settings once per process, so each database gets a
child process (``bench/run.py --database sqlite|postgresql``) that sets Django up
against a throwaway data directory and a fresh database, runs every module in
``DATABASE_BENCHES`` and hands its figures back as JSON for the comparison lines.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    import psycopg

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent

# Benchmarks that need no database: (module in bench/, measure arguments, quick arguments).
PURE_BENCHES: list[tuple[str, dict[str, object], dict[str, object]]] = [
    ("crypto_bench", {"iterations": 50_000}, {"iterations": 5_000}),
    ("deid_bench", {"notes": 3000}, {"notes": 300}),
]
# Benchmarks that need Django and a database, run once per database. Each module in
# bench/ has ``measure(*, quick: bool = False) -> dict[str, float]`` and may assume
# Django is set up on an empty, migrated database with keys (see _prepare_django).
DATABASE_BENCHES: list[str] = [
    "field_bench",
    "audit_bench",
    "records_bench",
]

POSTGRES_URL = os.environ.get(
    "CONFIDE_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test"
)
BENCH_DATABASE = "confide_bench"


def _print_figures(title: str, figures: dict[str, float]) -> None:
    print(f"== {title}")
    for name, value in figures.items():
        decimals = 2 if "ratio" in name else 1 if name.endswith("_ms") else 0
        shown = f"{value:14,.{decimals}f}"
        print(f"  {name:40} {shown}")
    sys.stdout.flush()


def _bench_module(name: str) -> object:
    if str(BENCH_DIR) not in sys.path:
        sys.path.insert(0, str(BENCH_DIR))
    return importlib.import_module(name)


# --- one database, in a child process -------------------------------------------------


def _prepare_django(data_dir: Path, database: str) -> None:
    """Django on a throwaway data directory, migrated, with keys as `confide init` makes them."""
    os.environ.update(
        CONFIDE_DATA_DIR=str(data_dir),
        CONFIDE_SECRET_KEY="bench-only-secret-" + "x" * 50,
        DJANGO_SETTINGS_MODULE="confide.settings",
        CONFIDE_TLS="false",
    )
    for inherited in ("CONFIDE_KEY_DIR", "CONFIDE_MASTER_KEYS", "CONFIDE_AUDIT_CHECKPOINTS"):
        os.environ.pop(inherited, None)
    if database == "sqlite":
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from confide.audit.checkpoints import create_signing_key
    from confide.crypto import KeyFileProvider, MasterKeys
    from confide.vault.keyring import ensure_organisation_keys

    settings.KEY_DIR.mkdir(parents=True, exist_ok=True, mode=0o700)
    KeyFileProvider(settings.MASTER_KEY_FILE).create(MasterKeys.generate())
    create_signing_key(settings.AUDIT_SIGNING_KEY_FILE)
    call_command("migrate", interactive=False, verbosity=0)
    ensure_organisation_keys()


def run_database_benches(database: str, *, quick: bool, results: Path | None) -> int:
    data_dir = Path(tempfile.mkdtemp(prefix=f"confide-bench-{database}-"))
    try:
        _prepare_django(data_dir, database)
        from django.db import connection

        print(f"== database: {connection.vendor} {'.'.join(map(str, _server_version()))}")
        figures: dict[str, float] = {}
        for name in DATABASE_BENCHES:
            measure: Callable[..., dict[str, float]] = _bench_module(name).measure  # type: ignore[attr-defined]  # each bench module defines it
            started = time.perf_counter()
            found = measure(quick=quick)
            _print_figures(f"{name} on {database} ({time.perf_counter() - started:.0f} s)", found)
            figures.update(found)
        connection.close()
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    if results:
        results.write_text(json.dumps(figures))
    return 0


def _server_version() -> tuple[int, ...]:
    from django.db import connection

    connection.ensure_connection()
    if connection.vendor == "postgresql":
        number = connection.pg_version
        return (number // 10_000, number % 10_000)
    import sqlite3

    return sqlite3.sqlite_version_info


# --- the whole run ------------------------------------------------------------------


def _postgres_admin(url: str) -> psycopg.Connection:
    import psycopg  # only when PostgreSQL is wanted: the SQLite-only run needs no driver

    return psycopg.connect(url, connect_timeout=3, autocommit=True)


def _postgres_reachable() -> bool:
    try:
        _postgres_admin(POSTGRES_URL).close()
    except Exception:  # noqa: BLE001 -- any failure means "not reachable, skip it"
        return False
    return True


def _bench_database_url() -> str:
    parts = urlsplit(POSTGRES_URL)
    return urlunsplit(parts._replace(path=f"/{BENCH_DATABASE}"))


def _recreate_bench_database(*, drop_only: bool = False) -> None:
    with _postgres_admin(POSTGRES_URL) as admin:
        # FORCE ends connections a crashed child may have left behind.
        admin.execute(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)')
        if not drop_only:
            admin.execute(f'CREATE DATABASE "{BENCH_DATABASE}"')


def _run_child(database: str, *, quick: bool) -> dict[str, float]:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    if database == "postgresql":
        env["DATABASE_URL"] = _bench_database_url()
    with tempfile.TemporaryDirectory() as scratch:
        results = Path(scratch) / "figures.json"
        command = [sys.executable, __file__, "--database", database, "--results", str(results)]
        if quick:
            command.append("--quick")
        subprocess.run(command, env=env, check=True, cwd=ROOT)
        return json.loads(results.read_text())


def _ratio_lines(per_database: dict[str, dict[str, float]]) -> list[str]:
    lines = []
    for database, figures in per_database.items():
        single = figures.get("audit_append_1_writer_per_s")
        several = figures.get("audit_append_4_writers_per_s")
        if single and several:
            lines.append(
                f"audit appends, 4 writers / 1 writer on {database}: {several / single:.2f}"
            )
        verify = figures.get("audit_verify_per_s")
        if verify:
            verdict = "meets" if verify >= 200_000 else "MISSES"
            lines.append(f"audit verify on {database}: {verify:,.0f} events/s {verdict} 200,000/s")
        overhead = figures.get("field_overhead_ratio_vs_raw")
        if overhead:
            verdict = "meets" if overhead <= 3.0 else "MISSES"
            lines.append(
                f"field layer on {database}: {overhead:.2f}x raw AES-GCM, {verdict} the 3x target"
            )
        lines.extend(_target_lines(database, figures))
    if {"sqlite", "postgresql"} <= per_database.keys():
        sqlite, postgres = per_database["sqlite"], per_database["postgresql"]
        for name in sorted(sqlite.keys() & postgres.keys()):
            if name.endswith("_per_s") and sqlite[name]:
                lines.append(f"{name}, postgresql / sqlite: {postgres[name] / sqlite[name]:.2f}")
    return lines


def _deid_lines(figures: dict[str, float]) -> list[str]:
    """The de-identification engine against its target: 1,000 notes of ~1 KB a second."""
    lines = []
    for corpus in ("peer", "clinical"):
        rate = figures.get(f"deid_{corpus}_find_identifiers_notes_per_s")
        if rate:
            verdict = "meets" if rate >= 1000 else "MISSES"
            lines.append(
                f"de-identification, {corpus} notes: {rate:,.0f} notes/s {verdict} 1,000/s"
            )
    return lines


# Latency targets from the records-at-scale issue: (figure, most milliseconds, what it is).
LATENCY_TARGETS = [
    ("records_caseload_p95_ms", 100.0, "caseload page p95 (200 clients)"),
    ("records_client_page_p95_ms", 100.0, "client page p95 (50 notes)"),
    ("records_search_query_p95_ms", 10.0, "blind-index search p95"),
]


def _target_lines(database: str, figures: dict[str, float]) -> list[str]:
    lines = []
    for name, most, label in LATENCY_TARGETS:
        if name in figures:
            verdict = "meets" if figures[name] < most else "MISSES"
            lines.append(
                f"{label} on {database}: {figures[name]:.1f} ms, {verdict} the {most:.0f} ms target"
            )
    return lines


def run_all(*, quick: bool) -> int:
    started = time.perf_counter()
    pure: dict[str, float] = {}
    for name, arguments, quick_arguments in PURE_BENCHES:
        measure = _bench_module(name).measure  # type: ignore[attr-defined]  # defined by each module
        found = measure(**(quick_arguments if quick else arguments))
        _print_figures(name, found)
        pure.update(found)
    per_database = {"sqlite": _run_child("sqlite", quick=quick)}
    if _postgres_reachable():
        _recreate_bench_database()
        try:
            per_database["postgresql"] = _run_child("postgresql", quick=quick)
        finally:
            _recreate_bench_database(drop_only=True)
    else:
        print(f"== postgresql: not reachable at {POSTGRES_URL}, not run")
    print("== comparisons")
    for line in _deid_lines(pure) + _ratio_lines(per_database):
        print(f"  {line}")
    print(f"== done in {time.perf_counter() - started:.0f} s")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer events, for a smoke run")
    parser.add_argument(
        "--database", choices=("sqlite", "postgresql"), help="run only this database's benches"
    )
    parser.add_argument("--results", type=Path, help=argparse.SUPPRESS)  # the child's JSON
    args = parser.parse_args(argv)
    if args.database:
        return run_database_benches(args.database, quick=args.quick, results=args.results)
    return run_all(quick=args.quick)


if __name__ == "__main__":
    sys.exit(main())
