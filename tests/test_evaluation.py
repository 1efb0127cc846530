"""``dotterel evaluate``: gold readers on small fixtures, exact metrics, the runner, the CLI.

Every fixture is written here into tmp_path, in the quirky shape of the
real file it imitates; nothing needs /work/shared.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest

from dotterel.errors import InputError
from dotterel.evaluation import GoldArticle, GoldDyad, GoldFormat, Split, detect_format, read_gold
from dotterel.evaluation.command import load_gold
from dotterel.evaluation.gold import GoldActor, GoldEvent, actor_from_code, split_of
from dotterel.evaluation.metrics import (
    NO_EVENT,
    EventCounts,
    MatchLevel,
    PredictedEvent,
    match_events,
    score_labels,
)
from dotterel.evaluation.runner import evaluate_articles, evaluate_dyads
from dotterel.model import Actor, Article, Event, Reject, Trigger


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def split_items(items: list) -> tuple[list[GoldDyad], list[GoldArticle], list[Reject]]:
    return (
        [i for i in items if isinstance(i, GoldDyad)],
        [i for i in items if isinstance(i, GoldArticle)],
        [i for i in items if isinstance(i, Reject)],
    )


# ------------------------------------------------------------------- PLV TSV

PLV_HEADER = "\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_penta\tsilver_penta\tgold_root\tmodality_L2"


def plv_row(sid: str, sentence: str, marked: str, source: str, target: str, penta: str, root: str) -> str:
    return "\t".join(["", sid, sentence, marked, source, target, penta, penta, root, "past"])


@pytest.fixture
def plv_file(tmp_path: Path) -> Path:
    s1 = "Ukraine accuses Russia of sending the tanks."
    s2 = "Indonesia's donors Friday said that Indonesia must ensure security."
    s3 = "Prime Minister Andrej Babis agreed to resign on January 17."
    rows = [
        PLV_HEADER,
        plv_row("29", s1, "<s>Ukraine</s> accuses <t>Russia</t> of sending the tanks.", "Ukraine", "Russia", "3", "ACCUSE"),
        # truncated source column; the marked span is right
        plv_row("706", s2, "<s>Indonesia's donors</s> Friday said that <t>Indonesia</t> must ensure security.",
                "s donors", "Indonesia", "3", "REQUEST"),
        # same sentence id again: a second dyad of the same sentence
        plv_row("29", s1, "<s>Russia</s> accuses <t>Ukraine</t> of sending the tanks.", "Russia", "Ukraine", "3", "ACCUSE"),
        # implicit target placeholder
        plv_row("513", s3, "<s>Prime Minister Andrej Babis</s> agreed to resign on January 17.",
                "Prime Minister Andrej Babis", "a recipient", "2", "YIELD"),
        plv_row("600", s1, s1, "Ukraine", "Russia", "3", "DENOUNCE"),
        "\t601\ttoo few cells",
    ]
    return write(tmp_path / "plv.tsv", "\n".join(rows) + "\n")


def test_plv_reader_reads_dyads_and_reports_bad_rows(plv_file: Path):
    dyads, articles, rejects = split_items(list(read_gold(plv_file)))
    assert articles == []
    assert [d.id for d in dyads] == ["29", "706", "29#2", "513"]
    first = dyads[0]
    assert (first.source, first.target, first.plover, first.quad) == ("Ukraine", "Russia", "ACCUSE", 3)
    assert first.origin == f"{plv_file}:2"
    assert dyads[1].source == "Indonesia's donors"
    assert dyads[2].group == "29" and dyads[2].source == "Russia"
    assert dyads[3].target is None and dyads[3].plover == "YIELD" and dyads[3].quad == 2
    assert [r.describe() for r in rejects] == [
        f"{plv_file}:6: gold_root 'DENOUNCE' is not a PLOVER type",
        f"{plv_file}:7: expected 10 tab-separated cells, found 3",
    ]


def test_plv_header_without_needed_columns_is_one_reject(tmp_path: Path):
    path = write(tmp_path / "x.tsv", "\tsentence_id\tsentence\tmarked_sentence\nrow\n")
    (reject,) = read_gold(path, GoldFormat.plv)
    assert "header lacks column(s) source, target, gold_root, gold_penta" in reject.describe()


# ------------------------------------------------------------------- PLOVER GSR

PLOVER_RECORDS = """[
{
    "id": "PLOVER-GSR01-DOCUMENT-0001",
    "event": "DOCUMENT",
    "comment": "documentation, not an event"
},
{
    "id": "GSR-1",
    "date": "2000-01-01",
    "source": [{"actorText": "Hungarian", "code": "HUN", "sector": "GOV"},
               {"actorText": "Romanian", "code": "ROU", "sector": "CVLalb"}],
    "target": [{"actorText": "Tokyo", "code": "JAP", "sector": "***"}],
    "event": "DEMAND",
    "text": "Hungarian and Romanian officials asked Tokyo for help."
},
{
    "id": "GSR-2",
    "source": [{"actorText": "Turkish", "code": "TUR"}],
    "target": "diplomatic",
    "event": "AGREE",
    "text": "The Turkish side agreed."
},
{
    "id": "GSR-3",
    "source": [{"actorText": "Israel", "code": "ISR"}],
    "target": "",
    "event": "FIGHT",
    "text": "Israel shelled positions."
},
{
    "id": "GSR-3",
    "source": [{"actorText": "US trade negotiators", "code": "USA"},
               {"actorText": "US ... negotiators", "code": "USA"}],
    "target": [{"actorText": "Iraq", "code": "IRQ"}],
    "event": "CONSULT",
    "text": "US trade negotiators met Iraq."
},
{ "id": "GSR-4", "event": "AGREE", "text": "broken" "json" }
]
"""


def test_plover_reader_gives_articles_and_dyads(tmp_path: Path):
    path = write(tmp_path / "PLOVER_GSR.txt", PLOVER_RECORDS)
    assert detect_format(path) is GoldFormat.plover
    dyads, articles, rejects = split_items(list(read_gold(path)))
    assert [a.id for a in articles] == ["GSR-1", "GSR-3", "GSR-3#2"]
    gsr1 = articles[0]
    assert gsr1.date is None  # the GSR's placeholder 2000-01-01 is no article date
    assert gsr1.events == (
        GoldEvent(GoldActor("HUN", "GOV"), GoldActor("JPN", None), "REQUEST"),
        GoldEvent(GoldActor("ROU", "CVL"), GoldActor("JPN", None), "REQUEST"),
    )
    assert articles[1].events == (GoldEvent(GoldActor("ISR"), None, "ASSAULT"),)
    # two mentions of the same actor make one expected event
    assert articles[2].events == (GoldEvent(GoldActor("USA"), GoldActor("IRQ"), "CONSULT"),)
    # Compound sources give a dyad each; an actorText not in the text gives none.
    assert [(d.id, d.source, d.target, d.plover, d.quad) for d in dyads] == [
        ("GSR-1/1", "Hungarian", "Tokyo", "REQUEST", None),  # REQUEST is quad 1 or 3
        ("GSR-1/2", "Romanian", "Tokyo", "REQUEST", None),
        ("GSR-3#2/1", "US trade negotiators", "Iraq", "CONSULT", 1),
    ]
    assert [r.describe() for r in rejects] == [
        f"{path}:16: GSR-2: target should be a list of actors, not 'diplomatic'",
        f"{path}:38: invalid JSON (Expecting ',' delimiter); rest of file skipped",
    ]


def test_plover_file_that_is_not_an_array_is_rejected(tmp_path: Path):
    path = write(tmp_path / "p.json", '{"id": "x"}')
    (reject,) = read_gold(path, GoldFormat.plover)
    assert reject.describe() == f"{path}:1: expected a JSON array of records"


# ------------------------------------------------------------------- PETRARCH XML

PETRARCH_XML = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
##########################################
#   banner text with <EventCoding...> in it
##########################################
<Environment><Verbfile>CAMEO.2.0.txt</Verbfile></Environment>
<Sentences>
<Sentence category="AFP" date="20080804" id="S1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<EventCoding eventcode="190" sourcecode="---REB" targetcode="IGOUNOMIL" />
<Text>
The US leader prepared to
attend the Beijing Olympics.
</Text>
<Parse>
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
</Parse>
</Sentence>

<Sentence category="AFP" date="20080806" id="S2" evaluate="true">
<!-- Discard event  on "1994" -->
<EventCoding noevents="True" />
<Text>
France on Wednesday condemned as`` unacceptable'' allegations.
</Text>
</Sentence>

<Sentence category="OTHER" date="121108" id="S3" evaluate="true"/>
<EventCoding eventcode="999" sourcecode="USA" targetcode="RUS" />
<Text>Bad code.</Text>
<Parse>
</Parse></Sentence>

<Sentence category="OTHER" date="20150101" id="S4" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="NGAREB" targetcode="NGA" />
<Text>
</Text>
<Parse>
1\tBoko\tBoko\tPROPN\tNNP\t_\t2\tname\t_\t_
2\tHaram\tHaram\tPROPN\tNNP\t_\t3\tnsubj\t_\t_
3\tstruck\tstrike\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
</Parse></Sentence>
<!---
<Parse>commented out</Parse>
-->
<Sentence category="OTHER" date="20150101" id="S5" evaluate="true"/>
<Text>Unclosed <b> tag.</Text>
</Sentence>
<Sentence category="OTHER" date="20150101" id="S6" evaluate="false"/>
<EventCoding noevents="True" />
<Text>Not for evaluation.</Text>
</Sentences>
</Validation>
"""


