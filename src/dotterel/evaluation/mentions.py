"""Gold actor mentions: a text, one mention in it, and the actor it should resolve to.

Three sources give them:

* dotterel's own actor gold (JSON Lines, :func:`read_actor_jsonl`), with the
  expected full code, country and sector of each mention on a date;
* PLOVER GSR records (:func:`plover_mentions`), whose source and target
  actors carry a country (or IGO/NGO/IMG) code and often a sector;
* PLV sentences (:func:`plv_mentions`), whose ``<s>``/``<t>`` spans carry no
  code at all: the mention is scored for being resolved, and a country is
  derived for it later only where the span itself names one country
  (see :mod:`dotterel.evaluation.actors`).

Own-format records (one JSON object per line)::

    {"id": "a001", "text": "...", "date": "2020-09-27", "mention": "Hussein",
     "occurrence": 2, "code": "IRQGOV", "country": "IRQ", "sector": "GOV", "tags": ["surname"]}

``occurrence`` (default 1) picks which occurrence of ``mention`` is meant;
``code``, ``country`` and ``sector`` may be null (a bare country has no
sector; an international body no country).  Unknown keys are errors: the
file is ours, so a typo should fail loudly.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import Reject
from .files import read_text
from .gold import gold_country, gold_sector
from .jsonl import json_object

__all__ = ["GoldMention", "is_actor_jsonl", "plover_mentions", "plv_mentions", "read_actor_jsonl", "read_mentions"]


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One mention to resolve: ``text[start:end]`` in ``text`` on ``date``.

    ``has_code`` says whether the gold gives an expected actor at all (PLV
    does not).  With it, ``country`` None means "no country" for our own
    gold (an IGO) and "unknown" for PLOVER, where ``country`` holds the
    three-letter prefix the gold uses (``IGO`` for any intergovernmental
    body); ``sector`` None is a bare country in our gold and unspecified in
    PLOVER's (see ``loose``).
    """

    id: str
    text: str
    start: int
    end: int
    date: dt.date | None
    has_code: bool
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    # CAMEO-style gold (PLOVER): the country compares with the code's prefix
    # ("IGO" for IGOUNO) and a None sector matches any sector.
    loose: bool = False
    tags: tuple[str, ...] = ()
    origin: str = ""
    group: str = ""  # split key: mentions of one text stay in one half

    @property
    def mention(self) -> str:
        return self.text[self.start : self.end]

    @property
    def split_key(self) -> str:
        return self.group or self.id


def read_mentions(path: Path, fmt: str) -> Iterator[GoldMention | Reject]:
    """The actor mentions of a gold file of format ``fmt`` (a GoldFormat value); none for other formats."""
    readers = {"actors": read_actor_jsonl, "plover": plover_mentions, "plv": plv_mentions}
    reader = readers.get(fmt)
    return reader(path) if reader is not None else iter(())


# ------------------------------------------------------------------ own format

_KEYS = frozenset({"id", "text", "date", "mention", "occurrence", "code", "country", "sector", "tags", "note"})


class _Bad(Exception):
    """A problem with one record; carries the message for its Reject."""


def is_actor_jsonl(head: str) -> bool:
    """True if the first JSON line of a file is an actor-gold record (it has ``mention``)."""
    try:
        first = json.loads(head.split("\n", 1)[0])
    except json.JSONDecodeError:
        return False
    return isinstance(first, dict) and "mention" in first


