"""Commands that read a store: ``dyad``, ``timeline``, ``network``, ``top``, ``changes``, ``serve``.

They are registered on the main ``dotterel`` app by importing this module
(see the end of cli.py).  Tables go to the terminal through rich;
``--format csv|json`` prints machine-readable output for scripts instead.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar

import duckdb
import typer
from rich.console import Console
from rich.table import Table

from .analytics import AnalyticsError, Level, Period, Unit
from .cli import app
from .errors import DotterelError

DEFAULT_DB = Path("out/events.duckdb")
# Short headers so that tables fit an 80-column terminal; csv/json keep the field names.
_HEADERS = {
    "verbal_cooperation": "v.coop", "material_cooperation": "m.coop", "verbal_conflict": "v.confl",
    "material_conflict": "m.confl", "goldstein_sum": "gs sum", "goldstein_mean": "gs mean",
    "goldstein": "gs", "previous_period": "prev period", "previous_index": "prev index", "as_source": "as src", "as_target": "as tgt",
}
# Columns of prose that may wrap; the others (dates, codes, numbers) stay on one line.
_WRAPPED = {"evidence", "event", "name", "direction"}
T = TypeVar("T")


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class NetworkFormat(str, Enum):
    table = "table"
    json = "json"
    graphml = "graphml"


class TopKind(str, Enum):
    actors = "actors"
    event_types = "event-types"


DbOpt = Annotated[Path, typer.Option("--db", help="The DuckDB store written by `dotterel code --db`.")]
FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="table (rich), csv or json.")]
FromOpt = Annotated[Optional[str], typer.Option("--from", help="First day (YYYY-MM-DD), inclusive.")]
ToOpt = Annotated[Optional[str], typer.Option("--to", help="Last day (YYYY-MM-DD), inclusive.")]
UnitOpt = Annotated[Unit, typer.Option("--unit", help="merged: happenings; events: every report.")]


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="An actor: country (IRN) or code prefix (IRNGOV).")],
    b: Annotated[Optional[str], typer.Argument(help="The other actor (omit: every counterpart).")] = None,
    db: DbOpt = DEFAULT_DB,
    by: Annotated[Period, typer.Option("--by", help="Period length.")] = Period.month,
    directed: Annotated[bool, typer.Option("--directed", help="Only A acting on B.")] = False,
    normalize: Annotated[bool, typer.Option("--normalize", help="Counts per article reporting in the period.")] = False,
    unit: UnitOpt = Unit.merged,
    start: FromOpt = None,
    end: ToOpt = None,
    format: FormatOpt = OutputFormat.table,
) -> None:
    """Dyadic time series: events by quad class, Goldstein sum and mean, conflict–cooperation index."""
    from .analytics import dyad_series

    series = _query(db, lambda con: dyad_series(con, a, b, by=by, directed=directed, normalize=normalize,
                                                start=_date(start, "--from"), end=_date(end, "--to"), unit=unit))
    rows = [{**asdict(p), "period": p.period or "undated"} for p in series.points]
    arrow = "→" if directed else "↔"
    _emit(rows, format, f"{series.a} {arrow} {series.b or '*'} by {series.by} ({series.unit})", columns=[
        "period", "events", "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
        "goldstein_sum", "goldstein_mean", "index", *(["articles"] if normalize else [])])


@app.command()
def timeline(
    actor: Annotated[str, typer.Argument(help="An actor: country (IRQ) or code prefix.")],
    other: Annotated[Optional[str], typer.Argument(help="Only events with this actor.")] = None,
    db: DbOpt = DEFAULT_DB,
    start: FromOpt = None,
    end: ToOpt = None,
    limit: Annotated[int, typer.Option(min=1, max=100_000, help="At most this many merged events.")] = 500,
    format: FormatOpt = OutputFormat.table,
) -> None:
    """The merged events of an actor (or a pair) in date order, with the sentences behind them."""
    from .analytics import timeline as build

    entries = _query(db, lambda con: build(con, actor, other, start=_date(start, "--from"), end=_date(end, "--to"), limit=limit))
    if format is OutputFormat.json:
        _print_json([asdict(e) for e in entries])
        return
    rows = [{
        "date": e.date or "undated", "source": e.source, "target": e.target, "cameo": e.cameo,
        "event": e.cameo_name, "quad": e.quad_class, "goldstein": e.goldstein, "mentions": e.mentions,
        "evidence": e.evidence[0].sentence if e.evidence else "",
    } for e in entries]
    _emit(rows, format, f"timeline of {actor.upper()}" + (f" and {other.upper()}" if other else ""))


@app.command()
def network(
    db: DbOpt = DEFAULT_DB,
    start: FromOpt = None,
    end: ToOpt = None,
    quad: Annotated[Optional[list[int]], typer.Option("--quad", min=1, max=4, help="Only these quad classes (repeatable).")] = None,
    actor: Annotated[Optional[str], typer.Option("--actor", help="Only edges touching this actor.")] = None,
    level: Annotated[Level, typer.Option("--level", help="Nodes are countries or full actor codes.")] = Level.country,
    weight: Annotated[str, typer.Option("--weight", help="Edge weight: count or goldstein.")] = "count",
    min_events: Annotated[int, typer.Option("--min-events", min=1, help="Drop edges with fewer events.")] = 1,
    format: Annotated[NetworkFormat, typer.Option("--format", "-f", help="table, json or graphml.")] = NetworkFormat.table,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write to this file instead of stdout.")] = None,
) -> None:
    """The actor network: a weighted directed graph of interactions (GraphML or JSON export)."""
    from .analytics import network as build

    graph = _query(db, lambda con: build(con, start=_date(start, "--from"), end=_date(end, "--to"), quads=tuple(quad or ()),
                                         actor=actor, level=level, weight=weight, min_events=min_events))
    if format is NetworkFormat.table and out is None:
        rows = [{"source": e.source, "target": e.target, "events": e.events, "quads 1/2/3/4": "/".join(map(str, e.quads)),
                 "goldstein_sum": e.goldstein_sum, "goldstein_mean": e.goldstein_mean} for e in graph.edges]
        _emit(rows, OutputFormat.table, f"{len(graph.nodes)} actors, {len(graph.edges)} directed edges")
        return
    text = graph.to_graphml() if format is NetworkFormat.graphml else json.dumps(graph.to_dict(), indent=2, ensure_ascii=False) + "\n"
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        Console(stderr=True).print(f"wrote {len(graph.nodes)} nodes, {len(graph.edges)} edges to {out}", highlight=False)


@app.command()
def top(
    kind: Annotated[TopKind, typer.Argument(help="actors or event-types.")] = TopKind.actors,
    db: DbOpt = DEFAULT_DB,
    n: Annotated[int, typer.Option("-n", min=1, max=10_000, help="How many.")] = 10,
    start: FromOpt = None,
    end: ToOpt = None,
    level: Annotated[Level, typer.Option("--level", help="Countries or full actor codes.")] = Level.country,
    unit: UnitOpt = Unit.merged,
    format: FormatOpt = OutputFormat.table,
) -> None:
    """The most active actors, or the most frequent CAMEO event types."""
    from .analytics import top_actors, top_event_types

    first, last = _date(start, "--from"), _date(end, "--to")
    if kind is TopKind.actors:
        rows: Sequence[Any] = _query(db, lambda con: top_actors(con, n=n, start=first, end=last, level=level, unit=unit))
    else:
        rows = _query(db, lambda con: top_event_types(con, n=n, start=first, end=last, unit=unit))
    _emit([asdict(r) for r in rows], format, f"top {kind.value} ({unit.value})")


@app.command()
def changes(
    a: Annotated[Optional[str], typer.Argument(help="An actor (omit: scan every country dyad).")] = None,
    b: Annotated[Optional[str], typer.Argument(help="The other actor.")] = None,
    db: DbOpt = DEFAULT_DB,
    by: Annotated[Period, typer.Option("--by", help="Period length.")] = Period.month,
    threshold: Annotated[float, typer.Option("--threshold", min=0.01, max=2.0, help="Smallest jump of the index (−1…+1 scale).")] = 0.5,
    unit: UnitOpt = Unit.merged,
    format: FormatOpt = OutputFormat.table,
) -> None:
    """Periods where a dyad's conflict–cooperation index jumps from the previous active period."""
    from .analytics import changes as find

    found = _query(db, lambda con: find(con, a, b, by=by, threshold=threshold, unit=unit))
    _emit([asdict(c) for c in found], format, f"changes of at least {threshold} by {by.value}")


