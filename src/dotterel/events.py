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

import dataclasses
import hashlib
from collections.abc import Iterator

from spacy.tokens import Token

from . import grammar
from .actors import ActorResolver, ArticleMemory, DocIndex, Remembered, np_head, scene_country
from .actors_coref import COLLECTIVE_NOUNS
from .dates import ResolvedDate, event_date
from .lexicon import Lexicon, VerbPattern
from .model import Actor, Article, Event, Trigger
from .nlp import ParsedArticle, ParsedSentence
from .ontology import Ontology
from .places import Gazetteer, event_place
from .candidates import Candidate, distinct_actors, same_actor, symmetric_pairs
from .speech import SpeechCoder
from .targets import SentenceState, requested_code
from .triggers import (
    NounTrigger, aimed_object_code, crowd_code, noun_trigger, object_code, object_reading, verb_object_code,
    weapon_code,
)

_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "they", "them", "their", "it", "its"})
# Prepositions that put an event noun in the future or make it a goal.
_PROSPECTIVE_PREPS = frozenset({"for", "to", "toward", "towards", "ahead", "before"})
# Prepositions that make an event noun the topic of talks ("talks on a pullback").
_TALK_ROOTS = frozenset({"01", "03", "04", "05"})
_TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
# Prepositions that place a statement inside an event ("during talks with").
_CIRCUMSTANCE_PREPS = frozenset({"during", "at", "in", "after", "on", "following", "amid"})
# Roots of things whose owner is the one acting on them in an agentless
# passive ("US aid was suspended", "Iran's talks with X were resumed").
_OWNER_ROOTS = frozenset({"03", "04", "05", "06", "07", "08", "16"})
# Killings that were tried or failed are attempts on a life (CAMEO 185).
_KILLINGS = frozenset({"186", "1823"})
_ATTEMPTED_KILLING = "185"
# The state's arms of force, whose violence against protesters is repression.
_SECURITY_SECTORS = frozenset({"COP", "MIL", "SPY", "GOV"})
# Actors whose clashes with each other are political, not armed.
_UNARMED = frozenset({"GOV", "LEG", "JUD", "ELI", "MED", "BUS", "NGO", "IGO", "EDU", "HLH", "REL"})
_DISAPPROVE = "110"
# A contact made to say something or to talk is itself the event: "called X
# to explain Y" is one telephone call, not a statement besides it.
CONTACT_ROOTS = frozenset({"01", "04"})


