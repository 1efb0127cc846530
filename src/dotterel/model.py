"""Typed records passed between pipeline stages.

Every stage takes and returns these frozen dataclasses; no untyped dicts
cross a stage boundary.  ``Event.to_dict`` defines the JSON event record,
which is a public contract (see docs/schema.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Article:
    """One news article after ingest (and, later, cleaning).

    ``origin`` locates the record in its input (``path`` or ``path:line``) so
    that any later problem can be reported against it.
    """

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    origin: str = ""
    # Lines that cleaning removed (bylines, share labels, date counters):
    # kept because later stages mine them, e.g. for a publication date.
    boilerplate: tuple[str, ...] = ()
    # Where the publication date came from: "metadata", or the text that
    # gave it when it was inferred ("boilerplate:9/28/2020").
    date_evidence: str | None = None


@dataclass(frozen=True, slots=True)
class Reject:
    """An input record that could not be used, and why."""

    origin: str  # file path, or "<stdin>"
    record: str  # line number, record id or byte range: whatever locates it
    reason: str

    def describe(self) -> str:
        where = f"{self.origin}:{self.record}" if self.record else self.origin
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, with character offsets into ``Article.text``."""

    doc_id: str
    index: int
    text: str
    start: int
    end: int
    is_headline: bool = False


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor mention.

    ``start``/``end`` are character offsets of the mention in the article
    text; ``evidence`` says how the code was found (knowledge-base entry,
    earlier mention it corefers with, ...), so every code can explain itself.
    """

    text: str
    start: int
    end: int
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    role: str | None = None
    evidence: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Trigger:
    """The word(s) that express an event, and the lexicon pattern that fired."""

    text: str
    start: int
    end: int
    lemma: str
    pattern: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved location (coordinates of the city, or the capital for a country)."""

    name: str
    country: str  # ISO3
    admin1: str | None
    latitude: float | None
    longitude: float | None
    precision: str  # city | country | dateline (the city the story was filed from)
    text: str  # the words of the article that named it
    geonameid: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event, as read from one sentence."""

    event_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    sentence_start: int
    sentence_end: int
    source: Actor | None
    target: Actor | None
    cameo: str
    cameo_name: str
    plover: str | None
    plover_mode: str | None
    quad_class: int
    goldstein: float
    trigger: Trigger
    modality: str = "asserted"
    confidence: float = 0.5
    date: str | None = None
    date_precision: str | None = None
    outlet: str | None = None
    url: str | None = None
    location: Place | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def root(self) -> str:
        return self.cameo[:2]

    def to_dict(self) -> dict[str, Any]:
        """The JSON event record (stable field order)."""
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "cameo_root": self.root,
            "cameo_name": self.cameo_name,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "date": self.date,
            "date_precision": self.date_precision,
            "trigger": self.trigger.to_dict(),
            "modality": self.modality,
            "confidence": self.confidence,
            "location": self.location.to_dict() if self.location else None,
            "outlet": self.outlet,
            "url": self.url,
        }
