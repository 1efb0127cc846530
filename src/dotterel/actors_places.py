"""Places in the actor stage: a sentence's scene, where a group lives, cities as actors.

Three questions the knowledge base alone cannot answer:

* the country a sentence sets its scene in ("In Baghdad, ...", "met in
  Tehran"), which a title without a country belongs to;
* the country an ethnic group lives in ("ethnic Albanians demonstrated in
  Serbia" are SRB, not ALB): a locative place the sentence names;
* the country of a city or town the knowledge base does not list ("Tel
  Aviv", "the town of Cizre"), from the offline gazetteer of places.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .knowledge import KBEntry
from .nlp import entities
from .places import Gazetteer

if TYPE_CHECKING:
    from .actors import KBMatch

# Kinds that place something in a country (a demonym or an ethnic group only
# describes people, wherever they live).
PLACE_KINDS = frozenset({"country", "capital", "region"})
_SCENE_PREPS = frozenset({"in", "at"})
# Prepositions that say where a group is: "demonstrated in Serbia",
# "students throughout Indonesia".
_RESIDENCE_PREPS = frozenset({"in", "inside", "throughout", "across"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Nouns of settlements and areas: "the town of Cizre", "a village in Cambodia".
PLACE_NOUNS = frozenset({
    "town", "city", "village", "province", "region", "state", "district", "area", "capital",
    "neighbourhood", "neighborhood", "suburb", "port", "enclave", "governorate", "county",
    "part", "countryside", "territory", "zone", "home", "building", "farm", "centre", "center",
})


# Prepositions that put something in a place, which then suffers or hosts
# it: "a curfew in Abidjan", "blew themselves up in Tel Aviv" ("on" is left
# out: "called on Caracas" is an appeal to its government).
_IN_PLACE_PREPS = frozenset({"in", "inside", "into", "near", "around", "across", "throughout", "within"})
# Acts of force aimed at a place: "attacks on Kharkiv".
_FORCE_NOUNS = frozenset({
    "attack", "strike", "airstrike", "raid", "assault", "offensive", "bombardment", "shelling", "bombing",
    "onslaught", "incursion", "siege",
})
# Verbs of force done to a place: "shelled Kharkiv", "blockade Paris".
_FORCE_VERBS = frozenset({
    "shell", "bomb", "bombard", "attack", "strike", "hit", "raid", "storm", "besiege", "blockade",
    "invade", "occupy", "seize", "capture", "overrun", "retake", "encircle", "surround", "target",
    "pound", "rocket", "shoot", "fire", "loot", "burn", "destroy", "flood", "evacuate",
})
# Verbs of arriving: a capital reached is its government, the host of a
# visit ("arrived in Amman"), not its people.
_ARRIVAL_VERBS = frozenset({"arrive", "travel", "fly", "go", "come", "return", "visit", "head", "land", "reach"})
# Where a place is the one acting or speaking, not its people: "Tel Aviv
# said", "Kharkiv's mayor", "backed by Paris".
_AGENT_DEPS = frozenset({"nsubj", "poss", "compound", "amod", "nmod"})


@dataclass(frozen=True, slots=True)
class PlaceHit:
    """A place a token names: its country and how it was found."""

    country: str
    evidence: str


def place_entry(token: Token, kb_matches: dict[int, KBMatch]) -> KBEntry | None:
    """The knowledge-base place (country, capital, region) ``token`` names, if any."""
    match = kb_matches.get(token.i)
    if match is None or match.patron:
        return None
    for entry in match.entries:
        if entry.kind in PLACE_KINDS:
            return entry
    return None


def scene_entry(span: Span, kb_matches: dict[int, KBMatch]) -> KBEntry | None:
    """The country a sentence is set in: "In Baghdad, ...", "met in Tehran"."""
    for token in span:
        if token.dep_ == "pobj" and token.head.lower_ in _SCENE_PREPS and token.head.head.pos_ in {"VERB", "AUX"}:
            entry = place_entry(token, kb_matches)
            if entry is not None and entry.kind in {"country", "capital"}:
                return entry
    return None


def residence(
    head: Token, kb_matches: dict[int, KBMatch], gazetteer: Gazetteer, exclude: str | None = None
) -> PlaceHit | None:
    """The one country the sentence places people in ("... in southern Serbia").

    Every locative phrase of the sentence counts; two different countries
    make it ambiguous (None).  ``exclude`` is the group's own kin country,
    which says nothing about where they live.
    """
    found: dict[str, PlaceHit] = {}
    for token in head.sent:
        if token.dep_ != "pobj" or token.head.lower_ not in _RESIDENCE_PREPS:
            continue
        hit = token_place(token, kb_matches, gazetteer)
        if hit is not None and hit.country != exclude:
            found.setdefault(hit.country, hit)
    return next(iter(found.values())) if len(found) == 1 else None


def token_place(
    token: Token, kb_matches: dict[int, KBMatch], gazetteer: Gazetteer, named_place: bool = False
) -> PlaceHit | None:
    """The country of the place a noun phrase head names: a KB place, a
    gazetteer city ("Tel Aviv"), or a place noun's "of/in X" ("the town of
    Cizre", "a village in western Cambodia")."""
    entry = place_entry(token, kb_matches)
    if entry is not None:
        return PlaceHit(entry.country or "", f"kb:{entry.kind}:{entry.surface}") if entry.country else None
    for child in token.children:
        if child.dep_ in {"compound", "amod"}:
            entry = place_entry(child, kb_matches)  # "the Iraqi city", "the West Bank city"
            if entry is not None and entry.country and token.lemma_.lower() in PLACE_NOUNS:
                return PlaceHit(entry.country, f"kb:{entry.kind}:{entry.surface}")
    if token.lemma_.lower() in PLACE_NOUNS:
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in {"of", "in"}):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                hit = token_place(pobj, kb_matches, gazetteer, named_place=True)
                if hit is not None:
                    return hit
        for poss in (c for c in token.children if c.dep_ == "poss"):
            entry = place_entry(poss, kb_matches)  # "Cameroon's Far North Region"
            if entry is not None and entry.country and entry.kind != "capital":
                return PlaceHit(entry.country, f"kb:{entry.kind}:{entry.surface}")
        return None
    return city(token, gazetteer, named_place) or (None if token.i in kb_matches else lone_place(token, gazetteer))


