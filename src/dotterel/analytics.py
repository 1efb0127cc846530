"""Analytics over a dotterel store: dyadic series, networks, timelines, tops, changes.

Every function takes an open DuckDB connection (read-only is enough) and
returns dataclasses, so the CLI, the HTTP API and Python users share one
implementation.  User input reaches SQL only as bound parameters; the few
identifiers spliced into SQL text (table names, date parts, column
expressions) come from enums and constants of this module, never from
callers' strings.

Counting unit.  ``Unit.merged`` (the default) counts happenings: rows of
``merged_events``, where ten reports of one visit count once.
``Unit.events`` counts raw reports (one per sentence).  A store written
without merging (``Store.write`` alone) has no ``merged_events``; then both
units read ``events``.

Actors.  An actor is given as a country (``IRN``: three letters, matching
the actor's country, or a code beginning with it) or as a code prefix
(``IRNGOV`` matches ``IRNGOV`` and ``IRNGOVxxx``; ``IGOUNO`` the UN).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import duckdb

ACTOR_PATTERN = re.compile(r"^[A-Z0-9]{2,24}$")
QUAD_NAMES = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
# Gaps between dated periods are filled with zero rows for charts, but not
# beyond this many periods (a day series over decades would be huge).
MAX_FILLED_PERIODS = 5000


class Period(str, Enum):
    day = "day"
    week = "week"
    month = "month"


class Unit(str, Enum):
    merged = "merged"
    events = "events"


class Level(str, Enum):
    country = "country"
    code = "code"


class AnalyticsError(ValueError):
    """A bad argument (unknown actor syntax, inverted dates, ...): the caller's fault."""


def actor_spec(value: str) -> str:
    """Normalise and validate an actor argument (``irn`` -> ``IRN``)."""
    spec = value.strip().upper()
    if not ACTOR_PATTERN.match(spec):
        raise AnalyticsError(
            f"actor {value!r} is not a country (IRN) or actor code (IRNGOV): 2-24 letters or digits"
        )
    return spec


def actor_condition(side: str, spec: str) -> tuple[str, list[Any]]:
    """SQL matching actor ``spec`` on ``side`` (``source`` or ``target``) of a row."""
    if side not in ("source", "target"):
        raise AssertionError(side)
    if len(spec) == 3:
        # A country: its own code, its sectors (IRNGOV), and codes whose
        # country field says so (organisations based in it).
        return f"(starts_with({side}_code, ?) OR {side}_country = ?)", [spec, spec]
    return f"starts_with({side}_code, ?)", [spec]


def dyad_condition(a: str, b: str | None, directed: bool) -> tuple[str, list[Any]]:
    """Rows with ``a`` acting on ``b`` (and, undirected, ``b`` on ``a``); ``b=None``: any counterpart."""
    a_src, p_a_src = actor_condition("source", a)
    if b is None:
        if directed:
            return a_src, p_a_src
        a_tgt, p_a_tgt = actor_condition("target", a)
        return f"({a_src} OR {a_tgt})", p_a_src + p_a_tgt
    b_tgt, p_b_tgt = actor_condition("target", b)
    sql, params = f"({a_src} AND {b_tgt})", p_a_src + p_b_tgt
    if not directed:
        b_src, p_b_src = actor_condition("source", b)
        a_tgt, p_a_tgt = actor_condition("target", a)
        sql, params = f"({sql} OR ({b_src} AND {a_tgt}))", params + p_b_src + p_a_tgt
    return sql, params


def date_condition(start: dt.date | None, end: dt.date | None, column: str = "date") -> tuple[str, list[Any]]:
    """``start <= date <= end`` (both optional and inclusive); undated rows pass only with no bounds."""
    if start and end and start > end:
        raise AnalyticsError(f"start {start} is after end {end}")
    parts, params = [], []
    if start:
        parts.append(f"{column} >= ?")
        params.append(start)
    if end:
        parts.append(f"{column} <= ?")
        params.append(end)
    return (" AND ".join(parts) or "TRUE"), params


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ? AND table_schema = 'main'", [name]
    ).fetchone()
    return bool(row and row[0])


