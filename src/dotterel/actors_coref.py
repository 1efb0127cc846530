"""In-article coreference for the actor stage: pronouns, surnames, bare titles.

Mentions that carry no code themselves ("he", "Hussein", "the minister")
are resolved against the article's earlier mentions (:class:`ArticleMemory`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from .model import Actor

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs"})
THING_PRONOUNS = frozenset({"it", "its"})
PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_EXPLETIVE_VERBS = frozenset({"be", "appear", "seem", "remain", "become", "look", "take", "matter"})
# "it was ready to resume talks": adjectives that describe an agent's stance
# make "it" a real subject; "it is hard/likely/time" stays expletive.
_PERSONAL_ADJECTIVES = frozenset({
    "ready", "willing", "prepared", "able", "unable", "eager", "keen", "determined", "committed", "open",
    "reluctant", "unwilling", "confident", "happy", "pessimistic", "optimistic", "concerned", "satisfied",
    "interested", "opposed", "aware", "sure", "grateful", "disappointed", "firm",
})


@dataclass(frozen=True, slots=True)
class Remembered:
    actor: Actor
    position: tuple[int, int]  # (sentence index, token index) for ordering
    plural: bool
    person: bool
    subject: bool = False  # the mention was a clause subject: "he" prefers those


@dataclass(slots=True)
class ArticleMemory:
    """Earlier resolved mentions of one article, for in-article coreference."""

    date: dt.date | None
    mentions: list[Remembered] = field(default_factory=list)
    # The countries of the mentions, kept as they come: every actor lookup asks.
    _countries: set[str] = field(default_factory=set)

    def remember(self, item: Remembered) -> None:
        self.mentions.append(item)
        if item.actor.country:
            self._countries.add(item.actor.country)

    def countries(self) -> AbstractSet[str]:
        """The countries mentioned so far (read-only: it grows with the article)."""
        return self._countries

    def before(self, position: tuple[int, int]) -> list[Remembered]:
        return [m for m in reversed(self.mentions) if m.position < position]


def coref(earlier: Remembered) -> str:
    return f"coref:{earlier.actor.text}@s{earlier.position[0]}"


def pronoun(head: Token, memory: ArticleMemory, position: tuple[int, int], offset: int) -> Actor | None:
    """The latest earlier mention a pronoun fits (person, plural, thing).

    A subject pronoun prefers a subject: in "A met B. He said ..." "he" is A,
    the topic the text goes on about, unless no subject of that sentence fits.
    """
    fitting = [m for m in memory.before(position) if _fits(head, m)]
    if not fitting:
        return None
    chosen = fitting[0]
    if head.dep_ in _SUBJECT_DEPS and not chosen.subject and head.lower_ in PERSON_PRONOUNS | PLURAL_PRONOUNS:
        sentence = chosen.position[0]
        chosen = next((m for m in fitting if m.subject and m.position[0] == sentence), chosen)
    start = offset + head.idx
    return replace(chosen.actor, text=head.text, start=start, end=start + len(head.text), evidence=coref(chosen))


def _fits(head: Token, earlier: Remembered) -> bool:
    lower = head.lower_
    if lower in PERSON_PRONOUNS:
        return earlier.person
    if lower in PLURAL_PRONOUNS:
        return earlier.plural
    if lower in THING_PRONOUNS:
        return not (earlier.person or earlier.plural) and referring_it(head)
    return True


def referring_it(head: Token) -> bool:
    """"It said", "it was ready to talk" refer; "it is time", "it appears that" do not."""
    if head.dep_ == "poss":
        return True
    if head.dep_ != "nsubj":
        return False
    verb = head.head
    if verb.lemma_ not in _EXPLETIVE_VERBS:
        return True
    return any(c.dep_ == "acomp" and c.lemma_.lower() in _PERSONAL_ADJECTIVES for c in verb.children)


# Bodies that are "it", not "he": "the army said its troops...".
COLLECTIVE_NOUNS = frozenset({
    "army", "government", "military", "ministry", "police", "force", "navy", "parliament", "court",
    "council", "committee", "administration", "authority", "cabinet", "regime", "junta", "party",
    "group", "movement", "coalition", "alliance", "agency", "office", "department", "bank", "company",
    "firm", "militia", "guard", "legislature", "assembly", "senate", "congress", "commission", "tribunal",
})


def by_description(
    head: Token,
    name: str | None,
    sector: str | None,
    memory: ArticleMemory,
    position: tuple[int, int],
    text: str,
    start: int,
) -> Actor | None:
    """A surname or a bare title: the latest earlier mention that fits it."""
    if name is None and sector is None:
        return None
    # A bare title refers back only when it is definite: "the minister",
    # not "parliament and government".
    definite = any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"} for c in head.children)
    for earlier in memory.before(position):
        known = earlier.actor
        if name and known.name and _same_person(name, known.name):
            return replace(known, text=text, start=start, end=start + len(text), evidence=coref(earlier))
        if name is None and definite and sector and known.sector == sector and earlier.person == _singular_person(head):
            return replace(known, text=text, start=start, end=start + len(text), evidence=coref(earlier))
    return None


def _singular_person(head: Token) -> bool:
    """"the minister" (even tagged NNP) is one person; "the government" a body."""
    return (
        head.tag_ in {"NN", "NNP"} and head.ent_type_ not in {"ORG", "GPE", "NORP"}
        and head.lemma_.lower() not in COLLECTIVE_NOUNS
    )  # fmt: skip


def counterpart(actor: Actor, head: Token, memory: ArticleMemory, position: tuple[int, int], offset: int) -> Actor:
    """"his Iraqi counterpart" holds the same kind of office as "his" owner."""
    for child in head.children:
        if child.dep_ == "poss":
            owner = pronoun(child, memory, position, offset) if child.pos_ == "PRON" else None
            if owner is not None and owner.sector and actor.country:
                return replace(actor, sector=owner.sector, code=actor.country + owner.sector, name=None)
    return actor


def _same_person(name: str, known: str) -> bool:
    parts, known_parts = name.split(), known.split()
    return name == known or (len(parts) == 1 and parts[0] == known_parts[-1])
