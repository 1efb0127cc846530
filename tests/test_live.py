"""Live use: the server stays up while `dotterel code` writes to the same DuckDB file.

DuckDB admits one writing process and no reader beside it.  These tests hold
the lock from another process, run the real CLI against the file a running
server reads, and check that nothing fails and the new events appear
without a restart (in the API and in the dashboard).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import httpx
import pytest

from dotterel.store import Store

NEW_ARTICLE = {
    "id": "live-001",
    "title": "Norway and Finland Sign Arctic Fisheries Pact",
    "date": "2024-02-14",
    "text": "Norway and Finland signed an agreement on Arctic fisheries in Oslo on Tuesday. Norwegian Foreign "
            "Minister Espen Barth Eide met Finnish Foreign Minister Elina Valtonen before the signing.",
}
HOLD_LOCK = "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == 'ro'); print('held', flush=True); sys.stdin.read()"


class Holder:
    """Another process that holds the store open (read-write: a writer; 'ro': a slow reader)."""

    def __init__(self, path: Path, mode: str = "rw") -> None:
        self.proc = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path), mode],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None and self.proc.stdout.readline().strip() == "held"

    def release(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=10)


@pytest.fixture
def live_store(sample_store, tmp_path) -> Path:
    path = tmp_path / "live.duckdb"
    shutil.copyfile(sample_store, path)
    return path


def test_a_locked_store_is_served_from_the_snapshot(live_store, serve):
    with serve(live_store) as base, httpx.Client(base_url=base, timeout=30) as client:
        live = client.get("/api/events", params={"limit": 3})
        assert live.status_code == 200 and "x-dotterel-snapshot" not in live.headers
        writer = Holder(live_store)
        try:
            during = client.get("/api/events", params={"limit": 3})
            summary = client.get("/api/summary").json()
        finally:
            writer.release()
        assert during.status_code == 200 and during.headers["x-dotterel-snapshot"]
        assert during.json() == live.json() and summary["snapshot"]
        after = client.get("/api/events", params={"limit": 3})
        assert after.status_code == 200 and "x-dotterel-snapshot" not in after.headers


def test_a_writer_waits_for_a_reader_instead_of_failing(live_store):
    reader = Holder(live_store, "ro")
    try:
        with pytest.raises(duckdb.IOException, match="lock"):
            Store(live_store, lock_timeout=0.2)
        threading.Timer(1.0, reader.release).start()
        started = time.monotonic()
        with Store(live_store, lock_timeout=20) as store:
            assert store.count("articles") > 0
        assert time.monotonic() - started >= 0.5
    finally:
        if reader.proc.poll() is None:
            reader.release()


def test_new_events_appear_while_the_server_runs(live_store, tmp_path, serve, page_factory, screenshots):
    source = tmp_path / "new.jsonl"
    source.write_text(json.dumps(NEW_ARTICLE) + "\n", encoding="utf-8")
    with serve(live_store) as base, httpx.Client(base_url=base, timeout=30) as client:
        before = client.get("/api/summary").json()
        page = page_factory()
        page.goto(base + "/?poll=300#a=NOR&b=FIN")
        page.wait_for_selector("body[data-ready='1']", timeout=30_000)
        assert page.locator("#events tbody tr").count() == 0

        # Readers hammer the server during the whole run: none may fail, and the writer must not either.
        statuses: list[int] = []
        stop = threading.Event()

        def hammer() -> None:
            with httpx.Client(base_url=base, timeout=30) as c:
                while not stop.is_set():
                    statuses.append(c.get("/api/events", params={"limit": 5}).status_code)
                    time.sleep(0.05)

        thread = threading.Thread(target=hammer)
        thread.start()
        try:
            run = subprocess.run([sys.executable, "-m", "dotterel", "code", str(source), "--db", str(live_store), "-q"],
                                 capture_output=True, text=True, timeout=300)
        finally:
            stop.set()
            thread.join()
        assert run.returncode == 0, run.stderr
        assert statuses and set(statuses) == {200}

        new = client.get("/api/events", params={"doc_id": "live-001"}).json()
        assert new["total"] > 0 and {e["title"] for e in new["items"]} == {NEW_ARTICLE["title"]}
        after = client.get("/api/summary").json()
        assert after["articles"] == before["articles"] + 1 and after["events"] == before["events"] + new["total"]
        assert client.get("/api/dyad", params={"a": "NOR", "b": "FIN"}).json()["points"]

        # The open dashboard notices by itself and redraws.
        page.wait_for_function("document.querySelectorAll('#events tbody tr').length > 0", timeout=20_000)
        page.wait_for_function("!document.body.dataset.loading")
        assert f"{after['articles']} articles" in page.locator("#summary").inner_text()
        page.wait_for_timeout(400)
        page.screenshot(path=screenshots / "04-live-new-events.png", full_page=True)


def test_a_long_run_shows_its_progress_before_it_ends(live_store, tmp_path, serve):
    """The writer releases the file between commits: readers see the run's articles as they land."""
    from test_scale import corpus

    articles = corpus(tmp_path / "many.jsonl", copies=2)
    with serve(live_store) as base, httpx.Client(base_url=base, timeout=30) as client:
        before = client.get("/api/summary").json()["articles"]
        run = subprocess.Popen([sys.executable, "-m", "dotterel", "code", str(tmp_path / "many.jsonl"),
                                "--db", str(live_store), "--workers", "1", "--batch-size", "2", "--commit-seconds", "0.5", "-q"],
                               stderr=subprocess.PIPE, text=True)  # fmt: skip
        seen: list[tuple[int, bool]] = []  # (articles served, from the live file) while the run is going
        try:
            while run.poll() is None:
                response = client.get("/api/summary")
                assert response.status_code == 200
                seen.append((response.json()["articles"], "x-dotterel-snapshot" not in response.headers))
                time.sleep(0.2)
        finally:
            stderr = run.communicate(timeout=300)[1]
        assert run.returncode == 0, stderr
        partial = [n for n, live in seen if live and before < n < before + len(articles)]
        assert partial, f"no partial progress served during the run: {seen[-5:]}"
        assert client.get("/api/summary").json()["articles"] == before + len(articles)