def relation(con: duckdb.DuckDBPyConnection, unit: Unit) -> str:
    """The table that ``unit`` counts (a constant name, safe to splice)."""
    if unit is Unit.merged and has_table(con, "merged_events"):
        return "merged_events"
    return "events"


# -- dyadic time series ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """One period of a dyad.  ``period`` is its first day (ISO), or None for undated events.

    The four quad values are counts, or counts per article of the period
    when the series is normalised.  ``index`` is the conflict–cooperation
    index: (verbal coop + 2·material coop − verbal conflict − 2·material
    conflict) / (2·events), from −1 (all material conflict) to +1 (all
    material cooperation); None for an empty period.
    """

    period: str | None
    events: int
    verbal_cooperation: float
    material_cooperation: float
    verbal_conflict: float
    material_conflict: float
    goldstein_sum: float
    goldstein_mean: float | None
    index: float | None
    articles: int | None = None


@dataclass(frozen=True, slots=True)
class DyadSeries:
    a: str
    b: str | None
    by: str
    directed: bool
    normalized: bool
    unit: str
    points: list[SeriesPoint] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def conflict_cooperation_index(quads: tuple[int, int, int, int]) -> float | None:
    total = sum(quads)
    if not total:
        return None
    q1, q2, q3, q4 = quads
    return round((q1 + 2 * q2 - q3 - 2 * q4) / (2 * total), 4)


def dyad_series(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str | None = None,
    *,
    by: Period = Period.month,
    directed: bool = False,
    normalize: bool = False,
    start: dt.date | None = None,
    end: dt.date | None = None,
    unit: Unit = Unit.merged,
    include_undated: bool = True,
) -> DyadSeries:
    """Per-period counts by quad class, Goldstein sum and mean, and the index, for a dyad.

    ``b=None`` gives everything ``a`` did (and, undirected, suffered).  With
    ``start``/``end`` undated events are left out, since they cannot be placed.
    """
    a = actor_spec(a)
    b = actor_spec(b) if b else None
    table = relation(con, unit)
    who, params = dyad_condition(a, b, directed)
    when, date_params = date_condition(start, end)
    rows = con.execute(
        f"""
        SELECT CAST(date_trunc('{by.value}', date) AS DATE) AS period, count(*) AS n,
               count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
               count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
               coalesce(sum(goldstein), 0)
        FROM {table} WHERE {who} AND {when}
        GROUP BY period ORDER BY period NULLS LAST
        """,
        params + date_params,
    ).fetchall()
    articles = _articles_per_period(con, by) if normalize else {}
    points = []
    for period, n, q1, q2, q3, q4, gsum in rows:
        if period is None and (not include_undated or start or end):
            continue
        key = period.isoformat() if period is not None else None
        points.append(_point(key, int(n), (int(q1), int(q2), int(q3), int(q4)), float(gsum), normalize, articles.get(key, 0)))
    points = _fill_gaps(points, by, normalize, articles)
    return DyadSeries(a, b, by.value, directed, normalize, unit.value, points)


def _point(period: str | None, n: int, quads: tuple[int, int, int, int], gsum: float,
           normalize: bool, articles: int) -> SeriesPoint:
    scale = (1.0 / articles if articles else 0.0) if normalize else 1.0
    shown = [round(q * scale, 4) for q in quads]
    return SeriesPoint(
        period, n, *shown, goldstein_sum=round(gsum * scale, 4),
        goldstein_mean=round(gsum / n, 4) if n else None,
        index=conflict_cooperation_index(quads), articles=articles if normalize else None,
    )


def _articles_per_period(con: duckdb.DuckDBPyConnection, by: Period) -> dict[str | None, int]:
    """Articles reporting any event dated in each period: the denominator of a normalised series.

    Event dates rather than publication dates, so that a period with events
    always has articles (an article can report last year's events).
    """
    rows = con.execute(
        f"SELECT CAST(date_trunc('{by.value}', date) AS DATE) AS p, count(DISTINCT doc_id) FROM events GROUP BY p"
    ).fetchall()
    return {(p.isoformat() if p is not None else None): int(n) for p, n in rows}


def _fill_gaps(points: list[SeriesPoint], by: Period, normalize: bool, articles: dict[str | None, int]) -> list[SeriesPoint]:
    """Insert empty periods between dated ones so a chart's x axis is regular."""
    dated = [p for p in points if p.period is not None]
    if len(dated) < 2:
        return points
    have = {p.period: p for p in dated}
    first, last = dt.date.fromisoformat(dated[0].period or ""), dt.date.fromisoformat(dated[-1].period or "")
    filled, day = [], first
    while day <= last and len(filled) < MAX_FILLED_PERIODS:
        key = day.isoformat()
        filled.append(have.get(key) or _point(key, 0, (0, 0, 0, 0), 0.0, normalize, articles.get(key, 0)))
        day = _next_period(day, by)
    return filled + [p for p in points if p.period is None]


def _next_period(day: dt.date, by: Period) -> dt.date:
    if by is Period.day:
        return day + dt.timedelta(days=1)
    if by is Period.week:
        return day + dt.timedelta(days=7)
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


# -- change detection ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Change:
    """A period where a dyad's conflict–cooperation index jumped from the previous active period."""

    a: str
    b: str
    period: str
    previous_period: str
    index: float
    previous_index: float
    delta: float
    events: int
    direction: str  # "toward conflict" | "toward cooperation"


def changes(
    con: duckdb.DuckDBPyConnection,
    a: str | None = None,
    b: str | None = None,
    *,
    by: Period = Period.month,
    threshold: float = 0.5,
    unit: Unit = Unit.merged,
) -> list[Change]:
    """Jumps of at least ``threshold`` in the index between consecutive active periods.

    With no dyad, every undirected country dyad of the store is scanned.
    Periods without events are skipped (silence is not a change).
    """
    if not 0 < threshold <= 2:
        raise AnalyticsError("threshold must be in (0, 2]")
    if a is not None:
        pairs = [(actor_spec(a), actor_spec(b) if b else None)]
    else:
        table = relation(con, unit)
        pairs = [
            (x, y) for x, y in con.execute(
                f"""SELECT DISTINCT least(s, t), greatest(s, t) FROM (
                        SELECT coalesce(source_country, source_code) AS s, coalesce(target_country, target_code) AS t
                        FROM {table} WHERE date IS NOT NULL) WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t
                    ORDER BY 1, 2"""
            ).fetchall()
        ]
    found: list[Change] = []
    for x, y in pairs:
        series = dyad_series(con, x, y, by=by, unit=unit, include_undated=False)
        active = [p for p in series.points if p.events and p.index is not None]
        for prev, cur in zip(active, active[1:]):
            delta = round((cur.index or 0) - (prev.index or 0), 4)
            if abs(delta) >= threshold:
                found.append(Change(
                    x, y or "*", cur.period or "", prev.period or "", cur.index or 0.0, prev.index or 0.0, delta,
                    cur.events, "toward conflict" if delta < 0 else "toward cooperation",
                ))
    return sorted(found, key=lambda c: (-abs(c.delta), c.period))


# -- network ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    events: int
    quads: tuple[int, int, int, int]
    goldstein_sum: float
    goldstein_mean: float
    weight: float


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    events: int  # events it took part in, as source or target
    as_source: int
    as_target: int


@dataclass(frozen=True, slots=True)
class Network:
    """A weighted directed graph of who acted on whom."""

    weight: str  # "count" or "goldstein"
    nodes: list[Node]
    edges: list[Edge]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_graphml(self) -> str:
        keys = [
            ("node", "events", "int"), ("node", "as_source", "int"), ("node", "as_target", "int"),
            ("edge", "weight", "double"), ("edge", "events", "int"), ("edge", "goldstein_sum", "double"),
            ("edge", "goldstein_mean", "double"), ("edge", "verbal_cooperation", "int"),
            ("edge", "material_cooperation", "int"), ("edge", "verbal_conflict", "int"),
            ("edge", "material_conflict", "int"),
        ]
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
            *(f'  <key id="{n}" for="{f}" attr.name="{n}" attr.type="{t}"/>' for f, n, t in keys),
            '  <graph id="dotterel" edgedefault="directed">',
        ]
        for node in self.nodes:
            lines.append(f"    <node id={quoteattr(node.id)}>")
            lines += [f'      <data key="{k}">{getattr(node, k)}</data>' for k in ("events", "as_source", "as_target")]
            lines.append("    </node>")
        for i, e in enumerate(self.edges):
            lines.append(f'    <edge id="e{i}" source={quoteattr(e.source)} target={quoteattr(e.target)}>')
            values = {"weight": e.weight, "events": e.events, "goldstein_sum": e.goldstein_sum,
                      "goldstein_mean": e.goldstein_mean, **dict(zip(("verbal_cooperation", "material_cooperation",
                                                                      "verbal_conflict", "material_conflict"), e.quads))}
            lines += [f'      <data key="{k}">{escape(str(v))}</data>' for k, v in values.items()]
            lines.append("    </edge>")
        lines += ["  </graph>", "</graphml>", ""]
        return "\n".join(lines)


