"""The DuckDB store: the only module that writes SQL.

Tables: ``runs``, ``articles``, ``sentences``, ``actors`` (every resolved
mention), ``events`` (one row per coded event, actor and trigger fields
flattened into columns so that plain SQL and CSV/Parquet exports work), and
``rejects``.  Writing an article replaces whatever the store held for its
id, so re-running on the same input changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb

from .dedup import MergeKey, MergeRule, merge_key, rebuild_merged_events
from .model import Actor, Event, Place, Reject, Trigger
from .pipeline import CodedArticle

SCHEMA_VERSION = 1

_ACTOR_COLUMNS = ("text", "code", "country", "sector", "name", "role", "evidence", "start", "end")
_PLACE_COLUMNS = ("name", "country", "admin1", "latitude", "longitude", "precision", "text", "geonameid")
_PLACE_TYPES = {"latitude": "DOUBLE", "longitude": "DOUBLE", "geonameid": "BIGINT"}
_EVENT_COLUMNS: tuple[str, ...] = (
    "event_id", "doc_id", "sentence_index", "sentence", "sentence_start", "sentence_end",
    *(f"source_{c}" for c in _ACTOR_COLUMNS),
    *(f"target_{c}" for c in _ACTOR_COLUMNS),
    "cameo", "cameo_root", "cameo_name", "plover", "plover_mode", "quad_class", "goldstein",
    "date", "date_precision", "trigger_text", "trigger_start", "trigger_end", "trigger_lemma",
    "trigger_pattern", "modality", "confidence", "outlet", "url",
    *(f"location_{c}" for c in _PLACE_COLUMNS), "run_id",
)

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP,
    inputs VARCHAR, articles INTEGER, events INTEGER, rejects INTEGER, version VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    doc_id VARCHAR PRIMARY KEY, title VARCHAR, text VARCHAR, date DATE, source VARCHAR,
    url VARCHAR, language VARCHAR, origin VARCHAR, boilerplate VARCHAR[], run_id VARCHAR,
    date_evidence VARCHAR);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id VARCHAR, sentence_index INTEGER, text VARCHAR, start INTEGER, "end" INTEGER,
    is_headline BOOLEAN, PRIMARY KEY (doc_id, sentence_index));
CREATE TABLE IF NOT EXISTS actors (
    doc_id VARCHAR, text VARCHAR, code VARCHAR, country VARCHAR, sector VARCHAR, name VARCHAR,
    role VARCHAR, evidence VARCHAR, start INTEGER, "end" INTEGER);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY, doc_id VARCHAR, sentence_index INTEGER, sentence VARCHAR,
    sentence_start INTEGER, sentence_end INTEGER,
    {", ".join(f"{side}_{c} {'INTEGER' if c in ('start', 'end') else 'VARCHAR'}" for side in ('source', 'target') for c in _ACTOR_COLUMNS)},
    cameo VARCHAR, cameo_root VARCHAR, cameo_name VARCHAR, plover VARCHAR, plover_mode VARCHAR,
    quad_class TINYINT, goldstein DOUBLE, date DATE, date_precision VARCHAR,
    trigger_text VARCHAR, trigger_start INTEGER, trigger_end INTEGER, trigger_lemma VARCHAR,
    trigger_pattern VARCHAR, modality VARCHAR, confidence DOUBLE, outlet VARCHAR, url VARCHAR,
    {", ".join(f"location_{c} {_PLACE_TYPES.get(c, 'VARCHAR')}" for c in _PLACE_COLUMNS)},
    run_id VARCHAR);
CREATE TABLE IF NOT EXISTS rejects (
    run_id VARCHAR, origin VARCHAR, record VARCHAR, reason VARCHAR, rejected_at TIMESTAMP);
"""


