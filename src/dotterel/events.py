"""The event stage: CAMEO/PLOVER events from parsed, actor-resolved sentences.

For each sentence the coder

1. resolves every noun phrase that names an actor (and remembers it for
   coreference later in the article),
2. finds triggers: verbs of the lexicon, and event nouns that a light verb
   governs ("held talks with") or that name their participants ("talks
   between A and B", "an attack on X"),
3. fills the source and target from the parse (passives, relative clauses,
   coordinated verbs, control), and
4. applies modality: a negated act is dropped (unless the pattern gives a
   code for its negation), an announced or threatened act gets the
   pattern's intent code (CAMEO 03x/13x), a hypothetical one is dropped, a
   requested one refines the request's own code.

Only events with both a source and a target actor are emitted: an event a
careful coder would not record is worse than a missed one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from . import grammar
from .actors import ActorResolver, ArticleMemory, DocIndex, Remembered, conjuncts, np_head, scene_country
from .knowledge import KBEntry
from .dates import ResolvedDate, event_date
from .lexicon import Lexicon, NounPattern, VerbPattern
from .model import Actor, Article, Event, Trigger
from .nlp import ParsedArticle, ParsedSentence
from .ontology import Ontology
from .places import Gazetteer, event_place
from .triggers import NounTrigger, noun_trigger, object_code, verb_object_code

_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "they", "them", "their", "it", "its"})
# Request verbs whose code changes with what is requested: "urged them to
# talk" is an appeal to meet (026), "demanded that they withdraw" 106...
_REQUEST_REFINEMENTS = {
    ("02", "04"): "026",
    ("02", "08"): "025",
    ("02", "07"): "023",
    ("10", "04"): "106",
    ("10", "08"): "105",
    ("10", "07"): "103",
}
_COMPLEMENT_SLOTS = ("dative", "dobj", "to", "with", "for", "on", "against", "into")
# Prepositions that put an event noun in the future or make it a goal.
_PROSPECTIVE_PREPS = frozenset({"for", "to", "toward", "towards", "ahead", "before"})
# Prepositions that place a statement inside an event ("during talks with").
_CIRCUMSTANCE_PREPS = frozenset({"during", "at", "in", "after", "on", "following", "amid"})
_REFUSAL_CODES = {"04": "125", "08": "124", "07": "122", "06": "121"}
# Nouns of acts aimed at someone: a call for "sanctions against X" or
# "action against X" is hostile to X, not an appeal to X.
_AIMED_PREPS = frozenset({"against", "on", "into"})
# Whom an object noun concerns: "protests against X", "the resignation of X",
# "calls by X", "the extradition of Y to X", "a loan for X".
_OBJECT_PARTY_PREPS = frozenset({"against", "on", "of", "by", "to", "for", "into", "from"})
_HOSTILE_AIMS = frozenset({"action", "measures", "steps", "punishment", "pressure"})
_CRITICIZE = "111"
_BORDER_NOUNS = frozenset({"border", "borders", "frontier", "frontiers", "boundary"})
_FACING_PREPS = frozenset({"near", "toward", "towards", "along", "against", "on", "at", "with"})
# Forces sent to the border with a country face it (154), they do not aid it.
_FORCES_SENT = frozenset({"070", "072", "074", "150"})
_MASS_FORCES = "154"


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event before it becomes a record: who, what, whom, from which words."""

    source: Actor
    target: Actor
    cameo: str
    trigger: Token
    trigger_end: Token
    pattern: str
    modality: str


@dataclass(slots=True)
class SentenceState:
    sentence: ParsedSentence
    index: DocIndex
    place: KBEntry | None = None
    actors: dict[int, Actor | None] = field(default_factory=dict)


