"""The local engine: one pipeline per worker process, bounded batches, results in input order.

The parent reads inputs and writes the store; workers clean, parse and code
batches of articles.  On Linux the workers are forked from a parent that has
already loaded the pipeline (the spaCy model is shared copy-on-write, so a
worker starts in milliseconds); elsewhere they are spawned and load their own.
At most ``2 × workers`` batches are in flight, so memory does not grow with
the corpus.  An article the coder fails on becomes a Reject; it never stops
the run.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Article, Reject
from ..nlp import MODEL_NAME

if TYPE_CHECKING:
    from ..pipeline import CodedArticle, Pipeline


@dataclass(frozen=True)
class CoderSettings:
    """What a worker needs to build its pipeline (picklable)."""

    model: str = MODEL_NAME
    actor_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()
    batch_size: int = 8  # articles per worker batch; spaCy still parses >= 32 paragraphs at a time

    def build(self) -> Pipeline:
        from ..pipeline import Pipeline

        return Pipeline(model=self.model, actor_files=[Path(p) for p in self.actor_files],
                        lexicon_files=[Path(p) for p in self.lexicon_files], batch_size=self.batch_size)

    def fingerprint(self) -> str:
        from ..pipeline import coder_fingerprint

        return coder_fingerprint(self.model, self.actor_files, self.lexicon_files)


@dataclass
class Timings:
    """Seconds spent per stage, summed over workers (``clean_parse``, ``code``)."""

    clean_parse: float = 0.0
    code: float = 0.0

    def add(self, other: dict[str, float]) -> None:
        self.clean_parse += other.get("clean_parse", 0.0)
        self.code += other.get("code", 0.0)


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def code_batch(pipeline: Pipeline, articles: list[Article]) -> tuple[list[CodedArticle | Reject], dict[str, float]]:
    """Code a batch (and time it); if the coder fails, code one by one and reject what fails."""
    before = dict(pipeline.timings)
    try:
        out: list[CodedArticle | Reject] = list(pipeline.code(articles))
    except Exception:  # noqa: BLE001 - a coder bug on one article must not stop the run
        out = []
        for article in articles:
            try:
                out.extend(pipeline.code([article]))
            except Exception as exc:  # noqa: BLE001
                out.append(Reject(article.origin or article.id, article.id, f"coding failed: {type(exc).__name__}: {exc}"))
    return out, {k: v - before.get(k, 0.0) for k, v in pipeline.timings.items()}


class LocalEngine:
    """Codes a stream of articles with ``workers`` processes (1: in this process).

    Use as a context manager; :meth:`start` before opening files or threads
    that forked workers should not inherit.
    """

    def __init__(self, settings: CoderSettings = CoderSettings(), workers: int | None = None) -> None:
        self.settings = settings
        self.workers = max(1, workers or default_workers())
        self.timings = Timings()
        self._pipeline: Pipeline | None = None
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        self.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = self.settings.build()
        return self._pipeline

    def start(self) -> None:
        """Load the pipeline and start the workers."""
        if self.workers == 1 or self._pool is not None:
            _ = self.pipeline
            return
        methods = multiprocessing.get_all_start_methods()
        if "fork" in methods and os.name == "posix":
            global _WORKER_PIPELINE
            _WORKER_PIPELINE = self.pipeline  # inherited by the forked workers
            context = multiprocessing.get_context("fork")
        else:
            context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_init_worker,
                                         initargs=(self.settings, os.getpid()))
        # Launch the workers now (forked before the caller opens the store).
        list(self._pool.map(_ping, range(self.workers)))

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            for process in list(getattr(pool, "_processes", {}).values()):
                process.terminate()  # workers ignore SIGINT: stop them outright
            pool.shutdown(wait=True, cancel_futures=True)

    def code(self, articles: Iterable[Article]) -> Iterator[list[CodedArticle | Reject]]:
        """Yield one list of results per batch of ``settings.batch_size`` articles, in input order."""
        self.start()
        batches = _batches(articles, self.settings.batch_size)
        if self._pool is None:
            for batch in batches:
                results, timings = code_batch(self.pipeline, batch)
                self.timings.add(timings)
                yield results
            return
        pending: deque[Future[tuple[list[CodedArticle | Reject], dict[str, float]]]] = deque()
        for batch in batches:
            pending.append(self._pool.submit(_code_in_worker, batch))
            if len(pending) >= 2 * self.workers:
                yield self._next(pending)
        while pending:
            yield self._next(pending)

    def _next(self, pending: deque[Future[tuple[list[CodedArticle | Reject], dict[str, float]]]]) -> list[CodedArticle | Reject]:
        results, timings = pending.popleft().result()
        self.timings.add(timings)
        return results


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# -- in the worker processes ----------------------------------------------

_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(settings: CoderSettings, parent: int) -> None:
    global _WORKER_PIPELINE
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    if _WORKER_PIPELINE is None:
        _WORKER_PIPELINE = settings.build()


def _exit_with_parent(parent: int) -> None:
    """A killed parent cannot stop its workers: they notice and exit."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _ping(_n: int) -> int:
    return os.getpid()


def _code_in_worker(batch: list[Article]) -> tuple[list[CodedArticle | Reject], dict[str, float]]:
    assert _WORKER_PIPELINE is not None
    return code_batch(_WORKER_PIPELINE, batch)