def _actor_expr(side: str, level: Level) -> str:
    return f"coalesce({side}_country, {side}_code)" if level is Level.country else f"{side}_code"


def network(
    con: duckdb.DuckDBPyConnection,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    quads: tuple[int, ...] = (),
    actor: str | None = None,
    level: Level = Level.country,
    weight: str = "count",
    min_events: int = 1,
    unit: Unit = Unit.merged,
) -> Network:
    """Who acted on whom in a window: edges weighted by event count or Goldstein sum."""
    if weight not in ("count", "goldstein"):
        raise AnalyticsError("weight must be 'count' or 'goldstein'")
    table = relation(con, unit)
    where, params = _common_where(start, end, quads, actor)
    src, tgt = _actor_expr("source", level), _actor_expr("target", level)
    rows = con.execute(
        f"""
        SELECT {src} AS s, {tgt} AS t, count(*) AS n,
               count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
               count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
               coalesce(sum(goldstein), 0), coalesce(avg(goldstein), 0)
        FROM {table} WHERE {where} AND {src} IS NOT NULL AND {tgt} IS NOT NULL AND {src} <> {tgt}
        GROUP BY s, t HAVING count(*) >= ? ORDER BY n DESC, s, t
        """,
        params + [min_events],
    ).fetchall()
    edges = [
        Edge(s, t, int(n), (int(q1), int(q2), int(q3), int(q4)), round(float(gs), 4), round(float(gm), 4),
             float(n) if weight == "count" else round(float(gs), 4))
        for s, t, n, q1, q2, q3, q4, gs, gm in rows
    ]
    counts: dict[str, list[int]] = {}
    for e in edges:
        counts.setdefault(e.source, [0, 0])[0] += e.events
        counts.setdefault(e.target, [0, 0])[1] += e.events
    nodes = [Node(k, s + t, s, t) for k, (s, t) in sorted(counts.items(), key=lambda kv: (-sum(kv[1]), kv[0]))]
    return Network(weight, nodes, edges)


