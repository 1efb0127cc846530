"""Names the knowledge base lists in another spelling, and official organs.

* A lone proper name one slip from a country's ("Ethopia") is that country
  unless it is a person, an organisation or a place the gazetteer knows.

* A person's name misspelt in the copy ("President Dos Sontas" for dos
  Santos, "Hassan Rowhani" for Rouhani) is that person when the parser tags
  it a person, the knowledge base has no entry for it, and exactly one
  listed person's name is a small slip away: one edit for names of six to
  eight letters, two for longer ones, first letters kept word by word.
  Shorter names are a slip away from too many others ("Bush"/"Rush").
* A long agent noun misspelt by one letter ("peackeepers", "goverment") is
  that agent noun, when the word is a noun the knowledge base does not know
  and no "-ism" ("terrorism" is one letter from "terrorist").
* A newspaper, radio or news agency called "official" or "government" is
  the voice of the government (GOV), as the PLOVER gold codes "an official
  Syrian newspaper"; other media ("state media", "a daily") stay MED.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span, Token

from .knowledge import KBEntry, KnowledgeBase
from .nlp import entities
from .places import Gazetteer

__all__ = ["misspelt_agents", "misspelt_country", "misspelt_people", "official_organ"]

_AGENT_MIN = 9  # letters: a one-letter slip from a shorter agent noun is too often another word

# Parts of a longer proper name ("Columbia University", "Addis Ababa").
_NAME_PARTS = frozenset({"compound", "flat"})

_MIN_ONE = 6  # letters (spaces left out) from which one slip is allowed
_MIN_TWO = 9  # ... and two
_MEDIA_HEADS = frozenset({
    "newspaper", "paper", "daily", "weekly", "agency", "radio", "television", "tv", "broadcaster", "mouthpiece",
    "organ", "press",
})
_OFFICIAL_WORDS = frozenset({"official", "government", "government-run", "government-owned", "government-controlled"})


def official_organ(head: Token, sector: str | None) -> bool:
    """"an official Syrian newspaper", "the government daily": the government's voice."""
    if sector != "MED" or head.lemma_.lower() not in _MEDIA_HEADS:
        return False
    return any(c.dep_ in {"amod", "compound"} and c.lower_ in _OFFICIAL_WORDS for c in head.children)


def misspelt_country(token: Token, kb: KnowledgeBase, gazetteer: Gazetteer) -> bool:
    """A lone proper name a slip away from a country's ("Ethopia"), which
    is no person, organisation or place the gazetteer knows ("Columbia")."""
    if token.pos_ != "PROPN" or token.ent_type_ in {"PERSON", "ORG", "NORP"} or not _near_country(kb, token.text):
        return False
    # Part of a longer name ("Columbia University", "Addis Ababa"): not a country.
    if token.dep_ in _NAME_PARTS and token.head.pos_ == "PROPN" or any(
        c.dep_ in _NAME_PARTS and c.pos_ == "PROPN" for c in token.children
    ):
        return False
    return gazetteer.lookup(token.text) is None


@functools.lru_cache(maxsize=65536)
def _near_country(kb: KnowledgeBase, word: str) -> bool:
    """Cached: the same names recur in every article."""
    return bool(kb.near_country(word))


def misspelt_agents(
    doc: Doc, known: dict[int, object], sectors: dict[int, object], kb: KnowledgeBase
) -> list[tuple[Token, str]]:
    """Nouns one slip from a long one-word agent noun: (token, its sector)."""
    found = []
    for token in doc:
        if len(token) < _AGENT_MIN or token.i in known or token.i in sectors:
            continue  # cheap tests first: this looks at every token of every article
        word = token.lower_
        if not word.isalpha() or word.endswith(("ism", "isms")) or token.pos_ not in {"NOUN", "PROPN"}:
            continue
        sector = _near_agent(kb, word)
        if sector is not None:
            found.append((token, sector))
    return found


@functools.lru_cache(maxsize=65536)
def _near_agent(kb: KnowledgeBase, word: str) -> str | None:
    """The sector of the one agent noun a slip from ``word`` (cached: the
    same long nouns recur in every article)."""
    fits = {
        kb.sector_of(a) for a in _agents(kb).get(word[:2], ()) if abs(len(a) - len(word)) <= 1 and _distance(a, word) == 1
    }
    return fits.pop() if len(fits) == 1 and None not in fits else None


@functools.cache
def _agents(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Long one-word agent nouns by their first two letters."""
    agents: dict[str, list[str]] = {}
    for phrase in kb.sector_phrases():
        if phrase.isalpha() and len(phrase) >= _AGENT_MIN:
            agents.setdefault(phrase[:2], []).append(phrase)
    return agents


def misspelt_people(doc: Doc, known: set[int], kb: KnowledgeBase) -> list[tuple[Span, tuple[KBEntry, ...]]]:
    """Person names the knowledge base lacks that are a slip from one listed name."""
    found = []
    for ent in entities(doc):
        if ent.label_ != "PERSON" or any(t.i in known for t in ent):
            continue
        span = ent[1:] if ent[0].lower_ in {"the", "president", "mr", "mr."} else ent
        entries = _near_person(kb, span.text)
        if entries:
            found.append((span, entries))
    return found


@functools.lru_cache(maxsize=65536)
def _near_person(kb: KnowledgeBase, text: str) -> tuple[KBEntry, ...]:
    words = text.casefold().split()
    letters = sum(len(w) for w in words)
    if letters < _MIN_ONE or not words:
        return ()
    limit = 2 if letters >= _MIN_TWO else 1
    candidates = _people(kb).get(tuple(w[0] for w in words), ())
    fits = {surface for surface, folded in candidates if 0 < _distance(folded, " ".join(words)) <= limit}
    entries = [e for s in fits for e in kb.lookup(s) if e.kind == "person"]
    if len({e.name for e in entries}) != 1:
        return ()
    return tuple(entries)


@functools.cache
def _people(kb: KnowledgeBase) -> dict[tuple[str, ...], list[tuple[str, str]]]:
    """Person surfaces of the knowledge base (with their case-folded form) by their words' first letters."""
    people: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    for surface in kb.person_surfaces():
        words = surface.casefold().split()
        if words:
            people.setdefault(tuple(w[0] for w in words), []).append((surface, " ".join(words)))
    return people


def _distance(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions), stopping above 2."""
    if abs(len(a) - len(b)) > 2:
        return 3
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        if min(current) > 2:
            return 3
        previous = current
    return previous[-1]
