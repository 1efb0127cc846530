"""The HTTP API, against a real `dotterel serve` on loopback over a store coded from examples/."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import duckdb
import httpx
import pytest


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server, timeout=30) as c:
        yield c


@pytest.fixture(scope="module")
def counts(sample_store: Path) -> dict[str, int]:
    with duckdb.connect(str(sample_store), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "merged_events")}


def get(client: httpx.Client, path: str, **params) -> dict | list:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    if path.startswith("/api/"):  # the dashboard must see new events: nothing cached
        assert response.headers["cache-control"] == "no-store"
    return response.json()


def test_summary_matches_the_store(client, counts):
    s = get(client, "/api/summary")
    assert (s["articles"], s["events"], s["merged_events"]) == (counts["articles"], counts["events"], counts["merged_events"])
    assert s["snapshot"] is None


def test_events_page_through_without_overlap(client, counts):
    first, second = get(client, "/api/events", limit=5), get(client, "/api/events", limit=5, offset=5)
    both = get(client, "/api/events", limit=10)
    assert first["total"] == counts["events"]
    ids = [e["event_id"] for e in first["items"] + second["items"]]
    assert len(set(ids)) == 10 and ids == [e["event_id"] for e in both["items"]]
    beyond = get(client, "/api/events", offset=counts["events"] + 100)
    assert beyond["items"] == [] and beyond["total"] == counts["events"]


def test_event_filters(client):
    def items(**params):
        page = get(client, "/api/events", limit=500, **params)
        assert page["total"] == len(page["items"]) > 0, params
        return page["items"]

    def sides(e):
        return [(a or {}).get(k) or "" for a in (e["source"], e["target"]) for k in ("code", "country")]

    assert all(any(s.startswith("IRN") for s in sides(e)) for e in items(actor="irn"))
    between = items(actor="IRN", other="IRQ")
    assert all({(e["source"]["country"], e["target"]["country"])} <= {("IRN", "IRQ"), ("IRQ", "IRN")} for e in between)
    assert all(e["source"]["code"].startswith("USA") for e in items(source="USA"))
    assert all(e["quad_class"] in (1, 4) for e in items(quad=[1, 4]))
    assert all(e["cameo"].startswith("04") for e in items(cameo="04"))
    dated = items(start="2023-01-01", end="2023-06-30")
    assert all("2023-01-01" <= e["date"] <= "2023-06-30" for e in dated)
    assert all("sanction" in e["sentence"].lower() for e in items(q="SANCTION"))
    assert all("IRQ" in sides(e) or (e["location"] or {}).get("country") == "IRQ" for e in items(country="IRQ"))
    doc = items(doc_id="07_chad_peace_agreement")
    assert {e["doc_id"] for e in doc} == {"07_chad_peace_agreement"}
    assert all(e["title"] for e in doc)


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"actor": "IRN' OR '1'='1"}, "actor"),
        ({"actor": "IRN; DROP TABLE events"}, "actor"),
        ({"cameo": "04' --"}, "cameo"),
        ({"country": "IRAQ"}, "country"),
        ({"quad": "5"}, "quad"),
        ({"quad": "one"}, "quad"),
        ({"limit": "0"}, "limit"),
        ({"limit": "100000000000000000000000"}, "limit"),
        ({"limit": "-1"}, "limit"),
        ({"offset": "-5"}, "offset"),
        ({"offset": "1e9"}, "offset"),
        ({"start": "2020-02-30"}, "start"),
        ({"start": "yesterday"}, "start"),
        ({"end": "2020-01-01'; --"}, "end"),
        ({"q": "x" * 201}, "q"),
        ({"q": "a\x00b"}, "q"),
        ({"doc_id": "\x1b[2J"}, "doc_id"),
    ],
)
def test_malformed_and_hostile_event_parameters_get_422(client, params, param):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["error"] == "invalid parameter" and body["detail"].startswith(param)


@pytest.mark.parametrize(
    ("path", "params", "status", "words"),
    [
        ("/api/events", {"start": "2021-01-01", "end": "2020-01-01"}, 400, "after"),
        ("/api/events", {"other": "USA"}, 400, "other needs actor"),
        ("/api/dyad", {}, 422, "a: Field required"),
        ("/api/dyad", {"a": "IRN", "by": "year"}, 422, "by"),
        ("/api/dyad", {"a": "IRN", "unit": "tweets"}, 422, "unit"),
        ("/api/dyad", {"a": "IRN", "directed": "maybe"}, 422, "directed"),
        ("/api/network", {"weight": "1; DROP"}, 422, "weight"),
        ("/api/network", {"format": "svg"}, 422, "format"),
        ("/api/network", {"min_events": "0"}, 422, "min_events"),
        ("/api/top", {"kind": "everything"}, 422, "kind"),
        ("/api/top", {"n": "1000000"}, 422, "n"),
        ("/api/changes", {"threshold": "0"}, 422, "threshold"),
        ("/api/changes", {"b": "USA"}, 400, "b needs a"),
        ("/api/timeline", {"actor": "../../etc/passwd"}, 422, "actor"),
        ("/api/events/not-an-id", {}, 422, "event_id"),
        ("/api/events/0000000000000000", {}, 404, "no event"),
        ("/api/articles/no-such-article", {}, 404, "no article"),
        ("/api/locations", {"quad": "0"}, 422, "quad"),
    ],
)
def test_bad_parameters_get_a_clear_4xx(client, path, params, status, words):
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    assert words in response.json()["detail"]


def test_hostile_text_is_data_not_sql(client, counts):
    page = get(client, "/api/events", q="'; DROP TABLE events; --")
    assert page["total"] == 0
    assert get(client, "/api/events", q="%")["total"] == 0  # no LIKE wildcards either
    assert get(client, "/api/summary")["events"] == counts["events"]


def test_event_detail_highlights_index_the_article_text(client):
    first = get(client, "/api/events", actor="IRN", other="IRQ", limit=1)["items"][0]
    detail = get(client, f"/api/events/{first['event_id']}")
    text = detail["article"]["text"]
    spans = {h["kind"]: h for h in detail["highlights"]}
    assert text[spans["sentence"]["start"]:spans["sentence"]["end"]] == detail["sentence"]
    # Case aside: words of a Title Case headline are recased (same length) before parsing.
    for kind, words in (("trigger", detail["trigger"]["text"]), ("source", detail["source"]["text"]),
                        ("target", detail["target"]["text"])):
        assert text[spans[kind]["start"]:spans[kind]["end"]].lower() == words.lower()
    assert detail["merged"]["mentions"] >= 1


def test_article_view_lists_its_events(client):
    article = get(client, "/api/articles/01_iran_iraq_foreign_minister_visit")
    assert article["title"].startswith("Iranian Foreign Minister")
    assert article["events"] and {e["doc_id"] for e in article["events"]} == {article["doc_id"]}
    indexes = [e["sentence_index"] for e in article["events"]]
    assert indexes == sorted(indexes)


def test_dyad_series_network_timeline_top_changes(client):
    series = get(client, "/api/dyad", a="IRN", b="IRQ")
    assert series["a"] == "IRN" and series["points"] and series["unit"] == "merged"
    raw = get(client, "/api/dyad", a="IRN", b="IRQ", unit="events", by="day", normalize="true")
    assert sum(p["events"] for p in raw["points"]) >= sum(p["events"] for p in series["points"])
    assert all(p["articles"] is not None for p in raw["points"])
    net = get(client, "/api/network", quad=[4])
    assert net["edges"] and all(e["quads"][3] == e["events"] for e in net["edges"])
    timeline = get(client, "/api/timeline", actor="IRQ")
    dates = [t["date"] for t in timeline if t["date"]]
    assert dates == sorted(dates) and all(t["evidence"] for t in timeline)
    top = get(client, "/api/top", kind="event_types", n=3)
    assert len(top) == 3 and top[0]["events"] >= top[-1]["events"]
    assert isinstance(get(client, "/api/changes", by="day", threshold=0.1), list)
    places = get(client, "/api/locations", actor="IRN")
    assert places and all(-90 <= p["latitude"] <= 90 for p in places)


def test_network_exports_graphml(client):
    response = client.get("/api/network", params={"format": "graphml", "weight": "goldstein"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/graphml+xml")
    root = ET.fromstring(response.text)
    assert root.findall(".//{http://graphml.graphdrawing.org/xmlns}edge")


def test_openapi_docs_dashboard_and_assets_are_served(client):
    spec = get(client, "/openapi.json")
    assert {"/api/events", "/api/dyad", "/api/network", "/api/articles/{doc_id}"} <= set(spec["paths"])
    assert client.get("/docs").status_code == 200
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    for asset in ("app.js", "app.css", "vendor/echarts.min.js", "vendor/topojson-client.min.js", "vendor/countries-110m.json"):
        assert client.get(f"/static/{asset}").status_code == 200, asset
    assert client.get("/static/../api.py").status_code == 404


def test_server_binds_loopback_only(server):
    assert server.startswith("http://127.0.0.1:")