class EventCoder(SpeechCoder):
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
            for candidate in self._without_restated(list(self._candidates(state, memory))):
                candidate = domestic_force(candidate)
                key = (candidate.trigger.i, candidate.source.start, candidate.target.start, candidate.cameo)
                if key not in seen:
                    seen.add(key)
                    events.append(self.make_event(article, sentence, candidate, memory, parsed.dateline))
        return events, [m.actor for m in memory.mentions]

    def _without_restated(self, candidates: list[Candidate]) -> list[Candidate]:
        """"detonated a bomb outside a hotel, killing 15 civilians": the
        participle clause restates the violent act it hangs on; with the same
        source and target it is that act, not a second event."""
        def violent(c: Candidate) -> bool:
            return self.ontology.get(c.cameo).quad_class == 4

        def restates(p: Candidate) -> bool:
            return violent(p) and grammar.is_participle_clause(p.trigger) and any(
                m.trigger.i == p.trigger.head.i and violent(m) and same_actor(m.source, p.source)
                and same_actor(m.target, p.target)
                for m in candidates
            )

        return [c for c in candidates if not restates(c)]

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

    # -- triggers ---------------------------------------------------------

    def _candidates(self, state: SentenceState, memory: ArticleMemory) -> Iterator[Candidate]:
        for token in state.sentence.span:
            if token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB"):
                yield from self._received_candidates(token, state, memory)
                yield from self._verb_candidates(token, state, memory)
                yield from self.speech_candidates(token, state, memory)
            elif token.pos_ in {"NOUN", "PROPN"}:
                noun = noun_trigger(self.lexicon, token)
                if noun is not None:
                    yield from self._noun_candidates(token, noun, state, memory)

    def _verb_candidates(self, verb: Token, state: SentenceState, memory: ArticleMemory) -> Iterator[Candidate]:
        patterns = self.verb_patterns(verb)
        if not patterns:
            return
        subject_heads, passive = grammar.subjects(verb)
        sources = [a for h in subject_heads for a in self._actors(h, state, memory)]
        if not sources:
            if passive and not subject_heads:
                yield from self._owner_candidates(verb, patterns, state, memory)
            return
        mood = grammar.modality(verb)
        crowd = any(grammar.is_crowd(h) for h in subject_heads)
        for pattern in patterns:
            if self.undergoes_event(verb, pattern):
                return  # the event noun's own candidates code it
            cameo = pattern.crowd if crowd and pattern.crowd else pattern.cameo
            code = self.apply_modality(cameo, pattern.intent, pattern.negated, mood)
            if code is None:
                continue
            if mood.kind in {"refused", "refusing", "failed"} and code == self.refusal_code(cameo):
                code = self.refusal_code(verb_object_code(pattern, verb) or cameo)  # "will not lift its veto" 124
            code, targets = self._targets(verb, pattern, code, passive, state, memory)
            code = weapon_code(self.aimed_code(verb, code), subject_heads)
            code = object_reading(self.lexicon, verb, code, crowd)
            if not movement_is_event(code, subject_heads, sources):
                return
            if code[:2] == "10" and grammar.commands_forces(verb) and grammar.purpose(verb) is not None:
                return  # "ordered the army to disperse X": the dispersal is coded, not a demand on the army
            if grammar.is_contact_purpose(verb):
                if code[:2] in CONTACT_ROOTS:
                    return  # "called X to discuss Y": the call is the consultation
                targets = targets or self._contacted(verb, state, memory)
            if not targets and code[:2] == "14":
                targets = self._protested(verb, state, memory)
            if targets:
                pairs = [(s, t) for s in sources for t in targets]
                if pattern.symmetric and code[:2] == "19":
                    pairs += [(t, s) for s, t in pairs]  # "A clashed with B": both fired
            elif pattern.symmetric and len(sources) > 1 and (
                not pattern.only_objects or verb_object_code(pattern, verb) is not None
            ) and not any(c.dep_ == "xcomp" for c in verb.children):  # "agreed to resume talks": the talks
                pairs = symmetric_pairs(sources)  # "Indian and Pakistani troops exchanged fire"
            else:
                continue
            code = self.refine_request(verb, code)
            if code[:2] == "19" and pattern.symmetric and all(a.sector in _UNARMED for pair in pairs for a in pair):
                code = _DISAPPROVE  # "the president has often clashed with the ruling party": words, not arms
            end = _trigger_end(verb, pattern.particle or pattern.prep)
            for source, target in pairs:
                if distinct_actors(source, target):
                    yield Candidate(source, target, code, verb, end, pattern.id, mood.kind)
            return  # the most specific pattern that found its actors wins

    def _owner_candidates(
        self, verb: Token, patterns: list[VerbPattern], state: SentenceState, memory: ArticleMemory
    ) -> Iterator[Candidate]:
        """"US funding for the UN agency was suspended": with no agent, the owner
        of a cooperative thing (aid, talks, sanctions) acted on it, towards the
        party the thing concerns.  Only for cooperation, aid, yielding and
        reducing relations: "Iran's tankers were seized" was done by someone else."""
        mood = grammar.modality(verb)
        for thing in grammar.passive_patient(verb):
            owners = self._noun_sources(thing, state, memory)
            if not owners:
                continue
            for pattern in patterns:
                # Only a listed object is a thing acted on: "Ugandan troops were
                # attacked" names the victims, and has no agent to code.
                override = object_code(pattern, thing)
                if override is None or override[:2] not in _OWNER_ROOTS:
                    continue
                code = self.apply_modality(pattern.cameo, pattern.intent, pattern.negated, mood)
                if code is None:
                    return
                code = self.keep_intent(code, pattern, override)
                for source in owners:
                    for target in self.concerned_parties(thing, state, memory):
                        if distinct_actors(source, target):
                            yield Candidate(source, target, code, verb, verb, pattern.id, mood.kind)
                return

    def act_code(self, verb: Token) -> str | None:
        """The code of the act a verb names, refined by its object: "lift
        sanctions" 085 (what a request or refusal is about)."""
        patterns = self.verb_patterns(verb)
        for pattern in patterns:
            override = verb_object_code(pattern, verb)
            if pattern.only_objects and override is None:
                continue
            return override or pattern.cameo
        for thing in verb.children:  # "to resume talks": a light verb's event noun
            found = noun_trigger(self.lexicon, thing) if thing.dep_ in {"dobj", "obj"} else None
            if found is not None:
                return found.code
        return patterns[0].cameo[:2] if patterns else None  # only the root is known ("to stop X": yield)

    def refine_request(self, verb: Token, code: str) -> str:
        """"urged them to talk" is an appeal to meet (026), "demanded that
        they free the sailors" a demand to release persons (1053)."""
        if code[:2] not in {"02", "10"}:
            return code
        for thing in grammar.slot_heads(verb, "dobj"):  # "reiterated its demand that X withdraw"
            act = self.requested_act(thing)
            if act is not None:
                return requested_code(code[:2], act) or code
        if verb.lemma_ not in grammar.REQUEST_VERBS:
            return code
        if code[:2] == "10" and verb.lemma_ in _ORDER_VERBS:
            expelled = self._ordered_out(verb)
            if expelled is not None:
                return expelled
        asked = grammar.for_clauses(verb)  # "called for X to lift sanctions"
        for child in verb.children:
            if child.dep_ in {"xcomp", "ccomp"} or child in asked:
                act = self.act_code(child)
                if act is not None:
                    return requested_code(code[:2], act) or code
        return code

    def _ordered_out(self, verb: Token) -> str | None:
        """"ordered the inspectors to leave the country" expels them: the code
        "expel" gives its object (1662 inspectors, 174 people)."""
        expel = self.lexicon.verb_patterns("expel")
        if not expel or not any(c.dep_ == "xcomp" and c.lemma_ in _LEAVE_VERBS for c in verb.children):
            return None
        codes = (object_code(expel[0], h) for h in grammar.slot_heads(verb, "dobj"))
        return next((c for c in codes if c is not None), expel[0].cameo)

    def requested_act(self, noun: Token) -> str | None:
        """The code of the act a demand or call noun asks for in its that-clause."""
        for clause in noun.children:
            if clause.dep_ == "acl" and grammar.requested_clause(clause):
                act = self.act_code(clause)
                if act is not None:
                    return act
        return None

    def refusal_code(self, act: str) -> str:
        return requested_code("12", act) or "120"

    def apply_modality(
        self, code: str, intent: str | None, negated: str | None, mood: grammar.Modality
    ) -> str | None:
        kind = mood.kind
        if kind in {"asserted", "speculated"}:
            return code
        if kind == "stopped" and mood.governor is not None:
            # "stopped attacking X" de-escalates (087), "agreed to stop fighting X"
            # announces it (0356), "stopped talking to X" breaks off talks (164).
            ended = stopped_code(code)
            return None if ended is None else self.apply_modality(
                ended, _STOP_INTENTS.get(ended), None, grammar.modality(mood.governor)
            )
        if kind == "negated":
            return negated
        if code[:2] == "13" and kind in {"future", "intended", "conditional", "threatened"}:
            return code  # a threat is a threat however it is put ("an ultimatum ... if they do not withdraw")
        if code[:2] == "03" and kind in {"future", "intended", "conditional"}:
            return code  # so is an offer: "is ready to offer X a loan guarantee"
        if kind == "conditional" and mood.leverage and (code == "0874" or code.startswith("166")):
            return "136"  # "will pull its troops out unless X pays": a threat to end its involvement
        if kind in {"attempted", "failed"} and code in _KILLINGS:
            return _ATTEMPTED_KILLING  # "tried to assassinate X", "failed to kill X"
        if kind in {"future", "intended", "conditional", "attempted"}:
            return intent
        if kind == "threatened":
            return intent if intent and intent.startswith("13") else None
        if kind == "refused":
            return self.refusal_code(code) if mood.governor is not None else None
        if kind == "failed":  # "failed to reach a deal": the cooperation was turned down
            return self.refusal_code(code) if "02" <= code[:2] <= "08" else None
        if kind == "refusing":
            # Only a refused cooperation is a rejection; "will not attack" is not one.
            return negated or (self.refusal_code(code) if "02" <= code[:2] <= "08" else None)
        return None  # hypothetical, requested: the act itself did not happen

    def _noun_candidates(
        self, noun: Token, found: NounTrigger, state: SentenceState, memory: ArticleMemory
    ) -> Iterator[Candidate]:
        pattern = found.pattern
        if noun.dep_ == "compound":
            return  # "attack helicopters", "strike team": a modifier, not an event
        if undone(noun):
            return  # "the cancellation of its visit": the visit did not happen
        converse = self.converse_verb(noun)
        if converse is not None:
            yield from self._converse_candidates(noun, found, converse, state, memory)
            return
        governor = grammar.light_verb_of(noun)
        phrase = grammar.light_verb_phrase(noun, self.lexicon.light_verbs) if governor is None else None
        if phrase is not None:
            governor, light = phrase, True  # "entered into talks with", "claimed responsibility for the attack"
        else:
            light = governor is not None and governor.lemma_.lower() in self.lexicon.light_verbs
        code = found.code
        if governor is not None and light:
            mood = grammar.modality(governor)
            subject_heads = grammar.subjects(governor)[0]
            sources = [a for h in subject_heads for a in self._actors(h, state, memory)]
            trigger_start = governor
            code = crowd_code(found, any(grammar.is_crowd(h) for h in subject_heads))
        elif governor is not None and self.verb_patterns(governor):
            return  # the verb's own pattern codes it ("rejected the talks")
        elif noun.dep_ == "nsubjpass" and any(object_code(p, noun) for p in self.verb_patterns(noun.head)):
            return  # so does a passive one: "Iran's talks with X were suspended" is not a meeting
        else:
            prep = grammar.governing_preposition(noun)
            if prep is not None and prep.lower_ in _PROSPECTIVE_PREPS:
                return  # "called for talks", "looks forward to the talks": not (yet) held
            if prep is not None and prep.lower_ in _TOPIC_PREPS and self._is_talk(prep.head):
                return  # "negotiations on an Israeli pullback": the topic, not an act
            if prep is not None and any(p.prep == prep.lower_ for p in self.verb_patterns(prep.head)):
                return  # "went on strike": the verb's own pattern codes it
            mood = self.noun_modality(noun)
            sources = self._noun_sources(noun, state, memory)
            if not sources and prep is not None and prep.lower_ in _CIRCUMSTANCE_PREPS and prep.head.pos_ in {"VERB", "AUX"}:
                # "X said during a meeting with Y": X is the party meeting Y.
                sources = self.subject_actors(prep.head, state, memory)
            trigger_start = noun
        aimed = aimed_object_code(pattern, noun)  # "an attack on the government's policy" 111
        if aimed is not None:
            code = aimed
        code = self.apply_modality(code, None if aimed and aimed[:2] != found.code[:2] else found.intent, None, mood)
        if code is None:
            return
        act = self.requested_act(noun)  # "its demand that Ukraine withdraw" 105
        if act is not None and code[:2] in {"02", "10"}:
            code = requested_code(code[:2], act) or code
        targets = self._noun_targets(noun, pattern, state, memory)
        if not targets and light and "to" in pattern.target:
            # "issued a warning to X": the parser may hang "to X" on the light verb
            targets = [a for h in grammar.slot_heads(trigger_start, "dative") for a in self._actors(h, state, memory)]
        if not targets and governor is not None and (code[:2] == "15" or pattern.posture):
            targets = self._posture_targets(governor, state, memory)  # "held drills near Taiwan"
            if targets and pattern.posture and code[:2] != "15":
                code = self.apply_modality(pattern.posture, None, None, mood) or code
        if light and grammar.is_contact_purpose(trigger_start):
            if code[:2] in CONTACT_ROOTS:
                return
            targets = targets or self._contacted(trigger_start, state, memory)  # "phoned X to convey support"
        if not sources and pattern.symmetric:
            pairs = symmetric_pairs(self._participants(noun, state, memory))
        elif sources and targets:
            pairs = [(s, t) for s in sources for t in targets]
        elif pattern.symmetric and len(sources) > 1:
            pairs = symmetric_pairs(sources)
        else:
            return
        for source, target in pairs:
            if distinct_actors(source, target):
                first, last = sorted((trigger_start, noun), key=lambda t: t.i)
                yield Candidate(source, target, code, first, last, pattern.id, mood.kind)

    def _is_talk(self, token: Token) -> bool:
        """Talks, or a verb carrying talks ("renewed negotiations [on X]")."""
        found = noun_trigger(self.lexicon, token)
        if found is not None:
            return found.code[:2] in _TALK_ROOTS
        if token.pos_ == "VERB" and any(p.cameo[:2] in _TALK_ROOTS for p in self.verb_patterns(token)[:1]):
            return True  # "agreed on a prisoner swap", "negotiated over a ceasefire": the topic
        return any(self._is_talk(o) for o in token.children if o.dep_ in {"dobj", "obj"})

    def noun_modality(self, noun: Token) -> grammar.Modality:
        """How a standalone event noun is presented: "will hold talks" is
        announced, "will investigate the attacks" is not an announced attack."""
        return grammar.nearest_modality(noun, self.acts_on_event, self.is_event_noun)

    def acted_on(self, noun: Token) -> bool:
        """The event noun is the object of an act of its own ("investigated the
        attacks", "condemned the strike"): that verb's pattern codes it."""
        governor = grammar.light_verb_of(noun)
        return governor is not None and self.acts_on_event(governor, noun)

    def acts_on_event(self, verb: Token, thing: Token) -> bool:
        """A verb that is an act of its own on ``thing``, not a light verb
        carrying it: one of its patterns codes with that object."""
        if verb.lemma_.lower() in self.lexicon.light_verbs:
            return False
        return any(not p.only_objects or object_code(p, thing) is not None for p in self.verb_patterns(verb))

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
            and head.lemma_.lower() not in COLLECTIVE_NOUNS
        )
    )
    return plural, person


