"""Rich tables for evaluation reports (the ``dotterel evaluate`` screen output)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .actors import ActorReport
from .gold import GoldDyad
from .metrics import ClassScore, Confusion, EventCounts
from .runner import ArticleReport, DyadReport, describe_event

__all__ = ["render_actor_report", "render_article_report", "render_dyad_report"]


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}"


def render_dyad_report(report: DyadReport, console: Console, *, title: str, errors: int = 0) -> None:
    """Summary, per-class table, confusions and (``errors`` > 0) that many mistakes."""
    summary = Table(title=f"{title}: dyads", show_header=False, title_justify="left")
    summary.add_column("measure")
    summary.add_column("value", justify="right")
    scores = report.scores
    summary.add_row("dyads scored", str(report.n))
    summary.add_row("skipped (implicit actor)", str(len(report.skipped)))
    summary.add_row("accuracy %", _pct(scores.accuracy))
    summary.add_row("macro-F1 %", _pct(scores.macro_f1))
    summary.add_row("coverage % (an event returned)", _pct(report.coverage))
    summary.add_row("accuracy % when covered", _pct(report.accuracy_when_covered))
    summary.add_row(f"quad accuracy % (n={report.quad_n})", _pct(report.quad_accuracy))
    failures = sum(o.error is not None for o in report.outcomes)
    if failures:
        summary.add_row("refused by code_dyad", str(failures))
    console.print(summary)
    console.print(_class_table(scores.classes, "per class", "support"))
    if scores.confusions:
        console.print(_confusion_table(scores.confusions))
    mistakes = report.mistakes()[:errors]
    if mistakes:
        console.print(f"[bold]first {len(mistakes)} of {len(report.mistakes())} misclassified dyads[/bold]")
    for o in mistakes:
        e = o.event
        got = f"{o.predicted} {e.cameo} {e.trigger.text!r} ({e.modality})" if e else o.predicted
        if o.error:
            got += f" [{o.error}]"
        console.print(f"[cyan]{escape(o.record.id)}[/cyan] gold [green]{o.record.plover}[/green]"
                      f" got [red]{escape(got)}[/red]", highlight=False)  # fmt: skip
        console.print(f"  {_marked(o.record)}", highlight=False)


def _marked(record: GoldDyad) -> str:
    """The sentence with the source and target mentions highlighted."""
    text = record.sentence
    spans: list[tuple[int, int, str]] = []
    for mention, style in ((record.source, "bold blue"), (record.target, "bold magenta")):
        at = text.find(mention) if mention else -1
        if mention and at >= 0 and all(at >= e or at + len(mention) <= s for s, e, _ in spans):
            spans.append((at, at + len(mention), style))
    out: list[str] = []
    pos = 0
    for start, end, style in sorted(spans):
        out += [escape(text[pos:start]), f"[{style}]{escape(text[start:end])}[/{style}]"]
        pos = end
    return "".join(out) + escape(text[pos:])


def _class_table(classes: Sequence[ClassScore], title: str, support: str) -> Table:
    table = Table(title=title, title_justify="left")
    for name in ("class", support, "predicted", "correct", "P %", "R %", "F1 %"):
        table.add_column(name, justify="left" if name == "class" else "right")
    for c in classes:
        table.add_row(c.label, str(c.support), str(c.predicted), str(c.correct),
                      _pct(c.precision), _pct(c.recall), _pct(c.f1))  # fmt: skip
    return table


def _confusion_table(confusions: Sequence[Confusion]) -> Table:
    table = Table(title="top confusions", title_justify="left")
    table.add_column("gold")
    table.add_column("predicted")
    table.add_column("count", justify="right")
    for c in confusions:
        table.add_row(c.gold, c.predicted, str(c.count))
    return table


def render_article_report(report: ArticleReport, console: Console, *, title: str, errors: int = 0) -> None:
    """Event precision/recall at both match levels, per-type table and (``errors`` > 0) mistakes."""
    table = Table(title=f"{title}: articles ({report.n} texts)", title_justify="left")
    for name in ("match on", "gold", "predicted", "matched", "P %", "R %", "F1 %"):
        table.add_column(name, justify="left" if name == "match on" else "right")
    _counts_row(table, "country + PLOVER type", report.plover)
    if report.cameo is not None:
        _counts_row(table, f"country+sector + CAMEO root ({report.cameo_articles} texts)", report.cameo)
    else:
        table.add_row("country+sector + CAMEO root", "n/a", "", "", "", "", "")
    console.print(table)
    if report.cameo is None:
        console.print("no CAMEO-level score: the gold gives no CAMEO codes", highlight=False)
    if report.empty:
        console.print(f"texts with no gold event: {report.empty}, coded with no event: {report.empty_clean}",
                      highlight=False)  # fmt: skip
    console.print(_class_table(report.types, "events per PLOVER type (country+type match)", "gold"))
    mistakes = report.mistakes()[:errors]
    if mistakes:
        total = len(report.mistakes())
        console.print(f"[bold]first {len(mistakes)} of {total} texts with missed or spurious events[/bold]")
    for o in mistakes:
        console.print(f"[cyan]{escape(o.record.id)}[/cyan] {escape(o.record.text[:300])}", highlight=False)
        for i in o.missed:
            console.print(f"  [red]missed[/red]   {escape(o.record.events[i].describe())}", highlight=False)
        for j in o.spurious:
            console.print(f"  [yellow]spurious[/yellow] {escape(describe_event(o.events[j]))}", highlight=False)


def _counts_row(table: Table, label: str, counts: EventCounts) -> None:
    table.add_row(label, str(counts.gold), str(counts.predicted), str(counts.matched),
                  _pct(counts.precision), _pct(counts.recall), _pct(counts.f1))  # fmt: skip


def render_actor_report(report: ActorReport, console: Console, *, title: str, errors: int = 0) -> None:
    """Actor-code figures, per-tag table (own gold) and (``errors`` > 0) that many mistakes."""
    summary = Table(title=f"{title}: actors ({report.n} mentions)", show_header=False, title_justify="left")
    summary.add_column("measure")
    summary.add_column("value", justify="right")
    summary.add_row("resolved % (any code)", _pct(report.coverage))
    summary.add_row("resolved to a country or body %", _pct(report.country_share))
    if report.has_codes:
        summary.add_row(f"country accuracy % (n={report.country_n})", _pct(report.country_accuracy))
        summary.add_row("country+sector accuracy %", _pct(report.sector_accuracy))
        summary.add_row(f"  where the gold names a sector (n={report.sector_specified_n})",
                        _pct(report.sector_specified_accuracy))  # fmt: skip
        if report.code_accuracy is not None:
            summary.add_row("exact code accuracy %", _pct(report.code_accuracy))
    else:
        summary.add_row(f"country accuracy % on derived gold (n={report.country_n})", _pct(report.country_accuracy))
    console.print(summary)
    if not report.has_codes:
        console.print("no gold codes: the derived gold is the one country a span's own words name", highlight=False)
    tags = report.by_tag()
    if tags:
        table = Table(title="per tag", title_justify="left")
        for name in ("tag", "mentions", "correct", "%"):
            table.add_column(name, justify="left" if name == "tag" else "right")
        for tag, (n, ok) in tags.items():
            table.add_row(tag, str(n), str(ok), _pct(ok / n))
        console.print(table)
    mistakes = report.mistakes()[:errors]
    if mistakes:
        console.print(f"[bold]first {len(mistakes)} of {len(report.mistakes())} actor mistakes[/bold]")
    for o in mistakes:
        m, a = o.mention, o.actor
        want = m.code or f"{o.gold_country or '*'}{m.sector or ''}"
        got = "unresolved" if a is None else f"{a.code or '?'} ({a.evidence or ''})"
        console.print(f"[cyan]{escape(m.id)}[/cyan] [bold]{escape(m.mention)}[/bold] gold [green]{escape(want)}[/green]"
                      f" got [red]{escape(got)}[/red]", highlight=False)  # fmt: skip
        console.print(f"  {escape(m.text[:300])}", highlight=False)
