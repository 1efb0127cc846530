"""Evaluation gate: the coder must not fall below pinned floors on our own gold set.

The gold texts in tests/gold/ were written for dotterel (see its README);
floors are in tests/gold/floors.json.  A change that costs accuracy fails
here, trafilatura-style, instead of going unnoticed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dotterel.evaluation.gold import GoldArticle, GoldDyad
from dotterel.evaluation.readers import GoldFormat, detect_format, read_gold
from dotterel.evaluation.runner import evaluate_articles, evaluate_dyads

GOLD = Path(__file__).parent / "gold"
FLOORS = json.loads((GOLD / "floors.json").read_text(encoding="utf-8"))
CASES = [(name, metric) for name, floors in FLOORS.items() if not name.startswith("_") for metric in floors]


def test_every_gold_file_has_floors():
    # Actor gold (mentions, not events) has its own floors and gate: test_actor_eval.py.
    event_gold = {p.name for p in GOLD.glob("*.jsonl") if detect_format(p) is not GoldFormat.actors}
    assert event_gold == {n for n in FLOORS if not n.startswith("_")}


@pytest.fixture(scope="module")
def figures(pipeline):
    """Figures per gold file, computed once."""
    cache: dict[str, dict[str, float]] = {}

    def of(name: str) -> dict[str, float]:
        if name not in cache:
            cache[name] = _score(GOLD / name, pipeline)
        return cache[name]

    return of


def _score(path: Path, pipeline) -> dict[str, float]:
    items = list(read_gold(path))
    dyads = [i for i in items if isinstance(i, GoldDyad)]
    articles = [i for i in items if isinstance(i, GoldArticle)]
    rejected = [i for i in items if not isinstance(i, (GoldDyad, GoldArticle))]
    assert not rejected, f"gold records rejected: {rejected}"
    assert len(articles) >= 30 and len(dyads) >= 25

    def code_dyad(text, source, target, date=None):
        return pipeline.code_dyad(text, source, target, date=date)

    dyad_report = evaluate_dyads(dyads, code_dyad)
    article_report = evaluate_articles(articles, pipeline)
    return {
        "dyad_accuracy": dyad_report.scores.accuracy,
        "dyad_quad_accuracy": dyad_report.quad_accuracy,
        "event_precision_country_plover": article_report.plover.precision,
        "event_recall_country_plover": article_report.plover.recall,
        "event_precision_sector_root": article_report.cameo.precision,
        "no_event_texts_clean": article_report.empty_clean / article_report.empty,
    }


@pytest.mark.parametrize(("gold_file", "metric"), CASES)
def test_metric_stays_above_its_floor(figures, gold_file, metric):
    value = figures(gold_file)[metric]
    floor = FLOORS[gold_file][metric]
    assert value >= floor, f"{gold_file}: {metric} = {value:.3f} < floor {floor}"
