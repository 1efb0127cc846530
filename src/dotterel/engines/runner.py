"""A coding run from input files to events: the one entry point behind ``dotterel code``.

    from dotterel.engines.runner import code_files
    report = code_files(["news/"], db="events.duckdb")              # all cores
    report = code_files(["news/"], db="events.duckdb", engine="ray",
                        ray_address="auto")                          # a Ray cluster

With a store, records the store already holds as coded by the same coder (same
id and content hash) are skipped, and coded articles are committed in batches
(every ``commit_size`` articles or ``commit_seconds``), so a run that is
interrupted (Ctrl-C, kill, crash) resumes where it stopped when run again: no
duplicates, nothing lost.  Input errors become rejects; they never stop a run.
Between commits the store file is released, so ``dotterel serve`` shows the
run's progress live; merged events are brought up to date every
``merge_seconds`` and at the end.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..dedup import MergeRule
from ..ingest import DEFAULT_MAX_CHARS, read_inputs
from ..model import Article, Event, Reject
from .local import CoderSettings, LocalEngine

if TYPE_CHECKING:
    from ..store import Store

LOOKUP_CHUNK = 256  # articles per "already coded?" query


@dataclass
class RunReport:
    """What a run did, and where its time went (seconds, wall clock in the parent)."""

    run_id: str | None = None
    articles: int = 0  # coded by this run
    skipped: int = 0  # already in the store, coded by the same coder
    events: int = 0
    rejects: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    worker_seconds: dict[str, float] = field(default_factory=dict)


ProgressHook = Callable[[RunReport, bool], None]  # (report so far, committed just now)


@dataclass(frozen=True)
class RunOptions:
    """What every engine needs to know about a run (see ``code_files``)."""

    db: Path | str | None = None
    out: TextIO | None = None
    workers: int | None = None
    settings: CoderSettings = CoderSettings()
    max_chars: int = DEFAULT_MAX_CHARS
    recode: bool = False
    merging: tuple[MergeRule, int] = (MergeRule.window, 2)
    on_reject: Callable[[Reject], None] | None = None


def code_files(
    inputs: Sequence[str | Path],
    *,
    db: Path | str | None = None,
    out: TextIO | None = None,
    engine: str = "local",
    workers: int | None = None,
    settings: CoderSettings = CoderSettings(),
    max_chars: int = DEFAULT_MAX_CHARS,
    recode: bool = False,
    merging: tuple[MergeRule, int] = (MergeRule.window, 2),
    on_reject: Callable[[Reject], None] | None = None,
    on_progress: ProgressHook | None = None,
    stdin: TextIO | None = None,
    commit_size: int = 256,
    commit_seconds: float = 5.0,
    merge_seconds: float = 30.0,
    ray_address: str | None = None,
    shard_dir: Path | str | None = None,
) -> RunReport:
    """Code ``inputs`` into the DuckDB store ``db`` and/or events as JSON Lines on ``out``.

    ``engine="ray"`` uses the Ray instance this process started (``ray.init``),
    else joins ``ray_address``, else starts a local one; ``on_progress``,
    ``stdin`` and the commit settings apply to the local engine only.
    """
    options = RunOptions(db, out, workers, settings, max_chars, recode, merging, on_reject)
    if engine == "ray":
        from .ray_engine import code_files_ray

        return code_files_ray(inputs, options, address=ray_address, shard_dir=shard_dir)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (local or ray)")
    return _code_local(inputs, options, on_progress, stdin, (commit_size, commit_seconds, merge_seconds))


def _code_local(
    inputs: Sequence[str | Path],
    options: RunOptions,
    on_progress: ProgressHook | None,
    stdin: TextIO | None,
    cadence: tuple[int, float, float],
) -> RunReport:
    commit_size, commit_seconds, merge_seconds = cadence
    db, out, settings, on_reject = options.db, options.out, options.settings, options.on_reject
    report = RunReport()
    seconds = report.seconds
    for stage in ("read", "write", "merge"):
        seconds[stage] = 0.0
    started = time.perf_counter()
    local = LocalEngine(settings, options.workers)
    local.start()  # load the model and start the workers before the store opens (forked workers inherit no handles)
    seconds["startup"] = time.perf_counter() - started
    with local, _open_store(db) as store:
        from .. import __version__

        report.run_id = store.start_run([str(i) for i in inputs], __version__) if store else None
        pending_rejects: list[Reject] = []

        def reject(item: Reject) -> None:
            report.rejects += 1
            if store is not None:
                pending_rejects.append(item)
            if on_reject is not None:
                on_reject(item)

        articles = _unseen(inputs, store, out, settings, options.max_chars, options.recode, stdin, reject, report)
        batch: list = []
        last_commit = time.perf_counter()

        # Merging and reopening the file cost time that grows with the store, so
        # each is done at most every so often: a merge at most every
        # merge_seconds and never more than a tenth of the time (merge_gap),
        # a release at most every commit_seconds (commits may be more frequent).
        last_merge = last_release = time.perf_counter()
        merge_gap = merge_seconds

        def commit() -> None:
            nonlocal batch, last_commit, last_merge, last_release, merge_gap
            t0 = time.perf_counter()
            if store is not None:
                store.write(batch, report.run_id, pending_rejects)
                if t0 - last_merge >= merge_gap:
                    # A dashboard watching the run sees merged events too, not only raw ones.
                    store.merge(*options.merging)
                    last_merge = time.perf_counter()
                    merge_gap = max(merge_seconds, 10 * (last_merge - t0))
                if time.perf_counter() - last_release >= commit_seconds:
                    store.release()  # readers get the file between commits
                    last_release = time.perf_counter()
            pending_rejects.clear()
            batch = []
            last_commit = time.perf_counter()
            seconds["write"] += last_commit - t0
            if on_progress is not None:
                on_progress(report, True)

        for results in local.code(articles):
            for result in results:
                if isinstance(result, Reject):
                    reject(result)
                    continue
                report.articles += 1
                report.events += len(result.events)
                if out is not None:
                    _write_events(out, result.events)
                if store is not None:
                    batch.append(result)
            if store is not None and (len(batch) >= commit_size or time.perf_counter() - last_commit >= commit_seconds):
                commit()
            elif on_progress is not None:
                on_progress(report, False)
        if store is not None:
            commit()
            store.finish_run(report.run_id or "", report.articles, report.events, report.rejects)
            t0 = time.perf_counter()
            store.merge(*options.merging)
            seconds["merge"] = time.perf_counter() - t0
        report.worker_seconds = {"clean_parse": local.timings.clean_parse, "code": local.timings.code}
    seconds["total"] = time.perf_counter() - started
    seconds["wait_for_workers"] = max(0.0, seconds["total"] - seconds["startup"] - seconds["read"]
                                      - seconds["write"] - seconds["merge"])
    return report


def _open_store(db: Path | str | None):  # noqa: ANN202 - a context manager of Store | None
    if db is None:
        return nullcontext(None)
    from ..store import Store

    return Store(db)


def _unseen(
    inputs: Sequence[str | Path],
    store: Store | None,
    out: TextIO | None,
    settings: CoderSettings,
    max_chars: int,
    recode: bool,
    stdin: TextIO | None,
    reject: Callable[[Reject], None],
    report: RunReport,
) -> Iterator[Article]:
    """The input articles the store does not hold yet (all of them without a store or with ``recode``)."""
    from ..pipeline import article_hash

    fingerprint = settings.fingerprint()
    records = iter(read_inputs(list(inputs), stdin=stdin if stdin is not None else sys.stdin, max_chars=max_chars))
    exhausted = False
    while not exhausted:
        t0 = time.perf_counter()
        chunk: list[Article] = []
        exhausted = True
        for item in records:
            if isinstance(item, Reject):
                reject(item)
                continue
            chunk.append(item)
            if len(chunk) >= LOOKUP_CHUNK:
                exhausted = False
                break
        if store is not None and not recode and chunk:
            known = store.coded_hashes([a.id for a in chunk])
            done = [a for a in chunk if known.get(a.id) == article_hash(a, fingerprint)]
            if done:
                report.skipped += len(done)
                if out is not None:
                    _write_events(out, store.events_of([a.id for a in done]))
                ids = {a.id for a in done}
                chunk = [a for a in chunk if a.id not in ids]
        report.seconds["read"] += time.perf_counter() - t0
        yield from chunk


def _write_events(out: TextIO, events: Sequence[Event]) -> None:
    import json

    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
