"""Actors whose own words name no country: the article and the sentence decide.

A noun phrase may give an agent noun ("demonstrators", "Judge X", "the
government", "fighters loyal to Y") and no country.  In order, the country
comes from:

* a possessive pronoun ("its troops": the owner's country);
* the state its own domestic actors face ("the opposition ... against the
  government");
* the leader a force is loyal to ("fighters loyal to Haftar");
* an earlier mention it refers back to (actors_coref.by_description);
* an international role: a human rights group with no country is an NGO, a
  peacekeeping force with none an IGO force (as CAMEO and PLOVER code them);
* the sentence: the country it is set in, or the one country whose places,
  or whose government, police or courts, the sentence names ("Egyptian
  police dispersed fundamentalist demonstrators": the demonstrators are
  Egyptian).  Soldiers are left out of that last clue, because armies fight
  abroad ("US troops killed militants" says nothing of the militants).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from .actors_coref import PRONOUNS, ArticleMemory, by_description, pronoun
from .actors_places import PLACE_KINDS, place_sector, token_place
from .grammar import CONTACT_VERBS
from .knowledge import KBEntry
from .model import Actor

if TYPE_CHECKING:
    from .actors import ActorResolver, DocIndex

# Domestic non-state actors that face their own state ("the opposition", "rebels").
_DOMESTIC_SECTORS = frozenset({"OPP", "REB", "INS", "CVL", "LAB", "EDU", "MED", "REL", "HLH", "AGR", "SEP"})
_STATE_BODIES = frozenset({"government", "authorities", "regime", "junta", "administration", "police", "army"})
# Agents of the state at home, and the modifiers that leave them unqualified.
_STATE_AGENTS = frozenset({"official", "policeman", "policewoman", "officer", "judge", "prosecutor", "governor"})
_PLAIN_RANKS = frozenset({
    "government", "top", "senior", "junior", "local", "provincial", "district", "regional", "state", "police",
    "security", "municipal", "high", "ranking", "high-ranking", "-", "prison",
})
# Sectors of office-holders: an unnamed one ("the minister") in a sentence set
# elsewhere is as likely a visitor, so the sentence does not give a country.
_STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "SPY", "BUS"})
# Bodies of a state that act at home: their country is the country of the
# people they deal with.  MIL is left out on purpose (armies act abroad).
_HOME_BODIES = frozenset({"GOV", "COP", "JUD", "LEG"})
# A leader's sector that a force loyal to them takes ("fighters loyal to
# Haftar" are his forces, MIL; "militants loyal to al-Zarqawi" REB); loyalty
# to a head of government leaves the force its own sector ("troops loyal to
# the president" stay MIL).
_ARMED_LEADER_SECTORS = frozenset({"MIL", "REB", "INS", "SEP", "UAF", "OPP", "RAD"})
# Roles that have no country of their own in CAMEO when none is named.
_NGO_SECTORS = frozenset({"HRI", "NGO"})
_PEACEKEEPING = "peacekeep"
# Prepositions that place what the sentence is about: "in eastern Beirut".
_LOCATIVE_PREPS = frozenset({"in", "inside", "near", "at", "throughout", "across", "outside"})


@dataclass(frozen=True, slots=True)
class Phrase:
    """A noun phrase the knowledge base gave no country: what its words do say."""

    head: Token
    text: str
    start: int  # character offset in the article
    name: str | None  # a person's name written in it
    sector: str | None  # the agent noun nearest the head

    def actor(self, country: str | None, sector: str | None, evidence: str, code: str | None = None) -> Actor:
        code = code if code is not None else (country or "") + (sector or "")
        return Actor(self.text, self.start, self.start + len(self.text), code or None, country, sector,
                     self.name, None, evidence)  # fmt: skip


def uncoded(
    resolver: ActorResolver, phrase: Phrase, index: DocIndex, memory: ArticleMemory,
    position: tuple[int, int], offset: int, place: KBEntry | None,
) -> Actor | None:  # fmt: skip
    """The actor of a phrase that names no country itself (see the module docstring)."""
    head, sector, name = phrase.head, phrase.sector, phrase.name
    owned = _owned(phrase, memory, position, offset)
    if owned is not None:
        return owned
    home = _domestic_country(phrase, memory, position)
    if home is not None:
        # "Armenia's opposition called off its protests against the
        # government": the state its own opposition faces.
        return phrase.actor(home, sector, "domestic:" + home)
    if sector is not None:
        loyal = _loyal_to(resolver, phrase, index, memory, position, offset)
        if loyal is not None:
            return loyal
    actor = by_description(head, name, sector, memory, position, phrase.text, phrase.start)
    if actor is not None:
        return actor
    if sector is not None:
        if _peacekeeping(head, index):
            # "a regional peacekeeping force": an international force.
            return phrase.actor(None, sector, "international:peacekeeping", code="IGO")
        if sector in _NGO_SECTORS:
            # "a human rights group", "a relief agency": CAMEO's NGO, NGOHRI.
            return phrase.actor(None, sector, "international:" + sector, code="NGO" + sector.replace("NGO", ""))
    if sector and (name or sector not in _STATE_SECTORS or _done_to_in_place(head)):
        # A named official with a title but no country ("Defense Minister
        # X"), or a group of people ("demonstrators"), in a sentence set in
        # one country.  Unnamed officials stay unresolved: "the minister
        # arrived in Baghdad" is a visitor; but one something is done to
        # there is local ("a government official was killed in Kabul").
        if place is not None and place.country:
            return phrase.actor(place.country, sector, f"place:{place.surface}")
        hit = sentence_country(head, index, resolver)
        if hit is not None:
            return phrase.actor(hit[0], sector, hit[1])
    if sector is None and (name is None or name == head.text):  # "shelled Goma", Goma tagged a person
        # "Tel Aviv", "the town of Cizre": a place as an actor is its
        # country; its people (CVL) when something is done to or in it.
        found = token_place(head, index.kb, resolver.gazetteer)
        if found is not None:
            return phrase.actor(found.country, place_sector(head, capital=False), found.evidence)
    return None


def _done_to_in_place(head: Token) -> bool:
    """An official something is done to (killed, kidnapped, arrested), not
    one who meets, visits or is received: the place is where they serve."""
    verb = head.head
    return (
        head.dep_ in {"dobj", "nsubjpass"} and verb.pos_ == "VERB"
        and verb.lemma_.lower() not in CONTACT_VERBS | _HOSTING_VERBS
    )  # fmt: skip


# Verbs whose object is a guest: "received a government delegation in Cairo".
_HOSTING_VERBS = frozenset({"receive", "host", "welcome", "invite", "greet", "accompany", "brief", "thank"})


def sentence_country(head: Token, index: DocIndex, resolver: ActorResolver) -> tuple[str, str] | None:
    """The one country the sentence places things in, or whose
    home bodies (government, police, courts) it names: (ISO3, evidence).

    Places in a locative phrase come first ("killed in eastern Beirut");
    then state bodies ("Egyptian police", "Burundi's government"); two
    countries of the same kind make it ambiguous.  Patrons ("anti-Syria",
    "Iran-backed") and peoples ("ethnic Albanians") say nothing of where.
    """
    places: dict[str, str] = {}
    bodies: dict[str, str] = {}
    named: set[str] = set()
    clause = _clause(head)
    for token in head.sent:
        # The phrase's own words named no country of the actor's own, but may
        # place it: "the chief of Israel's militia ally in southern Lebanon".
        # A place in another clause sets another scene: in "Hamas offered to
        # free the hostages if Israel ended the war in Gaza", not the hostages'.
        if _in_place(token) and _clause(token) == clause:
            hit = token_place(token, index.kb, resolver.gazetteer)
            if hit is not None:
                places.setdefault(hit.country, hit.evidence)
        match = index.kb.get(token.i)
        if match is None or match.patron or match.ethnic or token.i != match.start:
            continue
        for entry in match.entries:
            if entry.country and entry.kind in PLACE_KINDS | {"adjective"}:
                named.add(entry.country)
            if entry.country and _home_body(token, match.end, entry, index):
                bodies.setdefault(entry.country, f"sentence:{entry.surface}")
    if places:
        return next(iter(places.items())) if len(places) == 1 else None
    # A home body speaks for the actor's country only when the sentence names
    # no other: "Sweden's court blocked the extradition of a journalist to
    # Turkey" does not make the journalist Swedish.
    if len(bodies) == 1 and named <= set(bodies):
        return next(iter(bodies.items()))
    return None


def _clause(token: Token) -> int:
    """The index of the verb whose clause holds ``token`` (the root if none).

    A participle adjunct with no subject of its own shares the scene of the
    clause it hangs on: in "a bomb went off in Mogadishu, killing 15
    civilians" the civilians were in Mogadishu.
    """
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    while (
        token.dep_ == "advcl" and token.tag_ in {"VBG", "VBN"} and token.head.i != token.i
        and not any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in token.children)
    ):  # fmt: skip
        token = token.head
    return token.i


def _in_place(token: Token) -> bool:
    """A locative's place, also down "of" chains: "in a sector of eastern Beirut"."""
    for _ in range(3):
        if token.dep_ != "pobj":
            return False
        prep = token.head
        if prep.lower_ in _LOCATIVE_PREPS:
            return True
        if prep.lower_ != "of":
            return False
        token = prep.head
    return False