class Store:
    """A DuckDB file holding coded articles.  Use as a context manager."""

    def __init__(self, path: Path | str, *, read_only: bool = False, lock_timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.con = _connect(self.path, read_only, lock_timeout)
        # Merge keys whose events changed since the last merge: only their
        # merged events are recomputed (dedup.py).
        self._touched: set[MergeKey] = set()
        if not read_only:
            self.con.execute(_SCHEMA)
            self.con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
            )

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- writing ----------------------------------------------------------

    def start_run(self, inputs: Sequence[str], version: str) -> str:
        run_id = uuid.uuid4().hex[:12]
        self.con.execute(
            "INSERT INTO runs VALUES (?, ?, NULL, ?, 0, 0, 0, ?)",
            [run_id, _now(), json.dumps(list(inputs)), version],
        )
        return run_id

    def finish_run(self, run_id: str, articles: int, events: int, rejects: int) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, articles = ?, events = ?, rejects = ? WHERE run_id = ?",
            [_now(), articles, events, rejects, run_id],
        )

    def write(self, batch: Sequence[CodedArticle], run_id: str | None = None) -> None:
        """Store a batch of coded articles in one transaction (replacing old copies)."""
        if not batch:
            return
        ids = [[c.article.id] for c in batch]
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            replaced = con.execute(
                "SELECT DISTINCT source_country, source_code, target_country, target_code, cameo_root FROM events "
                "WHERE doc_id IN (SELECT unnest(?))", [[c.article.id for c in batch]]
            ).fetchall()
            for table in ("events", "actors", "sentences", "articles"):
                con.executemany(f"DELETE FROM {table} WHERE doc_id = ?", ids)
            con.executemany(
                "INSERT INTO articles (doc_id, title, text, date, source, url, language, origin, boilerplate,"
                " run_id, date_evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [_article_row(c, run_id) for c in batch],
            )
            _insert(con, "sentences", 6, [
                (s.doc_id, s.index, s.text, s.start, s.end, s.is_headline) for c in batch for s in c.sentences
            ])
            _insert(con, "actors", 10, [
                (c.article.id, *_actor_values(a)) for c in batch for a in c.actors
            ])
            _insert(con, "events", len(_EVENT_COLUMNS), [
                event_row(e, run_id) for c in batch for e in c.events
            ])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        self._touched.update(merge_key(*row) for row in replaced)
        self._touched.update(
            merge_key(e.source.country if e.source else None, e.source.code if e.source else None,
                      e.target.country if e.target else None, e.target.code if e.target else None, e.cameo[:2])
            for c in batch for e in c.events
        )

    def merge(self, rule: MergeRule = MergeRule.window, window_days: int = 2) -> int:
        """Update ``merged_events`` (see dedup.py); returns the number of merged events.

        Only the merged events of dyads this store's writes touched are
        recomputed; a new rule or window, or a store without merged events,
        rebuilds them all."""
        setting = f"{rule.value}:{window_days}"
        row = self.con.execute("SELECT value FROM meta WHERE key = 'merge_setting'").fetchone()
        has_merged = bool(self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'merged_events'"
        ).fetchone()[0])  # type: ignore[index]
        incremental = has_merged and row is not None and row[0] == setting
        count = rebuild_merged_events(self.con, rule, window_days, self._touched if incremental else None)
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('merge_setting', ?)", [setting])
        self._touched.clear()
        return count

    def write_rejects(self, rejects: Iterable[Reject], run_id: str | None) -> None:
        rows = [(run_id, r.origin, r.record, r.reason, _now()) for r in rejects]
        _insert(self.con, "rejects", 5, rows)

    # -- reading ----------------------------------------------------------

    def count(self, table: str) -> int:
        if table not in {"articles", "sentences", "actors", "events", "rejects", "runs"}:
            raise ValueError(f"unknown table {table!r}")
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]

    def iter_events(self) -> Iterator[Event]:
        cursor = self.con.execute(
            f"SELECT {', '.join(_quoted(_EVENT_COLUMNS))} FROM events ORDER BY doc_id, sentence_index, trigger_start, event_id"
        )
        while rows := cursor.fetchmany(1000):
            for row in rows:
                yield event_from_row(dict(zip(_EVENT_COLUMNS, row)))

    def export_table(self, path: Path, fmt: str) -> int:
        """Write the flat events table as CSV or Parquet; returns the row count."""
        options = {"csv": "FORMAT csv, HEADER true", "parquet": "FORMAT parquet"}[fmt]
        query = f"SELECT {', '.join(_quoted(c for c in _EVENT_COLUMNS if c != 'run_id'))} FROM events ORDER BY doc_id, sentence_index, trigger_start, event_id"
        self.con.execute(f"COPY ({query}) TO '{_sql_path(path)}' ({options})")
        return self.count("events")


