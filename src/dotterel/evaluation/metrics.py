"""Scores: per-class P/R/F1 for labelled dyads, event matching for articles.

Definitions (the numbers the reports print):

* **Dyad labels.**  Each gold dyad has one gold label and one predicted
  label; "no event" and "event without a PLOVER type" are predicted
  pseudo-labels that are always wrong.  For class *c*: precision = correct
  *c* predictions / all *c* predictions, recall = correct / gold *c*; a
  zero denominator gives 0.  **Macro-F1** averages F1 over the classes
  that occur in the gold (a class only ever predicted lowers the recall of
  the gold classes it was predicted for, not the average's denominator).
  **Accuracy** = correct / all dyads scored.
* **Article events.**  A gold event and a predicted event *match* at the
  ``plover`` level when the source countries agree, the target countries
  agree and the PLOVER types agree (gold YIELD accepts CONCEDE or RETREAT);
  at the ``cameo`` level when source country+sector, target
  country+sector and the CAMEO root (first two digits) agree.  A gold
  actor, country or sector left unspecified (None) agrees with anything;
  a specified one needs a predicted actor with that value.  Within an
  article each gold event is matched to at most one predicted event and
  vice versa, taking the largest such matching; then precision = matched /
  predicted and recall = matched / gold, summed over articles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from ..model import Actor, Event
from ..ontology import PLOVER_TYPES
from .gold import YIELD, GoldActor, GoldEvent, gold_country

__all__ = [
    "NO_EVENT", "UNTYPED", "ClassScore", "Confusion", "EventCounts", "LabelScores", "MatchLevel",
    "PredictedEvent", "event_matches", "match_events", "ordered_labels", "predicted_label", "same_type",
    "score_labels", "type_scores",
]  # fmt: skip

#: Predicted pseudo-label: the coder returned no event.
NO_EVENT = "(no event)"
#: Predicted pseudo-label: an event whose CAMEO code has no PLOVER type (root 01).
UNTYPED = "(no PLOVER type)"

_MERGED_INTO_YIELD = frozenset({"CONCEDE", "RETREAT"})


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class ClassScore:
    """Counts and scores of one class."""

    label: str
    support: int  # gold items of this class
    predicted: int  # items predicted as this class
    correct: int

    @property
    def precision(self) -> float:
        return _ratio(self.correct, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.correct, self.support)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "support": self.support, "predicted": self.predicted, "correct": self.correct,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Confusion:
    gold: str
    predicted: str
    count: int

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "count": self.count}


@dataclass(frozen=True, slots=True)
class LabelScores:
    """Per-class scores, macro-F1, accuracy and the commonest confusions."""

    n: int
    correct: int
    classes: tuple[ClassScore, ...]
    confusions: tuple[Confusion, ...]

    @property
    def accuracy(self) -> float:
        return _ratio(self.correct, self.n)

    @property
    def macro_f1(self) -> float:
        gold_classes = [c for c in self.classes if c.support]
        return sum(c.f1 for c in gold_classes) / len(gold_classes) if gold_classes else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n, "correct": self.correct, "accuracy": self.accuracy, "macro_f1": self.macro_f1,
            "classes": [c.to_dict() for c in self.classes], "confusions": [c.to_dict() for c in self.confusions],
        }  # fmt: skip


def ordered_labels(labels: Iterable[str]) -> list[str]:
    """Labels in PLOVER manual order (YIELD where CONCEDE is), others after, alphabetically."""
    order = {t: i for i, t in enumerate(PLOVER_TYPES)}
    order[YIELD] = order["CONCEDE"]
    return sorted(set(labels), key=lambda t: (order.get(t, len(order)), t))


def score_labels(pairs: Sequence[tuple[str, str]], top: int = 10) -> LabelScores:
    """Score (gold, predicted) label pairs; ``top`` confusions are kept, commonest first."""
    gold = Counter(g for g, _ in pairs)
    predicted = Counter(p for _, p in pairs)
    correct = Counter(g for g, p in pairs if g == p)
    real = [t for t in {*gold, *predicted} if t not in (NO_EVENT, UNTYPED)]
    classes = tuple(ClassScore(t, gold[t], predicted[t], correct[t]) for t in ordered_labels(real))
    wrong = Counter((g, p) for g, p in pairs if g != p)
    # Ties broken by the labels so that reports are reproducible.
    confusions = sorted(wrong.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    return LabelScores(
        n=len(pairs),
        correct=sum(correct.values()),
        classes=classes,
        confusions=tuple(Confusion(g, p, n) for (g, p), n in confusions),
    )


# ------------------------------------------------------------------- article events


class MatchLevel(str, Enum):
    """How strictly a predicted event must agree with a gold event."""

    plover = "plover"  # source country, target country, PLOVER type
    cameo = "cameo"  # source country+sector, target country+sector, CAMEO root


@dataclass(frozen=True, slots=True)
class PredictedEvent:
    """The parts of a coded event that scoring compares."""

    source: GoldActor | None
    target: GoldActor | None
    plover: str | None
    cameo: str

    @classmethod
    def of(cls, event: Event) -> PredictedEvent:
        return cls(_actor_key(event.source), _actor_key(event.target), event.plover, event.cameo)


def _actor_key(actor: Actor | None) -> GoldActor | None:
    if actor is None:
        return None
    # IGOs and NGOs have no country; their code's prefix ("IGO") stands in,
    # as it does in CAMEO actor codes.
    country = actor.country or gold_country(actor.code)
    return GoldActor(country=country, sector=actor.sector, text=actor.text)


def predicted_label(plover: str | None, merge_yield: bool) -> str:
    """A predicted PLOVER type in the gold's label space (UNTYPED for None).

    ``merge_yield`` is for gold that, like PLV, has one YIELD class for
    CONCEDE and RETREAT: both predictions then count as YIELD in every
    class, not only where the gold says YIELD, so per-class counts agree.
    """
    if plover is None:
        return UNTYPED
    return YIELD if merge_yield and plover in _MERGED_INTO_YIELD else plover


def same_type(gold: str | None, predicted: str | None) -> bool:
    return gold == predicted or (gold == YIELD and predicted in _MERGED_INTO_YIELD)


def _actor_agrees(gold: GoldActor | None, predicted: GoldActor | None, with_sector: bool) -> bool:
    if gold is None:
        return True
    if predicted is None:
        return False
    if gold.country is not None and gold.country != predicted.country:
        return False
    return not (with_sector and gold.sector is not None and gold.sector != predicted.sector)


def event_matches(gold: GoldEvent, predicted: PredictedEvent, level: MatchLevel) -> bool:
    """Whether one predicted event counts as finding one gold event at ``level``."""
    if level is MatchLevel.plover:
        return (
            same_type(gold.plover, predicted.plover)
            and _actor_agrees(gold.source, predicted.source, with_sector=False)
            and _actor_agrees(gold.target, predicted.target, with_sector=False)
        )
    return (
        gold.cameo is not None
        and gold.cameo[:2] == predicted.cameo[:2]
        and _actor_agrees(gold.source, predicted.source, with_sector=True)
        and _actor_agrees(gold.target, predicted.target, with_sector=True)
    )


def match_events(
    gold: Sequence[GoldEvent], predicted: Sequence[PredictedEvent], level: MatchLevel
) -> tuple[tuple[int, int], ...]:
    """A largest one-to-one matching, as (gold index, predicted index) pairs in gold order.

    Greedy matching could let a loosely specified gold event take the only
    prediction a stricter one could use; augmenting paths (Kuhn's
    algorithm) avoid that, and articles hold few events, so it is cheap.
    """
    edges = [[j for j, p in enumerate(predicted) if event_matches(g, p, level)] for g in gold]
    owner: list[int | None] = [None] * len(predicted)

    def augment(i: int, visited: set[int]) -> bool:
        for j in edges[i]:
            if j not in visited:
                visited.add(j)
                holder = owner[j]
                if holder is None or augment(holder, visited):
                    owner[j] = i
                    return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return tuple(sorted((i, j) for j, i in enumerate(owner) if i is not None))


@dataclass(frozen=True, slots=True)
class EventCounts:
    """Matched, gold and predicted event counts, summed over articles."""

    gold: int
    predicted: int
    matched: int

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    def __add__(self, other: EventCounts) -> EventCounts:
        return EventCounts(self.gold + other.gold, self.predicted + other.predicted, self.matched + other.matched)

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}  # fmt: skip


def type_scores(gold: Iterable[str], predicted: Iterable[str], matched: Iterable[str]) -> tuple[ClassScore, ...]:
    """Per-type event scores from the gold, predicted and matched (gold) type of each event."""
    g, p, m = Counter(gold), Counter(predicted), Counter(matched)
    return tuple(ClassScore(t, g[t], p[t], m[t]) for t in ordered_labels({*g, *p}))