def lone_place(token: Token, gazetteer: Gazetteer) -> PlaceHit | None:
    """A one-word name the parser mistyped ("shelled Goma" as a person,
    "Mariupol" as an organisation, "struck Sderot" as nothing) in a place's
    position: what a force verb is done to, or the object of "in", "near",
    "at".  The gazetteer wins when it knows the word as a city and the
    knowledge base does not know it as a person or body (checked by the
    caller)."""
    if token.pos_ != "PROPN" or token.ent_type_ in _PLACE_LABELS or not token.is_title:
        return None
    if token.dep_ in {"compound", "flat"} or any(c.dep_ in {"compound", "flat"} for c in token.children):
        return None  # part of a longer name: "Goma Smith", "Kano Chronicle"
    placed = token.dep_ == "pobj" and token.head.lower_ in _IN_PLACE_PREPS | {"at"} or (
        token.dep_ in {"dobj", "nsubjpass"} and token.head.lemma_.lower() in _FORCE_VERBS
    ) or (  # "attacks on Kharkiv", "an offensive against Bakhmut"
        token.dep_ == "pobj" and token.head.lower_ in {"on", "against"} and token.head.head.lemma_.lower() in _FORCE_NOUNS
    )
    if not placed:
        return None
    place = gazetteer.lookup(token.text)
    if place is None or place.precision != "city":
        return None
    return PlaceHit(place.country, f"gazetteer:{place.name}")


def city(token: Token, gazetteer: Gazetteer, named_place: bool = False) -> PlaceHit | None:
    """A named place the gazetteer knows ("Tel Aviv", "Samarra").

    The parser must tag it a place, unless a place noun already says it is
    one ("the town of X"), where any proper name but a person's will do.
    """
    if token.pos_ != "PROPN" or token.ent_type_ == "PERSON":
        return None
    if named_place:
        compounds = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        words = sorted([token, *compounds], key=lambda t: t.i)
    elif token.ent_type_ in _PLACE_LABELS:
        ent = next(e for e in entities(token.doc) if e.start <= token.i < e.end)
        words = [t for t in ent if t.lower_ != "the" and not t.is_punct]
    else:
        return None
    if not words:
        return None
    name = token.doc[words[0].i : words[-1].i + 1].text
    place = gazetteer.lookup(name)
    if place is None or place.precision != "city":
        return None
    return PlaceHit(place.country, f"gazetteer:{place.name}")


def place_sector(head: Token, capital: bool) -> str | None:
    """The sector of a place named as an actor: its people (CVL) when
    something is done to it or in it, as PLOVER codes such targets ("shelled
    Kharkiv", "a curfew in Abidjan", "Iraqi towns"); otherwise none, or the
    government for a capital ("Tehran said", "warned Moscow")."""
    arrival = (head.dep_ == "pobj" and head.head.head.lemma_.lower() in _ARRIVAL_VERBS) or (
        head.dep_ == "dobj" and head.head.lemma_.lower() in _ARRIVAL_VERBS
    )
    acted_on = head.dep_ == "pobj" and head.head.lower_ in _IN_PLACE_PREPS and not arrival or (
        head.dep_ in {"dobj", "nsubjpass"} and head.head.lemma_.lower() in _FORCE_VERBS
    )
    if capital:
        return "CVL" if acted_on else "GOV"
    if acted_on or head.dep_ not in _AGENT_DEPS and not arrival and not (head.dep_ == "pobj" and head.head.lower_ == "by"):
        return "CVL"
    return None  # "plans to visit the Kurdish region": the host, not its people