def _connect(path: Path, read_only: bool, lock_timeout: float) -> duckdb.DuckDBPyConnection:
    """Open the file, waiting up to ``lock_timeout`` seconds while another process holds it.

    DuckDB admits one writing process and no readers beside it; a dashboard
    (``dotterel serve``) holds the file for a moment per request, so a run
    that starts during one waits instead of failing.
    """
    deadline = time.monotonic() + lock_timeout
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() >= deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 1.0)


def event_row(event: Event, run_id: str | None) -> tuple[Any, ...]:
    t = event.trigger
    return (
        event.event_id, event.doc_id, event.sentence_index, event.sentence,
        event.sentence_start, event.sentence_end,
        *_actor_values(event.source), *_actor_values(event.target),
        event.cameo, event.root, event.cameo_name, event.plover, event.plover_mode,
        event.quad_class, event.goldstein, event.date, event.date_precision,
        t.text, t.start, t.end, t.lemma, t.pattern, event.modality, event.confidence,
        event.outlet, event.url, *_place_values(event.location), run_id,
    )


def event_from_row(row: dict[str, Any]) -> Event:
    """Rebuild an Event from a flat ``events`` row."""
    date = row["date"]
    return Event(
        event_id=row["event_id"], doc_id=row["doc_id"], sentence_index=row["sentence_index"],
        sentence=row["sentence"], sentence_start=row["sentence_start"], sentence_end=row["sentence_end"],
        source=_actor_from(row, "source"), target=_actor_from(row, "target"),
        cameo=row["cameo"], cameo_name=row["cameo_name"], plover=row["plover"],
        plover_mode=row["plover_mode"], quad_class=int(row["quad_class"]), goldstein=float(row["goldstein"]),
        trigger=Trigger(row["trigger_text"], row["trigger_start"], row["trigger_end"], row["trigger_lemma"], row["trigger_pattern"]),
        modality=row["modality"], confidence=float(row["confidence"]),
        date=date.isoformat() if isinstance(date, dt.date) else date,
        date_precision=row["date_precision"], outlet=row["outlet"], url=row["url"],
        location=_place_from(row),
    )


def _place_values(place: Place | None) -> tuple[Any, ...]:
    if place is None:
        return (None,) * len(_PLACE_COLUMNS)
    return tuple(getattr(place, c) for c in _PLACE_COLUMNS)


def _place_from(row: dict[str, Any]) -> Place | None:
    if row["location_name"] is None:
        return None
    return Place(**{c: row[f"location_{c}"] for c in _PLACE_COLUMNS})


def _actor_values(actor: Actor | None) -> tuple[Any, ...]:
    if actor is None:
        return (None,) * len(_ACTOR_COLUMNS)
    return tuple(getattr(actor, c) for c in _ACTOR_COLUMNS)


def _actor_from(row: dict[str, Any], side: str) -> Actor | None:
    values = {c: row[f"{side}_{c}"] for c in _ACTOR_COLUMNS}
    if values["text"] is None:
        return None
    return Actor(**values)


def _article_row(coded: CodedArticle, run_id: str | None) -> tuple[Any, ...]:
    a = coded.article
    return (a.id, a.title, a.text, a.date, a.source, a.url, a.language, a.origin, list(a.boilerplate), run_id, a.date_evidence)


def _insert(con: duckdb.DuckDBPyConnection, table: str, width: int, rows: list[tuple[Any, ...]]) -> None:
    if rows:
        con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * width)})", rows)


def _quoted(columns: Iterable[str]) -> list[str]:
    return [f'"{c}"' for c in columns]


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
