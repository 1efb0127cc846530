"""Analytics on DuckDB: exact numbers on a small hand-made store, invariants on the coded samples."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import pytest

from typer.testing import CliRunner

from dotterel import analytics as A
from dotterel.cli import app
from dotterel.store import Store

D = dt.date
# (event_id, doc_id, source code, target code, cameo, quad, goldstein, date)
ROWS = [
    ("e1", "d1", "AAAGOV", "BBBGOV", "042", 1, 1.9, D(2021, 1, 5)),
    ("e2", "d1", "AAAGOV", "BBBGOV", "057", 2, 8.0, D(2021, 1, 20)),
    ("e3", "d2", "AAAGOV", "BBBGOV", "190", 4, -10.0, D(2021, 3, 10)),
    ("e4", "d3", "AAAGOV", "BBBGOV", "190", 4, -10.0, D(2021, 3, 11)),  # the same attack, reported again
    ("e5", "d3", "BBBMIL", "AAAGOV", "112", 3, -2.0, D(2021, 3, 12)),
    ("e6", "d4", "CCC", "AAA", "040", 1, 1.0, None),
]


@pytest.fixture(scope="module")
def small_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("small") / "small.duckdb"
    with Store(path) as store:
        con = store.con
        for doc, date in (("d1", D(2021, 1, 20)), ("d2", D(2021, 3, 10)), ("d3", D(2021, 3, 12)), ("d4", None)):
            con.execute("INSERT INTO articles (doc_id, title, text, date) VALUES (?, ?, ?, ?)", [doc, f"article {doc}", "text", date])
        for eid, doc, src, tgt, cameo, quad, gs, date in ROWS:
            con.execute(
                """INSERT INTO events (event_id, doc_id, sentence_index, sentence, source_code, source_country,
                   source_text, target_code, target_country, target_text, cameo, cameo_root, cameo_name, quad_class,
                   goldstein, date, trigger_text, trigger_start, trigger_end)
                   VALUES (?, ?, 0, ?, ?, ?, 'x', ?, ?, 'y', ?, ?, ?, ?, ?, ?, 't', 0, 1)""",
                [eid, doc, f"sentence of {eid}", src, src[:3], tgt, tgt[:3], cameo, cameo[:2], f"name {cameo}", quad, gs, date],
            )
        store.merge()
    return path


@pytest.fixture(scope="module")
def small(small_path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(small_path), read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def sample(sample_store: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(sample_store), read_only=True)
    yield con
    con.close()


def by_period(series: A.DyadSeries) -> dict[str | None, A.SeriesPoint]:
    return {p.period: p for p in series.points}


def test_monthly_series_counts_quads_goldstein_and_index(small):
    s = by_period(A.dyad_series(small, "AAA", "BBB", by=A.Period.month, unit=A.Unit.events))
    assert list(s) == ["2021-01-01", "2021-02-01", "2021-03-01"]  # February filled in, empty
    jan, feb, mar = s["2021-01-01"], s["2021-02-01"], s["2021-03-01"]
    assert (jan.events, jan.verbal_cooperation, jan.material_cooperation) == (2, 1, 1)
    assert jan.goldstein_sum == pytest.approx(9.9) and jan.goldstein_mean == pytest.approx(4.95)
    assert jan.index == pytest.approx(0.75)  # (1 + 2*1) / (2*2)
    assert feb.events == 0 and feb.index is None and feb.goldstein_mean is None
    assert (mar.events, mar.verbal_conflict, mar.material_conflict) == (3, 1, 2)
    assert mar.index == pytest.approx(-5 / 6, abs=1e-4)  # rounded to 4 places


def test_merged_unit_counts_the_repeated_report_once(small):
    mar = by_period(A.dyad_series(small, "AAA", "BBB", unit=A.Unit.merged))["2021-03-01"]
    assert (mar.events, mar.material_conflict, mar.verbal_conflict) == (2, 1, 1)
    assert mar.index == pytest.approx(-0.75)


def test_directed_codes_weeks_and_normalisation(small):
    directed = by_period(A.dyad_series(small, "AAAGOV", "BBB", directed=True, unit=A.Unit.events))
    assert directed["2021-03-01"].events == 2  # BBB's 112 on AAA is the other direction
    weeks = A.dyad_series(small, "AAA", "BBB", by=A.Period.week, unit=A.Unit.events)
    assert weeks.points[0].period == "2021-01-04"  # the Monday of 2021-01-05
    assert all(D.fromisoformat(p.period).weekday() == 0 for p in weeks.points)
    norm = by_period(A.dyad_series(small, "AAA", "BBB", normalize=True, unit=A.Unit.events))
    assert norm["2021-03-01"].articles == 2  # d2 and d3 report March events
    assert norm["2021-03-01"].material_conflict == pytest.approx(1.0)
    assert norm["2021-03-01"].verbal_conflict == pytest.approx(0.5)


def test_undated_events_get_their_own_point_unless_a_window_is_asked(small):
    points = A.dyad_series(small, "AAA", unit=A.Unit.events).points
    assert points[-1].period is None and points[-1].events == 1  # CCC -> AAA, undated
    windowed = A.dyad_series(small, "AAA", start=D(2021, 3, 1), unit=A.Unit.events).points
    assert [p.period for p in windowed] == ["2021-03-01"]


def test_change_detection_finds_the_turn_to_conflict(small):
    (change,) = A.changes(small, "AAA", "BBB", threshold=0.5)
    assert (change.period, change.previous_period, change.direction) == ("2021-03-01", "2021-01-01", "toward conflict")
    assert change.delta == pytest.approx(-1.5)
    assert [(c.a, c.b) for c in A.changes(small)] == [("AAA", "BBB")]  # the scan over all dyads agrees
    assert A.changes(small, "AAA", "BBB", threshold=1.6) == []


def test_network_edges_nodes_and_exports(small):
    net = A.network(small, unit=A.Unit.events)
    edges = {(e.source, e.target): e for e in net.edges}
    assert set(edges) == {("AAA", "BBB"), ("BBB", "AAA"), ("CCC", "AAA")}
    assert edges["AAA", "BBB"].events == 4 and edges["AAA", "BBB"].quads == (1, 1, 0, 2)
    assert net.nodes[0].id == "AAA" and net.nodes[0].events == 6
    conflict = A.network(small, quads=(3, 4), weight="goldstein", unit=A.Unit.events)
    assert {(e.source, e.target, e.weight) for e in conflict.edges} == {("AAA", "BBB", -20.0), ("BBB", "AAA", -2.0)}
    codes = A.network(small, level=A.Level.code, start=D(2021, 3, 1), unit=A.Unit.events)
    assert {(e.source, e.target) for e in codes.edges} == {("AAAGOV", "BBBGOV"), ("BBBMIL", "AAAGOV")}
    root = ET.fromstring(net.to_graphml())
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:node", ns)) == 3 and len(root.findall(".//g:edge", ns)) == 3
    assert net.to_dict()["edges"][0]["source"] == "AAA"


def test_timeline_orders_merged_events_with_evidence(small):
    entries = A.timeline(small, "AAA")
    assert [e.date for e in entries] == ["2021-01-05", "2021-01-20", "2021-03-10", "2021-03-12", None]
    attack = entries[2]
    assert (attack.cameo, attack.mentions, attack.articles) == ("190", 2, 2)
    assert {ev.event_id for ev in attack.evidence} == {"e3", "e4"}
    assert attack.evidence[0].sentence == "sentence of e3" and attack.evidence[0].title == "article d2"
    assert [e.date for e in A.timeline(small, "AAA", "CCC")] == [None]
    assert len(A.timeline(small, "AAA", start=D(2021, 1, 10), end=D(2021, 3, 10))) == 2


def test_top_actors_and_event_types(small):
    actors = A.top_actors(small, unit=A.Unit.events)
    assert [(a.actor, a.events, a.as_source, a.as_target) for a in actors[:2]] == [("AAA", 6, 4, 2), ("BBB", 5, 1, 4)]
    types = A.top_event_types(small, n=1, unit=A.Unit.events)
    assert (types[0].cameo, types[0].events, types[0].name, types[0].quad_class) == ("190", 2, "name 190", 4)


@pytest.mark.parametrize("bad", ["IRN'; DROP TABLE events; --", "", "I", "IRN USA", "ИРН"])
def test_bad_actor_arguments_are_refused(small, bad):
    with pytest.raises(A.AnalyticsError):
        A.dyad_series(small, bad)


def test_bad_windows_and_quads_are_refused(small):
    with pytest.raises(A.AnalyticsError, match="after"):
        A.network(small, start=D(2022, 1, 1), end=D(2021, 1, 1))
    with pytest.raises(A.AnalyticsError, match="quad"):
        A.network(small, quads=(5,))


def test_sample_store_series_agree_with_plain_sql(sample):
    """On the coded samples: the series' totals equal a direct count, both units."""
    for unit, table in ((A.Unit.events, "events"), (A.Unit.merged, "merged_events")):
        expected = sample.execute(
            f"""SELECT count(*) FROM {table} WHERE (starts_with(source_code, 'IRN') AND starts_with(target_code, 'IRQ'))
                OR (starts_with(source_code, 'IRQ') AND starts_with(target_code, 'IRN'))"""
        ).fetchone()[0]
        series = A.dyad_series(sample, "IRN", "IRQ", unit=unit)
        assert expected > 0
        assert sum(p.events for p in series.points) == expected
        for p in series.points:
            quads = p.verbal_cooperation + p.material_cooperation + p.verbal_conflict + p.material_conflict
            assert quads == p.events
            assert p.index is None or -1 <= p.index <= 1


