"""The ``dotterel`` command line.

Exit codes: 0 success; 1 a fatal error (bad option value, missing model,
unwritable output); 2 usage error; 3 the run finished but some input
records were rejected (each named on stderr and in the rejects file/table).
"""

from __future__ import annotations

import json
import sys
import time
from contextlib import ExitStack
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional, TextIO

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from . import __version__
from .dedup import MergeRule
from .errors import DotterelError
from .evaluation.gold import Split
from .evaluation.readers import GoldFormat
from .ingest import DEFAULT_MAX_CHARS
from .model import Reject

if TYPE_CHECKING:
    from .engines.runner import RunReport

EXIT_REJECTS = 3

app = typer.Typer(
    name="dotterel",
    help="Turn news articles into political event data (CAMEO/PLOVER).",
    no_args_is_help=True,
    add_completion=False,
)


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dotterel {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = None,
) -> None:
    """dotterel: who did what to whom, when and where."""


class Engine(str, Enum):
    local = "local"
    ray = "ray"


@app.command()
def code(
    inputs: Annotated[list[str], typer.Argument(help="Files or folders (.txt, .jsonl, .csv, .html), or - for JSONL on stdin.")],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Write events as JSON Lines here (default: stdout unless --db is given).")] = None,
    db: Annotated[Optional[Path], typer.Option("--db", help="Store articles, sentences, actors and events in this DuckDB file.")] = None,
    rejects: Annotated[Optional[Path], typer.Option("--rejects", help="Write rejected records (JSON Lines) here (default: OUT.rejects.jsonl).")] = None,
    actors: Annotated[Optional[list[Path]], typer.Option("--actors", help="Extra actor file(s) (TSV, see docs/actors.md).")] = None,
    lexicon: Annotated[Optional[list[Path]], typer.Option("--lexicon", help="Extra lexicon file(s) (YAML, see docs/lexicon.md).")] = None,
    batch_size: Annotated[int, typer.Option(min=1, max=10_000, help="Articles per worker batch (small batches keep the workers evenly busy).")] = 8,
    max_chars: Annotated[int, typer.Option(min=1, help="Reject records longer than this many characters.")] = DEFAULT_MAX_CHARS,
    merge_rule: Annotated[MergeRule, typer.Option("--merge-rule", help="How --db merges reports of one happening.")] = MergeRule.window,
    window_days: Annotated[int, typer.Option(min=0, max=365, help="Days between reports that the window rule merges.")] = 2,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1, help="Worker processes (default: all cores; Ray: all CPUs of the cluster).")] = None,
    engine: Annotated[Engine, typer.Option("--engine", help="local: processes on this machine; ray: Ray Data (needs the ray extra).")] = Engine.local,
    ray_address: Annotated[Optional[str], typer.Option("--ray-address", help="Ray cluster to join (e.g. auto or ray://head:10001; default: start a local one).")] = None,
    shards: Annotated[Optional[Path], typer.Option("--shards", help="Ray: folder for the Parquet shards (default: next to --db; must be shared storage on a cluster).")] = None,
    recode: Annotated[bool, typer.Option("--recode", help="Code every record again, even those the store holds already.")] = False,
    commit_seconds: Annotated[float, typer.Option("--commit-seconds", min=0.1, max=3600, help="Commit to --db at least this often (an interrupted run loses at most this much work; a dashboard sees progress this often).")] = 5.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Code articles into events (re-running skips what --db already holds, so an interrupted run resumes)."""
    err = Console(stderr=True, soft_wrap=True)  # one line per message: users grep them
    options = _CodeOptions(inputs, out, db, rejects, actors or [], lexicon or [], batch_size, max_chars, quiet,
                           (merge_rule, window_days), workers, engine.value, ray_address, shards, recode,
                           commit_seconds)  # fmt: skip
    try:
        report = _run_code(options, err)
    except DotterelError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from exc
    except KeyboardInterrupt:
        where = f"; run the same command again to resume (what {db} holds is kept)" if db else ""
        err.print(f"interrupted{where}", highlight=False)
        raise typer.Exit(130) from None
    if not quiet:
        skipped = f" ({report.skipped} already in the store, skipped)" if report.skipped else ""
        err.print(f"coded {report.articles} articles, {report.events} events{skipped}; "
                  f"{report.rejects} records rejected", highlight=False)  # fmt: skip
    if report.rejects:
        raise typer.Exit(EXIT_REJECTS)


@dataclass
class _CodeOptions:
    inputs: list[str]
    out: Path | None
    db: Path | None
    rejects: Path | None
    actor_files: list[Path]
    lexicon_files: list[Path]
    batch_size: int
    max_chars: int
    quiet: bool
    merging: tuple[MergeRule, int]
    workers: int | None
    engine: str
    ray_address: str | None
    shards: Path | None
    recode: bool
    commit_seconds: float


PROGRESS_LINE_SECONDS = 10.0  # without a terminal: a plain progress line at most this often


def _run_code(options: _CodeOptions, err: Console) -> RunReport:
    from .engines.local import CoderSettings
    from .engines.runner import code_files

    settings = CoderSettings(actor_files=tuple(map(str, options.actor_files)),
                             lexicon_files=tuple(map(str, options.lexicon_files)), batch_size=options.batch_size)
    out, rejects_path = options.out, options.rejects
    if rejects_path is None and out is not None:
        rejects_path = out.with_name(out.name + ".rejects.jsonl")
    with ExitStack() as stack:
        sink: TextIO | None = None
        if out is not None:
            sink = stack.enter_context(_open_out(out))
        elif options.db is None:
            sink = sys.stdout
        reject_sink = stack.enter_context(_open_out(rejects_path)) if rejects_path else None

        def on_reject(item: Reject) -> None:
            err.print(f"[yellow]rejected[/yellow] {item.describe()}", highlight=False, markup=True)
            if reject_sink:
                reject_sink.write(json.dumps(_reject_dict(item), ensure_ascii=False) + "\n")

        progress = _progress(err, options.quiet)  # started by the first report: after the workers fork
        stack.callback(progress.stop)
        task = progress.add_task("coding", total=None, articles=0, events=0, rate=0.0)
        plain = not options.quiet and not err.is_terminal
        started = time.perf_counter()
        last_line = -PROGRESS_LINE_SECONDS

        def on_progress(report: RunReport, committed: bool) -> None:
            nonlocal last_line
            if not progress.live.is_started:
                progress.start()
            now = time.perf_counter() - started
            rate = report.articles / max(now, 1e-9)
            progress.update(task, articles=report.articles + report.skipped, events=report.events, rate=rate)
            if plain and committed and now - last_line >= PROGRESS_LINE_SECONDS:
                last_line = now
                err.print(f"progress: {report.articles} articles coded and stored, {report.skipped} skipped, "
                          f"{report.events} events, {rate:.1f} articles/s", highlight=False)  # fmt: skip

        return code_files(options.inputs, db=options.db, out=sink, engine=options.engine, workers=options.workers,
                          settings=settings, max_chars=options.max_chars, recode=options.recode,
                          merging=options.merging, on_reject=on_reject, on_progress=on_progress,
                          ray_address=options.ray_address, shard_dir=options.shards,
                          commit_seconds=options.commit_seconds)  # fmt: skip


def _progress(console: Console, quiet: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.fields[articles]} articles"),
        TextColumn("{task.fields[events]} events"),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TimeElapsedColumn(),
        console=console,
        disable=quiet or not console.is_terminal,
        transient=False,
    )


def _open_out(path: Path) -> TextIO:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return path.open("w", encoding="utf-8")
    except OSError as exc:
        raise DotterelError(f"cannot write {path}: {exc.strerror}") from exc


def _reject_dict(reject: Reject) -> dict[str, str]:
    return {"origin": reject.origin, "record": reject.record, "reason": reject.reason}


@app.command()
def export(
    db: Annotated[Path, typer.Option("--db", help="The DuckDB file written by `dotterel code --db`.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file.")],
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = ExportFormat.jsonl,
) -> None:
    """Export the events of a store as JSONL, CSV or Parquet."""
    from .export import export_events

    err = Console(stderr=True, soft_wrap=True)  # one line per message: users grep them
    try:
        n = export_events(db, out, format.value)
    except DotterelError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from exc
    err.print(f"exported {n} events to {out}", highlight=False)


@app.command()
def evaluate(
    files: Annotated[list[Path], typer.Argument(help="Gold files: PLV TSV, PLOVER GSR JSON, PETRARCH validation XML or dotterel JSONL.")],
    format: Annotated[GoldFormat, typer.Option("--format", "-f", help="Gold format (auto: detected from the content).")] = GoldFormat.auto,
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Also write the reports (with every mistake) as JSON here.")] = None,
    limit: Annotated[Optional[int], typer.Option(min=1, help="Evaluate at most N dyads and N articles per file.")] = None,
    split: Annotated[Split, typer.Option("--split", help="dev or test half (stable hash of the record id), or all.")] = Split.all,
    errors: Annotated[int, typer.Option("--errors", min=0, help="Print the first N misclassified examples (use on dev).")] = 0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Score the coder on gold data: per-class P/R/F1, macro-F1, accuracy, coverage, event P/R."""
    from .evaluation.command import run_evaluate

    err = Console(stderr=True, soft_wrap=True)  # one line per message: users grep them
    try:
        rejected = run_evaluate(files, fmt=format, split=split, limit=limit, errors=errors,
                                json_out=json_out, quiet=quiet, err=err)  # fmt: skip
    except DotterelError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from exc
    if rejected:
        err.print(f"{rejected} gold records rejected", highlight=False)
        raise typer.Exit(EXIT_REJECTS)


