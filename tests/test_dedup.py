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


UNDATED = Article(id="u1", text="Kenya's foreign minister visited Ethiopia on Saturday.", source="Wire D")


def test_undated_report_joins_the_only_dated_happening_it_matches(pipeline, tmp_path):
    db = tmp_path / "m.duckdb"
    with Store(db) as store:
        store.write(list(pipeline.code([REPORTS[0], REPORTS[1], UNDATED])), None)
        store.merge(MergeRule.window, window_days=2)
    (row,) = merged(db)
    assert row[:2] == ("KENGOV", "ETHGOV")  # the dated reports' codes
    assert (row[4], row[5], row[6]) == (3, 3, 3)


def test_undated_report_stays_alone_when_several_happenings_match(pipeline, tmp_path):
    db = tmp_path / "m.duckdb"
    with Store(db) as store:
        store.write(list(pipeline.code([*REPORTS, UNDATED])), None)
        store.merge(MergeRule.window, window_days=2)
    rows = merged(db)
    assert len(rows) == 3  # January, March, and the undated report
    assert [r[3] for r in rows].count(None) == 1


def test_incremental_merge_equals_a_full_rebuild(pipeline, tmp_path):
    from dotterel.dedup import merge_key, rebuild_merged_events

    other = Article(id="o1", text="Chile's president met Peru's president in Lima.", date=dt.date(2023, 3, 7))
    first, later = REPORTS[:2], [*REPORTS[2:], other, UNDATED]
    with Store(tmp_path / "inc.duckdb") as store:
        store.write(list(pipeline.code(first)), None)
        store.merge()
        coded = list(pipeline.code(later))
        store.write(coded, None)
        touched = {
            merge_key(e.source.country, e.source.code, e.target.country, e.target.code, e.cameo[:2])
            for c in coded for e in c.events
        }
        rebuild_merged_events(store.con, touched=touched)
        incremental = store.con.execute("SELECT * FROM merged_events ORDER BY merged_id").fetchall()
        rebuild_merged_events(store.con)
        full = store.con.execute("SELECT * FROM merged_events ORDER BY merged_id").fetchall()
    assert incremental == full
    assert any(r for r in full if "o1" in r[-1])  # the new dyad is there


def test_store_merges_incrementally_and_matches_a_full_rebuild(pipeline, tmp_path):
    from dotterel.dedup import rebuild_merged_events

    revised = Article(id="r1", text="Kenya's foreign minister criticised Ethiopia on Monday.", date=dt.date(2023, 3, 7))
    other = Article(id="o1", text="Chile's president met Peru's president in Lima.", date=dt.date(2023, 3, 7))
    with Store(tmp_path / "inc.duckdb") as store:
        store.write(list(pipeline.code(REPORTS)), None)
        store.merge()
        store.write(list(pipeline.code([revised, other])), None)  # r1 replaced: its visit is gone
        store.merge()
        incremental = store.con.execute("SELECT * FROM merged_events ORDER BY merged_id").fetchall()
        rebuild_merged_events(store.con)
        full = store.con.execute("SELECT * FROM merged_events ORDER BY merged_id").fetchall()
    assert incremental == full
    assert not any("r1" in r[-1] and r[10] == "042" for r in full)


def test_merged_event_takes_the_most_precise_place(pipeline, tmp_path):
    city = Article(id="c1", text="Kenya's foreign minister met Ethiopian officials in Addis Ababa on Monday.",
                   date=dt.date(2023, 3, 7))
    country = Article(id="c2", text="Kenya's foreign minister met Ethiopian officials in Ethiopia.")
    with Store(tmp_path / "p.duckdb") as store:
        store.write(list(pipeline.code([city, country])), None)
        store.merge()
        rows = store.con.execute("SELECT location_name, location_country, mentions FROM merged_events").fetchall()
    assert rows == [("Addis Ababa", "ETH", 2)]
