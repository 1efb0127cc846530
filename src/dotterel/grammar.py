"""Dependency-parse helpers for the event coder.

Small, pure functions over spaCy tokens: who is the grammatical agent of a
verb (through passives, relative clauses, coordinated verbs and control),
where its objects are, and whether the act is asserted, negated, intended
or hypothetical.  They know English grammar, not the CAMEO lexicon.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
_FUTURE_AUX = frozenset({"will", "shall", "'ll"})
_HYPOTHETICAL_AUX = frozenset({"would", "could", "may", "might", "should", "can", "must"})
# Verbs that announce their complement instead of reporting it as done:
# "plans to visit", "agreed to meet", "threatened to strike".
INTENT_VERBS = frozenset({
    "plan", "intend", "want", "agree", "offer", "promise", "pledge", "vow", "decide", "seek",
    "hope", "expect", "prepare", "aim", "wish", "propose", "consider", "mull", "volunteer",
    "be", "set", "schedule", "try", "attempt", "threaten", "warn", "refuse",
    "decline", "reject", "fail",
})
THREAT_VERBS = frozenset({"threaten", "warn", "vow"})
REFUSAL_VERBS = frozenset({"refuse", "decline", "reject"})
# "tried to assassinate X": the attempt was made (CAMEO 185 for a killing).
ATTEMPT_VERBS = frozenset({"try", "attempt"})
# "failed to reach a deal": the cooperation did not come about.
FAILURE_VERBS = frozenset({"fail"})
# Verbs that report speech: in their complement, "would" is the past of
# "will" ("said it would allow aid"), and "must"/"should" an obligation the
# speaker lays on someone ("said Qatar must mediate").
SPEECH_VERBS = frozenset({
    "say", "state", "announce", "tell", "add", "declare", "insist", "confirm", "report", "write",
    "stress", "emphasize", "emphasise", "assert", "argue", "reiterate", "warn", "note", "indicate",
    "claim", "believe", "think", "maintain", "affirm", "explain", "signal", "suggest",
})
# Passive attributions of a reported act: "X is said / reported / believed to have sent ...".
_ATTRIBUTION_VERBS = frozenset({"say", "report", "believe", "think", "know", "understand", "allege", "rumor", "rumour", "suspect"})
_SPECULATIVE_AUX = frozenset({"could", "might", "may", "can"})
# Verbs whose object is asked to do the complement: the complement is the
# content of the request, not an event that happened.
REQUEST_VERBS = frozenset({
    "urge", "ask", "call", "press", "request", "demand", "encourage", "invite", "appeal",
    "tell", "order", "push", "implore", "exhort", "persuade", "beg",
})


# Subjects that are crowds, not institutions: "students protested",
# "tens of thousands of people marched".
CROWD_NOUNS = frozenset({
    "people", "protester", "protesters", "demonstrator", "demonstrators", "student", "students", "worker",
    "workers", "resident", "residents", "villager", "villagers", "activist", "activists", "supporter",
    "supporters", "citizen", "citizens", "farmer", "farmers", "crowd", "crowds", "youth", "youths", "woman",
    "women", "teacher", "teachers", "employee", "employees", "mourner", "mourners", "thousands", "hundreds",
    "dozens", "tens", "member", "members", "fan", "fans", "voter", "voters", "refugee", "refugees",
    "rioter", "rioters", "mob", "mobs", "crowd", "looter", "looters", "marcher", "marchers",
    "miner", "miners", "nurse", "nurses", "doctors", "driver", "drivers", "dockworkers", "staff", "union", "unions",
})
_COUNT_NOUNS = frozenset({"thousands", "hundreds", "dozens", "tens", "scores", "millions", "group", "number"})


@dataclass(frozen=True, slots=True)
class Modality:
    """How the sentence presents the act."""

    kind: str  # asserted | speculated | negated | refusing | future | intended | attempted | conditional | hypothetical | threatened | requested | refused | failed | stopped
    governor: Token | None = None  # the verb that governs an intended act
    leverage: bool = False  # conditional on what another must do: "will pull out unless X pays"


def subjects(verb: Token) -> tuple[list[Token], bool]:
    """Heads of the verb's agent noun phrases, and whether the verb is passive.

    For a passive verb the agent is the object of "by".
    """
    passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or reduced_passive(verb)
    if passive:
        return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"], True
    found = [c for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
    if found:
        if found[0].lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return [verb.head], False
        return [*_comma_coordinated(verb, found[0]), *found], False
    if verb.dep_ == "relcl":
        return [verb.head], False
    if verb.dep_ == "ccomp" and verb.head.lemma_ == "let" and verb.tag_ == "VB":
        return subjects(verb.head)[0], False  # "let free the prisoners": the parser's "free" is a verb
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        head_subjects, head_passive = subjects(verb.head)
        return ([], False) if head_passive else (head_subjects, False)
    if verb.dep_ in {"xcomp", "advcl"} and verb.head.pos_ in {"VERB", "AUX"}:
        if verb.dep_ == "xcomp" and verb.head.lemma_ in REQUEST_VERBS and not _is_purpose_of(verb, verb.head):
            return [c for c in verb.head.children if c.dep_ in {"dobj", "dative"}], False
        raised = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        if verb.dep_ == "xcomp" and raised:
            return raised, False  # "X is set/expected/due to meet Y": X meets
        return subjects(verb.head)[0], False
    if verb.dep_ == "acl" and verb.head.dep_ in {"dobj", "obj"} and _is_purpose_of(verb, verb.head.head):
        return subjects(verb.head.head)[0], False  # "launched operations to detain X"
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and verb.head.head.pos_ in {"VERB", "AUX"}:
        return subjects(verb.head.head)[0], False  # "X was ready to resume talks"
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in _GERUND_ADJUNCT_PREPS and verb.head.head.pos_ in {
        "VERB", "AUX"
    }:
        return subjects(verb.head.head)[0], False  # "X told reporters after meeting Y"
    return [], False


# Prepositions of a gerund that shares the main verb's subject and whose act
# took place: "after meeting X", "while visiting X", "by attacking X" (not
# "before meeting", which has yet to happen, nor "without meeting").
_GERUND_ADJUNCT_PREPS = frozenset({"after", "while", "upon", "on", "by", "since", "following", "when", "in"})


def _comma_coordinated(verb: Token, subject: Token) -> list[Token]:
    """"Iran, Iraq sign pact": headlines join subjects with a bare comma, and
    the parser makes the first a noun-phrase adverbial of the verb.  A name
    right before ", <subject>" is a second subject; a date is not ("Monday,
    Iraq said")."""
    start = subject.left_edge.i
    return [
        c for c in verb.children
        if c.dep_ == "npadvmod" and c.pos_ == "PROPN" and c.ent_type_ not in {"DATE", "TIME"}
        and c.i + 2 == start and c.doc[c.i + 1].text == ","
    ]


def is_count(head: Token) -> bool:
    """"thousands", "dozens", "a group": a noun that counts its "of" object."""
    return head.lower_ in _COUNT_NOUNS or head.lemma_.lower() in _COUNT_NOUNS


def counted(head: Token) -> list[Token]:
    return [p for c in head.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


def is_crowd(head: Token) -> bool:
    """A crowd of people rather than an institution ("thousands of students")."""
    lemma = head.lemma_.lower()
    if head.lower_ in _COUNT_NOUNS or lemma in _COUNT_NOUNS:
        counted = [p for c in head.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
        if counted:
            return any(is_crowd(p) for p in counted)
    return head.pos_ in {"NOUN", "NUM"} and (head.lower_ in CROWD_NOUNS or lemma in CROWD_NOUNS)


def passive_patient(verb: Token) -> list[Token]:
    if reduced_passive(verb):
        return [verb.head]  # "Kosovo, [accused by Serbia of ...]": Kosovo
    return [c for c in verb.children if c.dep_ == "nsubjpass"]


def reduced_passive(verb: Token) -> bool:
    """A participle with an agent that modifies a noun: "Kosovo, accused by
    Serbia of provocations, ...", "soldiers captured by Russian forces"."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)


def slot_heads(verb: Token, slot: str) -> list[Token]:
    """Heads filling a target slot: "dobj", "dative" or a preposition.

    A preposition the parser hung on the direct object counts too
    ("discussed the issues with officials").
    """
    found = _slot_heads(verb, slot)
    if not found and slot == "dobj":
        # "allowed the WFP to deliver food": the parser makes the object the
        # subject of the infinitive; "demanded that Israel withdraw": the one
        # asked is the subject of the clause.
        found = [
            s for c in verb.children if c.dep_ in {"ccomp", "xcomp"}
            and (any(a.tag_ == "TO" for a in c.children) or is_predicate_of_object(c) or requested_clause(c))
            for s in c.children if s.dep_ == "nsubj"
        ] or [
            # "held two engineers hostage": the parser makes the object a compound of the label
            s for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "NOUN" and is_predicate_of_object(c)
            for s in c.children if s.dep_ == "compound"
        ]
    if not found and slot == "dobj" and not any(c.dep_ in {"dobj", "obj", "dative"} for c in verb.children):
        # "beat and detained protesters": coordinated verbs share the object
        found = [o for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" for o in _slot_heads(c, "dobj")]
    if not found and slot not in {"dobj", "dative", "iobj", "attr"}:
        for obj in (c for c in verb.children if c.dep_ in {"dobj", "obj"}):
            found = [p for c in obj.children if c.dep_ == "prep" and c.lower_ == slot for p in c.children if p.dep_ == "pobj"]
            if found:
                break
    return found


def _slot_heads(verb: Token, slot: str) -> list[Token]:
    if slot == "dobj":
        return [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    if slot in {"dative", "iobj"}:
        found = [c for c in verb.children if c.dep_ in {"dative", "iobj"} and c.pos_ != "ADP"]
        return found or [p for c in verb.children if c.dep_ == "dative" for p in c.children if p.dep_ == "pobj"]
    if slot == "attr":
        return [c for c in verb.children if c.dep_ == "attr"]
    preps = [c for c in verb.children if c.dep_ in {"prep", "agent", "dative", "prt"}]
    # "pulled its troops out of Somalia": the parser hangs "of" on "out"
    preps += [p for c in preps if c.lower_ in _COMPOUND_PREP_HEADS for p in c.children if p.dep_ == "prep"]
    found = [p for c in preps if c.lower_ == slot for p in c.children if p.dep_ == "pobj"]
    if not found and slot == "for":  # "called for X to step down": X is asked
        found = [s for c in for_clauses(verb) for s in c.children if s.dep_ == "nsubj"]
    return found


_COMPOUND_PREP_HEADS = frozenset({"out", "away", "back"})


def requested_clause(clause: Token) -> bool:
    """"demanded that Russia withdraw", "its demand that Russia withdraw": a
    that-clause under a request verb or noun."""
    return (
        clause.dep_ in {"ccomp", "acl"}
        and clause.head.lemma_.lower() in REQUEST_VERBS | _REQUEST_NOUNS
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    )


_REQUEST_NOUNS = frozenset({"plea", "insistence", "ultimatum", "call", "demand", "request", "appeal"})


def is_predicate_of_object(token: Token) -> bool:
    """A label given to the object: "called X [a liar]", "found X [guilty]"
    (the parser makes the latter a verbless clause whose subject is X)."""
    if token.pos_ == "PROPN":
        return False  # a name is not a label: "called [Turkey's President Erdogan]" misparsed
    return token.dep_ in {"oprd", "acomp"} or (token.dep_ == "ccomp" and token.pos_ in {"ADJ", "NOUN"})


def object_label(verb: Token) -> Token | None:
    """The label a verb gives its object: "held X [responsible]", "held X
    [hostage]", "let [free] the prisoners" (a shifted label that the parser
    makes a modifier of the object), "held X [accountable]" (an adjective the
    parser hangs on the verb as a clause)."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    for child in verb.children:
        if is_predicate_of_object(child):
            return child
        if child.dep_ == "advcl" and child.pos_ == "ADJ" and objects and objects[0].i < child.i:
            return child
    for obj in objects:
        for mod in obj.children:
            if mod.dep_ == "amod" and mod.pos_ == "ADJ" and mod.i == verb.i + 1:
                return mod
    return None


def has_particle(verb: Token, particle: str) -> bool:
    """The verb has this particle or preposition, not one that only dates
    the act: "called on X" is an appeal, "called X on Monday" a phone call.
    The parser may hang the preposition on the object: "put [troops on alert]"."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    return any(
        c.dep_ in {"prt", "prep", "advmod"} and c.lower_ == particle and not _temporal_phrase(c)
        for c in verb.children
    ) or any(c.dep_ == "prep" and c.lower_ == particle and not _temporal_phrase(c) for o in objects for c in o.children) or (
        particle == "for" and bool(for_clauses(verb))  # "called for X to step down"
    )


def heads_own_phrase(verb: Token, word: str) -> bool:
    """With an object, the preposition heads a phrase of its own: in "gave
    $400 million in aid", "in" is not the particle of intransitive "give in"."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    return bool(objects) and any(
        c.dep_ == "prep" and c.lower_ == word and any(p.dep_ == "pobj" for p in c.children)
        for holder in (verb, *objects) for c in holder.children
    )


def for_clauses(verb: Token) -> list[Token]:
    """Clauses "for X to V" the verb governs: "called for Yediyurappa to step down"."""
    return [
        c for c in verb.children if c.dep_ in {"advcl", "ccomp", "xcomp"}
        and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children) and any(a.tag_ == "TO" for a in c.children)
    ]


def _temporal_phrase(prep: Token) -> bool:
    objects = [p for p in prep.children if p.dep_ == "pobj"]
    return bool(objects) and all(p.ent_type_ in {"DATE", "TIME"} for p in objects)


def modality(verb: Token) -> Modality:
    """Asserted, negated, future, hypothetical, or intended by a governing verb."""
    children = list(verb.children)
    if any(c.dep_ == "neg" or c.lower_ in {"never"} for c in children):
        # "will not accept", "would never lift": a refusal, not a non-event.
        if any(c.dep_ == "aux" and c.lower_ == "could" for c in children):
            return Modality("failed")  # "could not reach agreement": as "failed to reach"
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX | {"would", "wo", "can", "ca"} for c in children):
            return Modality("refusing")
        return Modality("negated")
    if requested_clause(verb):
        return Modality("requested", verb.head)
    if _denied(verb):
        return Modality("negated")  # "denied that its troops crossed into Mali"
    if _shares_modality(verb):
        # "will host X and sign a deal", "urged X to meet Y and sign": the
        # auxiliary or governing verb of the first conjunct covers the second.
        governing = modality(verb.head)
        if governing.kind not in {"asserted", "negated", "refusing"}:
            return governing
    if is_participle_clause(verb):
        # "will extend the curfew, banning gatherings": the participle clause
        # describes the main act and is announced (or hedged) with it.
        governing = modality(verb.head)
        if governing.kind in {"future", "intended", "conditional", "hypothetical", "threatened"}:
            return governing
    if verb.dep_ == "xcomp" and verb.head.pos_ in {"VERB", "AUX", "ADJ"} and not _is_purpose_of(verb, verb.head):
        governor = verb.head
        lemma = governor.lemma_
        if lemma in _ATTRIBUTION_VERBS and any(c.dep_ == "auxpass" for c in governor.children):
            return modality(governor)  # "is said to have supplied drones": reported as done
        if lemma in STOP_VERBS:
            return Modality("stopped", governor)  # "stopped attacking X": the act ends
        if lemma in _ASPECT_VERBS:
            return modality(governor)  # "prepared to resume shelling X": as the resuming
        if lemma in REQUEST_VERBS:
            return Modality("requested", governor)
        if lemma in THREAT_VERBS:
            return Modality("threatened", governor)
        if lemma in REFUSAL_VERBS:
            return Modality("refused", governor)
        if lemma in FAILURE_VERBS or governor.lower_ == "unable":
            return Modality("failed", governor)  # "failed to", "were unable to reach a deal"
        if lemma in ATTEMPT_VERBS:
            return Modality("attempted", governor)
        if lemma in INTENT_VERBS or governor.pos_ == "ADJ":  # "ready to", "willing to"
            return Modality("intended", governor)
    if verb.dep_ in {"advcl", "acl", "relcl", "xcomp", "ccomp", "csubj"} and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in children
    ):
        dispatcher = verb.head.head if verb.dep_ == "acl" else verb.head
        if _is_purpose_of(verb, dispatcher):
            return modality(dispatcher)  # "sent jets to destroy the reactor": as the sending
        return Modality("hypothetical")  # a purpose or an infinitive: "time for X to talk"
    marks = {m.lower_ for c in children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"}
    if marks & {"if", "unless"}:
        if any(c.dep_ == "aux" and c.lower_ in _SPECULATIVE_AUX for c in children):
            return Modality("hypothetical")  # "could impose tariffs if talks fail": speculation
        return Modality("conditional", leverage="unless" in marks)  # "would impose sanctions if ...": a threat or an offer
    if any(c.dep_ == "mark" and c.lower_ in {"whether", "if", "unless"} for c in children) or _in_question(verb):
        return Modality("hypothetical")  # "unclear whether X will send troops", "Did X threaten Y?"
    auxiliaries = _auxiliaries(verb)
    if verb.tag_ == "VBN" and [a.lower_ for a in auxiliaries][:2] == ["may", "have"]:
        # "may have launched cyber attacks": a past act reported as likely, coded
        # as the act (its modality says how sure); "could have killed dozens" is
        # a counterfactual and stays hypothetical.
        return Modality("speculated")
    for aux in auxiliaries:
        if aux.lower_ in _FUTURE_AUX or (aux.lower_ == "going" and verb.dep_ == "xcomp"):
            return Modality("future")
        if aux.lower_ == "would" and _reported(verb):
            return Modality("future")  # "said it would allow": the reported "will"
        if aux.lower_ in _HYPOTHETICAL_AUX:
            return Modality("hypothetical")
    if _under_condition(verb):
        return Modality("hypothetical")
    return Modality("asserted")


# Verbs that deny the act in their clause, and nouns that report an act a denial can dismiss.
DENIAL_VERBS = frozenset({"deny", "dismiss", "refute", "rebut", "disprove"})
_CLAIM_NOUNS = frozenset({"report", "claim", "allegation", "accusation", "charge", "suggestion", "assertion", "rumor", "rumour"})
_CLAIM_DISMISSERS = DENIAL_VERBS | {"reject"}  # "rejected reports that ..."


def _denied(verb: Token) -> bool:
    """The act is what someone denies: "denied that X attacked Y", "denied
    attacking Y", "denied reports that X attacked Y"."""
    if verb.dep_ in {"ccomp", "xcomp", "dobj", "pcomp"} and verb.head.lemma_.lower() in DENIAL_VERBS:
        return True
    claim = verb.head
    return (
        verb.dep_ in {"acl", "ccomp", "relcl"} and claim.lemma_.lower() in _CLAIM_NOUNS and claim.dep_ in {"dobj", "obj"}
        and claim.head.lemma_.lower() in _CLAIM_DISMISSERS
    )


# Verbs of phase whose complement is the act itself ("resumed shelling").
_ASPECT_VERBS = frozenset({"resume", "continue", "begin", "start", "keep", "restart", "proceed", "hasten"})
# Verbs of stepping in, with "in" only: "stepped in to mediate", "moved in to arrest".
_STEP_IN_VERBS = frozenset({"step", "move"})
STOP_VERBS = frozenset({"stop", "cease", "quit", "halt"})  # "stopped shelling X": the act ends (events.stopped_code)


def _in_question(verb: Token) -> bool:
    """The verb's sentence asks rather than tells: it ends with "?".
    (The root's right edge ends the sentence; ``Token.sent`` would scan it.)"""
    root = verb
    while root.head.i != root.i:
        root = root.head
    last = root.right_edge
    while last.i > root.i and (last.is_space or last.is_quote or last.text in {")", "’", "”"}):
        last = last.nbor(-1)
    return last.text == "?"


def _auxiliaries(verb: Token) -> list[Token]:
    """The verb's auxiliaries, and a modal the parser cut off from it: in
    "Saraki, will on Tuesday, June 19, lead a delegation" it makes "will" an
    apposition of the subject.  A modal between the verb's subject and the
    verb that is nobody's auxiliary is the verb's."""
    found = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if found:
        return found
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < verb.i), None)
    if subject is None:
        return []
    return [
        t for t in verb.doc[subject.i + 1 : verb.i]
        if t.tag_ == "MD" and t.dep_ not in {"aux", "auxpass"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children)
    ]


