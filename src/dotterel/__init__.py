"""dotterel: news articles in, political event data out.

The public Python API::

    import dotterel
    events = dotterel.code_text("Iran's foreign minister met Iraqi officials in Baghdad on Monday.",
                                date="2023-03-06")
    pipeline = dotterel.Pipeline()            # loads the model once
    for coded in pipeline.code(articles): ...
    report = dotterel.code_files(["news/"], db="events.duckdb")    # all cores, resumable
    report = dotterel.code_files(["news/"], db="events.duckdb", engine="ray")

``Pipeline`` (and the spaCy model behind it) is imported lazily so that the
command line starts fast.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .model import Actor, Article, Event, Reject, Sentence, Trigger

if TYPE_CHECKING:
    from .engines.runner import RunReport, code_files
    from .pipeline import CodedArticle, Pipeline

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "CodedArticle",
    "Event",
    "Pipeline",
    "Reject",
    "RunReport",
    "Sentence",
    "Trigger",
    "__version__",
    "code_dyad",
    "code_files",
    "code_text",
]


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    from .pipeline import Pipeline

    return Pipeline()


def code_text(text: str, date: dt.date | str | None = None, source: str | None = None) -> list[Event]:
    """Code one article (plain text, headline optional on the first line)."""
    return _default_pipeline().code_text(text, date=date, source=source)


def code_dyad(text: str, source: str, target: str, date: dt.date | str | None = None) -> Event | None:
    """The event ``text`` reports from mention ``source`` to mention ``target`` (or None)."""
    return _default_pipeline().code_dyad(text, source, target, date=date)


def __getattr__(name: str) -> Any:
    if name in {"Pipeline", "CodedArticle"}:
        from . import pipeline

        return getattr(pipeline, name)
    if name in {"code_files", "RunReport"}:
        from .engines import runner

        return getattr(runner, name)
    raise AttributeError(f"module 'dotterel' has no attribute {name!r}")