def test_petrarch_reader_survives_the_malformed_file(tmp_path: Path):
    path = write(tmp_path / "validation.xml", PETRARCH_XML)
    assert detect_format(path) is GoldFormat.petrarch
    dyads, articles, rejects = split_items(list(read_gold(path)))
    assert dyads == []
    s1, s2, s4 = articles
    assert s1.id == "S1" and s1.date == dt.date(2008, 8, 4)
    assert s1.text == "The US leader prepared to attend the Beijing Olympics."
    assert s1.events == (
        GoldEvent(GoldActor("USA"), GoldActor("CHN"), "CONSULT", "042"),
        GoldEvent(GoldActor(None, "REB"), GoldActor("IGO", "MIL"), "ASSAULT", "190"),
    )
    assert s2.events == () and "condemned" in s2.text
    assert s4.text == "Boko Haram struck."
    assert [r.describe() for r in rejects] == [
        f"{path}:28: S3: eventcode '999' is not a CAMEO code",
        f"{path}:47: malformed XML at line 48 (mismatched tag) in this <Sentence> record",
    ]


def test_cameo_actor_codes_split_into_country_and_sector():
    assert actor_from_code("IRQGOV") == GoldActor("IRQ", "GOV")
    assert actor_from_code("PSEREBHMSGOV") == GoldActor("PSE", "REB")
    assert actor_from_code("PSEGZACVL") == GoldActor("PSE", "CVL")
    assert actor_from_code("IGOUNO") == GoldActor("IGO", None)
    assert actor_from_code("---") is None
    assert actor_from_code("JAP") == GoldActor("JPN", None)