def undone(noun: Token) -> bool:
    """An act named as what is ended, cancelled or put off: "the suspension
    of its aid", "the cancellation of the visit", "the collapse of talks"."""
    prep = noun.head if noun.dep_ == "pobj" else None
    return (
        prep is not None and prep.lower_ == "of" and prep.head.pos_ == "NOUN"
        and prep.head.lemma_.lower() in _UNDOING_NOUNS
    )  # fmt: skip


_UNDOING_NOUNS = frozenset({
    "suspension", "cancellation", "cancelation", "postponement", "halt", "end", "termination", "dissolution",
    "collapse", "breakdown", "freeze", "cessation", "abandonment", "failure", "delay", "scrapping", "revocation",
    "withdrawal", "cut", "reduction", "stoppage", "interruption", "breakup", "rupture", "severance",
})


def movement_is_event(code: str, subject_heads: list[Token], sources: list[Actor]) -> bool:
    """Forces that arrive are not on a visit ("US troops arrived in Poland"),
    and refugees who cross a border do not occupy it; a general who arrives
    still visits."""
    if code in _VISITS and any(h.tag_ in {"NNS", "NNPS"} for h in subject_heads):
        return not all(a.sector in _ARMED for a in sources)
    if code == _OCCUPY:
        return not all(a.sector in _UNARMED_PEOPLE for a in sources)
    return True