def _shares_modality(verb: Token) -> bool:
    """A coordinated verb with no subject, auxiliary or conjunction of its own."""
    return (
        verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}
        and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in verb.children)
    )


def is_participle_clause(verb: Token) -> bool:
    """"..., killing 15 civilians": an -ing clause that describes the act of
    the verb it hangs on, with no subject or conjunction of its own."""
    return (
        verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in {"VERB", "AUX"}
        and not any(c.dep_ in {"mark", "nsubj", "nsubjpass", "aux"} for c in verb.children)
    )


def nearest_modality(
    noun: Token,
    acts_on: Callable[[Token, Token], bool] | None = None,
    names_event: Callable[[Token], bool] | None = None,
) -> Modality:
    """The modality of the verb an event noun depends on ("will hold talks").

    Only a verb that carries the noun passes its modality on: a light verb,
    or one that says the event takes place.  A verb that is an act of its own
    (``acts_on``: "will investigate [attacks]", "may condemn [the strikes]")
    acts on an event that happened, and so does an event noun whose topic it
    is (``names_event``: "an inquiry into [the attacks]")."""
    token = noun
    while token.head.i != token.i:
        child, token = token, token.head
        if token.pos_ in {"VERB", "AUX"}:
            if acts_on is not None and child.dep_ in {"dobj", "obj", "nsubjpass"} and acts_on(token, child):
                return Modality("asserted")
            return modality(token)
        if names_event is not None and token.pos_ in {"NOUN", "PROPN"} and names_event(token):
            return Modality("asserted")
    return Modality("asserted")