# ------------------------------------------------------------------- dotterel JSONL


def jsonl(*records: object) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


def test_jsonl_reader_and_its_checks(tmp_path: Path):
    text = "Iraqi officials met Iranian diplomats in Baghdad."
    path = write(tmp_path / "gold.jsonl", jsonl(
        {"id": "t1", "text": text, "date": "2023-03-06",
         "events": [{"source": {"country": "IRQ", "sector": "GOV"}, "target": {"country": "IRN", "sector": None},
                     "cameo": "042"}],
         "dyads": [{"source": "Iraqi officials", "target": "Iranian diplomats", "cameo": "040"}]},
        {"id": "t2", "text": "The weather was fine.", "events": []},
        "{not json",
        {"id": "t3", "text": text, "events": [{"plover": "CONSULT", "targte": None}]},
        {"id": "t4", "text": text, "events": [{"cameo": 42}]},
        {"id": "t5", "text": text, "events": [], "dyads": [{"source": "Iraqi officials", "target": "Syria", "plover": "AID"}]},
        {"id": "t1", "text": text, "events": []},
        {"text": text, "events": []},
        {"id": "t6", "text": text, "events": [{"source": {"country": "IRQ"}}]},
    ))  # fmt: skip
    assert detect_format(path) is GoldFormat.jsonl
    dyads, articles, rejects = split_items(list(read_gold(path)))
    t1, t2 = articles
    assert t1.date == dt.date(2023, 3, 6)
    assert t1.events == (GoldEvent(GoldActor("IRQ", "GOV"), GoldActor("IRN", None), "CONSULT", "042"),)
    assert t2.events == ()
    (dyad,) = dyads
    assert (dyad.id, dyad.plover, dyad.cameo, dyad.quad, dyad.group) == ("t1/1", "CONSULT", "040", 1, "t1")
    assert [r.describe() for r in rejects] == [
        f"{path}:3: invalid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"{path}:4: t3: events[0]: unknown key(s) targte",
        f"{path}:5: t4: events[0]: 'cameo' must be a string with leading zeros, e.g. \"042\"",
        f"{path}:6: t5: dyads[0]: target 'Syria' is not in the text",
        f"{path}:7: duplicate id 't1'",
        f"{path}:8: 'id' must be a non-empty string",
        f"{path}:9: t6: events[0]: give 'plover' or 'cameo'",
    ]