class EventCoder:
    """Codes events in parsed articles with a lexicon and an actor resolver."""

    def __init__(
        self, lexicon: Lexicon, ontology: Ontology, resolver: ActorResolver, gazetteer: Gazetteer | None = None
    ) -> None:
        self.lexicon = lexicon
        self.ontology = ontology
        self.resolver = resolver
        self.gazetteer = gazetteer

    def code_article(self, parsed: ParsedArticle) -> tuple[list[Event], list[Actor]]:
        """The article's events, and every actor mention it resolved."""
        article = parsed.article
        memory = ArticleMemory(date=article.date)
        indexes: dict[int, DocIndex] = {}
        events: list[Event] = []
        for sentence in parsed.sentences:
            doc = sentence.segment.doc
            index = indexes.get(id(doc))
            if index is None:
                index = indexes[id(doc)] = self.resolver.index(doc)
            state = SentenceState(sentence, index, scene_country(sentence.span, index))
            self._register_mentions(state, memory)
            seen: set[tuple[int, int, int, str]] = set()
            for candidate in self._candidates(state, memory):
                key = (candidate.trigger.i, candidate.source.start, candidate.target.start, candidate.cameo)
                if key not in seen:
                    seen.add(key)
                    events.append(self.make_event(article, sentence, candidate, memory, parsed.dateline))
        return events, [m.actor for m in memory.mentions]

    # -- actors -----------------------------------------------------------

    def _register_mentions(self, state: SentenceState, memory: ArticleMemory) -> None:
        """Resolve every actor-like noun phrase of the sentence, in order."""
        index, span = state.index, state.sentence.span
        heads: dict[int, Token] = {}
        for token in span:
            if token.i in index.kb or token.i in index.sectors or token.ent_type_ == "PERSON" or (
                token.lower_ in _PRONOUNS and token.pos_ == "PRON"
            ):
                if token.is_punct:
                    continue
                head = token if token.pos_ == "PRON" else np_head(token)
                if span.start <= head.i < span.end:
                    heads.setdefault(head.i, head)
        for i in sorted(heads):
            if self.is_event_noun(heads[i]):
                continue  # "the Iran-US talks" is an event, not an actor to refer back to
            actor = self.actor(heads[i], state, memory)
            if actor is not None:
                subject = heads[i].dep_ in {"nsubj", "nsubjpass"}  # "he" prefers an earlier subject
                memory.remember(Remembered(actor, (state.sentence.record.index, i), *_number(heads[i], actor), subject))

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
        found = [a for a in (self.actor(c, state, memory) for c in conjuncts(head)) if a is not None]
        if not found and grammar.is_count(head):  # "thousands of Afghan refugees"
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
        for child in noun.children:
            if not pronouns and child.pos_ == "PRON":
                continue  # "eased its blockade": "its" is the subject itself
            if child.dep_ in {"compound", "nmod", "amod", "poss"} and child.pos_ in {"PROPN", "NOUN", "ADJ"}:
                for part in _hyphen_chain(child):
                    found.extend(self._actors(part, state, memory))
            elif child.dep_ == "prep" and child.lower_ == "between":
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    found.extend(self._actors(pobj, state, memory))
        return _distinct(found)

    # -- triggers ---------------------------------------------------------

    def _candidates(self, state: SentenceState, memory: ArticleMemory) -> Iterator[Candidate]:
        for token in state.sentence.span:
            if token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB"):
                yield from self._verb_candidates(token, state, memory)
                yield from self._obligation_candidates(token, state, memory)
            elif token.pos_ in {"NOUN", "PROPN"}:
                noun = noun_trigger(self.lexicon, token)
                if noun is not None:
                    yield from self._noun_candidates(token, noun, state, memory)

    def verb_patterns(self, verb: Token) -> list[VerbPattern]:
        """Patterns whose particle/preposition the verb has, most specific first."""
        return [
            p
            for p in self.lexicon.verb_patterns(verb.lemma_.lower())
            if (not p.particle or grammar.has_particle(verb, p.particle))
            and (not p.prep or grammar.has_particle(verb, p.prep))
        ]

    def _verb_candidates(self, verb: Token, state: SentenceState, memory: ArticleMemory) -> Iterator[Candidate]:
        patterns = self.verb_patterns(verb)
        if not patterns:
            return
        subject_heads, passive = grammar.subjects(verb)
        sources = [a for h in subject_heads for a in self._actors(h, state, memory)]
        if not sources:
            return
        mood = grammar.modality(verb)
        crowd = any(grammar.is_crowd(h) for h in subject_heads)
        for pattern in patterns:
            cameo = pattern.crowd if crowd and pattern.crowd else pattern.cameo
            code = self.apply_modality(cameo, pattern.intent, pattern.negated, mood)
            if code is None:
                continue
            code, targets = self._targets(verb, pattern, code, passive, state, memory)
            if targets:
                pairs = [(s, t) for s in sources for t in targets]
                if pattern.symmetric and code[:2] == "19":
                    pairs += [(t, s) for s, t in pairs]  # "A clashed with B": both fired
            elif pattern.symmetric and len(sources) > 1 and (
                not pattern.only_objects or verb_object_code(pattern, verb) is not None
            ):
                pairs = _symmetric_pairs(sources)  # "Indian and Pakistani troops exchanged fire"
            else:
                continue
            code = self._refine_request(verb, code)
            end = _trigger_end(verb, pattern.particle or pattern.prep)
            for source, target in pairs:
                if _distinct_actors(source, target):
                    yield Candidate(source, target, code, verb, end, pattern.id, mood.kind)
            return  # the most specific pattern that found its actors wins

    def _obligation_candidates(self, verb: Token, state: SentenceState, memory: ArticleMemory) -> Iterator[Candidate]:
        """"A said B must mediate": A asks B to (an appeal, refined by the act)."""
        complement = grammar.obligation(verb)
        if complement is None:
            return
        sources = [a for h in grammar.subjects(verb)[0] for a in self._actors(h, state, memory)]
        targets = [a for h in grammar.subjects(complement)[0] for a in self._actors(h, state, memory)]
        code = self.obligation_code(complement)
        for source in sources:
            for target in targets:
                if _distinct_actors(source, target):
                    yield Candidate(source, target, code, verb, verb, "grammar:obligation", "asserted")

    def obligation_code(self, complement: Token) -> str:
        for requested in self.verb_patterns(complement)[:1]:
            return _REQUEST_REFINEMENTS.get(("02", requested.cameo[:2]), "020")
        return "020"

    def _targets(
        self,
        verb: Token,
        pattern: VerbPattern,
        code: str,
        passive: bool,
        state: SentenceState,
        memory: ArticleMemory,
    ) -> tuple[str, list[Actor]]:
        if passive:
            patients = [a for h in grammar.passive_patient(verb) for a in self._actors(h, state, memory)]
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
            return code, []
        restricted = pattern.only_objects
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
        for obj in coded_objects:  # "eased its blockade of Yemen's port"
            parties = self._object_parties(obj, state, memory)
            if parties:
                return code, parties
        if not restricted:
            found = self._complement_targets(verb, state, memory)
            if not found and code[:2] == "15":
                found = self._posture_targets(verb, state, memory)
            return code, found
        return code, []

    def _object_parties(self, head: Token, state: SentenceState, memory: ArticleMemory) -> list[Actor]:
        """Whom a coded object concerns: "called off its protests against the
        government", "a loan for Egypt", "US-Iran talks"."""
        return self._participants(head, state, memory, pronouns=False) or self._aimed_parties(
            head, state, memory, _OBJECT_PARTY_PREPS
        )

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
            return _announced(override) or code
        return code

    def _refine_request(self, verb: Token, code: str) -> str:
        if verb.lemma_ not in grammar.REQUEST_VERBS:
            return code
        for child in verb.children:
            if child.dep_ in {"xcomp", "ccomp"}:
                for requested in self.verb_patterns(child)[:1]:
                    return _REQUEST_REFINEMENTS.get((code[:2], requested.cameo[:2]), code)
        return code

    def apply_modality(
        self, code: str, intent: str | None, negated: str | None, mood: grammar.Modality
    ) -> str | None:
        kind = mood.kind
        if kind == "asserted":
            return code
        if kind == "negated":
            return negated
        if code[:2] == "13" and kind in {"future", "intended", "conditional", "threatened"}:
            return code  # a threat is a threat however it is put ("an ultimatum ... if they do not withdraw")
        if kind in {"future", "intended", "conditional"}:
            return intent
        if kind == "threatened":
            return intent if intent and intent.startswith("13") else None
        if kind == "refused":
            return _REFUSAL_CODES.get(code[:2], "120") if mood.governor is not None else None
        if kind == "failed":  # "failed to reach a deal": the cooperation was turned down
            return _REFUSAL_CODES.get(code[:2], "120") if "02" <= code[:2] <= "08" else None
        if kind == "refusing":
            # Only a refused cooperation is a rejection; "will not attack" is not one.
            return negated or (_REFUSAL_CODES.get(code[:2], "120") if "02" <= code[:2] <= "08" else None)
        return None  # hypothetical, requested: the act itself did not happen

    def _noun_candidates(
        self, noun: Token, found: NounTrigger, state: SentenceState, memory: ArticleMemory
    ) -> Iterator[Candidate]:
        pattern = found.pattern
        if noun.dep_ == "compound":
            return  # "attack helicopters", "strike team": a modifier, not an event
        governor = grammar.light_verb_of(noun)
        if governor is not None and governor.lemma_.lower() in self.lexicon.light_verbs:
            mood = grammar.modality(governor)
            sources = [a for h in grammar.subjects(governor)[0] for a in self._actors(h, state, memory)]
            trigger_start = governor
        elif governor is not None and self.verb_patterns(governor):
            return  # the verb's own pattern codes it ("rejected the talks")
        else:
            prep = grammar.governing_preposition(noun)
            if prep is not None and prep.lower_ in _PROSPECTIVE_PREPS:
                return  # "called for talks", "looks forward to the talks": not (yet) held
            if prep is not None and any(p.prep == prep.lower_ for p in self.verb_patterns(prep.head)):
                return  # "went on strike": the verb's own pattern codes it
            mood = grammar.nearest_modality(noun)
            sources = self._noun_sources(noun, state, memory)
            if not sources and prep is not None and prep.lower_ in _CIRCUMSTANCE_PREPS and prep.head.pos_ in {"VERB", "AUX"}:
                # "X said during a meeting with Y": X is the party meeting Y.
                sources = [a for h in grammar.subjects(prep.head)[0] for a in self._actors(h, state, memory)]
            trigger_start = noun
        code = self.apply_modality(found.code, found.intent, None, mood)
        if code is None:
            return
        targets = self._noun_targets(noun, pattern, state, memory)
        if not sources and pattern.symmetric:
            pairs = _symmetric_pairs(self._participants(noun, state, memory))
        elif sources and targets:
            pairs = [(s, t) for s in sources for t in targets]
        elif pattern.symmetric and len(sources) > 1:
            pairs = _symmetric_pairs(sources)
        else:
            return
        for source, target in pairs:
            if _distinct_actors(source, target):
                first, last = sorted((trigger_start, noun), key=lambda t: t.i)
                yield Candidate(source, target, code, first, last, pattern.id, mood.kind)

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
        # "Iran-US talks" names two parties, not an agent.
        return found if len(found) == 1 else []

    def _noun_targets(
        self, noun: Token, pattern: NounPattern, state: SentenceState, memory: ArticleMemory
    ) -> list[Actor]:
        # "held talks with X" often hangs "with X" on the light verb.
        governor = grammar.light_verb_of(noun)
        holders = [noun, *([governor] if governor is not None else [])]
        for slot in pattern.target:
            for holder in holders:
                for child in holder.children:
                    if child.dep_ == "prep" and child.lower_ == slot:
                        for pobj in (c for c in child.children if c.dep_ == "pobj"):
                            actors = self._actors(pobj, state, memory) or self._possessors(pobj, state, memory)
                            if actors:
                                return actors  # "a strike against Israel's policy": Israel
        for clause in (c for c in noun.children if c.dep_ == "relcl"):
            for obj in grammar.slot_heads(clause, "dobj"):  # "a drone strike that killed X"
                actors = self._actors(obj, state, memory)
                if actors:
                    return actors
        return []

    # -- records ----------------------------------------------------------

    def make_event(
        self,
        article: Article,
        sentence: ParsedSentence,
        c: Candidate,
        memory: ArticleMemory | None = None,
        dateline: str | None = None,
    ) -> Event:
        info = self.ontology.get(c.cameo)
        offset = sentence.segment.offset
        start = offset + c.trigger.idx
        end = offset + c.trigger_end.idx + len(c.trigger_end.text)
        record = sentence.record
        trigger = Trigger(
            text=article.text[start:end], start=start, end=end, lemma=c.trigger.lemma_.lower(), pattern=c.pattern
        )
        key = f"{article.id}|{record.index}|{start}|{c.source.start}|{c.target.start}|{c.cameo}"
        published = ResolvedDate(article.date, "day", article.date_evidence or "metadata") if article.date else None
        when = event_date(c.trigger, sentence.span, published)
        where = None
        if self.gazetteer is not None:
            context = [c.source.country, c.target.country, *(memory.countries() if memory else ())]
            where = event_place(c.trigger, sentence.span, self.gazetteer, context, dateline)
        return Event(
            event_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
            doc_id=article.id,
            sentence_index=record.index,
            sentence=record.text,
            sentence_start=record.start,
            sentence_end=record.end,
            source=c.source,
            target=c.target,
            cameo=c.cameo,
            cameo_name=info.name,
            plover=info.plover_type,
            plover_mode=info.plover_mode,
            quad_class=info.quad_class,
            goldstein=info.goldstein,
            trigger=trigger,
            modality=c.modality,
            confidence=_confidence(c, record.is_headline),
            date=when.date.isoformat() if when else None,
            date_precision=when.precision if when else None,
            outlet=article.source,
            url=article.url,
            location=where,
        )


