"""The first event coder, end to end on sentences written for these tests."""

from __future__ import annotations

from conftest import triples


def test_meeting_between_officials_is_consultation(code):
    events = code("Iraqi Foreign Minister Fuad Hussein met with senior Iranian officials in Tehran on Monday.")
    assert ("IRQGOV", "04", "IRNGOV") in triples(events)
    event = next(e for e in events if e["cameo"].startswith("04"))
    assert event["plover"] == "CONSULT"
    assert event["quad_class"] == 1
    assert event["source"]["name"] == "Fuad Hussein"
    assert event["trigger"]["text"] == "met"


def test_passive_voice_swaps_roles(code):
    events = code("The Iranian commander was killed by an American drone strike near the airport.")
    found = triples(events)
    assert any(s and s.startswith("USA") and r in {"18", "19"} and t == "IRNMIL" for s, r, t in found)


def test_appeal_for_talks_targets_both_parties(code):
    events = code("Baghdad on Sunday called for direct talks between Iran and the United States.")
    found = triples(events)
    assert ("IRQGOV", "02", "IRN") in found
    assert ("IRQGOV", "02", "USA") in found
    assert all(e["cameo"] == "026" for e in events if e["cameo"].startswith("02"))


def test_negated_meeting_is_not_coded(code):
    events = code("The Turkish president did not meet the Greek prime minister in Ankara.")
    assert not [e for e in events if e["cameo"].startswith("04")]


def test_future_visit_is_intent_not_visit(code):
    events = code("Japan's foreign minister will visit South Korea next month.")
    codes = {e["cameo"] for e in events}
    assert "042" not in codes
    assert "036" in codes
    assert all(e["modality"] == "future" for e in events)


def test_threat_to_attack_is_threat(code):
    events = code("The Houthi rebels threatened to attack Saudi Arabia.")
    assert events, "expected a threat event"
    assert {e["cameo"][:2] for e in events} == {"13"}
    assert {e["quad_class"] for e in events} == {3}


def test_compound_subject_of_symmetric_act_gives_both_directions(code):
    events = code("India and Pakistan held talks in Islamabad on Thursday.")
    found = triples(events)
    assert ("IND", "04", "PAK") in found
    assert ("PAK", "04", "IND") in found


def test_pronoun_resolves_to_earlier_person(code):
    text = (
        "Germany's foreign minister arrived in Kyiv on Tuesday. "
        "She condemned Russia for the attacks on civilians."
    )
    events = code(text)
    condemn = [e for e in events if e["cameo"].startswith("11")]
    assert condemn and condemn[0]["source"]["code"] == "DEUGOV"
    assert condemn[0]["source"]["evidence"].startswith("coref:")
    assert condemn[0]["target"]["code"] == "RUS"


def test_headline_event_is_coded(code):
    text = "Egypt Condemns Israel Over Border Incident\n\nCairo said on Friday it had lodged a protest."
    events = code(text, title="Egypt Condemns Israel Over Border Incident")
    headline = [e for e in events if e["sentence_index"] == 0]
    assert ("EGY", "11", "ISR") in triples(headline)


def test_offsets_point_into_the_article_text(pipeline):
    text = "Police in Nairobi arrested dozens of Kenyan protesters. The United Nations criticised Kenya."
    (coded,) = list(pipeline.code([__import__("dotterel").Article(id="x", text=text)]))
    for event in coded.events:
        for key in ("source", "target"):
            actor = event.to_dict()[key]
            assert coded.article.text[actor["start"]:actor["end"]] == actor["text"]
        trig = event.trigger
        assert coded.article.text[trig.start:trig.end] == trig.text
        assert coded.article.text[event.sentence_start:event.sentence_end] == event.sentence
    assert any(e.source.code == "IGOUNO" and e.target.code == "KEN" for e in coded.events)


def test_event_record_has_contract_fields(code):
    (event, *_rest) = code("France accused Mali of violating the ceasefire.")
    for key in ("event_id", "doc_id", "sentence_index", "sentence", "source", "target", "cameo", "plover",
                "quad_class", "goldstein", "date", "date_precision", "trigger", "modality", "confidence"):
        assert key in event
    for key in ("text", "code", "country", "sector", "name", "start", "end"):
        assert key in event["source"]
    assert event["date"] == "2023-03-07"
    assert isinstance(event["goldstein"], float)


def test_readme_python_example(code):
    events = code("Japan's foreign minister met his South Korean counterpart in Seoul.", date="2023-09-20")
    assert ("JPNGOV", "04", "KORGOV") in triples(events)


def test_person_resolves_to_role_held_on_the_date(code):
    before = code("Ebrahim Raisi criticised the United States.", date="2019-06-01")
    during = code("Ebrahim Raisi criticised the United States.", date="2022-06-01")
    assert before and during
    assert before[0]["source"]["code"] != "IRNGOV"
    assert during[0]["source"]["code"] == "IRNGOV"


def test_patron_is_not_the_actor(code):
    events = code("Iran-backed militias attacked a base used by United States troops in Iraq.")
    assert not any((e["source"] or {}).get("country") == "IRN" for e in events)


def test_code_dyad_between_given_mentions(pipeline):
    event = pipeline.code_dyad("Rebels ambushed an army convoy near Goma on Tuesday.", "Rebels", "an army convoy")
    assert event is not None
    assert event.plover == "ASSAULT" and event.cameo.startswith("19")
    assert (event.source.text, event.target.text) == ("Rebels", "an army convoy")
    assert event.source.start == 0


def test_code_dyad_announced_act_is_intent(pipeline):
    event = pipeline.code_dyad("Kenya will send police officers to Haiti next month.", "Kenya", "Haiti")
    assert event is not None and event.modality == "future" and event.cameo.startswith("03")


def test_code_dyad_rejects_mentions_not_in_text(pipeline):
    import pytest

    from dotterel.errors import InputError

    with pytest.raises(InputError, match="not in the text"):
        pipeline.code_dyad("Chile praised Peru.", "Bolivia", "Peru")