def test_sample_store_network_covers_every_dyadic_event(sample):
    net = A.network(sample, unit=A.Unit.events)
    expected = sample.execute(
        """SELECT count(*) FROM events WHERE coalesce(source_country, source_code) IS NOT NULL
           AND coalesce(target_country, target_code) IS NOT NULL
           AND coalesce(source_country, source_code) <> coalesce(target_country, target_code)"""
    ).fetchone()[0]
    assert sum(e.events for e in net.edges) == expected
    assert sum(n.as_source for n in net.nodes) == expected


# -- the commands ------------------------------------------------------------


def cli(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


def test_cli_dyad_as_csv_json_and_table(small_path):
    code, out = cli("dyad", "AAA", "BBB", "--db", small_path, "--unit", "events", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["period"], r["events"]) for r in rows] == [("2021-01-01", "2"), ("2021-02-01", "0"), ("2021-03-01", "3")]
    code, out = cli("dyad", "aaa", "bbb", "--db", small_path, "--by", "week", "--directed", "--format", "json")
    assert code == 0 and json.loads(out)[0]["period"] == "2021-01-04"
    code, out = cli("dyad", "AAA", "BBB", "--db", small_path, "--normalize")
    assert code == 0 and "AAA ↔ BBB by month (merged)" in out and "articles" in out