@app.command()
def actor(
    name: Annotated[str, typer.Argument(help='A name as news writes it: "Fuad Hussein", "Tehran", "Hezbollah", "Iraqi".')],
    date: Annotated[Optional[str], typer.Option("--date", help="Resolve roles held on this date (YYYY-MM-DD).")] = None,
    actors: Annotated[Optional[list[Path]], typer.Option("--actors", help="Extra actor file(s) (TSV).")] = None,
) -> None:
    """Show how the knowledge base resolves a name (on a date)."""
    import datetime as dt

    from .knowledge import load_knowledge_base

    err = Console(stderr=True, soft_wrap=True)  # one line per message: users grep them
    try:
        on = dt.date.fromisoformat(date) if date else None
    except ValueError as exc:
        err.print(f"[red]error:[/red] --date must be YYYY-MM-DD, got {date!r}", highlight=False)
        raise typer.Exit(1) from exc
    try:
        kb = load_knowledge_base(actors or [])
    except DotterelError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise typer.Exit(1) from exc
    entries = kb.lookup(name)
    person = kb.person(name, on) if any(e.kind == "person" for e in entries) else None
    shown = [person] if person is not None else [e for e in entries if e.kind != "person"]
    if not shown:
        sector = kb.sector_of(name)
        if sector is None:
            err.print(f"no actor named {name!r}", highlight=False)
            raise typer.Exit(1)
        typer.echo(f"{name}\tsector {sector}\t(agent noun: needs a country from its context)")
        return
    for entry in shown:
        period = f"{entry.start or '…'} – {entry.end or 'now'}" if entry.kind == "person" else ""
        fields = [entry.code, f"country {entry.country or '-'}", f"sector {entry.sector or '-'}", entry.name, entry.kind]
        if entry.role:
            fields.append(f"{entry.role} {period}".strip())
        if entry.kind == "capital" and entry.country:
            fields.append(f"as an actor ('{name} said'): {entry.country}GOV")
        typer.echo("\t".join(fields))


from . import cli_analytics  # noqa: E402,F401  registers dyad, timeline, network, top, changes, serve


def run() -> None:
    app()