def _common_where(start: dt.date | None, end: dt.date | None, quads: tuple[int, ...], actor: str | None) -> tuple[str, list[Any]]:
    where, params = date_condition(start, end)
    bad = [q for q in quads if q not in (1, 2, 3, 4)]
    if bad:
        raise AnalyticsError(f"quad class must be 1-4, got {bad[0]}")
    if quads:
        where += f" AND quad_class IN ({', '.join('?' * len(quads))})"
        params += list(quads)
    if actor:
        who, who_params = dyad_condition(actor_spec(actor), None, directed=False)
        where += f" AND {who}"
        params += who_params
    return where, params


# -- top actors and event types -------------------------------------------


@dataclass(frozen=True, slots=True)
class TopActor:
    actor: str
    events: int
    as_source: int
    as_target: int
    goldstein_mean: float | None


@dataclass(frozen=True, slots=True)
class TopEventType:
    cameo: str
    name: str | None
    quad_class: int | None
    events: int


def top_actors(con: duckdb.DuckDBPyConnection, *, n: int = 10, start: dt.date | None = None,
               end: dt.date | None = None, level: Level = Level.country, unit: Unit = Unit.merged) -> list[TopActor]:
    table = relation(con, unit)
    where, params = date_condition(start, end)
    src, tgt = _actor_expr("source", level), _actor_expr("target", level)
    rows = con.execute(
        f"""
        WITH sides AS (
            SELECT {src} AS actor, 1 AS src, 0 AS tgt, goldstein FROM {table} WHERE {where}
            UNION ALL
            SELECT {tgt}, 0, 1, goldstein FROM {table} WHERE {where}
        )
        SELECT actor, count(*), sum(src), sum(tgt), avg(goldstein) FROM sides WHERE actor IS NOT NULL
        GROUP BY actor ORDER BY count(*) DESC, actor LIMIT ?
        """,
        params + params + [n],
    ).fetchall()
    return [TopActor(a, int(c), int(s), int(t), round(float(g), 4) if g is not None else None) for a, c, s, t, g in rows]