def _home_body(token: Token, end: int, entry: KBEntry, index: DocIndex) -> bool:
    """Whether a name stands for a home body of its state: "Egyptian police",
    "Burundi's government", "Algerian President X", a serving official."""
    if entry.kind == "person":
        return entry.sector in _HOME_BODIES
    if entry.kind not in PLACE_KINDS | {"adjective"}:
        return False
    last = token.doc[end - 1]
    if last.dep_ not in {"amod", "compound", "poss", "nmod"}:
        return False
    owner = last.head
    words = [owner, *(c for c in owner.children if c.dep_ == "compound" and c.i > last.i)]
    return any(index.sectors.get(w.i, (0, 0, ""))[2] in _HOME_BODIES for w in words)


def _peacekeeping(head: Token, index: DocIndex) -> bool:
    """"peacekeepers", "a peacekeeping force": the agent noun is a peacekeeping one."""
    hit = index.sectors.get(head.i)
    return hit is not None and any(t.lower_.startswith(_PEACEKEEPING) for t in head.doc[hit[0] : hit[1]])


def _loyal_to(
    resolver: ActorResolver, phrase: Phrase, index: DocIndex, memory: ArticleMemory,
    position: tuple[int, int], offset: int,
) -> Actor | None:  # fmt: skip
    """"Fighters loyal to Haftar": the leader's country and, for an armed
    leader, the leader's sector."""
    for adjective in (c for c in phrase.head.children if c.lower_ == "loyal"):
        for prep in (c for c in adjective.children if c.dep_ == "prep" and c.lower_ == "to"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                leader = resolver.resolve_head(pobj, index, memory, position[0], offset)
                if leader is None:
                    continue
                country = leader.country or _named_country(pobj, index)
                if country is None:
                    continue
                sector = leader.sector if leader.sector in _ARMED_LEADER_SECTORS else phrase.sector
                return phrase.actor(country, sector, f"loyal:{leader.text}")
    return None


def _named_country(head: Token, index: DocIndex) -> str | None:
    """A country named inside a leader's phrase ("Iraq's al-Qaeda frontman")."""
    for token in head.subtree:
        match = index.kb.get(token.i)
        if match is not None and not match.patron:
            for entry in match.entries:
                if entry.kind in PLACE_KINDS | {"adjective"} and entry.country:
                    return entry.country
    return None


def _owned(phrase: Phrase, memory: ArticleMemory, position: tuple[int, int], offset: int) -> Actor | None:
    """"its troops", "their government": the sector of the possessor's country."""
    if phrase.sector is None:
        return None
    for owner in (c for c in phrase.head.children if c.dep_ == "poss" and c.lower_ in PRONOUNS):
        found = pronoun(owner, memory, position, offset)
        if found is not None and found.country:
            return phrase.actor(found.country, phrase.sector, f"owner:{found.evidence}")
    return None


def _domestic_country(phrase: Phrase, memory: ArticleMemory, position: tuple[int, int]) -> str | None:
    """The country of an unqualified state body ("the government") when the
    sentence so far names domestic non-state actors of one country only."""
    head = phrase.head
    if phrase.sector is None or phrase.name:
        return None
    lemma = head.lemma_.lower()
    if lemma in _STATE_AGENTS:
        # "the Taliban kidnapped a top government official": an official of
        # the state the group fights, unless a modifier says otherwise.
        if any(c.dep_ == "poss" or (c.dep_ in {"amod", "compound"} and c.lower_ not in _PLAIN_RANKS) for c in head.children):
            return None
    elif lemma not in _STATE_BODIES or any(c.dep_ in {"poss", "amod", "compound"} for c in head.children):
        return None  # "Israel's government", "a rival government": not unqualified
    same_sentence = [m.actor for m in memory.before(position) if m.position[0] == position[0]]
    countries = {a.country for a in same_sentence if a.country}
    domestic = [a for a in same_sentence if a.sector in _DOMESTIC_SECTORS]
    if domestic and len(countries) == 1:
        return next(iter(countries))
    return None