def test_unknown_format_and_missing_file_are_input_errors(tmp_path: Path):
    with pytest.raises(InputError, match="cannot tell the gold format"):
        detect_format(write(tmp_path / "notes.txt", "just some words\n"))
    with pytest.raises(InputError, match="no such file"):
        load_gold(tmp_path / "absent.tsv", GoldFormat.auto, Split.all, None)


# ------------------------------------------------------------------- split


def test_split_is_stable_and_halves_partition_the_records(plv_file: Path):
    assert [split_of(k) for k in ("4", "8", "t4")] == [Split.dev, Split.test, Split.test]
    halves = sum(split_of(str(i)) is Split.dev for i in range(2000))
    assert 900 < halves < 1100
    every = load_gold(plv_file, GoldFormat.auto, Split.all, None)
    dev = load_gold(plv_file, GoldFormat.auto, Split.dev, None)
    test = load_gold(plv_file, GoldFormat.auto, Split.test, None)
    assert sorted(d.id for d in dev.dyads + test.dyads) == sorted(d.id for d in every.dyads)
    # both dyads of sentence 29 fall in the same half
    assert len({split_of(d.split_key) for d in every.dyads if d.group == "29"}) == 1
    assert len(load_gold(plv_file, GoldFormat.plv, Split.all, 2).dyads) == 2


# ------------------------------------------------------------------- metrics


def test_label_scores_exact():
    pairs = [("A", "A"), ("A", "A"), ("A", "B"), ("B", "B"), ("B", NO_EVENT), ("C", "A"), ("C", "D")]
    scores = score_labels(pairs)
    by = {c.label: c for c in scores.classes}
    assert list(by) == ["A", "B", "C", "D"]
    assert (by["A"].support, by["A"].predicted, by["A"].correct) == (3, 3, 2)
    assert by["A"].precision == pytest.approx(2 / 3) and by["A"].f1 == pytest.approx(2 / 3)
    assert (by["B"].precision, by["B"].recall) == (0.5, 0.5)
    assert (by["C"].f1, by["D"].support, by["D"].predicted) == (0.0, 0, 1)
    assert scores.accuracy == pytest.approx(3 / 7)
    # D never occurs in the gold, so the average is over A, B, C
    assert scores.macro_f1 == pytest.approx(float(Fraction(2, 3) + Fraction(1, 2)) / 3)
    assert [(c.gold, c.predicted, c.count) for c in scores.confusions] == [
        ("A", "B", 1), ("B", NO_EVENT, 1), ("C", "A", 1), ("C", "D", 1),
    ]  # fmt: skip


def predicted(src: str | None, tgt: str | None, plover: str, cameo: str, sector: str | None = None) -> PredictedEvent:
    return PredictedEvent(GoldActor(src, sector) if src else None, GoldActor(tgt) if tgt else None, plover, cameo)