@app.command()
def serve(
    db: DbOpt = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Interface to bind (keep 127.0.0.1 unless you mean to share it).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port.")] = 8765,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "warning",
) -> None:
    """The dashboard and read-only HTTP API (API docs at /docs) over a store, live while `code` writes to it."""
    import uvicorn

    from .api import create_app

    err = Console(stderr=True)
    try:
        application = create_app(db)
    except DotterelError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from exc
    err.print(f"dotterel dashboard on http://{host}:{port}/ (API docs: /docs); Ctrl-C to stop", highlight=False)
    uvicorn.run(application, host=host, port=port, log_level=log_level)


# -- helpers ---------------------------------------------------------------


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"{option} must be YYYY-MM-DD, got {value!r}")
    return None  # unreachable: _fail raises


def _fail(message: str) -> None:
    Console(stderr=True).print(f"[red]error:[/red] {message}", highlight=False)
    raise typer.Exit(1)


@contextmanager
def _connect(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    from .reader import StoreReader, StoreUnavailable

    if not db.is_file():
        _fail(f"no store at {db}: run `dotterel code ... --db {db}` first")
    reader = StoreReader(db, retries=8, snapshots=False)
    try:
        with reader.read() as reading:
            yield reading.con
    except StoreUnavailable as exc:
        _fail(str(exc))
    finally:
        reader.close()


def _query(db: Path, fn: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
    with _connect(db) as con:
        try:
            return fn(con)
        except AnalyticsError as exc:
            _fail(str(exc))
    raise AssertionError("unreachable")


def _emit(rows: list[dict[str, Any]], fmt: OutputFormat, title: str, columns: list[str] | None = None) -> None:
    columns = columns or (list(rows[0]) if rows else [])
    if fmt is OutputFormat.json:
        _print_json(rows)
    elif fmt is OutputFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(title=title, title_justify="left")
        for column in columns:
            table.add_column(_HEADERS.get(column, column.replace("_", " ")), no_wrap=column not in _WRAPPED,
                             justify="right" if rows and isinstance(rows[0].get(column), (int, float)) else "left")
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
        # A pipe gets rich's 80 columns by default, too narrow for a series: widen it.
        Console(width=None if sys.stdout.isatty() else 200).print(table if rows else f"{title}: nothing found")


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, indent=2, ensure_ascii=False, default=str) + "\n")
