"""Which lexicon entry a word triggers, and how its neighbours refine the code.

Pure lookups over spaCy tokens and the lexicon, shared by the full coder
(events.py) and the coder between given actors (dyad.py):

- an event noun may hide behind a frame noun ("a mediation *effort*
  between A and B", "a relief *mission*") or change with a modifier
  ("*hunger* strike" 142, "*general* strike" 143);
- an object may be named by a two-word key ("aid workers", "legal action")
  or sit under a quantity ("$4 million *worth of* medicines").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from . import grammar
from .lexicon import Lexicon, NounPattern, VerbPattern

# Nouns that frame an act named by their modifier: "mediation effort".
FRAME_NOUNS = frozenset({
    "effort", "efforts", "bid", "bids", "campaign", "campaigns", "initiative", "mission", "missions",
    "drive", "attempt", "attempts", "process", "operation", "operations", "programme", "program",
})
# Nouns that measure their "of" object: "tons of food", "$4 million worth of medicines".
QUANTITY_NOUNS = frozenset({
    "worth", "million", "billion", "thousands", "hundreds", "dozens", "tons", "tonnes", "amount",
    "amounts", "batch", "consignment", "consignments", "load", "loads", "package", "packages",
    "shipment", "shipments", "supply", "quantity", "quantities", "lot", "lots", "range", "number",
})
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
_ATTEMPT_NOUNS = frozenset({"attempt", "bid"})


@dataclass(frozen=True, slots=True)
class NounTrigger:
    """An event noun with the code its modifiers give it."""

    pattern: NounPattern
    code: str
    intent: str | None


def noun_trigger(lexicon: Lexicon, token: Token) -> NounTrigger | None:
    """The event a noun names, through a frame noun and modifiers.

    Kept with the doc, per lexicon: the coder asks for the same noun from
    several places (candidates, actor slots, objects).
    """
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    cache = token.doc.user_data.setdefault((_TRIGGERS_KEY, id(lexicon)), {})
    if token.i not in cache:
        cache[token.i] = _noun_trigger(lexicon, token)
    return cache[token.i]


_TRIGGERS_KEY = "dotterel.noun_triggers"


def _noun_trigger(lexicon: Lexicon, token: Token) -> NounTrigger | None:
    host = token
    pattern = _noun_pattern(lexicon, token)
    if pattern is None and (token.lower_ in FRAME_NOUNS or token.lemma_.lower() in FRAME_NOUNS):
        for child in token.children:
            if child.dep_ == "compound" and child.pos_ == "NOUN":
                pattern = _noun_pattern(lexicon, child)
                if pattern is not None:
                    host = child
                    break
    if pattern is None:
        return None
    code = pattern.cameo
    for child in (*host.children, *(token.children if host is not token else ())):
        if child.dep_ in _MODIFIER_DEPS:
            code = pattern.modifiers.get(child.lower_) or pattern.modifiers.get(child.lemma_.lower()) or code
    if host is not token and token.lemma_.lower() in _ATTEMPT_NOUNS and code == "186":
        code = "185"  # "an assassination attempt" is the attempt (185), not the killing
    # A modifier that moves the act to another root ("hunger strike") makes
    # the pattern's intent ("threaten to attack") wrong for it.
    intent = pattern.intent if code[:2] == pattern.cameo[:2] else None
    return NounTrigger(pattern, code, intent)


def _noun_pattern(lexicon: Lexicon, token: Token) -> NounPattern | None:
    for key in dict.fromkeys((token.lemma_.lower(), token.lower_)):
        pattern = lexicon.noun_pattern(key)
        if pattern is not None and (not pattern.requires or any(
            c.dep_ in _MODIFIER_DEPS and (c.lower_ in pattern.requires or c.lemma_.lower() in pattern.requires)
            for c in token.children
        )):  # "exercise restraint", "the Olympic games": not the act
            return pattern
    return None


def object_code(pattern: VerbPattern, head: Token) -> str | None:
    """The code an object noun gives a verb pattern ("sent troops" 074)."""
    if not pattern.objects:
        return None
    for word in _object_words(head):
        for key in _keys(word):
            code = pattern.objects.get(key)
            if code is not None:
                return code
    return None


def aimed_object_code(pattern: NounPattern, noun: Token) -> str | None:
    """The code what an event noun is aimed at gives it: "an attack on the
    decision" is verbal (111), "an attack on the convoy" stays 190."""
    if not pattern.objects:
        return None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in pattern.target:
            for head in prep.children:
                if head.dep_ == "pobj":
                    for key in _keys(head):
                        if key in pattern.objects:
                            return pattern.objects[key]
    return None


