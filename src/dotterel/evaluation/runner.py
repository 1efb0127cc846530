"""Run a coder over gold records and score it.

``evaluate_dyads`` puts each gold dyad to a ``code_dyad`` function (normally
:func:`dotterel.code_dyad`; tests pass a fake); ``evaluate_articles`` runs
whole texts through a :class:`~dotterel.pipeline.Pipeline`.  Both keep every
outcome, so a report can list the mistakes as well as the scores.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import DotterelError
from ..model import Actor, Article, Event
from .gold import YIELD, GoldArticle, GoldDyad
from .metrics import (
    NO_EVENT,
    UNTYPED,
    ClassScore,
    EventCounts,
    LabelScores,
    MatchLevel,
    PredictedEvent,
    match_events,
    predicted_label,
    score_labels,
    type_scores,
)

if TYPE_CHECKING:
    from ..pipeline import CodedArticle

__all__ = [
    "ArticleCoder", "ArticleOutcome", "ArticleReport", "CodeDyad", "DyadOutcome", "DyadReport", "Skipped",
    "describe_event", "evaluate_articles", "evaluate_dyads",
]  # fmt: skip


class CodeDyad(Protocol):
    """The signature of :func:`dotterel.code_dyad`."""

    def __call__(self, text: str, source: str, target: str, date: dt.date | None = None) -> Event | None: ...


class ArticleCoder(Protocol):
    """What ``evaluate_articles`` needs of a pipeline."""

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]: ...


@dataclass(frozen=True, slots=True)
class Skipped:
    """A gold record that could not be put to the coder, and why."""

    id: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class DyadOutcome:
    """One gold dyad and what the coder said about it."""

    record: GoldDyad
    event: Event | None
    predicted: str  # in the gold's label space; NO_EVENT or UNTYPED when there is no PLOVER type
    error: str | None = None  # why code_dyad refused the dyad, if it did

    @property
    def correct(self) -> bool:
        return self.predicted == self.record.plover

    def to_dict(self) -> dict[str, Any]:
        e = self.event
        return {
            "id": self.record.id, "origin": self.record.origin, "sentence": self.record.sentence,
            "source": self.record.source, "target": self.record.target,
            "gold": self.record.plover, "predicted": self.predicted, "gold_quad": self.record.quad,
            "cameo": e.cameo if e else None, "quad": e.quad_class if e else None,
            "trigger": e.trigger.text if e else None, "modality": e.modality if e else None, "error": self.error,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class DyadReport:
    """Scores of a dyad coder on gold dyads."""

    outcomes: tuple[DyadOutcome, ...]
    skipped: tuple[Skipped, ...]
    scores: LabelScores

    @property
    def n(self) -> int:
        return len(self.outcomes)

    @property
    def coverage(self) -> float:
        """Share of dyads for which the coder returned an event at all."""
        return sum(o.event is not None for o in self.outcomes) / self.n if self.n else 0.0

    @property
    def quad_n(self) -> int:
        return sum(o.record.quad is not None for o in self.outcomes)

    @property
    def quad_correct(self) -> int:
        return sum(
            o.record.quad is not None and o.event is not None and o.event.quad_class == o.record.quad
            for o in self.outcomes
        )

    @property
    def quad_accuracy(self) -> float | None:
        """Predicted quad class = gold quad, over dyads whose gold has one (no event: wrong)."""
        return self.quad_correct / self.quad_n if self.quad_n else None

    @property
    def accuracy_when_covered(self) -> float:
        covered = [o for o in self.outcomes if o.event is not None]
        return sum(o.correct for o in covered) / len(covered) if covered else 0.0

    def mistakes(self) -> list[DyadOutcome]:
        return [o for o in self.outcomes if not o.correct]

    def to_dict(self, mistakes: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "n": self.n, "skipped": len(self.skipped), "accuracy": self.scores.accuracy,
            "macro_f1": self.scores.macro_f1, "coverage": self.coverage,
            "accuracy_when_covered": self.accuracy_when_covered, "quad_accuracy": self.quad_accuracy,
            "quad_n": self.quad_n, "failures": sum(o.error is not None for o in self.outcomes),
            "classes": [c.to_dict() for c in self.scores.classes],
            "confusions": [c.to_dict() for c in self.scores.confusions],
            "skipped_records": [s.to_dict() for s in self.skipped],
        }  # fmt: skip
        if mistakes:
            out["mistakes"] = [o.to_dict() for o in self.mistakes()]
        return out


def evaluate_dyads(
    records: Iterable[GoldDyad], code_dyad: CodeDyad, *, on_record: Callable[[], None] | None = None
) -> DyadReport:
    """Put every gold dyad to ``code_dyad`` and score the answers.

    Dyads with an implicit source or target (None) are skipped, since
    ``code_dyad`` needs both mentions in the text.  If the gold uses PLV's
    YIELD class anywhere, predicted CONCEDE and RETREAT count as YIELD.
    A dyad ``code_dyad`` refuses (a :class:`~dotterel.errors.DotterelError`)
    counts as "no event" and keeps the reason; other exceptions are bugs
    and propagate.
    """
    records = list(records)
    merge_yield = any(r.plover == YIELD for r in records)
    outcomes: list[DyadOutcome] = []
    skipped: list[Skipped] = []
    for record in records:
        if record.source is None or record.target is None:
            side = "source" if record.source is None else "target"
            skipped.append(Skipped(record.id, f"implicit {side}: not mentioned in the sentence"))
        else:
            outcomes.append(_code_one(record, code_dyad, merge_yield))
        if on_record is not None:
            on_record()
    scores = score_labels([(o.record.plover, o.predicted) for o in outcomes])
    return DyadReport(outcomes=tuple(outcomes), skipped=tuple(skipped), scores=scores)


def _code_one(record: GoldDyad, code_dyad: CodeDyad, merge_yield: bool) -> DyadOutcome:
    assert record.source is not None and record.target is not None
    try:
        event = code_dyad(record.sentence, record.source, record.target, date=record.date)
    except DotterelError as exc:
        return DyadOutcome(record, None, NO_EVENT, error=str(exc))
    label = NO_EVENT if event is None else predicted_label(event.plover, merge_yield)
    return DyadOutcome(record, event, label)


@dataclass(frozen=True, slots=True)
class ArticleOutcome:
    """One gold article, the events coded from it and how they matched.

    ``plover_matches``/``cameo_matches`` are (gold index, event index)
    pairs; ``cameo_matches`` is None when some gold event has no CAMEO code,
    which keeps the article out of CAMEO-level scoring.
    """

    record: GoldArticle
    events: tuple[Event, ...]
    plover_matches: tuple[tuple[int, int], ...]
    cameo_matches: tuple[tuple[int, int], ...] | None

    @property
    def missed(self) -> list[int]:
        found = {i for i, _ in self.plover_matches}
        return [i for i in range(len(self.record.events)) if i not in found]

    @property
    def spurious(self) -> list[int]:
        used = {j for _, j in self.plover_matches}
        return [j for j in range(len(self.events)) if j not in used]

    @property
    def perfect(self) -> bool:
        return not self.missed and not self.spurious

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.record.id, "origin": self.record.origin,
            "missed": [self.record.events[i].describe() for i in self.missed],
            "spurious": [describe_event(self.events[j]) for j in self.spurious],
        }  # fmt: skip


def describe_event(event: Event) -> str:
    """One line for an error listing: ``IRQGOV[Iraqi officials] -> IRN[Iran] CONSULT 040 ('met')``."""
    return (
        f"{_describe_actor(event.source)} -> {_describe_actor(event.target)}"
        f" {event.plover or UNTYPED} {event.cameo} ({event.trigger.text!r})"
    )


def _describe_actor(actor: Actor | None) -> str:
    return "*" if actor is None else f"{actor.code or '?'}[{actor.text}]"


@dataclass(frozen=True, slots=True)
class ArticleReport:
    """Event-level scores of the full pipeline on gold articles."""

    outcomes: tuple[ArticleOutcome, ...]
    plover: EventCounts
    cameo: EventCounts | None  # None when no gold event has a CAMEO code
    cameo_articles: int
    types: tuple[ClassScore, ...]

    @property
    def n(self) -> int:
        return len(self.outcomes)

    @property
    def empty(self) -> int:
        """Gold texts that report no event."""
        return sum(not o.record.events for o in self.outcomes)

    @property
    def empty_clean(self) -> int:
        """...of which the coder also found nothing."""
        return sum(not o.record.events and not o.events for o in self.outcomes)

    def mistakes(self) -> list[ArticleOutcome]:
        return [o for o in self.outcomes if not o.perfect]

    def to_dict(self, mistakes: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "n": self.n, "plover_match": self.plover.to_dict(),
            "cameo_match": self.cameo.to_dict() if self.cameo else None, "cameo_articles": self.cameo_articles,
            "no_event_texts": self.empty, "no_event_texts_clean": self.empty_clean,
            "types": [t.to_dict() for t in self.types],
        }  # fmt: skip
        if mistakes:
            out["mistakes"] = [o.to_dict() for o in self.mistakes()]
        return out


def evaluate_articles(
    records: Iterable[GoldArticle], pipeline: ArticleCoder, *, on_record: Callable[[], None] | None = None
) -> ArticleReport:
    """Code every gold text with ``pipeline`` and match its events to the gold (see metrics)."""
    records = list(records)
    merge_yield = any(e.plover == YIELD for r in records for e in r.events)
    articles = (Article(id=r.id, text=r.text, date=r.date, origin=r.origin or "<gold>") for r in records)
    outcomes: list[ArticleOutcome] = []
    for record, coded in zip(records, pipeline.code(articles), strict=True):
        predicted = [PredictedEvent.of(e) for e in coded.events]
        gold = record.events
        scored = all(e.cameo is not None for e in gold)
        outcomes.append(ArticleOutcome(
            record=record,
            events=tuple(coded.events),
            plover_matches=match_events(gold, predicted, MatchLevel.plover),
            cameo_matches=match_events(gold, predicted, MatchLevel.cameo) if scored else None,
        ))  # fmt: skip
        if on_record is not None:
            on_record()
    plover = sum((EventCounts(len(o.record.events), len(o.events), len(o.plover_matches)) for o in outcomes),
                 EventCounts(0, 0, 0))  # fmt: skip
    cameo_scored = [o for o in outcomes if o.cameo_matches is not None]
    cameo = sum((EventCounts(len(o.record.events), len(o.events), len(o.cameo_matches or ())) for o in cameo_scored),
                EventCounts(0, 0, 0))  # fmt: skip
    types = type_scores(
        (e.plover or UNTYPED for o in outcomes for e in o.record.events),
        (predicted_label(e.plover, merge_yield) for o in outcomes for e in o.events),
        (o.record.events[i].plover or UNTYPED for o in outcomes for i, _ in o.plover_matches),
    )
    return ArticleReport(
        outcomes=tuple(outcomes),
        plover=plover,
        # Texts whose gold has no events would make a CAMEO score out of
        # false positives alone; without any CAMEO gold there is no score.
        cameo=cameo if cameo.gold else None,
        cameo_articles=len(cameo_scored),
        types=types,
    )
