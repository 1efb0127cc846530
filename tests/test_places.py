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
