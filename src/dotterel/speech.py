"""What a speaker's words imply beyond the statement itself.

"A said B must mediate" is an appeal to B; "A called on B to unite against C"
rallies opposition against C (113); "A said C was behind the attack" accuses
C (112).  A mixin of the event coder (it uses the coder's actors and act codes).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from . import grammar
from .actors import ArticleMemory
from .candidates import Candidate, distinct_actors
from .converse import ConverseCoder
from .targets import SentenceState, requested_code
from .triggers import noun_trigger

_ACCUSE = "112"
# Harms a speaker may hold someone responsible for, besides hostile acts the lexicon knows.
_HARMS = frozenset({
    "death", "deaths", "killing", "sinking", "explosion", "blast", "violence", "bloodshed", "massacre", "crash",
    "downing", "disappearance", "poisoning", "fire", "destruction", "casualty", "casualties",
})


def obligation(verb: Token) -> Token | None:
    """The complement a speaker says someone must do: "said Qatar must mediate"
    gives "mediate" (whose subject is the one asked)."""
    if verb.lemma_ not in grammar.SPEECH_VERBS or verb.lemma_ in _OPINION_VERBS:
        return None  # "many think the government should negotiate" is an opinion, not a request
    for complement in (c for c in verb.children if c.dep_ == "ccomp"):
        subject = next((c for c in complement.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        modal = any(
            a.dep_ in {"aux", "auxpass"} and a.lower_ in _OBLIGATION_AUX and (subject is None or a.i > subject.i)
            for a in complement.children
        )  # "should Huawei be given a role" is a condition, not an obligation
        if modal and not any(c.dep_ == "neg" for c in complement.children):
            return complement
    return None


def blamed(verb: Token) -> tuple[Token, Token] | None:
    """The one a speaker holds to blame, and the deed: "said Pyongyang was
    responsible for the sinking", "said Hamas was behind the attack"."""
    if verb.lemma_ not in grammar.SPEECH_VERBS:
        return None
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.lemma_ == "be"):
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None or any(c.dep_ == "neg" for c in clause.children):
            continue
        preps = [c for c in clause.children if c.dep_ == "prep" and c.lower_ == "behind"]
        preps += [p for a in clause.children if a.dep_ == "acomp" and a.lower_ in _BLAME_WORDS
                  for p in a.children if p.dep_ == "prep" and p.lower_ == "for"]
        deed = next((o for p in preps for o in p.children if o.dep_ == "pobj"), None)
        if deed is not None:
            return subject, deed
    return None


_BLAME_WORDS = frozenset({"responsible", "culpable", "guilty", "accountable"})


_OBLIGATION_AUX = frozenset({"must", "should", "ought"})
_OPINION_VERBS = frozenset({"think", "believe", "suggest", "indicate", "note"})