def _reported(verb: Token) -> bool:
    return verb.dep_ == "ccomp" and verb.head.lemma_ in SPEECH_VERBS


# Verbs that dispatch forces or agents for a purpose: "sent jets to destroy
# the reactor" is the attack; "sent an envoy to negotiate" the negotiation.
DISPATCH_VERBS = frozenset({"send", "dispatch", "deploy", "launch", "mount", "mobilize", "mobilise"})
# Contacts made for a purpose: "phoned X to express support", "visited
# Dhaka to sign a deal".  The purpose is an act of its own, done as the
# contact was made.
CONTACT_VERBS = frozenset({"call", "phone", "telephone", "ring", "visit", "travel", "arrive", "meet", "fly", "write"})
# What a call is made to say.  Only with one of these is "called X to ..." a
# telephone call; "called the parties to return to talks" is an appeal.
MESSAGE_VERBS = frozenset({
    "convey", "express", "extend", "offer", "congratulate", "thank", "discuss", "inform", "brief",
    "explain", "reassure", "assure", "reaffirm", "reiterate", "voice", "relay", "condole", "apologize",
    "apologise", "protest", "complain", "invite",
})


def _is_purpose_of(clause: Token, verb: Token) -> bool:
    found = purpose(verb)
    return found is not None and found.i == clause.i


