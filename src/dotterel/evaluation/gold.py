"""Typed gold-standard records, whatever file format they came from.

Two kinds of gold exist:

* :class:`GoldDyad` — a sentence, the text of a source and a target mention,
  and the PLOVER type of the event between them (PLV-style data).  It tests
  ``dotterel.code_dyad``: the actors are given, only the event is asked for.
* :class:`GoldArticle` — a text and the events it should yield, each as
  source/target country+sector and a CAMEO and/or PLOVER type.  It tests the
  full pipeline, actors included.  An article with no events is a precision
  test: the coder should find nothing.

In :class:`GoldActor` and :class:`GoldEvent` a ``None`` actor, country or
sector means *unspecified by the gold*: it matches whatever the coder
found (see :mod:`dotterel.evaluation.metrics`).  The event *type* is never a
wildcard.

The helpers here normalise the codes the gold files use (old PLOVER type
names, CAMEO actor codes, a few non-ISO country codes) into the vocabulary
the coder emits, so that scoring compares like with like.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from enum import Enum
from types import MappingProxyType

from ..ontology import PLOVER_TYPES

__all__ = [
    "ROLE_CODES", "YIELD", "GoldActor", "GoldArticle", "GoldDyad", "GoldEvent", "Split",
    "actor_from_code", "gold_country", "gold_plover", "gold_sector", "in_split", "split_of",
]  # fmt: skip

#: PLV's merged label: CONCEDE and RETREAT are one class there.
YIELD = "YIELD"

#: Labels a gold record may carry: the 16 PLOVER types and PLV's YIELD.
GOLD_LABELS: frozenset[str] = frozenset(PLOVER_TYPES) | {YIELD}

#: PLOVER type names of the 2016-17 drafts (used by PLOVER_GSR_CAMEO) and the
#: type that absorbed each in the current 16-type PLOVER; the project's
#: CAMEO crosswalk makes the same choices (09x -> ACCUSE "investigate",
#: 11x -> ACCUSE "disapprove", 19x -> ASSAULT).
OLD_PLOVER_NAMES: MappingProxyType[str, str] = MappingProxyType(
    {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
)

#: CAMEO role (sector) codes dotterel's knowledge base assigns, plus the
#: CAMEO primary roles it does not use (INS, PTY).  A 3-letter segment of a
#: CAMEO actor code outside this set (region "GZA", religion "MUS",
#: organisation "UNO") is not a sector.
ROLE_CODES: frozenset[str] = frozenset(
    "AGR BUS COP CRM CVL DEV EDU ELI ENV GOV HLH HRI IGO INS JUD LAB LEG MED MIL MOD NGO OPP PTY "
    "RAD REB REF REL SEP SPY UAF".split()
)

#: Non-ISO country codes found in gold files, and the ISO code the coder uses.
COUNTRY_ALIASES: MappingProxyType[str, str] = MappingProxyType({"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"})

#: Sector misspellings found in gold files.
SECTOR_ALIASES: MappingProxyType[str, str] = MappingProxyType({"CIV": "CVL"})


@dataclass(frozen=True, slots=True)
class GoldActor:
    """An expected actor: country (ISO3 or IGO/NGO/...) and sector, either may be unspecified."""

    country: str | None
    sector: str | None = None
    text: str | None = None  # the mention, when the gold gives it (for error listings only)

    def describe(self) -> str:
        return f"{self.country or '*'}{self.sector or ''}"


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """An event an article should yield.

    ``plover`` is the PLOVER type (or YIELD); ``cameo`` the CAMEO code when
    the gold gives one.  A gold event always has at least one of the two; when
    only ``cameo`` is given the reader fills ``plover`` from the ontology.
    """

    source: GoldActor | None
    target: GoldActor | None
    plover: str | None
    cameo: str | None = None

    def describe(self) -> str:
        src = self.source.describe() if self.source else "*"
        tgt = self.target.describe() if self.target else "*"
        code = f" {self.cameo}" if self.cameo else ""
        return f"{src} -> {tgt} {self.plover or '(no PLOVER type)'}{code}"


@dataclass(frozen=True, slots=True)
class GoldDyad:
    """A sentence, two mentions in it, and the type of the event between them.

    ``source``/``target`` are substrings of ``sentence``, or ``None`` where the
    gold names an implicit actor that the sentence does not mention (PLV's
    placeholders "An actor" and "a recipient"); such a dyad cannot be put to
    ``code_dyad`` and is counted as skipped.  ``quad`` is the gold quad class
    (1-4) when the format gives one.  ``group`` is the key the dev/test split
    hashes: records that share a sentence share a group, so that no sentence
    is in both halves.
    """

    id: str
    sentence: str
    source: str | None
    target: str | None
    plover: str
    cameo: str | None = None
    quad: int | None = None
    date: dt.date | None = None
    origin: str = ""
    group: str = ""

    @property
    def split_key(self) -> str:
        return self.group or self.id


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """A text and every event the coder should find in it (none: a precision test)."""

    id: str
    text: str
    date: dt.date | None
    events: tuple[GoldEvent, ...]
    origin: str = ""
    group: str = ""

    @property
    def split_key(self) -> str:
        return self.group or self.id


class Split(str, Enum):
    """Which half of a gold file to evaluate."""

    all = "all"
    dev = "dev"
    test = "test"


def split_of(key: str) -> Split:
    """The half (dev or test) a record belongs to, from a stable hash of its key.

    SHA-256 rather than ``hash()``: Python salts string hashes per process,
    and the split must be the same on every run and machine.
    """
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return Split.dev if int.from_bytes(digest[:8], "big") % 2 == 0 else Split.test


def in_split(key: str, split: Split) -> bool:
    return split is Split.all or split_of(key) is split


def gold_plover(label: str) -> str | None:
    """The current PLOVER type (or YIELD) for a gold label, or None if unknown."""
    name = label.strip().upper()
    name = OLD_PLOVER_NAMES.get(name, name)
    return name if name in GOLD_LABELS else None


def gold_country(code: str | None) -> str | None:
    """Normalised 3-letter country (or IGO/NGO/...) code; ``---``/empty mean unknown."""
    if not code:
        return None
    code = code.strip().upper()[:3]
    if len(code) < 3 or not code.isalpha():
        return None
    return COUNTRY_ALIASES.get(code, code)


def gold_sector(raw: str | None) -> str | None:
    """A role code from a sector cell such as ``GOV``, ``CVLalb`` or ``***``."""
    if not raw:
        return None
    code = raw.strip()[:3].upper()
    code = SECTOR_ALIASES.get(code, code)
    return code if code in ROLE_CODES else None


def actor_from_code(code: str | None) -> GoldActor | None:
    """Split a CAMEO actor code (``IRQGOV``, ``---REB``, ``IGOUNOMIL``) into country and sector.

    The sector is the first 3-letter segment after the country that is a role
    code; returns None when neither part is known (``---``).
    """
    if not code:
        return None
    code = code.strip().upper()
    country = gold_country(code)
    sector = next((code[i : i + 3] for i in range(3, len(code) - 2, 3) if code[i : i + 3] in ROLE_CODES), None)
    if country is None and sector is None:
        return None
    return GoldActor(country=country, sector=sector)
