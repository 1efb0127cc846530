"""The Ray engine: the same pipeline on Ray Data, for corpora that outgrow one machine.

    dotterel code news/ --db events.duckdb --engine ray [--ray-address auto]

    from dotterel.engines.runner import code_files
    report = code_files(["news/"], db="events.duckdb", engine="ray", ray_address="auto")

The driver lists the input files and reads which records the store already
holds; Ray Data then reads the files in shards (one task per file), codes them
with a pool of actors that each load the pipeline once, and writes Parquet
shards (``store.shard_schema``: one row per record, its sentences, actors and
events nested); the driver loads the shards into DuckDB in one transaction
(``Store.load_shards``).  Results are the same as the local engine's.

Ray is imported only here: the base package works without it.  See
docs/scale.md for clusters (address, object store, shared storage).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import time
from collections.abc import Sequence
from contextlib import ExitStack
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DotterelError
from ..ingest import list_inputs, read_inputs
from ..model import Article, Reject
from .local import CoderSettings, code_batch

if TYPE_CHECKING:
    from ..pipeline import Pipeline
    from .runner import RunOptions, RunReport

_ARTICLE_FIELDS = ("id", "text", "title", "date", "source", "url", "language", "origin")


def import_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise DotterelError("--engine ray needs Ray: pip install 'dotterel[ray]' (or pip install 'ray[data]')") from exc
    return ray


def code_files_ray(
    inputs: Sequence[str | Path], options: RunOptions, *, address: str | None = None,
    shard_dir: Path | str | None = None,
) -> RunReport:
    """Code ``inputs`` on Ray into the store ``db`` (and events as JSON Lines on ``out``).

    Joins the running Ray instance if this process already called
    ``ray.init`` (and leaves it running), else the cluster at ``address``,
    else starts a local instance with ``workers`` CPUs and shuts it down.
    ``workers`` (default: the cluster's CPUs) is the number of coding actors.
    Shards go to ``shard_dir`` (default: a folder beside ``db``), which must
    be storage every node can write and the driver can read; they are
    deleted after loading unless ``shard_dir`` was given.
    """
    from .. import __version__
    from ..store import Store
    from .runner import RunReport, _write_events

    db, out, workers, settings = options.db, options.out, options.workers, options.settings
    ray = import_ray()
    report = RunReport()
    seconds = report.seconds
    started = time.perf_counter()
    with ExitStack() as stack:
        if db is None:  # JSON Lines only: code through a throw-away store
            db = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="dotterel-ray-"))) / "run.duckdb"
        files = list_inputs(inputs)
        store = stack.enter_context(Store(db))
        report.run_id = store.start_run([str(i) for i in inputs], __version__)
        known = {} if options.recode else dict(store.con.execute("SELECT doc_id, content_hash FROM articles").fetchall())
        if not ray.is_initialized():
            ray.init(address=address, num_cpus=None if address else workers, include_dashboard=False,
                     log_to_driver=False)  # fmt: skip
            stack.callback(ray.shutdown)
        seconds["startup"] = time.perf_counter() - started
        folder = Path(shard_dir) if shard_dir else Path(f"{db}.shards")
        target = folder / report.run_id
        if not shard_dir:
            stack.callback(shutil.rmtree, folder, True)
        t0 = time.perf_counter()
        _run_dataset(ray, [f for f in files if isinstance(f, str)], target, known, settings, workers, options.max_chars)
        seconds["ray"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        pattern = str(target / "*.parquet")
        articles, events, ids = store.load_shards(pattern, report.run_id) if any(target.glob("*.parquet")) else (0, 0, [])
        store.write([], report.run_id, [r for r in files if isinstance(r, Reject)])
        rejects = [Reject(*row) for row in store.con.execute(
            "SELECT origin, record, reason FROM rejects WHERE run_id = ? ORDER BY origin, record", [report.run_id]
        ).fetchall()]  # fmt: skip
        report.articles, report.events, report.rejects = articles, events, len(rejects)
        report.skipped = len(ids) - articles
        store.finish_run(report.run_id, articles, events, len(rejects))
        seconds["load"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        store.merge(*options.merging)
        seconds["merge"] = time.perf_counter() - t0
        for reject in rejects:
            if options.on_reject is not None:
                options.on_reject(reject)
        if out is not None:
            for start in range(0, len(ids), 1000):
                _write_events(out, store.events_of(sorted(ids)[start : start + 1000]))
    seconds["total"] = time.perf_counter() - started
    return report


def _run_dataset(ray: Any, files: list[str], target: Path, known: dict[str, str | None], settings: CoderSettings,
                 workers: int | None, max_chars: int) -> None:  # fmt: skip
    """Read, code and write the shards with Ray Data."""
    if not files:
        return
    from ray.data import ActorPoolStrategy, DataContext

    context = DataContext.get_current()
    context.enable_progress_bars = False
    actors = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    known_ref = ray.put(known)
    dataset = ray.data.from_items([{"file_index": n, "path": f} for n, f in enumerate(files)],
                                  override_num_blocks=len(files))  # fmt: skip
    # One coding actor per CPU; each asks for a little less than a CPU so that
    # the light read and write tasks always find room beside them.
    records = dataset.flat_map(_read_file, fn_kwargs={"known": [known_ref], "fingerprint": settings.fingerprint(),
                                                      "max_chars": max_chars}, num_cpus=_LIGHT)  # fmt: skip
    coded = records.map_batches(_Coder, fn_constructor_kwargs={"settings": settings}, batch_size=settings.batch_size,
                                batch_format="pyarrow", compute=ActorPoolStrategy(size=actors),
                                num_cpus=1 - 2 * _LIGHT)  # fmt: skip
    target.mkdir(parents=True, exist_ok=True)
    coded.write_parquet(str(target), ray_remote_args={"num_cpus": _LIGHT})


_LIGHT = 0.05  # CPUs asked for by a read or write task


@lru_cache(maxsize=1)
def _known_table(ref: Any) -> dict[str, str | None]:
    """The run's already-coded table, fetched once per worker process.

    Keyed by the object reference: Ray reuses worker processes across runs,
    and a later run has a different table.
    """
    import ray

    return ray.get(ref)


def _read_file(item: dict[str, Any], known: list[Any], fingerprint: str, max_chars: int) -> list[dict[str, Any]]:
    """One input file as records: articles to code, ids already coded, rejects."""
    from ..pipeline import article_hash

    stored = _known_table(known[0])
    rows: list[dict[str, Any]] = []
    for n, record in enumerate(read_inputs([item["path"]], max_chars=max_chars)):
        row: dict[str, Any] = {"kind": "reject", "file_index": item["file_index"], "record_index": n,
                               **{f: None for f in _ARTICLE_FIELDS}, "reject_record": None, "reason": None}  # fmt: skip
        if isinstance(record, Reject):
            row.update(origin=record.origin, reject_record=record.record, reason=record.reason)
        else:
            done = stored.get(record.id) == article_hash(record, fingerprint)
            row.update({f: getattr(record, f) for f in _ARTICLE_FIELDS})
            row["date"] = record.date.isoformat() if record.date else None
            row["kind"] = "skipped" if done else "article"
        rows.append(row)
    return rows


class _Coder:
    """A Ray actor: one pipeline, many batches."""

    def __init__(self, settings: CoderSettings) -> None:
        from ..store import shard_schema

        self.pipeline: Pipeline = settings.build()
        self.schema = shard_schema()

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        from ..store import shard_row

        records = batch.to_pylist()
        articles = [_article(r) for r in records if r["kind"] == "article"]
        results = iter(code_batch(self.pipeline, articles)[0])
        rows = []
        for record in records:
            base = {"file_index": record["file_index"], "record_index": record["record_index"]}
            if record["kind"] == "article":
                result = next(results)
                if isinstance(result, Reject):
                    rows.append({**base, "kind": "reject", "reject_origin": result.origin,
                                 "reject_record": result.record, "reject_reason": result.reason})  # fmt: skip
                else:
                    rows.append({**base, **shard_row(result)})
            elif record["kind"] == "skipped":
                rows.append({**base, "kind": "skipped", "doc_id": record["id"]})
            else:
                rows.append({**base, "kind": "reject", "reject_origin": record["origin"],
                             "reject_record": record["reject_record"], "reject_reason": record["reason"]})  # fmt: skip
        return pa.Table.from_pylist(rows, schema=self.schema)


def _article(record: dict[str, Any]) -> Article:
    date = record["date"]
    return Article(id=record["id"], text=record["text"], title=record["title"],
                   date=dt.date.fromisoformat(date) if date else None, source=record["source"], url=record["url"],
                   language=record["language"], origin=record["origin"] or "")  # fmt: skip
