"""Events before they become records, and which actor pairs can be one."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .model import Actor

# Sectors that act for the state: a country and these are one side.
_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


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


def same_actor(a: Actor, b: Actor) -> bool:
    """One mention, or two mentions with one code (the same dyad side)."""
    return a.start == b.start or (a.code is not None and a.code == b.code)


def symmetric_pairs(actors: list[Actor]) -> list[tuple[Actor, Actor]]:
    return [(a, b) for a in actors for b in actors if a is not b]


def distinct_actors(source: Actor, target: Actor) -> bool:
    if source.start == target.start:
        return False
    if source.code == target.code and source.name == target.name:
        return False
    # A country and one of its own bodies ("Iran" and "Iran's speaker" in
    # "Iran-Iraq discussions began with a meeting between X and Iran's speaker")
    # are one side, not two.
    # Its rebels, opposition or civilians are another side ("Colombia and the ELN").
    return not any(
        a.sector is None and a.code and a.code == b.country and (b.sector is None or b.sector in _STATE_SECTORS)
        for a, b in ((source, target), (target, source))
    )
