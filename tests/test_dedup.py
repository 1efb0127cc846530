"""Merging reports of one happening across articles and sources."""

from __future__ import annotations

import datetime as dt

import duckdb

from dotterel.dedup import MergeRule
from dotterel.model import Article
from dotterel.store import Store

REPORTS = [
    Article(id="r1", text="Kenya's foreign minister visited Addis Ababa on Monday.", date=dt.date(2023, 3, 7), source="Wire A"),
    Article(id="r2", text="The Kenyan foreign minister arrived in Addis Ababa on Tuesday for talks.", date=dt.date(2023, 3, 7), source="Wire B"),
    Article(id="r3", text="Kenya's foreign minister visited Addis Ababa on Monday.", date=dt.date(2023, 3, 8), source="Wire A"),
    Article(id="r4", text="Kenya's foreign minister visited Addis Ababa in January.", date=dt.date(2023, 3, 7), source="Wire C"),
]


def merged(db) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT source_code, target_code, cameo, date, mentions, articles, sources, len(event_ids) "
            "FROM merged_events WHERE cameo_root = '04' ORDER BY date"
        ).fetchall()


def test_window_rule_merges_reports_across_articles(pipeline, tmp_path):
    db = tmp_path / "m.duckdb"
    with Store(db) as store:
        store.write(list(pipeline.code(REPORTS)), None)
        store.merge(MergeRule.window, window_days=2)
    rows = merged(db)
    # January's visit is another happening; the three March reports are one.
    assert [r[3] for r in rows] == [dt.date(2023, 1, 1), dt.date(2023, 3, 6)]
    january, march = rows
    assert march[:2] == ("KENGOV", "ETHGOV")
    assert (march[4], march[5], march[6]) == (3, 3, 2)  # mentions, articles, sources
    assert march[7] == march[4]  # every mention is linked
    assert january[4] == 1


def test_one_a_day_keeps_different_days_and_codes_apart(pipeline, tmp_path):
    db = tmp_path / "m.duckdb"
    with Store(db) as store:
        store.write(list(pipeline.code(REPORTS)), None)
        store.merge(MergeRule.one_a_day)
    rows = merged(db)
    assert len(rows) == 3  # 6 March 042 (r1+r3), 7 March 042 (r2), January (r4)
    assert sorted(r[4] for r in rows) == [1, 1, 2]


def test_merging_again_changes_nothing(pipeline, tmp_path):
    db = tmp_path / "m.duckdb"
    with Store(db) as store:
        store.write(list(pipeline.code(REPORTS)), None)
        store.merge()
        first = store.con.execute("SELECT * FROM merged_events ORDER BY merged_id").fetchall()
        store.write(list(pipeline.code(REPORTS[:2])), None)
        store.merge()
        again = store.con.execute("SELECT * FROM merged_events ORDER BY merged_id").fetchall()
    assert again == first
