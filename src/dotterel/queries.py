"""Browsing a store: filtered event lists, one event with its article, locations.

What the HTTP API and the dashboard's table, map and detail view read.
Events come back as the public event record (``Event.to_dict``, see
docs/schema.md), rebuilt from the flat ``events`` rows, plus the article's
title; user input reaches SQL only as bound parameters.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass
from typing import Any

import duckdb

from .analytics import AnalyticsError, actor_condition, actor_spec, date_condition, dyad_condition, has_table
from .store import _EVENT_COLUMNS, event_from_row

CAMEO_PATTERN = re.compile(r"^\d{2,4}$")
COUNTRY_PATTERN = re.compile(r"^[A-Z]{3}$")
DOC_ID_PATTERN = re.compile(r"^[^\x00-\x1f]{1,300}$")
_SELECT = ", ".join(f'e."{c}"' for c in _EVENT_COLUMNS)
_ORDER = "e.date DESC NULLS LAST, e.doc_id, e.sentence_index, e.trigger_start, e.event_id"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to show.  Every field is optional; all given fields must hold.

    ``actor`` matches either side (with ``other``: events between the two,
    either way round), ``source``/``target`` one side (country or code
    prefix, see analytics); ``country`` an event involving the country
    as source, target or place; ``cameo`` a code prefix (``04``, ``042``);
    ``quads`` any of the quad classes; ``q`` a case-insensitive substring of
    the sentence or an actor's resolved name; dates are inclusive.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    country: str | None = None
    cameo: str | None = None
    quads: tuple[int, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    q: str | None = None
    doc_id: str | None = None
    other: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition (over ``events e``) and its parameters; raises AnalyticsError on bad values."""
        parts: list[str] = []
        params: list[Any] = []

        def add(sql: str, values: list[Any]) -> None:
            parts.append(sql)
            params.extend(values)

        if self.other and not self.actor:
            raise AnalyticsError("other needs actor")
        if self.actor:
            add(*dyad_condition(actor_spec(self.actor), actor_spec(self.other) if self.other else None, directed=False))
        for side, value in (("source", self.source), ("target", self.target)):
            if value:
                add(*actor_condition(side, actor_spec(value)))
        if self.country:
            country = self.country.strip().upper()
            if not COUNTRY_PATTERN.match(country):
                raise AnalyticsError(f"country must be an ISO3 code like IRQ, got {self.country!r}")
            add("(source_country = ? OR target_country = ? OR location_country = ?)", [country] * 3)
        if self.cameo:
            if not CAMEO_PATTERN.match(self.cameo):
                raise AnalyticsError(f"cameo must be 2-4 digits (a code or its prefix), got {self.cameo!r}")
            add("starts_with(cameo, ?)", [self.cameo])
        if self.quads:
            bad = [q for q in self.quads if q not in (1, 2, 3, 4)]
            if bad:
                raise AnalyticsError(f"quad class must be 1-4, got {bad[0]}")
            add(f"quad_class IN ({', '.join('?' * len(self.quads))})", list(self.quads))
        if self.start or self.end:
            add(*date_condition(self.start, self.end, "e.date"))
        if self.q:
            needle = self.q.strip().lower()
            add("(contains(lower(e.sentence), ?) OR contains(lower(coalesce(e.source_name, '')), ?)"
                " OR contains(lower(coalesce(e.target_name, '')), ?))", [needle] * 3)
        if self.doc_id:
            if not DOC_ID_PATTERN.match(self.doc_id):
                raise AnalyticsError("doc_id must be 1-300 printable characters")
            add("e.doc_id = ?", [self.doc_id])
        return (" AND ".join(parts) or "TRUE"), params


@dataclass(frozen=True, slots=True)
class EventPage:
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def list_events(con: duckdb.DuckDBPyConnection, flt: EventFilter, *, limit: int = 50, offset: int = 0) -> EventPage:
    """One page of events, newest first (undated last)."""
    if limit < 1 or offset < 0:
        raise AnalyticsError("limit must be >= 1 and offset >= 0")
    where, params = flt.where()
    total = con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()
    rows = con.execute(
        f"""SELECT {_SELECT}, a.title FROM events e LEFT JOIN articles a USING (doc_id)
            WHERE {where} ORDER BY {_ORDER} LIMIT ? OFFSET ?""",
        params + [limit, offset],
    ).fetchall()
    return EventPage(int(total[0]) if total else 0, limit, offset, [_event_dict(r) for r in rows])