def test_cli_timeline_network_top_changes(small_path, tmp_path):
    code, out = cli("timeline", "AAA", "--from", "2021-03-01", "--db", small_path, "--format", "json")
    assert code == 0
    entries = json.loads(out)
    assert [e["date"] for e in entries] == ["2021-03-10", "2021-03-12"] and len(entries[0]["evidence"]) == 2
    code, out = cli("timeline", "AAA", "--db", small_path)
    assert code == 0 and "sentence of e1" in out and "undated" in out
    graphml = tmp_path / "net.graphml"
    code, _ = cli("network", "--db", small_path, "--quad", "4", "--format", "graphml", "--out", graphml)
    assert code == 0 and len(ET.parse(graphml).getroot().findall(".//{http://graphml.graphdrawing.org/xmlns}edge")) == 1
    code, out = cli("network", "--db", small_path, "--format", "json")
    assert code == 0 and json.loads(out)["nodes"][0]["id"] == "AAA"
    code, out = cli("top", "actors", "--db", small_path, "--unit", "events", "--format", "csv")
    assert code == 0 and out.splitlines()[1].startswith("AAA,6,")
    code, out = cli("top", "event-types", "--db", small_path, "-n", "2", "--unit", "events")
    assert code == 0 and "190" in out
    code, out = cli("changes", "AAA", "BBB", "--db", small_path, "--format", "json")
    assert code == 0 and json.loads(out)[0]["direction"] == "toward conflict"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("dyad", "IRN';--"), "not a country"),
        (("dyad", "IRN", "--from", "2020-02-30"), "--from must be YYYY-MM-DD"),
        (("timeline", "IRN", "--from", "2021-01-01", "--to", "2020-01-01"), "after"),
        (("network", "--weight", "loudness"), "weight"),
    ],
)
def test_cli_bad_arguments_exit_1_with_a_message(small_path, args, message):
    code, out = cli(*args, "--db", small_path)
    assert code == 1 and message in out


def test_cli_missing_store(tmp_path):
    for command in (("dyad", "IRN"), ("serve",)):
        code, out = cli(*command, "--db", tmp_path / "none.duckdb")
        assert code == 1 and "no store" in out