def _number(head: Token, actor: Actor) -> tuple[bool, bool]:
    """(plural, person) for coreference: what "they" and "he" may refer to."""
    lower = head.lower_
    plural = head.tag_ in {"NNS", "NNPS"} or lower in {"they", "them", "their"}
    person = (
        lower in {"he", "him", "his", "she", "her"}
        or head.ent_type_ == "PERSON"
        or (actor.role is not None)
        or (
            head.tag_ == "NN" and actor.sector is not None and head.ent_type_ not in {"GPE", "ORG", "NORP"}
            and head.lemma_.lower() not in _COLLECTIVE_NOUNS
        )
    )
    return plural, person


# Bodies that are "it", not "he": "the army said its troops...".
_COLLECTIVE_NOUNS = frozenset({
    "army", "government", "military", "ministry", "police", "force", "navy", "parliament", "court",
    "council", "committee", "administration", "authority", "cabinet", "regime", "junta", "party",
    "group", "movement", "coalition", "alliance", "agency", "office", "department", "bank", "company",
    "firm", "militia", "guard", "legislature", "assembly", "senate", "congress", "commission", "tribunal",
})


def _hyphen_chain(token: Token) -> list[Token]:
    """"Iran-US": the parser hangs "Iran" on "US"; both are parties."""
    chain = [token]
    for child in token.children:
        if child.dep_ in {"compound", "nmod", "amod"} and child.i + 2 == token.i and child.nbor(1).text in "-–/":
            chain[:0] = _hyphen_chain(child)
    return chain


