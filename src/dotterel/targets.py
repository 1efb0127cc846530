"""Who the event is aimed at: target finding for the event coder.

The coder (events.py) finds triggers and sources; this module holds what
it asks of the parse and the actor layer to find targets: the slots of a
verb pattern, objects that name the parties of an event ("protests against
X", "a loan for Egypt"), event nouns' own targets ("talks with X", "a
strike that killed X"), borders ("its border with X"), shows of force
("toward X"), and calls for action against someone.  It also says which
actors a noun phrase names, one per conjunct.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TypeVar

from spacy.tokens import Token

from . import grammar
from .actors import ActorResolver, ArticleMemory, DocIndex, conjuncts
from .actors_rules import counts_people, listed_apposition
from .knowledge import KBEntry
from .lexicon import Lexicon, NounPattern, VerbPattern
from .model import Actor
from .nlp import ParsedSentence
from .ontology import Ontology
from .triggers import aimed_object_code, gerund_code, label_code, noun_trigger, object_code

T = TypeVar("T")

_COMPLEMENT_SLOTS = ("dative", "dobj", "to", "with", "for", "on", "against", "into")
# Nouns of acts aimed at someone: a call for "sanctions against X" or
# "action against X" is hostile to X, not an appeal to X.
_AIMED_PREPS = frozenset({"against", "on", "into"})
# Whom an object noun concerns: "protests against X", "the resignation of X",
# "calls by X", "the extradition of Y to X", "a loan for X".
_OBJECT_PARTY_PREPS = frozenset({"against", "on", "of", "by", "to", "for", "into", "from"})
_CONCERNED_PREPS = _OBJECT_PARTY_PREPS | {"with"}
_HOSTILE_AIMS = frozenset({"action", "measures", "steps", "punishment", "pressure"})
_CRITICIZE = "111"
_BORDER_NOUNS = frozenset({"border", "borders", "frontier", "frontiers", "boundary"})
_FACING_PREPS = frozenset({"near", "toward", "towards", "along", "against", "on", "at", "with", "off"})
# Forces sent to the border with a country face it (154), they do not aid it.
_FORCES_SENT = frozenset({"070", "072", "074", "150"})
_MASS_FORCES = "154"
# Violent acts, whose casualties are their targets: "killed in an airstrike".
_VIOLENT_ROOTS = frozenset({"18", "19", "20"})


@dataclass(slots=True)
class SentenceState:
    sentence: ParsedSentence
    index: DocIndex
    place: KBEntry | None = None
    actors: dict[int, Actor | None] = field(default_factory=dict)


class TargetFinder:
    """Actors and targets from the parse; the base of the event coder."""

    lexicon: Lexicon
    ontology: Ontology
    resolver: ActorResolver

    def is_event_noun(self, token: Token) -> bool:
        return noun_trigger(self.lexicon, token) is not None

    def aims_at_someone(self, head: Token) -> bool:
        """"sanctions against X", "legal action against X": a hostile act
        with a target, as the object of a call or demand."""
        for noun in conjuncts(head):
            if not any(c.dep_ == "prep" and c.lower_ in _AIMED_PREPS for c in noun.children):
                continue
            found = noun_trigger(self.lexicon, noun)
            if noun.lemma_.lower() in _HOSTILE_AIMS or (
                found is not None and self.ontology.get(found.code).quad_class >= 3
            ):
                return True
        return False

    def actor(self, head: Token, state: SentenceState, memory: ArticleMemory) -> Actor | None:
        if head.i not in state.actors:
            state.actors[head.i] = self.resolver.resolve_head(
                head, state.index, memory, state.sentence.record.index, state.sentence.segment.offset, state.place
            )
        return state.actors[head.i]

    def _actors(self, head: Token, state: SentenceState, memory: ArticleMemory) -> list[Actor]:
        if head.i not in state.index.kb and head.pos_ == "NOUN" and self.is_event_noun(head):
            # An act where an actor should be stands for its agent: "killed by a
            # US drone strike" (the US); "over the killing of X" has none.
            return self._noun_sources(head, state, memory)
        heads = _listed(head, state.index)
        found = [a for a in (self.actor(c, state, memory) for c in heads) if a is not None]
        if len(found) == 1:
            found = _split_by_country(head, found[0], state) or found
        elif len(found) == len(heads) > 1 and found[-1].sector:
            # "Kyrgyz and Tajik soldiers" parsed as "Kyrgyz" and "Tajik soldiers":
            # a bare demonym shares the noun of the last conjunct.
            found = [
                replace(a, code=(a.country or "") + (found[-1].sector or ""), sector=found[-1].sector)
                if not a.sector and a.country and _is_demonym(h, state.index) else a
                for h, a in zip(heads, found)
            ]
        if not found and (grammar.is_count(head) or counts_people(head)):  # "thousands of Afghan refugees", "two of the hostages"
            return [a for pobj in grammar.counted(head) for a in self._actors(pobj, state, memory)]
        if found and head.i in state.index.sectors:
            # "delegations from Israel and Hamas", "the leaders of Iran and Iraq": one per country
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    others = (self.actor(c, state, memory) for c in pobj.conjuncts)
                    sector = found[0].sector
                    found += [
                        replace(a, code=a.country + sector, sector=sector) if sector and not a.sector and a.country else a
                        for a in others
                        if a is not None and a.country not in {f.country for f in found}
                    ]
        return found

    def _noun_sources(self, noun: Token, state: SentenceState, memory: ArticleMemory) -> list[Actor]:
        """The agent of a standalone event noun: "Iran's attack", "the US airstrike"."""
        if any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children):
            return []
        found = [
            actor
            for child in noun.children
            if child.dep_ in {"poss", "amod", "compound", "nmod"}
            for actor in self._actors(child, state, memory)
        ]
        if not found:  # "an air strike by Russian forces"
            found = [
                actor
                for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "by"
                for pobj in prep.children if pobj.dep_ == "pobj"
                for actor in self._actors(pobj, state, memory)
            ]
        # "Iran-US talks" names two parties, not an agent.
        return found if len(found) == 1 else []

    def subject_actors(self, verb: Token, state: SentenceState, memory: ArticleMemory) -> list[Actor]:
        """The actors of the verb's agent noun phrases (see ``grammar.subjects``)."""
        return [a for h in grammar.subjects(verb)[0] for a in self._actors(h, state, memory)]

    def _possessors(self, head: Token, state: SentenceState, memory: ArticleMemory) -> list[Actor]:
        """The owner of a policy, plan or bill: "against the government's reform"."""
        if self.is_event_noun(head):
            return []
        return [a for c in head.children if c.dep_ == "poss" and c.pos_ != "PRON" for a in self._actors(c, state, memory)]

    def _participants(
        self, noun: Token, state: SentenceState, memory: ArticleMemory, pronouns: bool = True
    ) -> list[Actor]:
        """Actors a noun names as its parties: "Iran-US talks", "talks between A and B"."""
        found: list[Actor] = []
        # "the main opposition party": "main" and "opposition" are one agent
        # noun; the word nearest the noun stands for it.
        spans = [(child, _known_span(child, state.index)) for child in noun.children]
        nearest = {span: child.i for child, span in spans if span is not None}  # children come in order
        for child, span in spans:
            if not pronouns and child.pos_ == "PRON":
                continue  # "eased its blockade": "its" is the subject itself
            if span is not None and nearest[span] != child.i:
                continue
            if child.dep_ in {"compound", "nmod", "amod", "poss"} and child.pos_ in {"PROPN", "NOUN", "ADJ"}:
                for part in _hyphen_chain(child):
                    found.extend(self._actors(part, state, memory))
            elif child.dep_ == "prep" and child.lower_ == "between":
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    found.extend(self._actors(pobj, state, memory))
        return _distinct(found)

    def verb_patterns(self, verb: Token) -> list[VerbPattern]:
        """Patterns whose particle/preposition the verb has, most specific first."""
        # A phrasal verb is another verb: "called up reservists for an
        # offensive" is not "call for".
        particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        return [
            p
            for p in self.lexicon.verb_patterns(verb.lemma_.lower())
            if (not p.particle or grammar.has_particle(verb, p.particle))
            and (not p.prep or grammar.has_particle(verb, p.prep))
            and (not particles or not (p.particle or p.prep) or bool(particles & {p.particle, p.prep}))
            and not (p.prep and p.prep not in p.target and not p.objects and grammar.heads_own_phrase(verb, p.prep))
        ]

    def _targets(
        self,
        verb: Token,
        pattern: VerbPattern,
        code: str,
        passive: bool,
        state: SentenceState,
        memory: ArticleMemory,
    ) -> tuple[str, list[Actor]]:
        gerund = gerund_code(pattern, verb)  # "accused X of shelling" 1123
        if gerund is not None:
            code = self.keep_intent(code, pattern, gerund)
        labelled = label_code(pattern, verb)  # "held X responsible" 112, "held X hostage" 181
        if labelled is not None:
            if code != pattern.cameo and code[:2] != labelled[:2] and announced_code(labelled) is None:
                return code, []  # "will hold X accountable": a warning that CAMEO has no intent code for
            code = self.keep_intent(code, pattern, labelled)
        if passive:
            heads = grammar.passive_patient(verb)
            if pattern.only_objects and labelled is None:
                # "hostages held by X" fits "hold" (hostages only); "a journalist held by police" does not
                heads = [h for h in heads if object_code(pattern, h) is not None]
            patients = [a for h in heads for a in self._actors(h, state, memory)]
            if patients:
                return code, patients
            # "Sanctions were imposed on X by Y": the patient is the thing done,
            # the target is in the pattern's slots.
            for thing in grammar.passive_patient(verb):
                override = object_code(pattern, thing)
                if override is not None:
                    code = self.keep_intent(code, pattern, override)
                    for slot in (s for s in pattern.target if s != "dobj"):
                        for head in grammar.slot_heads(verb, slot):
                            found = self._actors(head, state, memory)
                            if found:
                                return code, found
                    # "US aid to Egypt was frozen by Congress": the target hangs on the thing
                    found = self._aimed_parties(thing, state, memory, _OBJECT_PARTY_PREPS)
                    if found:
                        return code, found
            return code, []
        restricted = pattern.only_objects and labelled is None
        if pattern.predicative and any(grammar.is_predicate_of_object(c) for c in verb.children):
            code = pattern.predicative  # "called the envoy a liar", "found them guilty"
            restricted = False
        # The object can set the code whatever slot the target is in:
        # "fired missiles at the base" is an aerial attack.
        coded_objects = []
        object_slots = ["dobj", *([pattern.prep] if pattern.prep else [])]  # "went on [strike]"
        for obj in (h for slot in object_slots for h in grammar.slot_heads(verb, slot)):
            override = object_code(pattern, obj)
            if override is not None:
                code = self.keep_intent(code, pattern, override)
                restricted = False
                coded_objects.append(obj)
        for slot in pattern.target:
            for head in grammar.slot_heads(verb, slot):
                if code[:2] in {"02", "10"} and self.aims_at_someone(head):
                    aimed = self._aimed_parties(head, state, memory)
                    if aimed:
                        return _CRITICIZE, aimed  # "called for sanctions against X"
                override = object_code(pattern, head)
                if override is not None:
                    code = self.keep_intent(code, pattern, override)
                    restricted = False
                    if slot != "dobj":
                        # "accused Russia of aggression against Georgia", "charged the
                        # minister with fraud": the one accused, not the charge's party
                        accused = [a for h in grammar.slot_heads(verb, "dobj") for a in self._actors(h, state, memory)]
                        if accused:
                            return code, accused
                    parties = self._object_parties(head, state, memory)
                    if parties:
                        return code, parties
                    continue
                if restricted:
                    continue  # "lift" codes only with its listed objects
                actors = (
                    self._actors(head, state, memory)
                    or self._event_parties(head, state, memory)
                    or self._possessors(head, state, memory)
                )
                if actors:
                    return code, actors
                threatened = self._threatened_act(head, code, state, memory)
                if threatened is not None:
                    return threatened
                across = self._across_border(head, state, memory)
                if across:  # "sent reinforcements to its border with X"
                    return (_MASS_FORCES if code in _FORCES_SENT else code), across
        violent = self.ontology.get(code).quad_class == 4
        if violent and coded_objects:  # "detonated a car bomb, killing 15 civilians": the victims
            found = self._outcome_targets(verb, state, memory)
            if found:
                return code, found
        for obj in coded_objects:  # "eased its blockade of Yemen's port"
            parties = self._object_parties(obj, state, memory)
            if parties:
                return code, parties
        if not restricted:
            found = self._complement_targets(verb, state, memory)
            if not found and code[:2] == "15":
                found = self._posture_targets(verb, state, memory)
            if not found and violent:
                found = self._outcome_targets(verb, state, memory)
            return code, found
        return code, []

    def aimed_code(self, verb: Token, code: str) -> str:
        """"launched a scathing attack on the policy": the event noun the verb
        carries is aimed at words or decisions, so the act is criticism."""
        for obj in grammar.slot_heads(verb, "dobj"):
            event = noun_trigger(self.lexicon, obj)
            aimed = aimed_object_code(event.pattern, obj) if event is not None else None
            if aimed is not None and code[:2] == event.code[:2]:
                return aimed
        return code

    def _protested(self, verb: Token, state: SentenceState, memory: ArticleMemory) -> list[Actor]:
        """Whom a protest is aimed at, from what it was held for: "marched in
        Nairobi to denounce President Ruto's tax plan" (Ruto)."""
        for clause in verb.children:
            if clause.dep_ not in {"advcl", "xcomp"} or not any(a.dep_ == "aux" and a.tag_ == "TO" for a in clause.children):
                continue
            for pattern in self.verb_patterns(clause):
                _code, found = self._targets(clause, pattern, pattern.cameo, False, state, memory)
                if found:
                    return found
        return []

    def _contacted(self, clause: Token, state: SentenceState, memory: ArticleMemory) -> list[Actor]:
        """Whom the contact that ``clause`` is the purpose of was made with."""
        verb = clause.head.head if clause.dep_ in {"acl", "relcl"} else clause.head
        places = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in {"to", "in"} for o in p.children]
        contacted = [o for o in verb.children if o.dep_ in {"dobj", "obj"}] or places  # "travelled to Khartoum to ..."
        return [a for o in contacted if o.dep_ in {"dobj", "obj", "pobj"} for a in self._actors(o, state, memory)]

    def _outcome_targets(self, verb: Token, state: SentenceState, memory: ArticleMemory) -> list[Actor]:
        """"detonated a bomb outside a hotel, killing 15 civilians": the
        victims of a violent act named only by its outcome clause."""
        for clause in (c for c in verb.children if grammar.is_participle_clause(c)):
            if any(self.ontology.get(p.cameo).quad_class == 4 for p in self.verb_patterns(clause)):
                for head in grammar.slot_heads(clause, "dobj"):
                    found = self._actors(head, state, memory)
                    if found:
                        return found
        return []

    def _object_parties(self, head: Token, state: SentenceState, memory: ArticleMemory) -> list[Actor]:
        """Whom a coded object concerns: "called off its protests against the
        government", "a loan for Egypt", "US-Iran talks"; an event noun's own
        target first ("blocked the extradition of a journalist to Turkey":
        the destination, not the one extradited)."""
        found = noun_trigger(self.lexicon, head)
        if found is not None:
            targets = self._noun_targets(head, found.pattern, state, memory)
            if targets:
                return targets
        return self._participants(head, state, memory, pronouns=False) or self._aimed_parties(
            head, state, memory, _OBJECT_PARTY_PREPS
        )

    def concerned_parties(self, thing: Token, state: SentenceState, memory: ArticleMemory) -> list[Actor]:
        """Whom a thing concerns: "aid to X", "talks with X", "sanctions on X"."""
        return self._aimed_parties(thing, state, memory, _CONCERNED_PREPS)

    def _threatened_act(
        self, head: Token, code: str, state: SentenceState, memory: ArticleMemory
    ) -> tuple[str, list[Actor]] | None:
        """"threatened a nuclear strike on X": the threat of that act, against X."""
        if code[:2] != "13":
            return None
        found = noun_trigger(self.lexicon, head)
        if found is None:
            return None
        targets = self._noun_targets(head, found.pattern, state, memory)
        if not targets:
            return None
        return (found.intent if found.intent and found.intent[:2] == "13" else code), targets

    def _across_border(self, head: Token, state: SentenceState, memory: ArticleMemory) -> list[Actor]:
        """"its border with Ukraine": the country on the other side."""
        if head.lemma_.lower() not in _BORDER_NOUNS:
            return []
        # The parser often hangs "with X" on the verb; right after the noun it still belongs to it.
        after = head.doc[head.right_edge.i + 1] if head.right_edge.i + 1 < len(head.doc) else None
        preps = [*head.children, *([after] if after is not None and after.dep_ == "prep" else [])]
        return [
            actor
            for prep in preps
            if prep.dep_ == "prep" and prep.lower_ == "with"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
            for actor in self._actors(pobj, state, memory)
        ]

    def _posture_targets(self, verb: Token, state: SentenceState, memory: ArticleMemory) -> list[Actor]:
        """Whom a show of force faces: "near/toward X", "along the border with X"."""
        for token in verb.subtree:
            if token.dep_ == "pobj" and token.head.lower_ in _FACING_PREPS:
                found = self._actors(token, state, memory) or self._across_border(token, state, memory)
                # "off the coast of Japan", "near the shores of Taiwan"
                found = found or [a for c in grammar.counted(token) for a in self._actors(c, state, memory)]
                if found:
                    return found
        return []

    def _complement_targets(self, verb: Token, state: SentenceState, memory: ArticleMemory) -> list[Actor]:
        """"agreed to give Sri Lanka aid", "pledged to help Ukraine": when the
        complement's own verb is not in the lexicon, the governing verb is the
        event and the complement's object its target."""
        for complement in (c for c in verb.children if c.dep_ == "xcomp"):
            if self.verb_patterns(complement):
                return []  # the complement codes itself (as an intent)
            for slot in _COMPLEMENT_SLOTS:
                for head in grammar.slot_heads(complement, slot):
                    actors = self._actors(head, state, memory)
                    if actors:
                        return actors
        return []

    def _event_parties(self, head: Token, state: SentenceState, memory: ArticleMemory) -> list[Actor]:
        """Parties of event nouns in an object: "condemned the US airstrikes"
        (the agent), "denounced the prospect of US-Iraq talks" (both sides)."""
        found: list[Actor] = []
        for conjunct in conjuncts(head):
            of_objects = (p for c in conjunct.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj")
            for token in (conjunct, *of_objects):
                if self.is_event_noun(token):
                    found.extend(self._participants(token, state, memory))
        return _distinct(found)

    def _aimed_parties(
        self, head: Token, state: SentenceState, memory: ArticleMemory, preps: frozenset[str] = _AIMED_PREPS
    ) -> list[Actor]:
        """Whom "sanctions against X" or "action against X" is aimed at (or
        whom "a loan for X" is meant for)."""
        return _distinct([
            actor
            for noun in conjuncts(head)
            for prep in noun.children
            if prep.dep_ == "prep" and prep.lower_ in preps
            for pobj in prep.children
            if pobj.dep_ == "pobj"
            for actor in self._actors(pobj, state, memory)
        ])

    def keep_intent(self, code: str, pattern: VerbPattern, override: str) -> str:
        """An object override must not turn an announced act into a done one;
        an announced act whose object moves it to another root is announced
        in that root's terms ("will withdraw its peacekeepers" threatens, 136)."""
        if code == pattern.cameo:
            return override
        if code == pattern.intent and override[:2] != pattern.cameo[:2]:
            return announced_code(override) or code
        return code

    def _noun_targets(
        self, noun: Token, pattern: NounPattern, state: SentenceState, memory: ArticleMemory
    ) -> list[Actor]:
        # "held talks with X" often hangs "with X" on the light verb.
        governor = grammar.light_verb_of(noun)
        if governor is None:  # "entered into talks" may hang "with X" on "entered"
            governor = grammar.light_verb_phrase(noun, self.lexicon.light_verbs)
        # "the extradition of a journalist to Turkey": the parser hangs the
        # noun's "to" on its "of" object.
        of_objects = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        holders = [noun, *([governor] if governor is not None else []), *of_objects]
        for slot in pattern.target:
            for holder in holders:
                for child in holder.children:
                    if child.dep_ == "prep" and child.lower_ == slot:
                        for pobj in (c for c in child.children if c.dep_ == "pobj"):
                            actors = self._actors(pobj, state, memory) or self._possessors(pobj, state, memory)
                            if actors:
                                return actors  # "a strike against Israel's policy": Israel
        for clause in (c for c in noun.children if c.dep_ == "acl" and grammar.requested_clause(c)):
            actors = self.subject_actors(clause, state, memory)
            if actors:
                return actors  # "its demand that Ukraine withdraw": Ukraine
        for clause in (c for c in noun.children if c.dep_ == "relcl"):
            for obj in grammar.slot_heads(clause, "dobj"):  # "a drone strike that killed X"
                actors = self._actors(obj, state, memory)
                if actors:
                    return actors
        if pattern.cameo[:2] in _VIOLENT_ROOTS:
            return [a for h in grammar.casualties_of(noun) for a in self._actors(h, state, memory)]
        return []


def _split_by_country(head: Token, actor: Actor, state: SentenceState) -> list[Actor]:
    """"Armenian and Azerbaijani troops": one noun, two actors, one per
    country adjective, each with the noun's sector.  The first mention is
    the first adjective, the last runs to the end of the phrase."""
    for child in head.children:
        if child.dep_ not in {"amod", "compound"} or not any(c.dep_ == "conj" for c in child.children):
            continue
        words = conjuncts(child)
        countries = [_country_of(w, state.index) for w in words]
        if None in countries or len(set(countries)) < len(countries) or actor.country not in countries:
            return []
        offset = state.sentence.segment.offset
        split = []
        for n, (word, country) in enumerate(zip(words, countries)):
            start = offset + word.idx
            end = actor.end if n == len(words) - 1 else start + len(word.text)
            text = state.sentence.segment.doc.text[start - offset : end - offset]
            code = (country or "") + (actor.sector or "")
            split.append(replace(actor, text=text, start=start, end=end, code=code, country=country,
                                 name=None if country != actor.country else actor.name))
        return split
    return []


def _is_demonym(word: Token, index: DocIndex) -> bool:
    """A lone country adjective ("Kyrgyz"), not a country's name ("Iran")."""
    match = index.kb.get(word.i)
    return match is not None and match.end - match.start == 1 and all(e.kind == "adjective" for e in match.entries)


def _country_of(word: Token, index: DocIndex) -> str | None:
    match = index.kb.get(word.i)
    if match is None:
        return None
    countries = {e.country for e in match.entries if e.kind in {"country", "adjective"}}
    return countries.pop() if len(countries) == 1 else None


def _listed(head: Token, index: DocIndex) -> list[Token]:
    """The heads of a coordination: "Iran and Iraq"; and "the US, Russia, and
    Switzerland", where the parser may make the second name an apposition."""
    heads = conjuncts(head)
    for child in head.children:
        if listed_apposition(child, head, index):
            heads.extend(conjuncts(child))
    return heads


def _hyphen_chain(token: Token) -> list[Token]:
    """"Iran-US": the parser hangs "Iran" on "US"; both are parties."""
    chain = [token]
    for child in token.children:
        if child.dep_ in {"compound", "nmod", "amod"} and child.i + 2 == token.i and child.nbor(1).text in "-–/":
            chain[:0] = _hyphen_chain(child)
    return chain


# The intent (03x) or threat (13x) code of an announced act, by its code's
# prefix, longest first: CAMEO's own pairing of acts and their announcement.
_ANNOUNCED = {
    "04": "036", "05": "032", "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "08": "035", "081": "0351",
    "082": "0352", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
    "16": "131", "161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
    "17": "137", "172": "132", "1721": "1321", "1722": "1322", "1723": "1323", "1724": "1324",
    "18": "1383", "19": "138", "191": "1381", "192": "1382", "20": "1383", "204": "1385",
}


# The appeal (02x), demand (10x) and refusal (12x) codes of a requested or
# refused act, by the act's code prefix, longest first: "urged X to lift
# sanctions" 0254, "demanded that X free the sailors" 1053, "refused to
# extradite" 1213.
_REQUESTED = {
    "061": ("0211", "1011", "1211"), "062": ("0212", "1012", "1212"), "063": ("0213", "1013", "1213"),
    "064": ("0214", "1014", "121"), "06": ("021", "101", "121"), "05": ("022", "102", "120"),
    "071": ("0231", "1031", "1221"), "072": ("0232", "1032", "1222"), "073": ("0233", "1033", "1223"),
    "074": ("0234", "1034", "1224"), "07": ("023", "103", "122"),
    "0831": ("0241", "1041", "1231"), "0832": ("0242", "1042", "1232"), "0833": ("0243", "1043", "1233"),
    "0834": ("0244", "1044", "1234"), "083": ("024", "104", "123"),
    "081": ("0251", "1051", "1241"), "082": ("0252", "1052", "1242"), "084": ("0253", "1053", "1243"),
    "085": ("0254", "1054", "1244"), "086": ("0255", "1055", "1245"), "087": ("0256", "1056", "1246"),
    "08": ("025", "105", "124"), "045": ("028", "108", "126"), "04": ("026", "106", "125"),
}
_REQUEST_KINDS = {"02": 0, "10": 1, "12": 2}


def requested_code(kind: str, act: str) -> str | None:
    """The ``kind`` ("02" appeal, "10" demand, "12" refusal) of the act coded ``act``."""
    found = _by_prefix(_REQUESTED, act)
    return found[_REQUEST_KINDS[kind]] if found else None


def announced_code(code: str) -> str | None:
    """The intent (03x) or threat (13x) code of announcing the act ``code``."""
    return _by_prefix(_ANNOUNCED, code)


def _by_prefix(table: dict[str, T], code: str) -> T | None:
    """The entry for the longest prefix of ``code`` (4, 3, then 2 digits)."""
    for length in (4, 3, 2):
        found = table.get(code[:length])
        if found:
            return found
    return None


def _known_span(token: Token, index: DocIndex) -> tuple[int, int] | None:
    """The knowledge-base name or agent noun the token is part of, as (start, end)."""
    if token.i in index.kb:
        match = index.kb[token.i]
        return match.start, match.end
    if token.i in index.sectors:
        start, end, _sector = index.sectors[token.i]
        return start, end
    return None


def _distinct(actors: list[Actor]) -> list[Actor]:
    seen: dict[tuple[int, int], Actor] = {}
    for actor in actors:
        seen.setdefault((actor.start, actor.end), actor)
    return list(seen.values())