def top_event_types(con: duckdb.DuckDBPyConnection, *, n: int = 10, start: dt.date | None = None,
                    end: dt.date | None = None, unit: Unit = Unit.merged) -> list[TopEventType]:
    table = relation(con, unit)
    where, params = date_condition(start, end, column="r.date")
    rows = con.execute(
        f"""
        SELECT r.cameo, any_value(names.cameo_name), any_value(r.quad_class), count(*) AS n
        FROM {table} r LEFT JOIN (SELECT cameo, any_value(cameo_name) AS cameo_name FROM events GROUP BY cameo) names
             ON names.cameo = r.cameo
        WHERE {where} GROUP BY r.cameo ORDER BY n DESC, r.cameo LIMIT ?
        """,
        params + [n],
    ).fetchall()
    return [TopEventType(c, name, int(q) if q is not None else None, int(k)) for c, name, q, k in rows]


# -- timelines -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    """One report behind a merged event: the sentence and where it was read."""

    event_id: str
    doc_id: str
    title: str | None
    date: str | None
    sentence: str
    source_text: str | None
    target_text: str | None
    trigger_text: str
    outlet: str | None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    merged_id: str
    date: str | None
    last_date: str | None
    source: str | None
    target: str | None
    cameo: str
    cameo_name: str | None
    quad_class: int | None
    goldstein: float | None
    mentions: int
    articles: int
    evidence: list[Evidence]


def timeline(
    con: duckdb.DuckDBPyConnection,
    actor: str,
    other: str | None = None,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    limit: int = 500,
) -> list[TimelineEntry]:
    """The merged events of an actor (or a dyad) in date order, undated last, with their evidence."""
    who, params = dyad_condition(actor_spec(actor), actor_spec(other) if other else None, directed=False)
    when, date_params = date_condition(start, end)
    if has_table(con, "merged_events"):
        merged = con.execute(
            f"""SELECT merged_id, date, last_date, source_code, target_code, cameo, quad_class, goldstein,
                       mentions, articles, event_ids
                FROM merged_events WHERE {who} AND {when}
                ORDER BY date NULLS LAST, merged_id LIMIT ?""",
            params + date_params + [limit],
        ).fetchall()
    else:  # no merging ran: every raw event is its own happening
        merged = con.execute(
            f"""SELECT event_id, date, date, source_code, target_code, cameo, quad_class, goldstein, 1, 1, [event_id]
                FROM events WHERE {who} AND {when} ORDER BY date NULLS LAST, event_id LIMIT ?""",
            params + date_params + [limit],
        ).fetchall()
    ids = sorted({i for row in merged for i in row[10]})
    evidence = _evidence(con, ids)
    names = dict(con.execute("SELECT cameo, any_value(cameo_name) FROM events GROUP BY cameo").fetchall())
    return [
        TimelineEntry(
            mid, _iso(d), _iso(ld), s, t, c, names.get(c), q, g, int(m), int(a),
            [evidence[i] for i in ids_ if i in evidence],
        )
        for mid, d, ld, s, t, c, q, g, m, a, ids_ in merged
    ]


def _evidence(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, Evidence]:
    if not ids:
        return {}
    rows = con.execute(
        """SELECT e.event_id, e.doc_id, a.title, e.date, e.sentence, e.source_text, e.target_text, e.trigger_text, e.outlet
           FROM events e LEFT JOIN articles a USING (doc_id) WHERE list_contains(?, e.event_id)
           ORDER BY e.date NULLS LAST, e.doc_id, e.sentence_index""",
        [ids],
    ).fetchall()
    return {r[0]: Evidence(r[0], r[1], r[2], _iso(r[3]), *r[4:]) for r in rows}


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value