def _trigger_end(verb: Token, word: str | None) -> Token:
    if word:
        for child in verb.children:
            if child.lower_ == word and child.i == verb.i + 1:
                return child
    return verb


def _symmetric_pairs(actors: list[Actor]) -> list[tuple[Actor, Actor]]:
    return [(a, b) for a in actors for b in actors if a is not b]


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


def _announced(code: str) -> str | None:
    for length in (4, 3, 2):
        found = _ANNOUNCED.get(code[:length])
        if found:
            return found
    return None


def _distinct_actors(source: Actor, target: Actor) -> bool:
    if source.start == target.start:
        return False
    if source.code == target.code and source.name == target.name:
        return False
    # A country and one of its own bodies ("Iran" and "Iran's speaker" in
    # "Iran-Iraq discussions began with a meeting between X and Iran's speaker")
    # are one side, not two.
    return not any(a.sector is None and a.code and a.code == b.country for a, b in ((source, target), (target, source)))


def _distinct(actors: list[Actor]) -> list[Actor]:
    seen: dict[tuple[int, int], Actor] = {}
    for actor in actors:
        seen.setdefault((actor.start, actor.end), actor)
    return list(seen.values())


def _confidence(c: Candidate, headline: bool) -> float:
    """A heuristic in [0, 1]: lower for coreference, nominal triggers, headlines."""
    score = 0.7
    for actor in (c.source, c.target):
        if actor.evidence and actor.evidence.startswith("coref:"):
            score -= 0.1
        if actor.sector is None:
            score -= 0.05
    if c.trigger.pos_ in {"NOUN", "PROPN"}:
        score -= 0.1
    if headline:
        score -= 0.1
    if c.modality != "asserted":
        score -= 0.05
    return round(max(0.05, min(0.95, score)), 2)