class SpeechCoder(ConverseCoder):
    """Candidates implied by what someone says (mixed into the event coder)."""

    def act_code(self, verb: Token) -> str | None:
        raise NotImplementedError  # the event coder's reading of an act

    def speech_candidates(self, verb: Token, state: SentenceState, memory: ArticleMemory) -> Iterator[Candidate]:
        """All candidates the verb's words imply (the lemma is checked once: every verb comes here)."""
        lemma = verb.lemma_
        if lemma in grammar.SPEECH_VERBS:
            yield from self._obligation_candidates(verb, state, memory)
            yield from self._blame_candidates(verb, state, memory)
        if lemma.lower() in grammar.REQUEST_VERBS:
            yield from self._rallied_candidates(verb, state, memory)

    def _obligation_candidates(self, verb: Token, state: SentenceState, memory: ArticleMemory) -> Iterator[Candidate]:
        """"A said B must mediate": A asks B to (an appeal, refined by the act)."""
        complement = obligation(verb)
        if complement is None:
            return
        sources = self.subject_actors(verb, state, memory)
        targets = self.subject_actors(complement, state, memory)
        code = self.obligation_code(complement)
        for source in sources:
            for target in targets:
                if distinct_actors(source, target):
                    yield Candidate(source, target, code, verb, verb, "grammar:obligation", "asserted")

    def _rallied_candidates(self, verb: Token, state: SentenceState, memory: ArticleMemory) -> Iterator[Candidate]:
        """"called on Arabs to unite against Israel", "urged Iraq to expel US
        troops": calling others to a hostile act against a third party rallies
        opposition against it (113), besides the appeal itself."""
        opposed = self.rallied_against(verb)
        if not opposed:
            return
        sources = self.subject_actors(verb, state, memory)
        for target in (a for h in opposed for a in self._actors(h, state, memory)):
            for source in sources:
                if distinct_actors(source, target):
                    yield Candidate(source, target, "113", verb, verb, "grammar:rally", "asserted")

    def rallied_against(self, verb: Token) -> list[Token]:
        """Heads of the parties an asserted appeal calls others to act against:
        the "against" party of the requested act, or the target of a hostile act
        (quad 3-4) the lexicon knows; never the one asked ("urged Iran to ...")."""
        if verb.lemma_.lower() not in grammar.REQUEST_VERBS or grammar.modality(verb).kind != "asserted":
            return []
        if grammar.purpose(verb) is not None:
            return []  # "ordered jets to bomb X": the bombing itself, not a rally against X
        asked = {t.i for c in verb.children if c.dep_ in {"dobj", "dative", "prep"} for t in c.subtree}
        heads: list[Token] = []
        for clause in (c for c in verb.children if c.dep_ == "xcomp"):
            for act in (clause, *clause.conjuncts):
                heads += grammar.slot_heads(act, "against")
                code = self.act_code(act)
                if code is not None and len(code) >= 3 and self.ontology.get(code).quad_class >= 3:
                    heads += self._act_targets(act)
        return [h for h in dict.fromkeys(heads) if h.i not in asked]

    def _act_targets(self, act: Token) -> list[Token]:
        """Heads in the target slots of a requested act: the verb's own pattern
        ("to attack X"), or the event noun it carries ("to carry out attacks on X")."""
        patterns = self.verb_patterns(act)
        if patterns:
            return [h for slot in patterns[0].target for h in grammar.slot_heads(act, slot)]
        heads: list[Token] = []
        for thing in (c for c in act.children if c.dep_ in {"dobj", "obj"}):
            found = noun_trigger(self.lexicon, thing)
            if found is not None:
                heads += [
                    pobj for prep in thing.children if prep.dep_ == "prep" and prep.lower_ in found.pattern.target
                    for pobj in prep.children if pobj.dep_ == "pobj"
                ]
        return heads

    def _blame_candidates(self, verb: Token, state: SentenceState, memory: ArticleMemory) -> Iterator[Candidate]:
        """"Seoul said Pyongyang was responsible for the attack": an accusation (112)."""
        culprit = self.blamed_for_harm(verb)
        if culprit is None or grammar.modality(verb).kind != "asserted":
            return
        for target in self._actors(culprit, state, memory):
            for source in self.subject_actors(verb, state, memory):
                if distinct_actors(source, target):
                    yield Candidate(source, target, _ACCUSE, verb, verb, "grammar:blame", "asserted")

    def blamed_for_harm(self, verb: Token) -> Token | None:
        """Whom the speaker blames for a hostile act or a harm ("responsible
        for the attack"); "responsible for their safety" blames no one."""
        found = blamed(verb)
        if found is None:
            return None
        culprit, deed = found
        act = noun_trigger(self.lexicon, deed)
        if deed.lemma_.lower() in _HARMS or (act is not None and self.ontology.get(act.code).quad_class >= 3):
            return culprit
        return None

    def obligation_code(self, complement: Token) -> str:
        act = self.act_code(complement)
        return (requested_code("02", act) if act else None) or "020"