def purpose(verb: Token) -> Token | None:
    """The act a dispatch or contact verb is done for, if any: "sent jets to
    destroy X", "phoned X to express support"."""
    lemma = verb.lemma_
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    commands = commands_forces(verb)
    steps_in = lemma in _STEP_IN_VERBS and any(c.lower_ == "in" and c.dep_ in {"prt", "advmod"} for c in verb.children)
    if lemma not in DISPATCH_VERBS and lemma not in CONTACT_VERBS and not commands and not steps_in:
        return None  # "ordered jets to bomb X" is the bombing, as "sent jets to bomb X"
    holders = [verb, *objects]
    for holder in holders:
        for clause in holder.children:
            if clause.dep_ in {"xcomp", "advcl", "acl", "relcl"} and clause.pos_ == "VERB" and any(
                a.dep_ == "aux" and a.tag_ == "TO" for a in clause.children
            ):
                if lemma in REQUEST_VERBS and not commands and (clause.lemma_ not in MESSAGE_VERBS or has_particle(verb, "on")):
                    return None  # "called (on) the parties to return to talks": an appeal
                return clause
    return None


# Commanding one's own forces to act is the act: "ordered troops to storm the town".
_COMMAND_VERBS = frozenset({"order", "command", "instruct", "direct", "authorize", "authorise"})
_FORCE_NOUNS = frozenset({
    "troop", "jet", "warplane", "army", "force", "soldier", "navy", "military", "aircraft", "drone", "warship",
    "unit", "commando", "artillery", "bomber", "plane", "helicopter", "marine", "gunboat", "submarine",
})


