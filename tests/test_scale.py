"""Scale and robustness of `dotterel code`: workers, skipping what is stored, resuming after a kill."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import EXAMPLES
from dotterel.ingest import read_inputs
from dotterel.model import Article
from dotterel.store import Store

def corpus(path: Path, copies: int) -> list[Article]:
    """The examples, ``copies`` times with fresh ids and shuffled paragraphs, as one JSONL file."""
    base = [a for a in read_inputs([EXAMPLES / "articles"]) if isinstance(a, Article)]
    rng = random.Random(11)
    rows = []
    for n in range(copies):
        for a in base:
            paragraphs = a.text.split("\n\n")
            head, body = paragraphs[:1], paragraphs[1:]
            rng.shuffle(body)
            rows.append({"id": f"{a.id}-{n}", "text": "\n\n".join(head + body), "title": a.title,
                         "date": a.date.isoformat() if a.date else None})
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return [a for a in read_inputs([path]) if isinstance(a, Article)]


def table(db: Path, name: str, order: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        columns = [c for (c,) in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position", [name]
        ).fetchall() if c != "run_id"]
        return con.execute(f"SELECT {', '.join(map(repr, columns)).replace(chr(39), chr(34))} FROM {name} ORDER BY {order}").fetchall()


def snapshot(db: Path) -> dict[str, list[tuple]]:
    return {
        "events": table(db, "events", "event_id"),
        "articles": table(db, "articles", "doc_id"),
        "sentences": table(db, "sentences", "doc_id, sentence_index"),
        "actors": table(db, "actors", "ALL"),
        "merged_events": table(db, "merged_events", "ALL"),
    }


@pytest.fixture(scope="module")
def reference(tmp_path_factory, pipeline):
    """A corpus and the store one uninterrupted in-process run makes of it."""
    folder = tmp_path_factory.mktemp("scale")
    articles = corpus(folder / "corpus.jsonl", copies=2)
    db = folder / "reference.duckdb"
    with Store(db) as store:
        store.write(list(pipeline.code(articles)), "reference")
        store.merge()
    return folder / "corpus.jsonl", db, len(articles)


def dotterel(*args: object, **kwargs) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "dotterel", "code", *map(str, args)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, **kwargs)


@pytest.mark.parametrize(("sig", "workers"), [(signal.SIGINT, 1), (signal.SIGKILL, 2)], ids=["sigint", "sigkill"])
def test_a_killed_run_resumes_with_nothing_lost_and_no_duplicates(reference, tmp_path, sig, workers):
    source, reference_db, total = reference
    db = tmp_path / "resumed.duckdb"
    run = dotterel(source, "--db", db, "--workers", workers, "--batch-size", "2", "--commit-seconds", "0.5")
    lines = []
    for line in run.stderr:  # the first progress line comes after the first commit
        lines.append(line)
        if line.startswith("progress:"):
            break
    run.send_signal(sig)
    rest = run.communicate(timeout=60)[1]
    assert run.returncode == (130 if sig == signal.SIGINT else -signal.SIGKILL), "".join(lines) + rest
    with Store(db) as store:
        stored = store.count("articles")
    assert 0 < stored < total, f"the kill should land mid-run ({stored} of {total} stored)"

    again = dotterel(source, "--db", db, "--workers", workers, "--batch-size", "8")
    stderr = again.communicate(timeout=300)[1]
    assert again.returncode == 0, stderr
    assert f"({stored} already in the store, skipped)" in stderr
    # The same store as one uninterrupted run (merged events included), whatever the workers.
    assert snapshot(db) == snapshot(reference_db)
    if sig != signal.SIGKILL:
        return
    rerun = dotterel(source, "--db", db, "--out", tmp_path / "again.jsonl")
    stderr = rerun.communicate(timeout=300)[1]
    assert f"coded 0 articles, 0 events ({total} already in the store, skipped)" in stderr
    # The JSON Lines output of a rerun still lists every event (read back from the store).
    again = [json.loads(line) for line in (tmp_path / "again.jsonl").read_text().splitlines()]
    assert sorted(e["event_id"] for e in again) == [row[0] for row in table(reference_db, "events", "event_id")]


def test_a_coder_failure_rejects_the_article_and_the_run_goes_on(pipeline, monkeypatch):
    from dotterel.engines.local import code_batch

    articles = [Article(id="ok", text="Canada criticised Venezuela on Monday."), Article(id="bad", text="Boom.")]
    real = pipeline.coder.code_article

    def flaky(parsed):
        if parsed.article.id == "bad":
            raise RuntimeError("coder bug")
        return real(parsed)

    monkeypatch.setattr(pipeline.coder, "code_article", flaky)
    results, timings = code_batch(pipeline, articles)
    assert [getattr(r, "article", None) and r.article.id for r in results][0] == "ok"
    assert results[1].reason == "coding failed: RuntimeError: coder bug"
    assert timings["clean_parse"] > 0 and timings["code"] >= 0
