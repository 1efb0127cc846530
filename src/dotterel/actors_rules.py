"""Smaller phrase rules of the actor stage, kept apart from actors.py.

* "A Saudi-led strike", "the US-led invasion": an act led by a country is
  that country's (military) act, so the leader is the actor, not a patron.
* "the home of a Palestinian man", "a request by Mr. Erdogan", "the sons of
  former president Mubarak": a noun that names something belonging to, or
  done by, a person or group takes the actor of its "of/by/from" phrase
  (PLOVER and PLV code such spans by their owner).
* A device ("a car bomb", "an explosion") stands for the unknown armed force
  behind it only where it acts: "a car bomb killed ten" (subject) or
  "killed by a roadside bomb".  Detonated, planted or defused ("detonated a
  car bomb", "a bomb was planted") it is the instrument, not an actor.
* "11 of Iran's prisoners", "some of the rebels": a numeral or quantifier
  counting an "of" phrase counts people, as "thousands of students" does.
* A country or region named only as where a group is ("FARC dissidents in
  Cauca") does not outweigh the group named as the actor.
* An ambiguous country name ("Congo") goes to the reading the article has
  already mentioned (Brazzaville, Kinshasa); "Congo" on a date when the
  Democratic Republic was Zaire (October 1971 to May 1997) is the Republic
  of the Congo (COG); otherwise the first reading listed (COD).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from .knowledge import KBEntry

if TYPE_CHECKING:
    from .actors import DocIndex, KBMatch

__all__ = [
    "COUNTRY_KINDS", "LED_EVENT_HEADS", "choose_country", "counts_people", "homed_institution", "in_longer_person_name", "instrument", "is_patron", "leads", "led_event",
    "led_sector", "listed_apposition", "located", "related_objects", "sentence_countries",
]

# Kinds of knowledge-base entries that name a country.
COUNTRY_KINDS = frozenset({"country", "adjective", "capital", "region", "ethnic"})
# Agent nouns of devices (sectors.tsv: "car bomb", "explosion" UAF).
_DEVICE_LEMMAS = frozenset({"bomb", "explosion", "device", "blast", "ied", "mine"})
# Positions where a device is what was used, not who acted.
_INSTRUMENT_DEPS = frozenset({"dobj", "nsubjpass", "attr"})
_LOCATIVE_PREPS = frozenset({"in", "inside", "near", "across", "throughout", "around"})
# Quantifiers that count an "of" phrase ("some of the rebels").
_QUANTIFIERS = frozenset({"some", "many", "most", "several", "few", "all", "both", "none", "each", "dozen", "hundred"})

# Modifiers that name a patron, not the actor's own country.
_PATRON_SUFFIXES = frozenset({"backed", "linked", "allied", "aligned", "affiliated", "sponsored", "supported", "funded", "led"})
# "Vietnamese-led forces", "a US-led coalition": the leader's forces, not a proxy.
_LED_HEADS = frozenset({"force", "forces", "coalition", "troops", "alliance", "army", "mission"})

# Acts that an "X-led" modifier gives to X: "a Saudi-led strike".
LED_EVENT_HEADS = frozenset({
    "strike", "airstrike", "attack", "raid", "offensive", "operation", "campaign", "invasion",
    "bombing", "bombardment", "assault", "intervention", "incursion", "blockade", "counteroffensive",
    "counter-offensive", "crackdown", "war",
})
# Sector of an act of force led by a country.
_FORCE_ACTS = LED_EVENT_HEADS - {"campaign", "crackdown", "blockade", "war"}

# Nouns whose actor is their owner or author, named in "of/by/from X".
_RELATION_HEADS = frozenset({
    # kin and household
    "family", "son", "daughter", "wife", "husband", "widow", "brother", "sister", "father", "mother",
    "relative", "child", "nephew", "cousin", "aide", "bodyguard", "lawyer", "attorney",
    # belongings
    "home", "house", "residence", "property", "compound", "car", "vehicle", "convoy", "motorcade",
    "ship", "vessel", "website", "computer", "account", "asset", "office", "headquarters", "palace",
    # what happens to them
    "death", "killing", "murder", "assassination", "arrest", "detention", "release", "trial",
    "execution", "kidnapping", "abduction", "funeral", "body", "remains",
    # what they say or ask
    "request", "call", "appeal", "motion", "bid", "offer", "proposal", "demand", "plea", "petition",
    "invitation", "statement", "claim", "accusation", "allegation", "warning", "threat", "ultimatum",
    "complaint", "application", "initiative", "plan",
    # what they fire
    "missile", "rocket",
})
_OWNER_PREPS = ("of", "by", "from")


def instrument(head: Token, sector: str | None) -> bool:
    """A device noun used by someone: "detonated a car bomb", "a bomb was planted"."""
    if sector != "UAF" or head.lemma_.lower() not in _DEVICE_LEMMAS:
        return False
    while head.dep_ == "conj":
        head = head.head
    return head.dep_ in _INSTRUMENT_DEPS


def located(match: KBMatch, head: Token) -> bool:
    """A name in a locative phrase of ``head``: "dissidents in Cauca"."""
    last = head.doc[match.end - 1]
    return last.dep_ == "pobj" and last.head.lower_ in _LOCATIVE_PREPS and last.head.head.i == head.i


def counts_people(head: Token) -> bool:
    """A numeral or quantifier that counts its "of" phrase: "11 of Iran's prisoners"."""
    if head.pos_ == "NUM" or head.lower_ in _QUANTIFIERS:
        return head.dep_ not in {"nummod", "quantmod"} and any(c.lower_ == "of" for c in head.children)
    return False


def led_event(head: Token) -> bool:
    """"strike" in "a Saudi-led strike": an act an "X-led" modifier gives to X."""
    return head.lemma_.lower() in LED_EVENT_HEADS or head.lower_ in LED_EVENT_HEADS


def led_sector(head: Token) -> str | None:
    """The sector of the leader of an act: military for acts of force."""
    lemma = head.lemma_.lower()
    return "MIL" if lemma in _FORCE_ACTS or head.lower_ in _FORCE_ACTS else None


def related_objects(head: Token) -> list[Token]:
    """The owners or authors of a relation noun, in order of preference
    ("of" before "by" before "from"): "the home of X" -> [X]."""
    if head.lemma_.lower() not in _RELATION_HEADS or head.pos_ != "NOUN":
        return []
    found: list[Token] = []
    for word in _OWNER_PREPS:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == word:
                found.extend(c for c in prep.children if c.dep_ == "pobj")
    for clause in (c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        # "an appeal lodged by X", "the missiles fired by X"
        for agent in (c for c in clause.children if c.dep_ == "agent"):
            found.extend(c for c in agent.children if c.dep_ == "pobj")
    return found


# The Democratic Republic was Zaire from October 1971 to May 1997: "Congo"
# in that time is the Republic of the Congo.
_ZAIRE_YEARS = (dt.date(1971, 10, 27), dt.date(1997, 5, 16))
_CONGO_NAMES = frozenset({"congo", "congolese"})


def choose_country(entries: Sequence[KBEntry], seen: Iterable[str | None], date: dt.date | None) -> KBEntry | None:
    """The country reading of an ambiguous name: one the article has
    mentioned first, then (for "Congo") the one the date gives, then the
    first listed."""
    countries = [e for e in entries if e.kind in {"country", "adjective", "capital", "region", "ethnic"}]
    if not countries:
        return None
    if len({e.country for e in countries}) > 1:
        if date is not None and _ZAIRE_YEARS[0] <= date <= _ZAIRE_YEARS[1] and any(
            e.surface.lower() in _CONGO_NAMES for e in countries
        ):
            return next((e for e in countries if e.country == "COG"), countries[0])
        seen_set = set(seen)
        mentioned = [e for e in countries if e.country in seen_set]
        if len({e.country for e in mentioned}) == 1:
            return mentioned[0]
        if all(e.kind == "ethnic" for e in countries):
            return None  # "Kurdish rebels": a people of several countries; only the text can say which
    return countries[0]


def sentence_countries(head: Token, matches: Iterable[KBMatch]) -> set[str]:
    """Countries the head's sentence names by a name, adjective, capital or
    region of one country: "Kurdish rebels attacked a Turkish post" names
    Turkey, which picks among the homes of a people of several countries."""
    sent = head.sent
    found: set[str] = set()
    for match in matches:
        if sent.start <= match.start < sent.end and not match.patron:
            countries = {e.country for e in match.entries if e.kind in _PLACE_OR_DEMONYM}
            if len(countries) == 1 and all(e.kind in _PLACE_OR_DEMONYM for e in match.entries):
                found |= {c for c in countries if c is not None}
    return found


_PLACE_OR_DEMONYM = frozenset({"country", "adjective", "capital", "region", "institution"})


def in_longer_person_name(span: Span) -> bool:
    """A name inside a longer PERSON name: "Karen" in "Karen Bass"."""
    doc = span.doc
    if not any(t.ent_type_ == "PERSON" for t in span):
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return (before is not None and before.ent_type_ == "PERSON" and span[0].ent_iob_ == "I") or (
        after is not None and after.ent_type_ == "PERSON" and after.ent_iob_ == "I"
    )


def is_patron(span: Span) -> bool:
    """A name that modifies as a patron ("Iran-backed", "pro-Iran") or an enemy ("anti-Syria")."""
    doc = span.doc
    before = doc[span.start - 2 : span.start] if span.start >= 2 else None
    # "pro-Iran" names a sponsor and "anti-Syria" an enemy: neither is the actor's country.
    if before is not None and before[0].lower_ in {"pro", "anti"} and before[1].text in "-–":
        return True
    after = doc[span.end : span.end + 2]
    return len(after) == 2 and after[0].text in "-–" and after[1].lower_ in _PATRON_SUFFIXES


def leads(match: KBMatch, head: Token) -> bool:
    """"US-led forces": the country that leads a force is its actor."""
    after = head.doc[match.end : match.end + 2]
    led = len(after) == 2 and after[0].text in "-–" and after[1].lower_ == "led"
    return led and (head.lower_ in _LED_HEADS or led_event(head))


def listed_apposition(child: Token, head: Token, index: DocIndex) -> bool:
    """"the US, Russia, and Switzerland": the parser may make the second name
    an apposition of the first; it is a list item when a conjunction follows
    it, or when both name countries (a country is not another's apposition)."""
    if child.dep_ != "appos":
        return False
    if any(c.dep_ == "cc" for c in child.children) and any(c.dep_ == "conj" for c in child.children):
        return True
    mine, theirs = index.kb.get(child.i), index.kb.get(head.i)
    return (
        mine is not None and theirs is not None
        and all(e.kind in {"country", "adjective"} for e in (*mine.entries, *theirs.entries))
        and {e.country for e in mine.entries}.isdisjoint(e.country for e in theirs.entries)
    )


def homed_institution(entry: KBEntry, match: KBMatch, own: list[KBMatch]) -> KBEntry:
    """"The Nigerian Senate": a state institution whose name other countries'
    bodies share takes the country its modifier names, with its own sector;
    so does a party ("Malta's Labour Party", "the Syrian Baath Party")."""
    party = entry.kind == "organization" and entry.sector in {"GOV", "OPP"}
    if not (entry.kind == "institution" or party) or not entry.country or not entry.sector:
        return entry
    others = {
        e.country for m in own if m is not match and m.end <= match.start
        for e in m.entries if e.kind in COUNTRY_KINDS and e.country
    }
    if len(others) != 1 or entry.country in others:
        return entry
    country = others.pop()
    return replace(entry, code=country + entry.sector, country=country, name=None)