def commands_forces(verb: Token) -> bool:
    """"ordered the army to ...": a command to armed forces (not a demand on them)."""
    return verb.lemma_ in _COMMAND_VERBS and any(
        c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in _FORCE_NOUNS for c in verb.children
    )


def is_contact_purpose(clause: Token) -> bool:
    """The clause is what a contact was made for ("called X [to express support]")."""
    holder = clause.head
    verb = holder.head if clause.dep_ in {"acl", "relcl"} else holder
    return verb.lemma_ in CONTACT_VERBS and _is_purpose_of(clause, verb)


# Harm done to the subject of a passive ("were killed in ...") or of these
# intransitive verbs ("died in ...").
_HARM_VERBS = frozenset({"kill", "wound", "injure", "hurt", "maim", "murder", "shoot", "abduct", "kidnap"})
_HARMED_VERBS = frozenset({"die", "perish"})
_HARM_PREPS = frozenset({"in", "by", "during"})


def casualties_of(noun: Token) -> list[Token]:
    """Who a violent act named by ``noun`` harmed, when the sentence says so
    around it: "four children were killed [in an airstrike]", "three
    soldiers died [in a Taliban attack]"."""
    prep = governing_preposition(noun)
    if prep is None or prep.lower_ not in _HARM_PREPS:
        return []
    verb = prep.head
    lemma = verb.lemma_.lower()
    if lemma in _HARM_VERBS and any(c.dep_ == "auxpass" for c in verb.children):
        return [c for c in verb.children if c.dep_ == "nsubjpass"]
    if lemma in _HARMED_VERBS:
        return [c for c in verb.children if c.dep_ == "nsubj"]
    return []