def read_actor_jsonl(path: Path) -> Iterator[GoldMention | Reject]:
    """Stream the mentions of an actor-gold JSONL file (see the module docstring)."""
    where = str(path)
    seen: set[str] = set()
    for lineno, line in enumerate(read_text(path).splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield _own_record(line, f"{where}:{lineno}", seen)
        except _Bad as exc:
            yield Reject(where, str(lineno), str(exc))


def _own_record(line: str, origin: str, seen: set[str]) -> GoldMention:
    try:
        value = json_object(line)
    except ValueError as exc:
        raise _Bad(str(exc)) from None
    rid = value.get("id")
    if not isinstance(rid, str) or not rid.strip():
        raise _Bad("'id' must be a non-empty string")
    if rid in seen:
        raise _Bad(f"duplicate id {rid!r}")
    seen.add(rid)
    unknown = sorted(set(value) - _KEYS)
    if unknown:
        raise _Bad(f"{rid}: unknown key(s) {', '.join(unknown)}")
    text, mention = value.get("text"), value.get("mention")
    if not isinstance(text, str) or not text.strip():
        raise _Bad(f"{rid}: 'text' must be a non-empty string")
    if not isinstance(mention, str) or not mention:
        raise _Bad(f"{rid}: 'mention' must be a non-empty string")
    occurrence = value.get("occurrence", 1)
    if not isinstance(occurrence, int) or occurrence < 1:
        raise _Bad(f"{rid}: 'occurrence' must be a positive integer")
    start = _nth(text, mention, occurrence)
    if start < 0:
        raise _Bad(f"{rid}: mention {mention!r} does not occur {occurrence} time(s) in the text")
    code, country, sector = (_code_cell(value.get(k), k, rid) for k in ("code", "country", "sector"))
    if code is not None and country is not None and not code.startswith(country):
        raise _Bad(f"{rid}: code {code!r} does not start with country {country!r}")
    tags = value.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise _Bad(f"{rid}: 'tags' must be a list of strings")
    return GoldMention(
        id=rid, text=text, start=start, end=start + len(mention), date=_date(value.get("date"), rid),
        has_code=True, code=code, country=country, sector=sector, tags=tuple(tags), origin=origin, group=rid,
    )  # fmt: skip


def _nth(text: str, needle: str, n: int) -> int:
    at = -1
    for _ in range(n):
        at = text.find(needle, at + 1)
        if at < 0:
            return -1
    return at


def _code_cell(value: object, key: str, rid: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"[A-Z]{3,}", value):
        raise _Bad(f"{rid}: {key!r} must be upper-case letters or null, not {value!r}")
    return value


def _date(value: object, rid: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else _fail()
    except ValueError:
        raise _Bad(f"{rid}: 'date' must be YYYY-MM-DD, not {value!r}") from None


def _fail() -> dt.date:
    raise ValueError


# ---------------------------------------------------------------------- PLOVER


def plover_mentions(path: Path) -> Iterator[GoldMention | Reject]:
    """Every source and target actor of the PLOVER GSR records whose ``actorText`` is in the text.

    The gold codes are CAMEO's: ``IGO``/``NGO``/``IMG`` without the body,
    a few non-ISO countries (normalised by :func:`gold_country`), sectors
    with ethnic suffixes or ``***`` (see :func:`gold_sector`), and ``MED``
    for health (read as dotterel's ``HLH``).  A missing sector is left
    unspecified: the GSR omits it for bare countries and capitals alike.  The same actor listed on both sides ("SRC/TAR") is one
    mention.
    """
    where = str(path)
    try:
        records = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        yield Reject(where, str(exc.lineno), f"invalid JSON ({exc.msg})")
        return
    if not isinstance(records, list):
        yield Reject(where, "1", "expected a JSON array of records")
        return
    seen_ids: dict[str, int] = {}
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict) or record.get("event") == "DOCUMENT":
            continue
        rid, text = record.get("id"), record.get("text")
        if not isinstance(rid, str) or not isinstance(text, str):
            yield Reject(where, f"record {number}", "missing id or text")
            continue
        seen_ids[rid] = seen_ids.get(rid, 0) + 1
        rid = rid if seen_ids[rid] == 1 else f"{rid}#{seen_ids[rid]}"
        done: set[int] = set()
        for side in ("source", "target"):
            actors = record.get(side)
            for k, actor in enumerate(actors if isinstance(actors, list) else []):
                mention = actor.get("actorText", "").strip() if isinstance(actor, dict) else ""
                start = text.find(mention) if mention else -1
                if start < 0 or start in done:
                    continue
                done.add(start)
                code = actor.get("code")
                sector = gold_sector(actor.get("sector")) if isinstance(actor.get("sector"), str) else None
                if sector == "MED":
                    sector = "HLH"  # PLOVER's MED is health (doctors, Red Crescent); CAMEO's is media
                yield GoldMention(
                    id=f"{rid}/{side}{k + 1}", text=text, start=start, end=start + len(mention), date=None,
                    has_code=True, country=gold_country(code) if isinstance(code, str) else None,
                    sector=sector, loose=True,
                    origin=f"{where}:{rid}", group=rid,
                )  # fmt: skip


# ------------------------------------------------------------------------- PLV

_TAG = re.compile(r"<(/?)([st])>")


def plv_mentions(path: Path) -> Iterator[GoldMention | Reject]:
    """The ``<s>`` and ``<t>`` spans of PLV's ``marked_sentence`` column, located in ``sentence``.

    PLV gives no actor codes, so ``has_code`` is False.  A sentence that
    appears on several rows (several dyads) gives each distinct span once.
    """
    where = str(path)
    lines = read_text(path).splitlines()
    if not lines:
        return
    header = [h.strip() for h in lines[0].split("\t")]
    if "marked_sentence" not in header or "sentence" not in header or "sentence_id" not in header:
        yield Reject(where, "1", "header lacks sentence_id, sentence or marked_sentence")
        return
    col = {name: header.index(name) for name in ("sentence_id", "sentence", "marked_sentence")}
    done: set[tuple[str, int, int]] = set()
    for lineno, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            continue  # the dyad reader reports malformed rows
        sid, sentence, marked = (cells[col[c]].strip() for c in ("sentence_id", "sentence", "marked_sentence"))
        for role, (start, end) in _plv_spans(marked, sentence):
            if (sentence, start, end) in done:
                continue
            done.add((sentence, start, end))
            yield GoldMention(id=f"{sid}/{role}{lineno}", text=sentence, start=start, end=end, date=None,
                              has_code=False, origin=f"{where}:{lineno}", group=sid)  # fmt: skip


def _plv_spans(marked: str, sentence: str) -> list[tuple[str, tuple[int, int]]]:
    """(role, span in ``sentence``) of each tagged mention, when the untagged text is the sentence."""
    plain: list[str] = []
    opened: dict[str, int] = {}
    spans: list[tuple[str, tuple[int, int]]] = []
    pos = length = 0
    for match in _TAG.finditer(marked):
        piece = marked[pos : match.start()]
        plain.append(piece)
        length += len(piece)
        pos = match.end()
        closing, role = match.groups()
        if not closing:
            opened[role] = length
        elif role in opened:
            start = opened.pop(role)
            spans.append((role, (start, length)))
    plain.append(marked[pos:])
    text = "".join(plain)
    offset = sentence.find(text.strip()) - (len(text) - len(text.lstrip()))
    if text.strip() != sentence.strip() or offset < -len(text):
        return []
    out = []
    for role, (start, end) in spans:
        span = text[start:end]
        lead = len(span) - len(span.lstrip())
        trail = len(span) - len(span.rstrip())
        s, e = start + lead + offset, end - trail + offset
        if s < e and sentence[s:e] == span.strip():
            out.append((role, (s, e)))
    return out
