"""What ``dotterel evaluate`` does: read gold files, split, code, score, report.

The CLI function only parses options and calls :func:`run_evaluate`.  Each
file is scored on its own (formats differ in label sets: PLV merges CONCEDE
and RETREAT into YIELD), and gives a dyad report, an article report or both.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..errors import DotterelError, InputError
from ..model import Reject
from .actors import ActorPipeline, ActorReport, evaluate_actors
from .gold import GoldArticle, GoldDyad, Split, in_split
from .mentions import GoldMention, read_mentions
from .readers import GoldFormat, detect_format, read_gold
from .render import render_actor_report, render_article_report, render_dyad_report
from .runner import ArticleCoder, ArticleReport, CodeDyad, DyadReport, evaluate_articles, evaluate_dyads

if TYPE_CHECKING:
    from ..pipeline import Pipeline

__all__ = ["FileEvaluation", "GoldSet", "evaluate_file", "load_gold", "run_evaluate"]


@dataclass(frozen=True, slots=True)
class GoldSet:
    """The records of one gold file that fall in the requested split (and limit)."""

    path: Path
    format: GoldFormat
    dyads: tuple[GoldDyad, ...]
    articles: tuple[GoldArticle, ...]
    rejects: tuple[Reject, ...]
    total: int  # records read (dyads + articles + actor mentions) before the split and the limit
    mentions: tuple[GoldMention, ...] = ()  # actor mentions (actor gold, PLOVER, PLV)


@dataclass(frozen=True, slots=True)
class FileEvaluation:
    gold: GoldSet
    dyads: DyadReport | None
    articles: ArticleReport | None
    actors: ActorReport | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": str(self.gold.path),
            "format": self.gold.format.value,
            "records_read": self.gold.total,
            "rejects": [r.describe() for r in self.gold.rejects],
            "dyads": self.dyads.to_dict() if self.dyads else None,
            "articles": self.articles.to_dict() if self.articles else None,
            "actors": self.actors.to_dict() if self.actors else None,
        }


def load_gold(path: Path, fmt: GoldFormat, split: Split, limit: int | None) -> GoldSet:
    """Read a gold file and keep the records of ``split``: at most ``limit`` dyads, articles and actor mentions."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    fmt = detect_format(path) if fmt is GoldFormat.auto else fmt
    dyads: list[GoldDyad] = []
    articles: list[GoldArticle] = []
    rejects: list[Reject] = []
    total = 0
    for item in read_gold(path, fmt):
        if isinstance(item, Reject):
            rejects.append(item)
            continue
        total += 1
        if not in_split(item.split_key, split):
            continue
        if isinstance(item, GoldDyad):
            if limit is None or len(dyads) < limit:
                dyads.append(item)
        elif limit is None or len(articles) < limit:
            articles.append(item)
    mentions: list[GoldMention] = []
    for found in read_mentions(path, fmt.value):
        if isinstance(found, Reject):
            rejects.append(found)
            continue
        total += fmt is GoldFormat.actors  # PLOVER and PLV mentions come from records counted above
        if in_split(found.split_key, split) and (limit is None or len(mentions) < limit):
            mentions.append(found)
    return GoldSet(path, fmt, tuple(dyads), tuple(articles), tuple(rejects), total, tuple(mentions))


def evaluate_file(
    gold: GoldSet,
    code_dyad: CodeDyad,
    pipeline: Callable[[], ArticleCoder],
    progress: Progress | None = None,
    actor_pipeline: Callable[[], ActorPipeline] | None = None,
) -> FileEvaluation:
    """Score ``code_dyad`` on the dyads, the pipeline (built on first use) on the articles and,
    given ``actor_pipeline``, the actor resolution on the gold's actor mentions."""
    dyad_report = article_report = actor_report = None
    if gold.dyads:
        tick = _ticker(progress, f"{gold.path.name}: dyads", len(gold.dyads))
        dyad_report = evaluate_dyads(gold.dyads, code_dyad, on_record=tick)
    if gold.articles:
        tick = _ticker(progress, f"{gold.path.name}: articles", len(gold.articles))
        article_report = evaluate_articles(gold.articles, pipeline(), on_record=tick)
    if gold.mentions and actor_pipeline is not None:
        tick = _ticker(progress, f"{gold.path.name}: actors", len(gold.mentions))
        actor_report = evaluate_actors(gold.mentions, actor_pipeline(), on_record=tick)
    return FileEvaluation(gold, dyad_report, article_report, actor_report)


def _ticker(progress: Progress | None, label: str, total: int) -> Callable[[], None] | None:
    if progress is None:
        return None
    task = progress.add_task(label, total=total)
    return lambda: progress.advance(task)


def _default_pipeline() -> Pipeline:
    # The cached pipeline behind dotterel.code_dyad, so that the spaCy model
    # is loaded once for both kinds of gold.
    from .. import _default_pipeline as cached

    return cached()


def run_evaluate(
    paths: Sequence[Path],
    *,
    fmt: GoldFormat = GoldFormat.auto,
    split: Split = Split.all,
    limit: int | None = None,
    errors: int = 0,
    json_out: Path | None = None,
    quiet: bool = False,
    out: Console | None = None,
    err: Console | None = None,
) -> int:
    """Evaluate each gold file, print the reports, optionally write JSON; returns the number of rejects.

    The real coder is used: :func:`dotterel.code_dyad` for dyads and the
    same cached pipeline for articles.
    """
    import dotterel

    # Piped output would otherwise wrap the tables at 80 columns.
    out = out or Console(width=None if sys.stdout.isatty() else 120)
    err = err or Console(stderr=True)
    golds = [load_gold(Path(p), fmt, split, limit) for p in paths]
    for gold in golds:
        for reject in gold.rejects:
            err.print(f"[yellow]rejected[/yellow] {escape(reject.describe())}", highlight=False, soft_wrap=True)
    results = []
    with _progress(err, quiet) as progress:
        for gold in golds:
            results.append(evaluate_file(gold, dotterel.code_dyad, _default_pipeline, progress, _default_pipeline))
    for result in results:
        title = f"{result.gold.path.name} ({result.gold.format.value}, split {split.value})"
        if result.dyads is None and result.articles is None and result.actors is None:
            out.print(f"{escape(title)}: no gold records to evaluate", highlight=False)
        if result.dyads is not None:
            render_dyad_report(result.dyads, out, title=title, errors=errors)
        if result.articles is not None:
            render_article_report(result.articles, out, title=title, errors=errors)
        if result.actors is not None:
            render_actor_report(result.actors, out, title=title, errors=errors)
    if json_out is not None:
        _write_json(json_out, {"split": split.value, "limit": limit, "files": [r.to_dict() for r in results]})
    return sum(len(g.rejects) for g in golds)


def _progress(console: Console, quiet: bool) -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, disable=quiet or not console.is_terminal, transient=True,
    )  # fmt: skip


def _write_json(path: Path, payload: dict[str, Any]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise DotterelError(f"cannot write {path}: {exc.strerror}") from exc