def _under_condition(verb: Token) -> bool:
    """Inside an "if"/"unless" clause, at any depth."""
    token = verb
    while token.head.i != token.i:
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in token.children):
            return True
        if token.dep_ not in {"conj", "xcomp", "ccomp", "advcl"}:
            break
        token = token.head
    return False


# "began a series of talks", "held a round of talks": the noun of a measure
# phrase passes its verb on to the event noun.
_MEASURE_NOUNS = frozenset({"series", "round", "rounds", "wave", "spate", "string", "number", "set", "flurry"})


def light_verb_of(noun: Token) -> Token | None:
    """The verb governing an event noun as its object ("held talks")."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in _MEASURE_NOUNS:
        noun = noun.head.head
    if noun.dep_ in {"dobj", "obj"} and noun.head.pos_ in {"VERB", "AUX"}:
        return noun.head
    return None


def light_verb_phrase(noun: Token, phrases: frozenset[str]) -> Token | None:
    """The verb of a light-verb phrase that governs an event noun through a
    preposition: "entered [into] talks" ("enter into"), "took [part in]
    talks" ("take part in"), "claimed [responsibility for] the attack"
    ("claim responsibility for"), if the phrase is one of ``phrases``."""
    prep = governing_preposition(noun)
    if prep is None:
        return None
    holder = prep.head
    if holder.pos_ in {"VERB", "AUX"}:
        verb, found = holder, [f"{holder.lemma_.lower()} {prep.lower_}"]
        # the parser may hang the preposition on the verb: "took part [in talks]"
        found += [
            f"{verb.lemma_.lower()} {o.lemma_.lower()} {prep.lower_}"
            for o in verb.children if o.dep_ in {"dobj", "obj"} and o.i < prep.i
        ]
    elif holder.dep_ in {"dobj", "obj"} and holder.head.pos_ in {"VERB", "AUX"}:
        verb = holder.head
        found = [f"{verb.lemma_.lower()} {holder.lemma_.lower()} {prep.lower_}"]
    else:
        return None
    return verb if any(p in phrases for p in found) else None


def governing_preposition(noun: Token) -> Token | None:
    """The preposition a noun is the object of, if any ("during [the talks]")."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        return noun.head
    return None
