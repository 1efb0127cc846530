"""The actor stage: noun phrases of the parse resolved to CAMEO actor codes.

Knowledge-base names (countries, demonyms, capitals, institutions,
organisations, people) and agent nouns ("foreign minister", "troops") are
found with spaCy phrase matchers; a noun phrase then combines them: a
country from a possessive, adjective, compound or "of/in X" attachment,
a sector from the agent noun nearest the head, or a full code from an
organisation or a person's role on the article date.  Mentions that carry
no code themselves ("he", "Hussein", "the minister") are resolved against
the article's earlier mentions (actors_coref.py); places a group lives in
and cities the knowledge base lacks come from actors_places.py; phrases
that name no country get one from their context (actors_context.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.tokenizer import Tokenizer

from . import grammar
from .actors_context import Phrase, uncoded
from .actors_names import misspelt_agents, misspelt_country, misspelt_people, official_organ
from .actors_coref import PRONOUNS, ArticleMemory, Remembered, coref, counterpart, pronoun
from .actors_places import PLACE_KINDS, PLACE_NOUNS, place_sector, residence, scene_entry, token_place
from .actors_rules import choose_country, counts_people, instrument, is_patron as _is_patron, leads as _leads
from .actors_rules import COUNTRY_KINDS as _COUNTRY_KINDS, homed_institution, led_sector, listed_apposition
from .actors_rules import in_longer_person_name, located, related_objects, sentence_countries
from .knowledge import KBEntry, KnowledgeBase
from .model import Actor
from .places import Gazetteer, default_gazetteer

__all__ = [
    "ActorResolver", "ArticleMemory", "DocIndex", "KBMatch", "Remembered",
    "conjuncts", "mention_head", "noun_phrase", "np_head", "scene_country",
]

# Dependents that end a noun phrase: clauses and coordinated phrases are
# actors or events of their own.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc", "punct", "prep", "mark"})
# Prepositions whose object still describes the head ("the minister of
# Iraq", "militias in Iraq", "officials from Tehran").
_ATTACHING_PREPS = frozenset({"of", "in", "from", "throughout"})
_PATRON_HEADS = frozenset({"proxy", "proxies", "ally", "allies"})
_PROXY_WORDS = frozenset({"proxy", "proxies"})
# Sectors of armed groups: a named group beside such a noun is the actor
# ("Hezbollah guerrillas"), as is one in apposition to a generic group noun.
_ARMED_GROUP_SECTORS = frozenset({"REB", "UAF", "INS", "SEP", "RAD"})
_GROUP_NOUNS = frozenset({"group", "movement", "organization", "organisation", "faction", "party", "militia", "network"})
_FORMER = frozenset({"former", "ex"})
# Words that put a title in the past: "former", "ousted president", "the late king".
_PAST = _FORMER | {"ousted", "deposed", "toppled", "exiled", "late"}
_STATE_ROLES = frozenset({"GOV", "LEG", "MIL", "JUD", "COP", "SPY"})
# Heads naming a body of the state: with a named group they are that group's
# body ("the Taliban government"), not the group.
_BODY_HEADS = frozenset({"government", "administration", "authority", "authorities", "cabinet", "police", "court"})
# Titles that say nothing about which office an earlier person held.
_GENERIC_TITLES = frozenset({"diplomat", "envoy", "politician", "minister", "officer", "source", "sources"})
# Kinds that describe people by origin; the country they live in may differ.
_PEOPLE_KINDS = frozenset({"adjective", "ethnic"})
# Titles that take their sector from the body they belong to ("head of the
# army", "spokesman for the ministry").
_GENERIC_HEADS = frozenset({
    "chief", "head", "leader", "deputy", "member", "members", "spokesman", "spokeswoman",
    "spokesperson", "representative", "director", "secretary", "commander", "official", "officials",
})
_EARLIEST = dt.date.min
# Agent nouns that are also common adjectives: only the noun is an actor.
_NOUN_ONLY = frozenset({"national"})
_NP_HEAD_LINKS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "case", "det", "nummod", "flat", "appos"})


@dataclass(frozen=True, slots=True)
class KBMatch:
    start: int  # token indices in the segment doc
    end: int
    entries: tuple[KBEntry, ...]
    patron: bool
    ethnic: bool = False  # a demonym after "ethnic": a people, not a country


@dataclass(slots=True)
class DocIndex:
    """Knowledge-base and agent-noun matches of one parsed segment."""

    kb: dict[int, KBMatch] = field(default_factory=dict)  # by token index
    sectors: dict[int, tuple[int, int, str]] = field(default_factory=dict)


class ActorResolver:
    """Finds and resolves actor mentions in parsed segments."""

    def __init__(self, kb: KnowledgeBase, tokenizer: Tokenizer, gazetteer: Gazetteer | None = None) -> None:
        self.kb = kb
        self._gazetteer = gazetteer
        self._names = PhraseMatcher(tokenizer.vocab, attr="LOWER")
        self._names.add("KB", list(tokenizer.pipe(kb.surfaces())))
        self._sectors = PhraseMatcher(tokenizer.vocab, attr="LOWER")
        self._sectors.add("SECTOR", list(tokenizer.pipe(kb.sector_phrases())))

    @property
    def gazetteer(self) -> Gazetteer:
        """The place gazetteer, built on first use (it takes a moment to load)."""
        if self._gazetteer is None:
            self._gazetteer = default_gazetteer()
        return self._gazetteer

    def keep_case(self, word: str) -> bool:
        """True for words that are names: headline recasing keeps them."""
        return bool(self.kb.lookup(word))

    def index(self, doc: Doc) -> DocIndex:
        index = DocIndex()
        found = [doc[s:e] for _id, s, e in self._names(doc)]
        for span in filter_spans(found):
            entries = tuple(self.kb.lookup(span.text))
            if in_longer_person_name(span):
                # "Karen" in "Karen Bass" is a given name, not the Karen people
                # (a people's name tagged PERSON alone, "Tamil rebels", stays).
                entries = tuple(e for e in entries if e.kind != "ethnic")
            if not entries:
                continue
            ethnic = span.start > 0 and doc[span.start - 1].lower_ == "ethnic" and any(
                e.kind == "adjective" for e in entries
            )
            match = KBMatch(span.start, span.end, entries, _is_patron(span), ethnic)
            for i in range(span.start, span.end):
                index.kb[i] = match
        gazetteer = self.gazetteer
        for token in doc:
            if token.pos_ == "PROPN" and token.i not in index.kb and misspelt_country(token, self.kb, gazetteer):
                index.kb[token.i] = KBMatch(token.i, token.i + 1, tuple(self.kb.near_country(token.text)), False)
        for span, entries in misspelt_people(doc, set(index.kb), self.kb):  # "President Dos Sontas"
            for i in range(span.start, span.end):
                index.kb[i] = KBMatch(span.start, span.end, entries, False)
        for span in filter_spans([doc[s:e] for _id, s, e in self._sectors(doc)]):
            if span.start > 0 and doc[span.start - 1].lower_ in _FORMER:
                span = doc[span.start - 1 : span.end]  # "a former prime minister" is an elite (ELI)
            sector = self.kb.sector_of(span.text)
            place = index.kb.get(span.start)
            if place is not None and place.end >= span.end and any(e.kind in PLACE_KINDS for e in place.entries):
                continue  # "Bank" in "the West Bank" names a place, not a business
            if span.text.lower() in _NOUN_ONLY and span.root.pos_ != "NOUN":
                continue  # "a US national" is a person; "the national army" is not
            if sector:
                for i in range(span.start, span.end):
                    index.sectors[i] = (span.start, span.end, sector)
        for token, sector in misspelt_agents(doc, index.kb, index.sectors, self.kb):  # "UN peackeepers"
            index.sectors[token.i] = (token.i, token.i + 1, sector)
        return index

    def resolve_head(
        self,
        head: Token,
        index: DocIndex,
        memory: ArticleMemory,
        sentence_index: int,
        offset: int,
        place: KBEntry | None = None,
    ) -> Actor | None:
        """Resolve the noun phrase headed by ``head`` (one conjunct).

        ``place`` is the country where the sentence sets its scene ("In
        Baghdad, ..."): the country of a title that names none.
        """
        position = (sentence_index, head.i)
        if head.lower_ in PRONOUNS:
            return pronoun(head, memory, position, offset)
        counted = self._counted(head, index, memory, sentence_index, offset, place)  # before "some" (PRON)
        if counted is not None:
            return counted
        if head.pos_ == "PRON":
            return None  # "what", "which", "who": not an actor by itself
        tokens = noun_phrase(head, index)
        shared = _shared_head(head, index)
        if shared is not None:
            tokens = [*tokens, shared]  # "Romanian" in "Hungarian and Romanian officials"
        span = head.doc[min(t.i for t in tokens) : max(t.i for t in tokens) + 1]
        text, start = span.text, offset + span.start_char
        found = self._combine(head, tokens, index, memory)
        if instrument(head, found["sector"] if found else _sector_near(head, tokens, index)):
            return None  # "detonated a car bomb": the device used, not an actor
        if found is not None and found["country"] and official_organ(head, found["sector"]):
            found = {**found, "code": found["country"] + "GOV", "sector": "GOV"}  # "an official Syrian newspaper"
        if found is None:
            owner = self._owner(head, index, memory, sentence_index, offset, place)
            if owner is not None:
                return owner
            phrase = Phrase(head, text, start, _person_name(tokens), _sector_near(head, tokens, index))
            return uncoded(self, phrase, index, memory, position, offset, place)
        actor = Actor(text=text, start=start, end=start + len(text), **found)
        if actor.sector is None and head.lemma_.lower() == "counterpart":
            actor = counterpart(actor, head, memory, position, offset)
        if actor.name is None and actor.sector and head.tag_ == "NN" and head.doc[span.start].lower_ == "the":
            # "the Iraqi official": borrow the name of the last such actor;
            # "the Iraqi foreign minister" only that of a foreign minister.
            title = _title(head, index)
            for earlier in memory.before(position):
                if earlier.actor.code == actor.code and earlier.actor.name and earlier.person and (
                    title is None or _title_fits(title, earlier.actor)
                ):
                    return replace(actor, name=earlier.actor.name, role=earlier.actor.role, evidence=coref(earlier))
        return actor

    def _counted(
        self, head: Token, index: DocIndex, memory: ArticleMemory, sentence_index: int, offset: int,
        place: KBEntry | None,
    ) -> Actor | None:  # fmt: skip
        """"Thousands of students", "a group of Saudi hackers": the counted people.

        The actor spans the whole phrase, so that coreference and the
        mention report see one actor for it.
        """
        if head.i in index.kb or head.i in index.sectors or not (grammar.is_count(head) or counts_people(head)):
            return None
        for pobj in grammar.counted(head):
            inner = self.resolve_head(pobj, index, memory, sentence_index, offset, place)
            if inner is not None and inner.start >= offset + head.idx:
                first = min(t.i for t in head.subtree if t.i <= head.i)  # "Tens of", "A group of"
                start = offset + head.doc[first].idx
                text = head.doc.text[start - offset : inner.end - offset]
                return replace(inner, text=text, start=start, end=inner.end)
        return None

    def _owner(
        self, head: Token, index: DocIndex, memory: ArticleMemory, sentence_index: int, offset: int,
        place: KBEntry | None,
    ) -> Actor | None:  # fmt: skip
        """"the home of a Palestinian man", "a request by Mr. Erdogan": the
        owner's or author's actor, spanning the whole phrase."""
        for pobj in related_objects(head):
            inner = self.resolve_head(pobj, index, memory, sentence_index, offset, place)
            if inner is not None and inner.start >= offset + head.idx and inner.code:
                first = min(t.i for t in head.subtree if t.i <= head.i)
                start = offset + head.doc[first].idx
                return replace(inner, text=head.doc.text[start - offset : inner.end - offset], start=start)
        return None

    def _combine(
        self, head: Token, tokens: list[Token], index: DocIndex, memory: ArticleMemory
    ) -> dict[str, str | None] | None:
        """Code from what the phrase itself says, or None if it says nothing."""
        date = memory.date
        matches = _unique(index.kb[t.i] for t in tokens if t.i in index.kb)
        own = [m for m in matches if (not m.patron or _leads(m, head)) and not _possessor_of_proxy(head, m, index)]
        seen_countries = memory.countries()
        # "NATO-member Norway": a country at the head is the actor, whatever names modify it.
        head_is_country = any(_covers(m, head) and _is_country(m) for m in own)
        sector_near = _sector_near(head, tokens, index)
        for match in sorted(own, key=lambda m: (not _covers(m, head), abs(m.start - head.i))):
            # An ambiguous name ("RSF") goes to the reading whose country the
            # article has already mentioned.
            for entry in sorted(match.entries, key=lambda e: e.country not in seen_countries):
                if entry.kind == "person":
                    person = self.kb.person(entry.surface, date)
                    if date is None:
                        # Undated text: the title written beside the name
                        # ("Prime Minister X") picks among their roles.
                        title = _sector_near(head, [t for t in tokens if not _covers(match, t)], index)
                        person = self._titled_role(entry.surface, title) or person
                    if person is not None and person.sector in _STATE_ROLES and person.country and any(
                        t.lower_ in _PAST and t.i < match.start for t in tokens
                    ):
                        # "former president X", "ousted President X": whatever
                        # office the date gives, the text says it is past.
                        person = replace(
                            person, code=person.country + "ELI", sector="ELI", role=f"former {person.role}"
                        )
                    if person is not None:
                        return _fields(person, evidence=f"kb:person:{person.name}")
                elif entry.kind == "organization" and entry.country and not _covers(match, head) and (
                    head.lemma_.lower() in _BODY_HEADS and sector_near
                ):
                    # "the Taliban government", "Hamas police": the group's country, the body's role.
                    return _fields(replace(entry, code=entry.country + sector_near, sector=sector_near),
                                   evidence=f"kb:{entry.kind}:{entry.name}")
                elif entry.kind in {"institution", "organization"} and not (head_is_country and not _covers(match, head)) and (
                    _covers(match, head) or sector_near is None or _names_group(head, sector_near)
                    # "UN peacekeepers", "FARC dissidents in Cauca": no country names the actor itself
                    or not any(_is_country(m) and not located(m, head) for m in own)
                ):
                    if entry.sector in {"IGO", "NGO"} and sector_near == "MIL" and not _covers(match, head):
                        # "United Nations troops": the body's force (its code
                        # stays, as UNIFIL is IGOUNO with sector MIL).
                        entry = replace(entry, sector="MIL")
                    return _fields(homed_institution(entry, match, own), evidence=f"kb:{entry.kind}:{entry.name}")
        sector = sector_near
        countries = [m for m in own if _is_country(m) and not m.ethnic]
        ethnic = [m for m in own if m.ethnic or _ethnic_only(m)]
        # "Bosnian Serbs", "Croatian Serb refugees": the country adjective says
        # where they live, the people noun only whose kin they are.
        # "the Albanians of southern Serbia": the place they live in, too.
        homes = [m for m in countries if _lives_in(m, head)]
        kin_head = head.tag_ in {"NNS", "NNPS"} and any(_modifies(m, head) or m in homes for m in countries)
        best = min(countries, key=lambda m: (
            _ethnic_only(m), kin_head and _covers(m, head) and _only_kind(m, "adjective"),
            not _covers(m, head), _attachment_rank(head, m),
        ), default=None)  # fmt: skip
        if best is not None and _ethnic_only(best) and len({e.country for e in best.entries}) > 1:
            seen_countries = seen_countries | sentence_countries(head, index.kb.values())
        country = choose_country(best.entries, seen_countries, date) if best is not None else None
        iso3: str | None = None
        name_of: str | None = None
        evidence: str | None = None
        if country is not None:
            iso3, name_of, evidence = country.country, country.name, f"kb:{country.kind}:{country.surface}"
        lives_elsewhere = best is not None and best in homes
        city_head = False  # the head itself is a city the gazetteer placed
        if ethnic and (best is None or _ethnic_only(best)):
            # "ethnic Albanians", "Chechen refugees": a people; where they live
            # is the place the sentence names ("demonstrated in Serbia"). An
            # ethnic demonym alone never gives the kin state.
            hit = residence(head, index.kb, self.gazetteer, exclude=iso3)
            if hit is not None:
                iso3, name_of, evidence, lives_elsewhere = hit.country, None, hit.evidence, True
        if iso3 is None and not ethnic:
            # "a missionary from Calgary", "militias in Basra": a city the
            # knowledge base lacks, named in the phrase.
            for token in tokens:
                hit = token_place(token, index.kb, self.gazetteer) if token.dep_ == "pobj" else None
                if hit is not None:
                    iso3, name_of, evidence, city_head = hit.country, None, hit.evidence, token.i == head.i
                    break
        if iso3 is None:
            return None
        if sector is None and best is not None and _covers(best, head) and country and country.kind == "capital":
            # "Tehran said": the capital stands for the government; "a curfew
            # in Abidjan": for its people.
            sector = place_sector(head, capital=True)
        elif sector is None and (head.lemma_.lower() in PLACE_NOUNS or city_head):
            sector = place_sector(head, capital=False)  # "shelled Iraqi towns", "a bomb in Tel Aviv"
        if sector is None and best is not None and best.patron and _leads(best, head):
            sector = led_sector(head)  # "a Saudi-led strike": the leader's forces
        name = _person_name(tokens)
        if sector in _STATE_ROLES and any(t.lower_ in _PAST and t.i < head.i for t in tokens):
            sector = "ELI"  # "a former Iraqi prime minister": the title is in the past
        people = [m for m in own if _covers(m, head) and any(e.kind in _PEOPLE_KINDS for e in m.entries)]
        if sector == "GOV" and best is not None and _ethnic_only(best) and head.lemma_.lower() == "leader":
            sector = "ELI"  # "Yoruba leaders": a people's leaders are elites, not a government
        if sector is None and any(_people_of(head, m, lives_elsewhere) for m in people):
            sector = "CVL"  # "168 Liberians", "Iraqis living abroad": people, not the state
        return {
            "code": iso3 + (sector or ""),
            "country": iso3,
            "sector": sector,
            "name": name or (name_of if sector is None else None),
            "role": None,
            "evidence": evidence,
        }


    def _titled_role(self, surface: str, title: str | None) -> KBEntry | None:
        """The latest role of the person named ``surface`` whose sector is ``title``."""
        if title is None:
            return None
        roles = [e for e in self.kb.lookup(surface) if e.kind == "person" and e.sector == title]
        return max(roles, key=lambda e: e.start or _EARLIEST) if roles else None


def scene_country(span: Span, index: DocIndex) -> KBEntry | None:
    """The country a sentence is set in: "In Baghdad, ...", "met in Tehran"."""
    return scene_entry(span, index.kb)


def noun_phrase(head: Token, index: DocIndex) -> list[Token]:
    """Tokens that describe ``head``: modifiers, appositions, "of/in X".

    A prepositional phrase describes the head only when the head is an
    actor word ("the minister of Iraq"), not in "the prospect of US talks".
    """
    out = [head]
    actor_like = (
        head.i in index.kb
        or (head.i in index.sectors and not _action_noun(head))
        or head.ent_type_ == "PERSON"
        or head.lower_ in _GENERIC_HEADS
        or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children)
    )
    first_conj = min((c.i for c in head.children if c.dep_ == "conj"), default=None)
    for child in head.children:
        if child.dep_ == "prep":
            if actor_like and child.lower_ in _ATTACHING_PREPS:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out.append(child)
                        out.extend(noun_phrase(pobj, index))
        elif child.dep_ == "appos":
            # "A and B's speaker, Name": the apposition names the last conjunct.
            if (first_conj is None or child.i < first_conj) and not listed_apposition(child, head, index):
                out.extend(noun_phrase(child, index))
        elif child.dep_ not in _CLAUSE_DEPS and not _hyphen_partner(child, head, index):
            out.extend(_subtree(child))
    return out


def _hyphen_partner(child: Token, head: Token, index: DocIndex) -> bool:
    """"Iran" in "Iran-US": another party joined by a hyphen, not a modifier."""
    return (
        child.i + 2 == head.i
        and child.nbor(1).text in "-–/"
        and child.i in index.kb
        and head.i in index.kb
        and index.kb[child.i] is not index.kb[head.i]
        and not index.kb[child.i].patron
    )


def mention_head(span: Span) -> Token:
    """The token whose noun phrase the coder resolves for a given mention.

    A mention may be the whole phrase ("Iraq's foreign minister"), or only a
    modifier of it ("Hungarian" in "Hungarian officials", as some gold data
    marks it): either way the actor is the phrase's head.
    """
    return np_head(span.root)


def np_head(token: Token) -> Token:
    """Climb from a modifier to the head of its noun phrase."""
    while token.dep_ in _NP_HEAD_LINKS and token.head.i != token.i:
        token = token.head
    return token


def _subtree(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ not in _CLAUSE_DEPS or child.dep_ == "punct" and child.text in "-–":
            out.extend(_subtree(child))
    return out


def conjuncts(head: Token) -> list[Token]:
    heads = [head]
    for child in head.children:
        if child.dep_ == "conj":
            heads.extend(conjuncts(child))
    return heads


def _possessor_of_proxy(head: Token, match: KBMatch, index: DocIndex) -> bool:
    """"Iran's proxy groups", "Iran's proxies", "Israel's militia allies": the
    possessor is the patron, not the actor.

    ("Iran's allies" are allies of Iran, often states: only a proxy, or an
    ally named as an armed group, is someone else's armed group.)
    """
    last = head.doc[match.end - 1]
    if last.dep_ != "poss":
        return False
    owned = last.head  # "the deputy chief of Israel's militia ally": the ally is owned
    return owned.lower_ in _PROXY_WORDS or (
        owned.lower_ not in _PATRON_HEADS and any(t.lower_ in _PATRON_HEADS for t in owned.children)
    ) or owned.lower_ in _PATRON_HEADS and any(
        c.dep_ == "compound" and index.sectors.get(c.i, (0, 0, ""))[2] in _ARMED_GROUP_SECTORS for c in owned.children
    )


def _is_country(match: KBMatch) -> bool:
    return any(e.kind in _COUNTRY_KINDS for e in match.entries)


def _shared_head(head: Token, index: DocIndex) -> Token | None:
    """The agent noun a coordinated modifier shares with its first conjunct.

    In "Hungarian and Romanian officials" the parse attaches "Romanian" to
    "Hungarian" as a conjunct; both modify "officials", which gives the
    sector of each.
    """
    if head.dep_ != "conj":
        return None
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    noun = first.head
    if first.dep_ in {"amod", "compound", "nmod"} and noun.i != first.i and noun.i in index.sectors:
        return noun
    return None


def _names_group(head: Token, sector: str) -> bool:
    """"Hezbollah guerrillas", "the militant group Hamas": the named group is the actor."""
    return sector in _ARMED_GROUP_SECTORS or head.lemma_.lower() in _GROUP_NOUNS


def _people_of(head: Token, match: KBMatch, lives_elsewhere: bool = False) -> bool:
    """A plural demonym as people ("168 Liberians", "Nigerians protested"), not
    the nation as a party ("talks with the Palestinians"); a people the text
    places outside their kin state is people even with "the" ("the Albanians
    of southern Serbia")."""
    return (
        _covers(match, head)
        and head.tag_ in {"NNS", "NNPS"}
        and (lives_elsewhere or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children))
    )


def _lives_in(match: KBMatch, head: Token) -> bool:
    """A place named in "of/in X" after a people noun: "Albanians of southern Serbia"."""
    last = head.doc[match.end - 1]
    prep = np_head(last).head
    return (
        any(e.kind in PLACE_KINDS for e in match.entries) and np_head(last).dep_ == "pobj"
        and prep.lower_ in {"of", "in"} and prep.head.i == head.i
    )


def _modifies(match: KBMatch, head: Token) -> bool:
    last = head.doc[match.end - 1]
    return not _covers(match, head) and last.head.i == head.i and last.dep_ in {"amod", "compound", "nmod"}


def _only_kind(match: KBMatch, kind: str) -> bool:
    return all(e.kind == kind for e in match.entries)


def _ethnic_only(match: KBMatch) -> bool:
    """A people's name ("Yoruba"), which says where they come from, not where they are."""
    return match.ethnic or all(e.kind == "ethnic" for e in match.entries)


def _title(head: Token, index: DocIndex) -> str | None:
    """The specific title a head names ("foreign minister"); None for generic
    words ("official", "diplomat") that fit any office-holder."""
    hit = index.sectors.get(head.i)
    if hit is None:
        return None
    title = head.doc[hit[0] : hit[1]].text.lower().replace("-", " ")
    # "the minister" fits any minister; "the foreign minister" only one.
    return None if title in _GENERIC_HEADS or title in _GENERIC_TITLES else title


def _title_fits(title: str, actor: Actor) -> bool:
    """Whether an earlier actor held the title: by the role on record or the words of its mention."""
    known = f"{actor.role or ''} {actor.text}".lower().replace("-", " ")
    return title in known or title.replace("defense", "defence") in known.replace("defense", "defence")


def _covers(match: KBMatch, token: Token) -> bool:
    return match.start <= token.i < match.end


def _attachment_rank(head: Token, match: KBMatch) -> int:
    """Prefer possessors and adjectives over places named in a PP."""
    dep = head.doc[match.end - 1].dep_
    return {"poss": 0, "amod": 1, "compound": 1, "nmod": 2}.get(dep, 3)


def _sector_near(head: Token, tokens: list[Token], index: DocIndex) -> str | None:
    hits = [index.sectors[t.i] for t in tokens if t.i in index.sectors and not _action_noun(t)]
    if not hits:
        return None
    if head.lower_ in _GENERIC_HEADS:
        # "deputy chief of the armed forces" belongs to the body they head.
        of_hits = [h for h in hits if h[0] > head.i and head.doc[head.i + 1 : h[0]].text.startswith("of")]
        if of_hits:
            return of_hits[0][2]
        # "a militant leader", "hospital officials": a role word alone takes
        # the sector of the agent noun that qualifies it.
        qualified = [h for h in hits if h[1] == head.i and head.doc[h[1] - 1].head.i == head.i]
        if qualified and not any(h[0] < head.i < h[1] or (h[0] <= head.i < h[1] and h[1] - h[0] > 1) for h in hits):
            return qualified[0][2]
    return min(hits, key=lambda h: (not h[0] <= head.i < h[1], abs(h[0] - head.i)))[2]


def _action_noun(token: Token) -> bool:
    """"the opposition of Iran's proxies to the results": an act, not the opposition."""
    return token.lower_ == "opposition" and any(c.dep_ == "prep" and c.lower_ in {"of", "to"} for c in token.children)


def _person_name(tokens: list[Token]) -> str | None:
    people = [t for t in tokens if t.ent_type_ == "PERSON"]
    if not people:
        return None
    people.sort(key=lambda t: t.i)
    return " ".join(t.text for t in people if t.text not in "-–'’")


def _unique(matches: object) -> list[KBMatch]:
    seen: dict[int, KBMatch] = {}
    for m in matches:  # type: ignore[attr-defined]
        seen.setdefault(m.start, m)
    return list(seen.values())


def _fields(entry: KBEntry, evidence: str) -> dict[str, str | None]:
    return {
        "code": entry.code,
        "country": entry.country,
        "sector": entry.sector,
        "name": entry.name,
        "role": entry.role,
        "evidence": evidence,
    }
