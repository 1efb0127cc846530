"""Shared fixtures: one real pipeline (real spaCy model) per test session."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def pipeline():
    from dotterel.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def code(pipeline):
    """Code a text; returns the events as JSON-like dicts for easy assertions."""

    def _code(text: str, date: str | None = "2023-03-07", title: str | None = None) -> list[dict]:
        return [e.to_dict() for e in pipeline.code_text(text, date=date, title=title)]

    return _code


@pytest.fixture(scope="session")
def actors(pipeline):
    """Resolve every actor mention of a text: {mention text: code}."""
    import datetime as dt

    from dotterel.model import Article

    def _actors(text: str, date: str | None = "2023-03-07") -> dict[str, str | None]:
        day = dt.date.fromisoformat(date) if date else None
        (parsed,) = list(pipeline.parser.parse([Article(id="t", text=text, date=day, origin="<test>")]))
        _events, found = pipeline.coder.code_article(parsed)
        return {a.text: a.code for a in found}

    return _actors


def triples(events: list[dict]) -> set[tuple[str | None, str, str | None]]:
    """(source code, CAMEO root, target code) of each event."""
    return {
        ((e["source"] or {}).get("code"), e["cameo"][:2], (e["target"] or {}).get("code")) for e in events
    }


# -- a real store, a real server and a real browser, shared by the analytics/API/web tests --

SCREENSHOTS = Path(os.environ.get("DOTTEREL_SCREENSHOTS", REPO / "out" / "screenshots"))
SESSION_START = time.time()
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory, pipeline) -> Path:
    """A DuckDB store of the sample articles in examples/, coded and merged once per session."""
    from dotterel.ingest import read_inputs
    from dotterel.model import Article
    from dotterel.store import Store

    path = tmp_path_factory.mktemp("store") / "examples.duckdb"
    articles = [a for a in read_inputs([EXAMPLES]) if isinstance(a, Article)]
    with Store(path) as store:
        store.write(list(pipeline.code(articles)), "tests")
        store.merge()
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def dotterel_server(db: Path) -> Iterator[str]:
    """`dotterel serve` in a subprocess on a free loopback port; yields its base URL."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "dotterel", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/api/summary", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"server did not start: {proc.stdout.read() if proc.stdout else ''}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def serve():
    """``serve(db)``: a context manager running `dotterel serve` on ``db`` (for tests that need their own)."""
    return dotterel_server


@pytest.fixture(scope="session")
def server(sample_store) -> Iterator[str]:
    """The dashboard/API over the sample store (read-only use: tests that write get their own)."""
    with dotterel_server(sample_store) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright (scripts/install-browser installs both)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install-browser")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    """Where browser tests save screenshots for reviewers (out/screenshots, or $DOTTEREL_SCREENSHOTS)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def page_factory(browser):
    """New pages that may only talk to 127.0.0.1 and must log no console errors (checked at teardown)."""
    contexts, problems = [], []

    def route(r) -> None:
        if r.request.url.startswith(("http://127.0.0.1:", "data:")):
            r.continue_()
        else:
            problems.append(f"blocked non-local request {r.request.url}")
            r.abort()

    def new_page(width: int = 1400, height: int = 1100):
        context = browser.new_context(viewport={"width": width, "height": height})
        context.route("**/*", route)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        return page

    yield new_page
    for context in contexts:
        context.close()
    assert not problems, problems


def pytest_terminal_summary(terminalreporter) -> None:
    taken = [p for p in SCREENSHOTS.glob("*.png") if p.stat().st_mtime >= SESSION_START] if SCREENSHOTS.is_dir() else []
    if taken:
        terminalreporter.write_line(f"{len(taken)} screenshots for review in {SCREENSHOTS}")