def label_code(pattern: VerbPattern, verb: Token) -> str | None:
    """The code a label of the object gives the verb: "held X responsible" 112."""
    if not pattern.labels:
        return None
    label = grammar.object_label(verb)
    if label is None:
        return None
    return pattern.labels.get(label.lower_) or pattern.labels.get(label.lemma_.lower())


def verb_object_code(pattern: VerbPattern, verb: Token) -> str | None:
    """The object override for a verb: a label of its object ("held X
    responsible"), its direct object, or the object of the pattern's own
    preposition ("remained on alert"), or a role ("deployed as peacekeepers")."""
    labelled = label_code(pattern, verb)
    if labelled is not None:
        return labelled
    slots = ["dobj", *([pattern.prep] if pattern.prep else []), "as", *pattern.target]
    for slot in dict.fromkeys(slots):
        for head in grammar.slot_heads(verb, slot):
            code = object_code(pattern, head)
            if code is not None:
                return code
    return gerund_code(pattern, verb)


def crowd_code(found: NounTrigger, crowd: bool) -> str:
    """The noun's code, or its crowd code when a crowd does it: "workers
    staged a strike" is a labour strike (143), not an attack."""
    return found.pattern.crowd if crowd and found.pattern.crowd else found.code


def object_reading(lexicon: Lexicon, verb: Token, code: str, crowd: bool) -> str:
    """The object's own reading where its modifiers or a crowd subject move it
    to another root than the one the verb's object map gives it: "teachers
    launched a general strike" is a labour strike (143), not the attack (190)
    that "launched strikes" is."""
    for head in grammar.slot_heads(verb, "dobj"):
        found = noun_trigger(lexicon, head)
        if found is None:
            continue
        own = crowd_code(found, crowd)
        base = found.pattern.cameo[:2]
        if own[:2] != base and code[:2] == base:
            return own
    return code


def gerund_code(pattern: VerbPattern, verb: Token) -> str | None:
    """The code a gerund in one of the pattern's slots gives the verb:
    "accused X of [shelling] its villages" 1123, "of [spying]" 1125."""
    for slot in dict.fromkeys([*([pattern.prep] if pattern.prep else []), *pattern.target]):
        for gerund in _gerunds(verb, slot):
            code = pattern.objects.get(gerund.lemma_.lower())
            if code is not None:
                return code
    return None


def _gerunds(verb: Token, slot: str) -> list[Token]:
    """Gerunds that fill a preposition slot: "of shelling", "for spying"."""
    return [
        g
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == slot
        for g in prep.children
        if g.dep_ == "pcomp" and g.tag_ == "VBG"
    ]


def _object_words(head: Token) -> Iterator[Token]:
    yield head
    lower = head.lemma_.lower()
    if head.lower_ in FRAME_NOUNS or lower in FRAME_NOUNS:
        yield from (c for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN")
    if head.lower_ in QUANTITY_NOUNS or lower in QUANTITY_NOUNS or head.pos_ == "NUM" or head.tag_ == "$":
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            for measured in (p for p in prep.children if p.dep_ == "pobj"):
                yield from _object_words(measured)


def _keys(word: Token) -> Iterator[str]:
    """Two-word keys first ("aid workers"), then the word and its lemma."""
    for modifier in (c for c in word.children if c.dep_ in _MODIFIER_DEPS and c.i < word.i):
        yield f"{modifier.lower_} {word.lower_}"
        yield f"{modifier.lemma_.lower()} {word.lemma_.lower()}"
    yield word.lower_
    yield word.lemma_.lower()


def weapon_code(code: str, subject_heads: list[Token]) -> str:
    """A generic use of force (190) whose subject is the weapon says how:
    "warplanes struck X" is an air attack (195), "artillery pounded X"
    shelling (194), "a suicide bomber killed X" a suicide bombing (1831)."""
    if code != "190":
        return code
    for head in subject_heads:
        lemma = head.lemma_.lower()
        if lemma == "bomber" and any(c.lower_ == "suicide" for c in head.children):
            return "1831"  # before the air weapons, where a bare "bomber" is a plane
        if lemma in _AIR_WEAPONS:
            return "195"
        if lemma in _HEAVY_WEAPONS:
            return "194"
    return code


_AIR_WEAPONS = frozenset({"warplane", "jet", "bomber", "helicopter", "gunship", "drone", "aircraft", "warplanes", "jets"})
_HEAVY_WEAPONS = frozenset({"artillery", "tank", "howitzer", "mortar", "battery", "gunboat", "warship"})
