"""Reading a store that another process may be writing.

DuckDB lets one process write a file, and a writing process excludes every
reader (and a reader excludes the writer).  ``dotterel code --db`` holds the
file for a whole run, so a server that wants to stay up beside it must
(1) never hold the file for long, or the writer cannot start, and (2) have
something to show while the writer holds it.

``StoreReader`` therefore opens a short-lived read-only connection per use
(per HTTP request), closes it right after, and retries briefly when the
file is locked.  Whenever it does get the file and the file changed since
last time, it copies it to a private snapshot; while a writer holds the
lock it reads that snapshot instead and says so (``Reading.snapshot_at``).
New events appear as soon as the writer lets go: no restart, no polling
of its own.  The writer side retries too (``Store(lock_timeout=...)``), so a
reader that happens to hold the file when a run starts only delays it.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .errors import DotterelError

# Stores larger than this are not snapshotted (the copy would hold the
# writer off for too long); while written they are simply unavailable.
DEFAULT_SNAPSHOT_MAX_BYTES = 1 << 30


class StoreUnavailable(DotterelError):
    """The store is locked by a writer and there is no snapshot to read, or it is gone."""


def is_lock_error(exc: BaseException) -> bool:
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


@dataclass(frozen=True, slots=True)
class Reading:
    """An open read-only connection; ``snapshot_at`` is set when it reads a snapshot copy."""

    con: duckdb.DuckDBPyConnection
    snapshot_at: dt.datetime | None = None


class StoreReader:
    """Short read-only connections to a DuckDB store, with a snapshot fallback."""

    def __init__(
        self,
        path: Path | str,
        *,
        retries: int = 4,
        retry_delay: float = 0.05,
        snapshot_max_bytes: int = DEFAULT_SNAPSHOT_MAX_BYTES,
        snapshots: bool = True,
    ) -> None:
        self.path = Path(path)
        self.retries = retries
        self.retry_delay = retry_delay
        # One-shot readers (the CLI) have no use for a fallback copy.
        self.snapshot_max_bytes = snapshot_max_bytes if snapshots else -1
        self._dir = Path(tempfile.mkdtemp(prefix="dotterel-snapshot-")) if snapshots else None
        self._lock = threading.Lock()
        self._snapshot: Path | None = None
        self._snapshot_signature: tuple[int, int] | None = None
        self._snapshot_at: dt.datetime | None = None
        self._generation = 0

    def close(self) -> None:
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)

    @contextmanager
    def read(self) -> Iterator[Reading]:
        """A read-only connection to the store (or to its latest snapshot while it is being written)."""
        con = self._open_live()
        if con is not None:
            try:
                self._refresh_snapshot()
                yield Reading(con)
            finally:
                con.close()
            return
        with self._lock:
            snapshot, taken = self._snapshot, self._snapshot_at
        if snapshot is None:
            raise StoreUnavailable(f"{self.path} is being written by another process; try again when it finishes")
        con = duckdb.connect(str(snapshot), read_only=True)
        try:
            yield Reading(con, taken)
        finally:
            con.close()

    def _open_live(self) -> duckdb.DuckDBPyConnection | None:
        if not self.path.exists():
            raise StoreUnavailable(f"no store at {self.path}")
        delay = self.retry_delay
        for attempt in range(self.retries + 1):
            try:
                return duckdb.connect(str(self.path), read_only=True)
            except duckdb.Error as exc:
                if not is_lock_error(exc):
                    raise StoreUnavailable(f"cannot read {self.path}: {exc}") from exc
            if attempt < self.retries:
                time.sleep(delay)
                delay *= 2
        return None

    def _signature(self) -> tuple[int, int]:
        stat = self.path.stat()
        return stat.st_mtime_ns, stat.st_size

    def _refresh_snapshot(self) -> None:
        """Copy the store if it changed since the last copy; called while holding a read connection.

        Holding the connection keeps writers out, so the copy is consistent.
        A new file per generation: threads still reading the old copy keep
        their (unlinked) file.
        """
        signature = self._signature()
        if self._dir is None or signature == self._snapshot_signature or signature[1] > self.snapshot_max_bytes:
            return
        with self._lock:
            if signature == self._snapshot_signature:
                return
            self._generation += 1
            target = self._dir / f"snapshot-{self._generation}.duckdb"
            shutil.copyfile(self.path, target)
            wal = self.path.with_name(self.path.name + ".wal")
            if wal.exists():
                shutil.copyfile(wal, target.with_name(target.name + ".wal"))
            old, self._snapshot = self._snapshot, target
            self._snapshot_signature = signature
            self._snapshot_at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        if old is not None:
            old.unlink(missing_ok=True)
            old.with_name(old.name + ".wal").unlink(missing_ok=True)