def _event_dict(row: tuple[Any, ...]) -> dict[str, Any]:
    record = event_from_row(dict(zip(_EVENT_COLUMNS, row))).to_dict()
    record["title"] = row[len(_EVENT_COLUMNS)]
    return record


def get_event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """An event with its article's text and the spans to highlight (offsets into ``article.text``)."""
    rows = con.execute(
        f"SELECT {_SELECT}, a.title FROM events e LEFT JOIN articles a USING (doc_id) WHERE e.event_id = ?",
        [event_id],
    ).fetchall()
    if not rows:
        return None
    record = _event_dict(rows[0])
    record["article"] = _article(con, record["doc_id"])
    record["highlights"] = highlights(record)
    merged = con.execute(
        "SELECT merged_id, mentions, articles FROM merged_events WHERE list_contains(event_ids, ?)", [event_id]
    ).fetchall() if has_table(con, "merged_events") else []
    record["merged"] = {"merged_id": merged[0][0], "mentions": merged[0][1], "articles": merged[0][2]} if merged else None
    return record


def highlights(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Spans of the sentence, source, target and trigger, sorted (the sentence first)."""
    spans = [{"kind": "sentence", "start": record["sentence_start"], "end": record["sentence_end"]}]
    for kind in ("source", "target"):
        actor = record.get(kind)
        if actor:
            spans.append({"kind": kind, "start": actor["start"], "end": actor["end"], "code": actor.get("code")})
    trigger = record["trigger"]
    spans.append({"kind": "trigger", "start": trigger["start"], "end": trigger["end"], "code": record["cameo"]})
    return spans


def get_article(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """An article with all its events (in reading order)."""
    article = _article(con, doc_id)
    if article is None:
        return None
    rows = con.execute(
        f"""SELECT {_SELECT}, a.title FROM events e LEFT JOIN articles a USING (doc_id) WHERE e.doc_id = ?
            ORDER BY e.sentence_index, e.trigger_start, e.event_id""",
        [doc_id],
    ).fetchall()
    article["events"] = [_event_dict(r) for r in rows]
    return article


def _article(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    row = con.execute(
        "SELECT doc_id, title, text, date, source, url, language, date_evidence FROM articles WHERE doc_id = ?",
        [doc_id],
    ).fetchone()
    if row is None:
        return None
    keys = ("doc_id", "title", "text", "date", "source", "url", "language", "date_evidence")
    article = dict(zip(keys, row))
    article["date"] = article["date"].isoformat() if article["date"] else None
    return article


@dataclass(frozen=True, slots=True)
class LocationPoint:
    name: str
    country: str | None
    latitude: float
    longitude: float
    events: int
    goldstein_mean: float
    quads: tuple[int, int, int, int]


def locations(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> list[LocationPoint]:
    """Where the filtered events happened: one point per place, with counts."""
    where, params = flt.where()
    rows = con.execute(
        f"""SELECT location_name, any_value(location_country), avg(location_latitude), avg(location_longitude),
                   count(*), avg(goldstein),
                   count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
                   count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4)
            FROM events e WHERE {where} AND location_latitude IS NOT NULL AND location_longitude IS NOT NULL
            GROUP BY location_name, round(location_latitude, 2), round(location_longitude, 2)
            ORDER BY count(*) DESC, location_name""",
        params,
    ).fetchall()
    return [
        LocationPoint(n, c, round(float(la), 5), round(float(lo), 5), int(k), round(float(g), 3),
                      (int(q1), int(q2), int(q3), int(q4)))
        for n, c, la, lo, k, g, q1, q2, q3, q4 in rows
    ]


def summary(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Counts and the date range of the store: what the dashboard's header shows."""
    counts = {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0])  # type: ignore[index]
              for t in ("articles", "events")}
    counts["merged_events"] = (
        int(con.execute("SELECT count(*) FROM merged_events").fetchone()[0]) if has_table(con, "merged_events") else None  # type: ignore[index]
    )
    first, last, undated = con.execute(
        "SELECT min(date), max(date), count(*) FILTER (WHERE date IS NULL) FROM events"
    ).fetchone() or (None, None, 0)
    return {**counts, "first_date": first.isoformat() if first else None,
            "last_date": last.isoformat() if last else None, "undated_events": int(undated or 0)}

