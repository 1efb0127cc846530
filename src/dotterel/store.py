"""The DuckDB store: the only module that writes SQL.

Tables: ``runs``, ``articles``, ``sentences``, ``actors`` (every resolved
mention), ``events`` (one row per coded event, actor and trigger fields
flattened into columns so that plain SQL and CSV/Parquet exports work), and
``rejects``.  Writing an article replaces whatever the store held for its
id, so re-running on the same input changes nothing; ``articles.content_hash``
lets a run skip records the store already holds as coded by the same coder
(see ``pipeline.article_hash``).  Each ``write`` is one transaction and
appends column-wise (one statement per table), so a run killed between
batches leaves whole articles only and resumes where it stopped.
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

SCHEMA_VERSION = 2
WRITER_MEMORY = "512MB"  # DuckDB's memory limit for a writing connection (it spills beyond)

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

_ARTICLE_COLUMNS = ("doc_id", "title", "text", "date", "source", "url", "language", "origin", "boilerplate",
                    "run_id", "date_evidence", "content_hash")
_SENTENCE_COLUMNS = ("doc_id", "sentence_index", "text", "start", "end", "is_headline")
_ACTOR_ROW_COLUMNS = ("doc_id", *_ACTOR_COLUMNS)

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP,
    inputs VARCHAR, articles INTEGER, events INTEGER, rejects INTEGER, version VARCHAR);
CREATE TABLE IF NOT EXISTS articles (
    doc_id VARCHAR PRIMARY KEY, title VARCHAR, text VARCHAR, date DATE, source VARCHAR,
    url VARCHAR, language VARCHAR, origin VARCHAR, boilerplate VARCHAR[], run_id VARCHAR,
    date_evidence VARCHAR, content_hash VARCHAR);
ALTER TABLE articles ADD COLUMN IF NOT EXISTS content_hash VARCHAR;
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
        self.read_only, self.lock_timeout = read_only, lock_timeout
        self._con: duckdb.DuckDBPyConnection | None = None
        # Merge keys whose events changed since the last merge: only their
        # merged events are recomputed (dedup.py).
        self._touched: set[MergeKey] = set()
        # Written into meta with the first batch and cleared by merge(): a
        # token left by another (killed) process means its touched keys are
        # lost, so the next merge rebuilds everything.
        self._token = uuid.uuid4().hex
        con = self.con
        if not read_only:
            con.execute(_SCHEMA)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The connection, reopened (waiting for the lock) after :meth:`release`."""
        if self._con is None:
            self._con = _connect(self.path, self.read_only, self.lock_timeout)
            if not self.read_only:
                # A writer needs little cache; without a limit DuckDB keeps up to 80 % of RAM.
                self._con.execute(f"SET memory_limit = '{WRITER_MEMORY}'")
        return self._con

    def release(self) -> None:
        """Close the file until the next use, so that readers (``dotterel serve``) see what is committed.

        DuckDB lets no other process open a file while a writer holds it; a
        long run releases it after each commit.  Pending merge keys are kept.
        """
        con, self._con = self._con, None
        if con is not None:
            con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.release()

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

    def write(self, batch: Sequence[CodedArticle], run_id: str | None = None,
              rejects: Sequence[Reject] = ()) -> None:
        """Store a batch of coded articles (replacing old copies) and rejects in one transaction."""
        if not batch and not rejects:
            return
        ids = [c.article.id for c in batch]
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            replaced = con.execute(
                "SELECT DISTINCT source_country, source_code, target_country, target_code, cameo_root FROM events "
                "WHERE doc_id IN (SELECT unnest(?))", [ids]
            ).fetchall() if ids else []
            for table in ("events", "actors", "sentences", "articles"):
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))", [ids])
            _append(con, "articles", _ARTICLE_COLUMNS, [_article_row(c, run_id) for c in batch])
            _append(con, "sentences", _SENTENCE_COLUMNS, [
                (s.doc_id, s.index, s.text, s.start, s.end, s.is_headline) for c in batch for s in c.sentences
            ])
            _append(con, "actors", _ACTOR_ROW_COLUMNS, [
                (c.article.id, *_actor_values(a)) for c in batch for a in c.actors
            ])
            _append(con, "events", _EVENT_COLUMNS, [event_row(e, run_id) for c in batch for e in c.events])
            _append(con, "rejects", ("run_id", "origin", "record", "reason", "rejected_at"),
                    [(run_id, r.origin, r.record, r.reason, _now()) for r in rejects])
            if batch:
                con.execute("INSERT OR IGNORE INTO meta VALUES ('merge_pending', ?)", [self._token])
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

    def coded_hashes(self, doc_ids: Sequence[str]) -> dict[str, str | None]:
        """The content hash stored for each of ``doc_ids`` that the store holds."""
        if not doc_ids:
            return {}
        rows = self.con.execute(
            "SELECT doc_id, content_hash FROM articles WHERE doc_id IN (SELECT unnest(?))", [list(doc_ids)]
        ).fetchall()
        return dict(rows)

    def events_of(self, doc_ids: Sequence[str]) -> list[Event]:
        """The stored events of these articles (in store order)."""
        if not doc_ids:
            return []
        rows = self.con.execute(
            f"SELECT {', '.join(_quoted(_EVENT_COLUMNS))} FROM events WHERE doc_id IN (SELECT unnest(?)) "
            "ORDER BY doc_id, sentence_index, trigger_start, event_id", [list(doc_ids)]
        ).fetchall()
        return [event_from_row(dict(zip(_EVENT_COLUMNS, row))) for row in rows]

    def load_shards(self, pattern: str, run_id: str | None) -> tuple[int, int, list[str]]:
        """Load the Parquet shards of a Ray run (``shard_schema``; one row per input record).

        One transaction: articles replace stored copies; an id that several
        records share keeps the first (by file, then record order) and the
        others become rejects, as ``read_inputs`` would make them.  Returns
        (articles, events, ids of every article and skipped record).
        """
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(f"CREATE OR REPLACE TEMP VIEW _shard AS SELECT * FROM read_parquet('{_sql_path(Path(pattern))}')")
            con.execute(
                "CREATE OR REPLACE TEMP TABLE _ranked AS SELECT kind, doc_id, file_index, record_index, origin, "
                "row_number() OVER w AS n, first_value(origin) OVER w AS first_origin FROM _shard "
                "WHERE kind IN ('article', 'skipped') WINDOW w AS (PARTITION BY doc_id ORDER BY file_index, record_index)"
            )
            con.execute(
                "CREATE OR REPLACE TEMP VIEW _kept AS SELECT * FROM _shard WHERE kind = 'article' AND "
                "(file_index, record_index) IN (SELECT (file_index, record_index) FROM _ranked WHERE n = 1 AND kind = 'article')"
            )
            keys = ("SELECT DISTINCT source_country, source_code, target_country, target_code, cameo_root "
                    "FROM events WHERE doc_id IN (SELECT doc_id FROM _kept)")  # fmt: skip
            self._touched.update(merge_key(*row) for row in con.execute(keys).fetchall())
            for table in ("events", "actors", "sentences", "articles"):
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _kept)")
            columns = ", ".join(_quoted(c for c in _ARTICLE_COLUMNS if c != "run_id"))
            con.execute(f"INSERT INTO articles ({columns}, run_id) SELECT {columns}, $1 FROM _kept", [run_id])
            for table, names in (("sentences", _SENTENCE_COLUMNS), ("actors", _ACTOR_ROW_COLUMNS)):
                con.execute(f"INSERT INTO {table} ({', '.join(_quoted(names))}) "
                            f"SELECT doc_id, unnest(x) FROM (SELECT doc_id, unnest({table}) AS x FROM _kept)")  # fmt: skip
            columns = ", ".join(_quoted(c for c in _EVENT_COLUMNS if c != "run_id"))
            con.execute(f"INSERT INTO events ({columns}, run_id) "
                        "SELECT unnest(x), $1 FROM (SELECT unnest(events) AS x FROM _kept)", [run_id])  # fmt: skip
            con.execute(
                "INSERT INTO rejects SELECT $1, reject_origin, reject_record, reject_reason, $2 FROM _shard "
                "WHERE kind = 'reject' UNION ALL SELECT $1, origin, '', format('duplicate id ''{}'' "
                "(first seen at {})', doc_id, first_origin), $2 FROM _ranked WHERE n > 1",
                [run_id, _now()],
            )
            self._touched.update(merge_key(*row) for row in con.execute(keys).fetchall())
            articles, events = con.execute("SELECT count(*), coalesce(sum(len(events)), 0) FROM _kept").fetchone()  # type: ignore[misc]
            ids = [r[0] for r in con.execute(
                "SELECT doc_id FROM _ranked WHERE n = 1"
            ).fetchall()]
            con.execute("INSERT OR IGNORE INTO meta VALUES ('merge_pending', ?)", [self._token])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            con.execute("DROP VIEW IF EXISTS _kept; DROP TABLE IF EXISTS _ranked; DROP VIEW IF EXISTS _shard")
        return int(articles), int(events), ids

    def merge(self, rule: MergeRule = MergeRule.window, window_days: int = 2) -> int:
        """Update ``merged_events`` (see dedup.py); returns the number of merged events.

        Only the merged events of dyads this store's writes touched are
        recomputed; a new rule or window, or a store without merged events,
        rebuilds them all."""
        setting = f"{rule.value}:{window_days}"
        # Appended rows stay in memory until a checkpoint; write them out first so
        # that the merge has the whole memory limit (else a long run can run out).
        self.con.execute("CHECKPOINT")
        row = self.con.execute("SELECT value FROM meta WHERE key = 'merge_setting'").fetchone()
        has_merged = bool(self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'merged_events'"
        ).fetchone()[0])  # type: ignore[index]
        pending = self.con.execute("SELECT value FROM meta WHERE key = 'merge_pending'").fetchone()
        foreign = pending is not None and pending[0] != self._token  # an interrupted run's writes
        incremental = has_merged and row is not None and row[0] == setting and not foreign
        count = rebuild_merged_events(self.con, rule, window_days, self._touched if incremental else None)
        self.con.execute("INSERT OR REPLACE INTO meta VALUES ('merge_setting', ?)", [setting])
        self.con.execute("DELETE FROM meta WHERE key = 'merge_pending'")
        self._touched.clear()
        return count

    def write_rejects(self, rejects: Iterable[Reject], run_id: str | None) -> None:
        self.write([], run_id, list(rejects))

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


