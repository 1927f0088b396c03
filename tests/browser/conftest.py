"""Playwright driving Debian's Chromium against the live test server.

`make test` installs Chromium when it is missing. Where it cannot, these tests are
skipped and say why; under CI (CI=true) a missing browser is a failure instead.
"""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests
# make in between are ordinary blocking calls, which Django allows once told so.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
# No background traffic: this machine's network is closed and the tests need none.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if CHROMIUM is None:
        message = "Debian's chromium is not installed (scripts/install-chromium installs it)"
        if os.environ.get("CI"):
            pytest.fail(message + ": CI must run the browser tests")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def tls_in_front(settings, live_server):
    """The browser talks plain http to the test server, as a TLS proxy would in production;
    the page's own origin is then http://localhost:port, so it is trusted explicitly."""
    settings.CSRF_TRUSTED_ORIGINS = [live_server.url]


def _context(browser, live_server, viewport):
    # Production settings throughout: the header says TLS was terminated in front (as by
    # the proxy in production), and Chromium accepts Secure cookies from localhost.
    context = browser.new_context(
        base_url=live_server.url,
        viewport=viewport,
        extra_http_headers={"X-Forwarded-Proto": "https"},
    )
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def page(browser, live_server, tls_in_front):
    context = _context(browser, live_server, DESKTOP)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, live_server, tls_in_front):
    context = _context(browser, live_server, PHONE)
    page = context.new_page()
    yield page
    context.close()


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 AA is the bar; these impacts fail the test, minor and moderate ones are listed.
FAILING_IMPACTS = {"serious", "critical"}


def assert_accessible(page, name: str) -> None:
    """Run axe-core (from the npm registry, see package.json) on the page as it is now."""
    if not AXE.exists():
        message = "axe-core is not installed (scripts/install-chromium installs it)"
        if os.environ.get("CI"):
            pytest.fail(message + ": CI must run the accessibility checks")
        pytest.skip(message)
    # Evaluated through the DevTools protocol, which page CSP does not govern.
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', "
        "'wcag22aa', 'best-practice'], resultTypes: ['violations']})"
    )
    failing = [v for v in result["violations"] if v["impact"] in FAILING_IMPACTS]
    summary = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in failing
    ]
    assert not failing, f"{name}: " + "; ".join(summary)


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
