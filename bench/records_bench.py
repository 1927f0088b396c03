"""Records at scale: caseload page, client page and blind-index search on a seeded database.

Needs Django set up on an empty, migrated database with keys (bench/run.py does that). Seeds
100,000 clients and 1,000,000 notes (quick: 2,000 and 20,000) with bench/seed_records.py,
signs the benchmark worker in through the real password and TOTP login, then times requests
in-process through the whole middleware stack with django.test.Client: the figures are
server time (view, templates, queries, audit appends, session writes) without a network.
"""

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from seed_records import CASELOAD, VISIBLE_NOTES, seed

ROOT = Path(__file__).resolve().parent.parent
FULL = {"clients": 100_000, "notes": 1_000_000}
QUICK = {"clients": 2_000, "notes": 20_000}
REQUESTS = 50  # timed repetitions of each page and query
WARMUP = 3  # untimed first runs: template loading, prepared caches, the page cache


def _milliseconds(call: Callable[[], object], times: int) -> list[float]:
    samples = []
    for _ in range(WARMUP):
        call()
    for _ in range(times):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _summary(prefix: str, samples: list[float]) -> dict[str, float]:
    # The 95th percentile of 50 samples interpolates between the 47th and 48th slowest.
    p95 = statistics.quantiles(samples, n=20, method="inclusive")[18]
    return {
        f"{prefix}_median_ms": statistics.median(samples),
        f"{prefix}_p95_ms": p95,
        f"{prefix}_per_s": 1000 * len(samples) / sum(samples),
    }


def _query_count(call: Callable[[], object]) -> float:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        call()
    return float(len(captured))


def _signed_in(username: str) -> Any:
    """A django.test.Client signed in through the real two-step login (tests/helpers.py)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))  # one login implementation for tests and benches
    from django.test import Client

    from confide.accounts.models import User
    from tests.helpers import HTTPS, sign_in

    # A host the production settings allow: setup_test_environment() would add "testserver"
    # but also instrument every template render, which would distort the timings.
    browser = Client(headers=HTTPS, SERVER_NAME="localhost")
    return sign_in(User.objects.get(username=username), browser)


def _collect_static() -> None:
    # Production storage serves hashed names from a manifest that a deployment collects.
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def _checked(response: Any, marker: bytes) -> Any:
    # A redirect to the login page or a "not found" would be fast and meaningless.
    if response.status_code != 200 or marker not in response.content:
        raise AssertionError(f"unexpected response {response.status_code} from the page")
    return response


def _pages(browser: Any, code: str, name: str) -> dict[str, Callable[[], object]]:
    return {
        "caseload": lambda: _checked(browser.get("/clients/"), b"client-row"),
        "client_page": lambda: _checked(browser.get(f"/clients/{code}/"), b"note-body"),
        # The search result list is labelled; the caseload below it is rendered as well.
        "search_request": lambda: _checked(
            browser.post("/clients/", {"name": name}), b"Search results"
        ),
    }


def _check_shapes(browser: Any, code: str) -> None:
    """The pages show what the seeding promised, so the timings are of the intended work."""
    rows = browser.get("/clients/").content.count(b'<li class="client-row">')
    notes = browser.get(f"/clients/{code}/").content.count(b'<article class="note')
    if (rows, notes) != (CASELOAD, VISIBLE_NOTES):
        raise AssertionError(f"expected {CASELOAD} clients and {VISIBLE_NOTES} notes shown")


def _search_queries(username: str, name: str) -> dict[str, Callable[[], object]]:
    """search_clients as the caseload view runs it, in a fresh key scope like a request's."""
    from confide.access.decisions import clients_for_user
    from confide.access.rules import ClientAction
    from confide.accounts.models import User
    from confide.clients.models import Client
    from confide.clients.services import search_clients
    from confide.vault import keyring

    user = User.objects.get(username=username)

    def among(clients: Callable[[], Any]) -> Callable[[], object]:
        def run() -> object:
            with keyring.key_scope():  # includes unwrapping the blind-index key once
                found = list(search_clients(clients(), name=name).order_by("code")[:50])
            if not found:
                raise AssertionError("the search found nothing")
            return found

        return run

    return {
        # Among the worker's own clients (the caseload view's queryset).
        "search_query": among(lambda: clients_for_user(user, ClientAction.VIEW_IDENTITY)),
        # Among every client (the management path): the blind index alone narrows it.
        "search_all_query": among(Client.objects.all),
    }


def _search_name(code: str) -> str:
    from confide.clients.models import Client
    from confide.vault import keyring

    with keyring.key_scope():
        return Client.objects.get(code=code).legal_name


def measure(*, quick: bool = False) -> dict[str, float]:
    size = QUICK if quick else FULL
    started = time.perf_counter()
    seeded = seed(**size)
    seconds = time.perf_counter() - started
    figures = {
        "records_seed_s": seconds,
        "records_seed_rows_per_s": (seeded["clients"] + seeded["notes"]) / seconds,
    }
    _collect_static()
    name = _search_name(seeded["notes_client"])
    browser = _signed_in(seeded["worker"])
    _check_shapes(browser, seeded["notes_client"])
    pages = _pages(browser, seeded["notes_client"], name)
    for label, call in pages.items():
        figures.update(_summary(f"records_{label}", _milliseconds(call, REQUESTS)))
        figures[f"records_{label}_queries"] = _query_count(call)
    for label, call in _search_queries(seeded["worker"], name).items():
        figures.update(_summary(f"records_{label}", _milliseconds(call, REQUESTS)))
    return figures