def test_event_matching_is_one_to_one_and_maximal():
    gold = [
        GoldEvent(None, GoldActor("RUS"), "AGREE"),  # any source
        GoldEvent(GoldActor("USA"), GoldActor("RUS"), "AGREE"),
        GoldEvent(GoldActor("USA"), GoldActor("RUS"), "AGREE"),  # a second, identical one
    ]
    preds = [predicted("USA", "RUS", "AGREE", "030"), predicted("FRA", "RUS", "AGREE", "030")]
    # Greedy in gold order would give the USA event to the wildcard and match 1.
    assert match_events(gold, preds, MatchLevel.plover) == ((0, 1), (1, 0))
    counts = EventCounts(gold=3, predicted=2, matched=2)
    assert (counts.precision, counts.recall, counts.f1) == (1.0, pytest.approx(2 / 3), pytest.approx(0.8))


def test_cameo_level_needs_sector_and_root_and_yield_accepts_concede():
    gold = [GoldEvent(GoldActor("IRQ", "GOV"), GoldActor("IRN"), "CONSULT", "042")]
    assert match_events(gold, [predicted("IRQ", "IRN", "CONSULT", "040", "GOV")], MatchLevel.cameo) == ((0, 0),)
    assert match_events(gold, [predicted("IRQ", "IRN", "CONSULT", "040", "MIL")], MatchLevel.cameo) == ()
    assert match_events(gold, [predicted("IRQ", "IRN", "CONSULT", "040", "MIL")], MatchLevel.plover) == ((0, 0),)
    assert match_events(gold, [predicted("IRQ", "IRN", "AGREE", "030", "GOV")], MatchLevel.cameo) == ()
    yield_gold = [GoldEvent(GoldActor("IRQ"), None, "YIELD")]
    assert match_events(yield_gold, [predicted("IRQ", "USA", "RETREAT", "084")], MatchLevel.plover) == ((0, 0),)
    assert match_events(yield_gold, [predicted(None, "USA", "RETREAT", "084")], MatchLevel.plover) == ()


# ------------------------------------------------------------------- runner with fakes


def fake_event(plover: str | None, cameo: str, quad: int, source: Actor | None = None, target: Actor | None = None) -> Event:
    return Event(
        event_id="e", doc_id="d", sentence_index=0, sentence="s", sentence_start=0, sentence_end=1,
        source=source, target=target, cameo=cameo, cameo_name="n", plover=plover, plover_mode=None,
        quad_class=quad, goldstein=0.0, trigger=Trigger("t", 0, 1, "t", "p"),
    )  # fmt: skip


def test_evaluate_dyads_with_a_fake_coder():
    answers = {"a": fake_event("CONCEDE", "080", 2), "b": fake_event("ACCUSE", "112", 3), "c": None}

    def code_dyad(text: str, source: str, target: str, date: dt.date | None = None) -> Event | None:
        if text == "d":
            raise InputError("source not in the text")
        return answers[text]

    records = [
        GoldDyad("1", "a", "x", "y", "YIELD", quad=2),  # CONCEDE counts as YIELD
        GoldDyad("2", "b", "x", "y", "REJECT", quad=3),  # wrong type, right quad
        GoldDyad("3", "c", "x", "y", "ACCUSE", quad=3),  # no event
        GoldDyad("4", "d", "x", "y", "ACCUSE"),  # refused: no event, no gold quad
        GoldDyad("5", "e", "x", None, "AID"),  # implicit target: skipped
    ]
    report = evaluate_dyads(records, code_dyad)
    assert report.n == 4 and [s.id for s in report.skipped] == ["5"]
    assert [o.predicted for o in report.outcomes] == ["YIELD", "ACCUSE", NO_EVENT, NO_EVENT]
    assert report.scores.accuracy == 0.25
    assert report.coverage == 0.5 and report.accuracy_when_covered == 0.5
    assert (report.quad_n, report.quad_correct) == (3, 2)
    assert report.outcomes[3].error == "source not in the text"
    assert [o.record.id for o in report.mistakes()] == ["2", "3", "4"]
    data = json.loads(json.dumps(report.to_dict()))
    assert data["macro_f1"] == pytest.approx(report.scores.macro_f1) and len(data["mistakes"]) == 3


class FakeCoded:
    def __init__(self, article: Article, events: tuple[Event, ...]) -> None:
        self.article, self.events = article, events


class FakePipeline:
    def __init__(self, events: dict[str, tuple[Event, ...]]) -> None:
        self.events = events

    def code(self, articles):
        for article in articles:
            yield FakeCoded(article, self.events[article.id])