def shard_schema():  # noqa: ANN201 - a pyarrow.Schema (pyarrow is imported only here)
    """The Arrow schema of a Ray shard row: one input record with its coded tables nested.

    ``kind`` is ``article``, ``skipped`` (already in the store) or ``reject``;
    the column types are those of the store's tables, read from DuckDB.
    """
    import pyarrow as pa

    with duckdb.connect() as con:
        con.execute(_SCHEMA)

        def fields(table: str, drop: str) -> list[pa.Field]:
            return list(con.sql(f"SELECT * EXCLUDE ({drop}) FROM {table} LIMIT 0").to_arrow_table().schema)

        return pa.schema([
            pa.field("kind", pa.string()), pa.field("file_index", pa.int32()), pa.field("record_index", pa.int64()),
            *fields("articles", "run_id"),
            pa.field("sentences", pa.list_(pa.struct(fields("sentences", "doc_id")))),
            pa.field("actors", pa.list_(pa.struct(fields("actors", "doc_id")))),
            pa.field("events", pa.list_(pa.struct(fields("events", "run_id")))),
            pa.field("reject_origin", pa.string()), pa.field("reject_record", pa.string()),
            pa.field("reject_reason", pa.string()),
        ])


def shard_row(coded: CodedArticle) -> dict[str, Any]:
    """A coded article as a shard row (see ``shard_schema``)."""
    row: dict[str, Any] = dict(zip(_ARTICLE_COLUMNS, _article_row(coded, None)))
    del row["run_id"]
    row["kind"] = "article"
    row["sentences"] = [dict(zip(_SENTENCE_COLUMNS[1:], (s.index, s.text, s.start, s.end, s.is_headline)))
                        for s in coded.sentences]  # fmt: skip
    row["actors"] = [dict(zip(_ACTOR_COLUMNS, _actor_values(a))) for a in coded.actors]
    events = []
    for event in coded.events:
        values = dict(zip(_EVENT_COLUMNS, event_row(event, None)))
        del values["run_id"]
        if isinstance(values["date"], str):
            values["date"] = dt.date.fromisoformat(values["date"])
        events.append(values)
    row["events"] = events
    return row


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
    return (a.id, a.title, a.text, a.date, a.source, a.url, a.language, a.origin, list(a.boilerplate), run_id,
            a.date_evidence, coded.content_hash)


def _append(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """Insert rows with one statement, through an Arrow table of their columns.

    ``executemany`` costs about a millisecond per row in DuckDB and binding
    Python lists is still slow; Arrow converts each column in one C loop and
    DuckDB scans it without copying, which keeps the writer (one process,
    fed by every worker) far from being the bottleneck.
    """
    if not rows:
        return
    import pyarrow as pa

    data = pa.table([pa.array(column) for column in zip(*rows)], names=list(columns))
    view = f"_append_{table}"
    con.register(view, data)
    try:
        con.execute(f"INSERT INTO {table} ({', '.join(_quoted(columns))}) SELECT * FROM {view}")
    finally:
        con.unregister(view)


def _quoted(columns: Iterable[str]) -> list[str]:
    return [f'"{c}"' for c in columns]


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
