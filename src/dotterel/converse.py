"""Converse verbs: the subject undergoes what someone else did.

"Yemen received aid from Saudi Arabia", "Iran drew condemnation from the EU",
"the convoy came under attack by militants", "received weapons from X": the
"from"/"by" party is the source and the subject the target.  A mixin of the
event coder (it uses the coder's lexicon, actors and modality rules).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from . import grammar
from .actors import ArticleMemory
from .candidates import Candidate, distinct_actors
from .lexicon import VerbPattern
from .targets import SentenceState, TargetFinder, announced_code
from .triggers import NounTrigger, noun_trigger, object_code

# Verbs whose object maps say what a received thing is ("received weapons
# from X" is X supplying weapons, 072).
_GIVING_VERBS = ("supply", "provide", "send", "deliver")
_RECEIVING_VERBS = frozenset({"receive", "get", "obtain", "acquire"})


# "came under fire from X" is criticism when X bears no arms.
_FIGURATIVE_FIRE = frozenset({"fire", "attack", "assault", "barrage", "onslaught"})
_FORCE_ROOTS = frozenset({"18", "19"})
_UNARMED = frozenset({"GOV", "LEG", "JUD", "OPP", "MED", "CVL", "IGO", "NGO", "HRI", "EDU", "REL", "BUS", "ELI", "LAB"})
_CRITICISM = "111"

class ConverseCoder(TargetFinder):
    """Candidates of converse verbs (mixed into the event coder)."""

    def apply_modality(
        self, code: str, intent: str | None, negated: str | None, mood: grammar.Modality
    ) -> str | None:
        raise NotImplementedError  # the event coder's modality rules

    def converse_verb(self, noun: Token) -> Token | None:
        """The verb whose subject undergoes the act ``noun`` names, if any:
        "received [aid] from X", "came under [attack] by X"."""
        verb = grammar.light_verb_of(noun)
        if verb is not None and verb.lemma_.lower() in self.lexicon.converse_verbs:
            return verb
        return grammar.light_verb_phrase(noun, self.lexicon.converse_verbs)

    def _converse_candidates(
        self, noun: Token, found: NounTrigger, verb: Token, state: SentenceState, memory: ArticleMemory
    ) -> Iterator[Candidate]:
        """"Yemen received aid from Saudi Arabia": the noun's "from"/"by" party
        (or its owner: "Saudi aid") did the act to the verb's subject."""
        agents = [
            o for holder in (noun, verb) for p in holder.children if p.dep_ in {"prep", "agent"}
            and p.lower_ in {"from", "by"} for o in p.children if o.dep_ == "pobj"
        ]
        sources = [a for h in agents for a in self._actors(h, state, memory)] or self._noun_sources(noun, state, memory)
        targets = self.subject_actors(verb, state, memory)
        mood = grammar.modality(verb)
        code = self.apply_modality(found.code, found.intent, None, mood)
        if code is None:
            return
        first, last = sorted((verb, noun), key=lambda t: t.i)
        for source in sources:
            # "came under fire from lawmakers": words; "from rebels" or "from Israeli tanks": arms
            said = code[:2] in _FORCE_ROOTS and noun.lemma_.lower() in _FIGURATIVE_FIRE and source.sector in _UNARMED
            for target in targets:
                if distinct_actors(source, target):
                    yield Candidate(source, target, _CRITICISM if said else code, first, last, found.pattern.id, mood.kind)

    def _received_candidates(self, verb: Token, state: SentenceState, memory: ArticleMemory) -> Iterator[Candidate]:
        """"Georgian demonstrators received weapons from the government": what
        a giver provides ("supply weapons" 072), from the "from" party to the
        subject.  Event nouns received are coded as acts ("received aid")."""
        if verb.lemma_.lower() not in _RECEIVING_VERBS or any(c.dep_ == "prt" for c in verb.children):
            return
        things = [o for o in verb.children if o.dep_ in {"dobj", "obj"} and noun_trigger(self.lexicon, o) is None]
        givers = [a for h in grammar.slot_heads(verb, "from") for a in self._actors(h, state, memory)]
        if not things or not givers:
            return
        code = next((c for g in _GIVING_VERBS for p in self.lexicon.verb_patterns(g) for t in things
                     if (c := object_code(p, t)) is not None), None)
        if code is None:
            return
        mood = grammar.modality(verb)
        code = self.apply_modality(code, announced_code(code), None, mood)
        targets = self.subject_actors(verb, state, memory)
        for source in givers:
            for target in targets:
                if code and distinct_actors(source, target):
                    yield Candidate(source, target, code, verb, verb, f"converse:{verb.lemma_.lower()}", mood.kind)

    def undergoes_event(self, verb: Token, pattern: VerbPattern) -> bool:
        """A converse verb whose object is an event noun its own pattern does
        not list: "received aid from X" is X's aid, not a hosted visit."""
        if verb.lemma_.lower() not in self.lexicon.converse_verbs:
            return False
        return any(
            o.dep_ in {"dobj", "obj"} and noun_trigger(self.lexicon, o) is not None and object_code(pattern, o) is None
            for o in verb.children
        )