_VISITS = frozenset({"042", "043"})
_OCCUPY = "192"
_ARMED = frozenset({"MIL", "REB", "UAF", "SEP", "INS"})
_UNARMED_PEOPLE = frozenset({"REF", "CVL"})


def stopped_code(code: str) -> str | None:
    """The code of ending an act: force ends in de-escalation, restrictions
    and dissent are eased, cooperation and talks are cut off."""
    return _STOPPED.get(code[:3]) or _STOPPED.get(code[:2])


_STOPPED = {
    "18": "087", "19": "087", "20": "087", "15": "087", "17": "081", "14": "082", "163": "085",
    "04": "164", "07": "162", "06": "160", "05": "160",
}  # fmt: skip
_STOP_INTENTS = {"087": "0356", "081": "0351", "082": "0352", "085": "0354"}


def _trigger_end(verb: Token, word: str | None) -> Token:
    if word:
        for child in verb.children:
            if child.lower_ == word and child.i == verb.i + 1:
                return child
    return verb


def domestic_force(c: Candidate) -> Candidate:
    """Force between a state's security arms and its own protesters or
    opposition: by the state it is violent repression (CAMEO 175, "police
    opened fire on demonstrators"); by the protesters a violent protest (145,
    "opposition supporters clashed with police")."""
    if c.cameo[:2] not in {"18", "19"} or c.source.country is None or c.source.country != c.target.country:
        return c
    if c.source.sector in _SECURITY_SECTORS and c.target.sector == "OPP":
        return dataclasses.replace(c, cameo="175")
    if c.source.sector in _PROTESTING and c.target.sector in _SECURITY_SECTORS and c.cameo in _RIOTING:
        return dataclasses.replace(c, cameo="145")  # not shelling (194) or bombing: that is fighting
    return c


_PROTESTING = frozenset({"OPP", "CVL"})
_ORDER_VERBS = frozenset({"order", "tell"})
_LEAVE_VERBS = frozenset({"leave", "depart", "quit", "exit"})
_RIOTING = frozenset({"190", "180", "182", "1821", "1822", "1823"})  # unarmed or untyped force


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
