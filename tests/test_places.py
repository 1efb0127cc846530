"""Event locations from the offline gazetteer."""

from __future__ import annotations

from dotterel.model import Article


def test_event_location_from_the_sentence_and_the_article(pipeline):
    text = (
        "MOSUL, June 2 (Example Wire) - Iraqi troops clashed with Turkish soldiers in the northern city of Kirkuk. "
        "Iraq criticised Turkey."
    )
    (coded,) = list(pipeline.code([Article(id="p1", text=text)]))
    by_trigger = {e.trigger.lemma: e for e in coded.events}
    clash = by_trigger["clash"].location
    assert (clash.name, clash.country, clash.precision) == ("Kirkuk", "IRQ", "city")
    assert clash.latitude and 35 < clash.latitude < 36
    criticise = by_trigger["criticise"].location
    assert (criticise.name, criticise.precision) == ("Mosul", "dateline")


def test_ambiguous_place_goes_to_a_country_the_article_mentions():
    from dotterel.places import default_gazetteer

    gazetteer = default_gazetteer()
    assert gazetteer.lookup("Tripoli", ["LBN"]).country == "LBN"
    assert gazetteer.lookup("Tripoli", ["LBY"]).country == "LBY"
    assert gazetteer.lookup("Georgia", []).precision == "country"


def test_a_visit_takes_place_at_its_destination(code):
    (visit,) = [e for e in code("Kenya's foreign minister concluded a visit to Addis Ababa on Sunday.") if e["cameo"] == "042"]
    assert visit["location"]["name"] == "Addis Ababa" and visit["location"]["country"] == "ETH"


def test_meeting_during_a_trip_is_located_at_the_trip_destination(code):
    events = code("Kenya's foreign minister met Ethiopian officials during a trip to Addis Ababa.")
    assert {e["location"]["name"] for e in events if e["cameo"][:2] == "04"} == {"Addis Ababa"}


def test_where_clause_takes_the_place_it_hangs_on(code):
    events = code("Kenya's foreign minister concluded on Sunday a visit to Nairobi where he held talks with Ugandan officials.")
    assert {e["cameo"]: e["location"]["name"] for e in events}.get("046") == "Nairobi"


def test_agent_of_a_passive_keeps_its_place(code):
    events = code("Iran's top general was killed by an American drone strike near Baghdad airport.")
    assert [e["location"]["name"] for e in events] == ["Baghdad"]
