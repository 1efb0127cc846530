"""Coding between given actors: the event a sentence reports from A to B.

Evaluation data of the PLV kind gives a sentence and the text of its source
and target mentions and asks which event links them.  The full coder runs
first; if it found an event between the two mentions, that is the answer.
Otherwise the dyad coder looks for the trigger itself: the words on the
dependency path between the two mentions (their lowest common ancestor
first), then the other words of the sentence nearest to that path, and
codes the first one the lexicon knows, with the same modality rules as the
full coder.  Both mentions are given, so no actor has to be found.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Span, Token

from . import grammar
from .actors import ArticleMemory, scene_country
from .errors import InputError
from .lexicon import VerbPattern
from .candidates import Candidate
from .events import CONTACT_ROOTS, EventCoder, SentenceState, domestic_force
from .speech import obligation
from .triggers import aimed_object_code, crowd_code, noun_trigger, object_reading, verb_object_code
from .model import Actor, Article, Event
from .nlp import ParsedSentence, Parser


class DyadCoder:
    """Codes the event between two given mentions of a sentence."""

    def __init__(self, parser: Parser, coder: EventCoder) -> None:
        self.parser = parser
        self.coder = coder

    def code(self, text: str, source: str, target: str, date: dt.date | None = None) -> Event | None:
        source_at, target_at = _locate(text, source, target)
        article = Article(id="dyad", text=text, date=date, origin="<dyad>")
        (parsed,) = list(self.parser.parse([article]))
        events, _actors = self.coder.code_article(parsed)
        matching = [
            e for e in events
            if e.source and e.target and _overlaps(e.source, source_at) and _overlaps(e.target, target_at)
        ]
        sentence = _sentence_of(parsed.sentences, target_at[0]) or _sentence_of(parsed.sentences, source_at[0])
        if sentence is not None:
            # A trigger on the path between the two mentions beats an event
            # the full coder found elsewhere ("at a meeting, A accepted B's plan").
            on_path = self._forced(article, sentence, source_at, target_at, path_only=True)
            if on_path is not None:
                return on_path
        if matching:
            return max(matching, key=lambda e: e.confidence)
        if sentence is None:
            return None
        return self._forced(article, sentence, source_at, target_at, path_only=False)

    def _forced(
        self,
        article: Article,
        sentence: ParsedSentence,
        source_at: tuple[int, int],
        target_at: tuple[int, int],
        path_only: bool,
    ) -> Event | None:
        source_span = _char_span(sentence, source_at)
        target_span = _char_span(sentence, target_at)
        if source_span is None or target_span is None:
            return None
        state = SentenceState(sentence, self.coder.resolver.index(sentence.segment.doc))
        state.place = scene_country(sentence.span, state.index)
        memory = ArticleMemory(date=article.date)
        source = self._given_actor(source_span, source_at, state, memory)
        target = self._given_actor(target_span, target_at, state, memory)
        mentions = set(range(source_span.start, source_span.end)) | set(range(target_span.start, target_span.end))
        for token in _trigger_order(sentence.span, source_span.root, target_span.root, path_only):
            if token.i in mentions:
                continue
            found = self._code_token(token)
            if found is not None and found[0][:2] in {"02", "10"} and any(
                h.left_edge.i <= target_span.root.i <= h.right_edge.i for h in self.coder.rallied_against(token)
            ):
                found = ("113", "grammar:rally", "asserted")  # "called on X to unite against <target>"
            if found is not None and _reported_doer(token, target_span, source_span):
                # "Amnesty said the military had killed villagers": the target did
                # the reported act; the speaker accuses it of a hostile one.
                if self.coder.ontology.get(found[0]).quad_class < 3:
                    continue
                found = ("112", "grammar:blame", found[2])
            if found is not None:
                code, pattern, modality = found
                candidate = domestic_force(Candidate(source, target, code, token, token, pattern, modality))
                return self.coder.make_event(article, sentence, candidate)
        return None

    def _code_token(self, token: Token) -> tuple[str, str, str] | None:
        """(code, pattern id, modality) if the lexicon knows the word and the act counts."""
        coder = self.coder
        if token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB"):
            return self._code_verb(token)
        if token.pos_ in {"NOUN", "PROPN"} and token.dep_ != "compound" and not coder.acted_on(token):
            found = noun_trigger(coder.lexicon, token)
            if found is not None:
                mood = coder.noun_modality(token)
                aimed = aimed_object_code(found.pattern, token)  # "attacks on the law": criticism
                governor = grammar.light_verb_of(token)
                own = crowd_code(found, governor is not None and any(  # "workers staged a strike": 143
                    grammar.is_crowd(h) for h in grammar.subjects(governor)[0]
                ))
                code = coder.apply_modality(aimed or own, None if aimed else found.intent, None, mood)
                if code and coder.ontology.get(code).plover_type:
                    return code, found.pattern.id, mood.kind
        return None

    def _code_verb(self, verb: Token) -> tuple[str, str, str] | None:
        coder = self.coder
        if verb.lemma_.lower() in coder.lexicon.converse_verbs:
            # "X's visit drew criticism from Y": the criticism, before the words
            # on the subject's side of the path
            found = self._code_object_noun(verb, grammar.modality(verb))
            if found is not None:
                return found
        aim = grammar.purpose(verb)
        if aim is not None:
            # "sent jets to destroy the reactor": the attack; "phoned X to
            # convey support": the support (but "called X to discuss Y" is the call)
            if coder.verb_patterns(aim):
                found = self._code_verb(aim)
            else:
                found = self._code_object_noun(aim, grammar.modality(aim))
            if found is not None and not (verb.lemma_ in grammar.CONTACT_VERBS and found[0][:2] in CONTACT_ROOTS):
                return found
        mood = grammar.modality(verb)
        complement = obligation(verb)
        if complement is not None:  # "A said B must mediate"
            return coder.obligation_code(complement), "grammar:obligation", mood.kind
        if coder.blamed_for_harm(verb) is not None and mood.kind == "asserted":  # "A said B was behind the attack"
            return "112", "grammar:blame", mood.kind
        crowd = any(grammar.is_crowd(h) for h in grammar.subjects(verb)[0])
        for pattern in coder.verb_patterns(verb):
            if coder.undergoes_event(verb, pattern):
                return self._code_object_noun(verb, mood)  # "received aid from X": X's aid
            cameo = pattern.crowd if crowd and pattern.crowd else pattern.cameo
            code = coder.apply_modality(cameo, pattern.intent, pattern.negated, mood)
            override = verb_object_code(pattern, verb)
            labelled = pattern.predicative is not None and any(
                grammar.is_predicate_of_object(c) for c in verb.children
            )
            if pattern.only_objects and override is None and not labelled:
                continue  # the next, less specific pattern may fit
            if override and code:
                code = coder.keep_intent(code, pattern, override)
            if labelled and code == pattern.cameo:
                code = pattern.predicative  # "called the envoy a liar", "found X guilty"
            if code and code[:2] == "10":
                code = coder.refine_request(verb, code)  # "ordered the inspectors to leave" expels them
            if code and code[:2] in {"02", "10"} and _aimed(coder, verb, pattern):
                code = "111"  # "called for sanctions against X"
            if code:
                code = coder.aimed_code(verb, code)  # "launched an attack on the policy"
                code = object_reading(coder.lexicon, verb, code, crowd)  # "launched a general strike" 143
            if code and coder.ontology.get(code).plover_type:
                return code, pattern.id, mood.kind
            return None
        return None

    def _code_object_noun(self, verb: Token, mood: grammar.Modality) -> tuple[str, str, str] | None:
        """The event noun the verb governs as its object, coded with ``mood``."""
        coder = self.coder
        for thing in verb.children:
            found = noun_trigger(coder.lexicon, thing) if thing.dep_ in {"dobj", "obj"} else None
            if found is not None:
                code = coder.apply_modality(found.code, found.intent, None, mood)
                if code and coder.ontology.get(code).plover_type:
                    return code, found.pattern.id, mood.kind
        return None

    def _given_actor(self, span: Span, at: tuple[int, int], state: SentenceState, memory: ArticleMemory) -> Actor:
        """The mention as given, with a code when the knowledge base knows it."""
        resolved = self.coder.actor(span.root, state, memory)
        text = state.sentence.segment.doc.text
        offset = state.sentence.segment.offset
        plain = Actor(text=text[at[0] - offset : at[1] - offset], start=at[0], end=at[1])
        if resolved is None:
            return plain
        return replace(resolved, text=plain.text, start=plain.start, end=plain.end)


def _locate(text: str, source: str, target: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """Character spans of the two mentions; the target is searched outside the source."""
    s = text.find(source)
    if not source or s < 0:
        raise InputError(f"source {source!r} is not in the text")
    t = text.find(target)
    while t >= 0 and s <= t < s + len(source) and target != source:
        t = text.find(target, t + 1)
    if not target or t < 0:
        raise InputError(f"target {target!r} is not in the text")
    return (s, s + len(source)), (t, t + len(target))


def _overlaps(actor: Actor, at: tuple[int, int]) -> bool:
    return actor.start < at[1] and at[0] < actor.end


def _sentence_of(sentences: tuple[ParsedSentence, ...], char: int) -> ParsedSentence | None:
    for sentence in sentences:
        if sentence.record.start <= char < sentence.record.end:
            return sentence
    return None


def _char_span(sentence: ParsedSentence, at: tuple[int, int]) -> Span | None:
    offset = sentence.segment.offset
    return sentence.segment.doc.char_span(at[0] - offset, at[1] - offset, alignment_mode="expand")


def _trigger_order(sentence: Span, source: Token, target: Token, path_only: bool) -> list[Token]:
    """Words on the path between the mentions (common ancestor first), then
    the rest of the sentence by distance from that ancestor."""
    source_up = [source, *source.ancestors]
    target_up = [target, *target.ancestors]
    source_ids = {t.i for t in source_up}
    common = next((t for t in target_up if t.i in source_ids), None)
    if common is None:
        path = source_up + target_up
    else:
        below_common = [t for t in source_up if t.i != common.i and common.i in {a.i for a in t.ancestors}]
        target_side = [t for t in target_up if t.i != common.i and common.i in {a.i for a in t.ancestors}]
        down = list(reversed(target_side))
        if down and down[0].dep_ == "conj" and down[0].pos_ in {"VERB", "AUX"}:
            # "A visited Warsaw and praised Poland's support": the conjunct
            # that governs the target is the act towards it, not the first verb.
            path = [*down, common, *reversed(below_common)]
        else:
            path = [common, *down, *reversed(below_common)]
    if path_only:
        return path
    seen = {t.i for t in path}
    anchor = common.i if common is not None else target.i
    rest = sorted((t for t in sentence if t.i not in seen), key=lambda t: abs(t.i - anchor))
    return path + rest


def _aimed(coder: EventCoder, verb: Token, pattern: VerbPattern) -> bool:
    slots = ["dobj", *([pattern.prep] if pattern.prep else []), *pattern.target]
    return any(coder.aims_at_someone(h) for slot in dict.fromkeys(slots) for h in grammar.slot_heads(verb, slot))


def _reported_doer(token: Token, target: Span, source: Span) -> bool:
    """The target is the subject of an act reported by the source's speech verb."""
    clause = token
    while clause.dep_ != "ccomp" and clause.head.i != clause.i and (
        clause.pos_ not in {"VERB", "AUX"} or clause.dep_ in {"xcomp", "conj"}
    ):  # "had carried out a slaughter", "had agreed to expand trade": up to the reported clause
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_ not in grammar.SPEECH_VERBS:
        return False
    doers = grammar.subjects(clause)[0]
    speakers = grammar.subjects(clause.head)[0]
    return any(target.start <= d.i < target.end for d in doers) and any(
        source.start <= h.i < source.end for h in speakers
    )
