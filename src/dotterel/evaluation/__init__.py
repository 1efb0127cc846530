"""Scoring dotterel against gold-standard event data.

Readers turn PLV TSV, PLOVER GSR JSON, PETRARCH validation XML and
dotterel's own JSONL into typed gold records (:mod:`.gold`, :mod:`.readers`);
:func:`evaluate_dyads` scores ``dotterel.code_dyad`` on sentence + mention
pairs, :func:`evaluate_articles` scores the full pipeline on whole texts
(:mod:`.runner`, definitions in :mod:`.metrics`).  ``dotterel evaluate`` is
the command-line front end (:mod:`.command`)::

    import dotterel
    from dotterel.evaluation import GoldDyad, evaluate_dyads, read_gold

    dyads = [r for r in read_gold(Path("PLV_train.tsv")) if isinstance(r, GoldDyad)]
    report = evaluate_dyads(dyads, dotterel.code_dyad)
    print(report.scores.macro_f1, report.coverage)
"""

from __future__ import annotations

from .gold import GoldActor, GoldArticle, GoldDyad, GoldEvent, Split, split_of
from .metrics import ClassScore, EventCounts, LabelScores, MatchLevel, match_events, score_labels
from .readers import GoldFormat, detect_format, read_gold
from .runner import ArticleReport, DyadReport, evaluate_articles, evaluate_dyads

__all__ = [
    "ArticleReport", "ClassScore", "DyadReport", "EventCounts", "GoldActor", "GoldArticle", "GoldDyad",
    "GoldEvent", "GoldFormat", "LabelScores", "MatchLevel", "Split", "detect_format", "evaluate_articles",
    "evaluate_dyads", "match_events", "read_gold", "score_labels", "split_of",
]  # fmt: skip
