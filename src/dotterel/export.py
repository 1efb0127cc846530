"""Exports of stored events: JSONL (the event record), CSV and Parquet (flat columns)."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from .errors import DotterelError
from .store import Store

FORMATS = ("jsonl", "csv", "parquet")


def export_events(db: Path, out: Path, fmt: str) -> int:
    """Write every event of the store ``db`` to ``out``; returns the count."""
    if fmt not in FORMATS:
        raise DotterelError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if not db.exists():
        raise DotterelError(f"no such database: {db}")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with Store(db, read_only=True) as store:
            if fmt != "jsonl":
                return store.export_table(out, fmt)
            count = 0
            with out.open("w", encoding="utf-8") as sink:
                for event in store.iter_events():
                    sink.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
                    count += 1
            return count
    except duckdb.Error as exc:
        raise DotterelError(f"cannot export from {db}: {exc}") from exc
    except OSError as exc:
        raise DotterelError(f"cannot write {out}: {exc.strerror}") from exc
