"""Actor evaluation: gold mention readers, scoring, and the gate on tests/gold/actors.jsonl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dotterel.evaluation.actors import ActorOutcome, ActorReport, evaluate_actors
from dotterel.evaluation.mentions import GoldMention, plover_mentions, plv_mentions, read_actor_jsonl
from dotterel.evaluation.readers import GoldFormat, detect_format
from dotterel.model import Actor, Reject

GOLD = Path(__file__).parent / "gold"
FLOORS = json.loads((GOLD / "actor_floors.json").read_text(encoding="utf-8"))


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_own_reader_locates_the_nth_occurrence_and_rejects_typos(tmp_path: Path):
    good = {"id": "x1", "text": "Oslo said Oslo would wait.", "date": "2022-01-01", "mention": "Oslo",
            "occurrence": 2, "code": "NORGOV", "country": "NOR", "sector": "GOV", "tags": ["capital"]}
    bad = {**good, "id": "x2", "sectr": "GOV"}
    missing = {**good, "id": "x3", "occurrence": 3}
    path = _write(tmp_path / "a.jsonl", "\n".join(json.dumps(r) for r in (good, bad, missing)))
    assert detect_format(path) is GoldFormat.actors
    first, second, third = read_actor_jsonl(path)
    assert isinstance(first, GoldMention) and (first.start, first.mention) == (10, "Oslo")
    assert isinstance(second, Reject) and "unknown key(s) sectr" in second.reason
    assert isinstance(third, Reject) and "does not occur 3 time(s)" in third.reason


def test_plover_reader_maps_health_and_leaves_missing_sectors_open(tmp_path: Path):
    record = {"id": "P1", "event": "AID", "text": "Norwegian doctors treated villagers in Herat.",
              "source": [{"actorText": "Norwegian doctors", "code": "NOR", "sector": "MED"}],
              "target": [{"actorText": "villagers", "code": "AFG"}]}
    (doctors, villagers) = plover_mentions(_write(tmp_path / "p.txt", json.dumps([record])))
    assert (doctors.country, doctors.sector, doctors.loose) == ("NOR", "HLH", True)
    assert (villagers.country, villagers.sector) == ("AFG", None)


def test_plv_reader_finds_tagged_spans(tmp_path: Path):
    header = "\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_root\tgold_penta\n"
    row = ("\t7\tOslo thanked the Danish navy.\t<s>Oslo</s> thanked <t>the Danish navy</t>.\tOslo\tthe Danish navy"
           "\tCONSULT\t1\n")
    mentions = list(plv_mentions(_write(tmp_path / "plv.tsv", header + row)))
    assert [m.mention for m in mentions] == ["Oslo", "the Danish navy"]
    assert not any(m.has_code for m in mentions)


def test_scores_follow_the_gold_conventions():
    text = "Norwegian doctors and Oslo."
    loose = GoldMention("a", text, 0, 17, None, True, country="NOR", sector=None, loose=True)
    strict = GoldMention("b", text, 22, 26, None, True, code="NORGOV", country="NOR", sector="GOV")
    report = ActorReport((
        ActorOutcome(loose, Actor("Norwegian doctors", 0, 17, "NORHLH", "NOR", "HLH")),
        ActorOutcome(strict, Actor("Oslo", 22, 26, "NOR", "NOR", None)),
    ))  # fmt: skip
    assert report.country_accuracy == 1.0
    assert report.sector_accuracy == 0.5  # the loose gold leaves the sector open; the strict one wants GOV
    assert report.code_accuracy == 0.0


@pytest.fixture(scope="module")
def own_report(pipeline) -> ActorReport:
    mentions = [m for m in read_actor_jsonl(GOLD / "actors.jsonl")]
    assert not [m for m in mentions if isinstance(m, Reject)]
    assert len(mentions) >= 150
    return evaluate_actors(mentions, pipeline)  # type: ignore[arg-type]


@pytest.mark.parametrize("metric", sorted(k for k in FLOORS["actors.jsonl"]))
def test_actor_gold_stays_above_its_floor(own_report, metric):
    value = own_report.figures()[metric]
    floor = FLOORS["actors.jsonl"][metric]
    assert value is not None and value >= floor, f"actors.jsonl: {metric} = {value} < floor {floor}"
