"""The DuckDB store: replacing articles, keeping offsets, rebuilding events."""

from __future__ import annotations

import duckdb

from dotterel.model import Article
from dotterel.store import Store

TEXT = "Canadian troops trained Latvian soldiers in Riga. Russia condemned Latvia."


def test_writing_an_article_twice_replaces_it(pipeline, tmp_path):
    db = tmp_path / "s.duckdb"
    coded = list(pipeline.code([Article(id="a1", text=TEXT)]))
    with Store(db) as store:
        run = store.start_run(["x"], "test")
        store.write(coded, run)
        first = (store.count("events"), store.count("sentences"), store.count("actors"))
        store.write(coded, run)
        assert (store.count("events"), store.count("sentences"), store.count("actors")) == first
        assert store.count("articles") == 1
    assert first[0] >= 2


def test_stored_events_round_trip_and_offsets_point_into_stored_text(pipeline, tmp_path):
    db = tmp_path / "s.duckdb"
    coded = list(pipeline.code([Article(id="a1", text=TEXT, date=None, source="Example Wire")]))
    with Store(db) as store:
        store.write(coded, None)
        rebuilt = list(store.iter_events())
    assert [e.to_dict() for e in rebuilt] == sorted(
        (e.to_dict() for e in coded[0].events), key=lambda d: (d["sentence_index"], d["trigger"]["start"], d["event_id"])
    )
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT a.text, e.source_start, e.source_end, e.source_text, e.trigger_start, e.trigger_end, e.trigger_text "
            "FROM events e JOIN articles a USING (doc_id)"
        ).fetchall()
    for text, s0, s1, stext, t0, t1, ttext in rows:
        assert text[s0:s1] == stext and text[t0:t1] == ttext