def test_evaluate_articles_with_a_fake_pipeline():
    irq = Actor("Iraq", 0, 4, code="IRQGOV", country="IRQ", sector="GOV")
    un = Actor("the UN", 0, 6, code="IGOUNO", country=None, sector="IGO")
    records = [
        GoldArticle("a1", "text", None, (GoldEvent(GoldActor("IRQ", "GOV"), GoldActor("IGO"), "CONSULT", "040"),)),
        GoldArticle("a2", "text", None, ()),  # precision test
        GoldArticle("a3", "text", None, (GoldEvent(GoldActor("IRQ"), None, "AID", "070"),)),
    ]
    pipeline = FakePipeline({
        "a1": (fake_event("CONSULT", "042", 1, irq, un), fake_event("AID", "070", 2, irq, un)),
        "a2": (),
        "a3": (fake_event("AGREE", "030", 1, irq, un),),
    })  # fmt: skip
    report = evaluate_articles(records, pipeline)
    assert (report.plover.gold, report.plover.predicted, report.plover.matched) == (2, 3, 1)
    assert report.cameo is not None and report.cameo.matched == 1 and report.cameo_articles == 3
    assert (report.empty, report.empty_clean) == (1, 1)
    assert [o.record.id for o in report.mistakes()] == ["a1", "a3"]
    types = {t.label: (t.support, t.predicted, t.correct) for t in report.types}
    assert types == {"CONSULT": (1, 1, 1), "AID": (1, 1, 0), "AGREE": (0, 1, 0)}
    assert json.loads(json.dumps(report.to_dict()))["plover_match"]["matched"] == 1


# ------------------------------------------------------------------- real coder, CLI


def test_real_code_dyad_scores_a_meeting():
    import dotterel

    sentence = "Iraqi Foreign Minister Fuad Hussein met with senior Iranian officials in Tehran on Monday."
    record = GoldDyad("m1", sentence, "Iraqi Foreign Minister Fuad Hussein", "senior Iranian officials", "CONSULT", quad=1)
    report = evaluate_dyads([record], dotterel.code_dyad)
    assert report.outcomes[0].predicted == "CONSULT"
    assert (report.scores.accuracy, report.quad_accuracy, report.coverage) == (1.0, 1.0, 1.0)


def test_cli_evaluate_on_own_jsonl_gold(tmp_path: Path):
    meeting = "Iraqi Foreign Minister Fuad Hussein met with senior Iranian officials in Tehran on Monday."
    gold = write(tmp_path / "gold.jsonl", jsonl(
        {"id": "meet", "text": meeting, "date": "2023-03-06",
         "events": [{"source": {"country": "IRQ", "sector": "GOV"}, "target": {"country": "IRN", "sector": "GOV"},
                     "cameo": "040", "plover": "CONSULT"}],
         "dyads": [{"source": "Iraqi Foreign Minister Fuad Hussein", "target": "senior Iranian officials",
                    "plover": "CONSULT", "cameo": "040"}]},
        {"id": "calm", "text": "The weather in Baghdad was mild on Monday.", "events": []},
        {"id": "bad", "text": meeting, "events": [{"plover": "HUG"}]},
    ))  # fmt: skip
    out = tmp_path / "report.json"
    result = subprocess.run(
        [sys.executable, "-m", "dotterel", "evaluate", str(gold), "--json", str(out), "--errors", "5", "-q"],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 3, result.stderr  # ran, but one gold record was rejected
    assert "gold.jsonl:3: bad: events[0]: 'plover' 'HUG' is not a PLOVER type" in result.stderr
    assert "macro-F1" in result.stdout and "CONSULT" in result.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    (entry,) = report["files"]
    assert entry["format"] == "jsonl" and entry["records_read"] == 3
    dyads, articles = entry["dyads"], entry["articles"]
    assert (dyads["n"], dyads["accuracy"], dyads["quad_accuracy"]) == (1, 1.0, 1.0)
    assert articles["n"] == 2 and articles["plover_match"]["matched"] == 1
    assert articles["cameo_match"]["matched"] == 1
    assert (articles["no_event_texts"], articles["no_event_texts_clean"]) == (1, 1)
