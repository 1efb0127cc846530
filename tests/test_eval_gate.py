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
from dotterel.evaluation.readers import read_gold
from dotterel.evaluation.runner import evaluate_articles, evaluate_dyads

GOLD = Path(__file__).parent / "gold"
FLOORS = json.loads((GOLD / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gold():
    items = [item for path in sorted(GOLD.glob("*.jsonl")) for item in read_gold(path)]
    dyads = [i for i in items if isinstance(i, GoldDyad)]
    articles = [i for i in items if isinstance(i, GoldArticle)]
    rejected = [i for i in items if not isinstance(i, (GoldDyad, GoldArticle))]
    assert not rejected, f"gold records rejected: {rejected}"
    assert len(articles) >= 30 and len(dyads) >= 25
    return dyads, articles


@pytest.fixture(scope="module")
def figures(gold, pipeline):
    dyads, articles = gold

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


@pytest.mark.parametrize("metric", [k for k in FLOORS if not k.startswith("_")])
def test_metric_stays_above_its_floor(figures, metric):
    assert figures[metric] >= FLOORS[metric], f"{metric} = {figures[metric]:.3f} < floor {FLOORS[metric]}"
