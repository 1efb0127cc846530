"""Readers for gold files: PLV TSV, PLOVER GSR JSON, PETRARCH validation XML, dotterel JSONL.

Every reader streams :class:`~dotterel.evaluation.gold.GoldDyad` /
:class:`~dotterel.evaluation.gold.GoldArticle` records and, for a record it
cannot use, a :class:`~dotterel.model.Reject` naming ``file:line`` and the
reason, then goes on with the next record.  Only a file that cannot be read
at all raises (:class:`~dotterel.errors.InputError`).

The quirks of each format, found by reading the shared copies, are listed
in the reader's docstring.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from enum import Enum
from itertools import product
from pathlib import Path

from ..errors import InputError
from ..model import Reject
from ..ontology import Ontology, load_ontology
from .files import read_text
from .gold import (
    GoldActor,
    GoldArticle,
    GoldDyad,
    GoldEvent,
    gold_country,
    gold_plover,
    gold_sector,
)
from .jsonl import read_jsonl
from .mentions import is_actor_jsonl
from .petrarch import read_petrarch

__all__ = [
    "GoldFormat", "GoldItem", "detect_format", "read_gold", "read_jsonl", "read_petrarch", "read_plover", "read_plv",
]  # fmt: skip

GoldItem = GoldDyad | GoldArticle | Reject


class GoldFormat(str, Enum):
    """The gold file formats (``auto``: detect from the content)."""

    auto = "auto"
    plv = "plv"
    plover = "plover"
    petrarch = "petrarch"
    jsonl = "jsonl"
    actors = "actors"  # dotterel's actor gold: mentions with expected codes (see .mentions)


def read_gold(path: Path, fmt: GoldFormat = GoldFormat.auto, ontology: Ontology | None = None) -> Iterator[GoldItem]:
    """Stream the records of one gold file in the given (or detected) format."""
    fmt = detect_format(path) if fmt is GoldFormat.auto else fmt
    ontology = ontology or load_ontology()
    if fmt is GoldFormat.plv:
        return read_plv(path)
    if fmt is GoldFormat.plover:
        return read_plover(path, ontology)
    if fmt is GoldFormat.petrarch:
        return read_petrarch(path, ontology)
    if fmt is GoldFormat.actors:
        return iter(())  # actor gold has no events: see .mentions.read_mentions
    return read_jsonl(path, ontology)


def detect_format(path: Path) -> GoldFormat:
    """The format of a gold file, from its first characters (extensions lie: PLOVER's is .txt)."""
    try:
        with Path(path).open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(4096).lstrip("\ufeff \t\r\n")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    first_line = head.split("\n", 1)[0]
    if head.startswith("<"):
        return GoldFormat.petrarch
    if head.startswith("["):
        return GoldFormat.plover
    if head.startswith("{"):
        return GoldFormat.actors if is_actor_jsonl(head) else GoldFormat.jsonl
    if "\t" in first_line and "marked_sentence" in first_line:
        return GoldFormat.plv
    raise InputError(f"{path}: cannot tell the gold format; give --format plv|plover|petrarch|jsonl|actors")


# --------------------------------------------------------------------------- PLV

_PLV_COLUMNS = ("sentence_id", "sentence", "marked_sentence", "source", "target", "gold_root", "gold_penta")
_SOURCE_TAG = re.compile(r"<s>(.*?)</s>", re.S)
_TARGET_TAG = re.compile(r"<t>(.*?)</t>", re.S)
_ANY_TAG = re.compile(r"</?[st]>")


def read_plv(path: Path) -> Iterator[GoldItem]:
    """PLV TSV (``PLV_train.tsv``): one dyad per row.

    Quirks: tab-separated without quoting; the first header cell is empty (a
    pandas index column, always empty); ``sentence_id`` repeats when one
    sentence has several dyads (later rows get ids ``ID#2``, ``ID#3``... and
    share the sentence's split group); ``gold_root`` has 15 classes, YIELD
    standing for PLOVER CONCEDE or RETREAT; ``gold_penta`` holds 1-4 only and
    is the quad class (1 verbal / 2 material cooperation, 3 verbal / 4
    material conflict; a penta 0, "neutral", would have no quad and is read as
    none).  The mentions are taken from the ``<s>``/``<t>`` tags of
    ``marked_sentence`` (the ``source``/``target`` columns are sometimes
    truncated, e.g. "s donors" for "Indonesia's donors", and tags may nest);
    the columns are the fallback.  A mention that is in neither is PLV's
    implicit-actor placeholder ("An actor", "a recipient") and becomes None.
    """
    where = str(path)
    lines = read_text(path).splitlines()
    if not lines:
        yield Reject(where, "1", "empty file: expected a header line")
        return
    header = [h.strip() for h in lines[0].split("\t")]
    missing = [c for c in _PLV_COLUMNS if c not in header]
    if missing:
        yield Reject(where, "1", f"header lacks column(s) {', '.join(missing)}")
        return
    col = {name: header.index(name) for name in _PLV_COLUMNS}
    seen: dict[str, int] = {}
    for lineno, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(header):
            yield Reject(where, str(lineno), f"expected {len(header)} tab-separated cells, found {len(cells)}")
            continue
        item = _plv_row({name: cells[i].strip() for name, i in col.items()}, f"{where}:{lineno}", seen)
        yield item if isinstance(item, GoldDyad) else Reject(where, str(lineno), item)


def _plv_row(row: dict[str, str], origin: str, seen: dict[str, int]) -> GoldDyad | str:
    """One row as a dyad, or the reason it cannot be one."""
    sid, sentence = row["sentence_id"], row["sentence"]
    if not sid:
        return "empty sentence_id"
    if not sentence:
        return "empty sentence"
    label = gold_plover(row["gold_root"])
    if label is None:
        return f"gold_root {row['gold_root']!r} is not a PLOVER type"
    penta = row["gold_penta"]
    if penta not in {"0", "1", "2", "3", "4"}:
        return f"gold_penta {penta!r} is not 0-4"
    seen[sid] = seen.get(sid, 0) + 1
    return GoldDyad(
        id=sid if seen[sid] == 1 else f"{sid}#{seen[sid]}",
        sentence=sentence,
        source=_plv_mention(_SOURCE_TAG, row["marked_sentence"], row["source"], sentence),
        target=_plv_mention(_TARGET_TAG, row["marked_sentence"], row["target"], sentence),
        plover=label,
        quad=int(penta) or None,
        origin=origin,
        group=sid,
    )


def _plv_mention(tag: re.Pattern[str], marked: str, column: str, sentence: str) -> str | None:
    match = tag.search(marked)
    if match:
        span = _ANY_TAG.sub("", match.group(1)).strip()
        if span and span in sentence:
            return span
    return column if column and column in sentence else None


# ------------------------------------------------------------------------ PLOVER


def read_plover(path: Path, ontology: Ontology | None = None) -> Iterator[GoldItem]:
    """PLOVER GSR (``PLOVER_GSR_CAMEO.txt``): a JSON array of records.

    Each usable record yields a :class:`GoldArticle` (events: every source x
    target pair, duplicates dropped) and one :class:`GoldDyad` per pair whose
    two ``actorText`` are distinct substrings of the text.  Quirks: the file
    is a JSON array despite ``.txt``; ``DOCUMENT`` records are
    documentation and skipped; event types are the 2016 draft's
    (DEMAND, DISAPPROVE, INVESTIGATE, FIGHT), mapped to today's (see
    ``OLD_PLOVER_NAMES``); ``source``/``target`` may be missing or ``""``
    (no such actor: "SRC/TAR" compound actors list both parties as
    sources), and once ``target`` is the string "diplomatic" (rejected);
    ``code`` is a country or IGO/NGO/IMG with non-ISO JAP/ITL/VTN;
    ``sector`` may carry an ethnic suffix (``CVLalb``) or ``***``; 21
    ``actorText`` are not verbatim in the text (ellipses, double spaces), so
    those pairs give no dyad; one id is used twice (the second copy gets
    ``ID#2``); every date is the placeholder 2000-01-01, read as no date.  There is no gold
    quad class; a dyad gets the one its type implies in the ontology,
    except REQUEST (CAMEO 02 is quad 1, 10 is quad 3).
    """
    quads = _type_quads(ontology or load_ontology())
    where = str(path)
    text = read_text(path)
    decoder = json.JSONDecoder()
    pos = _skip_ws(text, 0)
    if not text.startswith("[", pos):
        yield Reject(where, "1", "expected a JSON array of records")
        return
    pos = _skip_ws(text, pos + 1)
    seen: dict[str, int] = {}
    while pos < len(text) and text[pos] != "]":
        lineno = text.count("\n", 0, pos) + 1
        try:
            value, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            line = str(text.count("\n", 0, exc.pos) + 1)
            yield Reject(where, line, f"invalid JSON ({exc.msg}); rest of file skipped")
            return
        yield from _plover_record(value, where, lineno, seen, quads)
        pos = _skip_ws(text, pos)
        if text.startswith(",", pos):
            pos = _skip_ws(text, pos + 1)
        elif not text.startswith("]", pos):
            line = str(text.count("\n", 0, pos) + 1)
            yield Reject(where, line, "expected ',' or ']' between records; rest of file skipped")
            return


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n\ufeff":
        pos += 1
    return pos


_PLOVER_PLACEHOLDER_DATE = dt.date(2000, 1, 1)


def _type_quads(ontology: Ontology) -> dict[str, int]:
    """PLOVER type -> quad class, for the types whose CAMEO codes all share one quad."""
    quads: dict[str, set[int]] = {}
    for code in ontology:
        if code.plover_type:
            quads.setdefault(code.plover_type, set()).add(code.quad_class)
    return {t: q.pop() for t, q in quads.items() if len(q) == 1}


def _plover_record(
    value: object, where: str, lineno: int, seen: dict[str, int], quads: dict[str, int]
) -> Iterator[GoldItem]:
    line = str(lineno)
    if not isinstance(value, dict):
        yield Reject(where, line, "record is not a JSON object")
        return
    rid, event, text = value.get("id"), value.get("event"), value.get("text")
    if event == "DOCUMENT":
        return
    if not isinstance(rid, str) or not rid:
        yield Reject(where, line, "missing id")
        return
    if not isinstance(text, str) or not text.strip():
        yield Reject(where, line, f"{rid}: missing text")
        return
    label = gold_plover(event) if isinstance(event, str) else None
    if label is None:
        yield Reject(where, line, f"{rid}: event {event!r} is not a PLOVER type")
        return
    date = _iso_date(value.get("date"))
    if date == _PLOVER_PLACEHOLDER_DATE:
        # Every GSR record carries 2000-01-01, which is no article date: read
        # as one, it would code Arafat or Mubarak as ELI in 1980s stories.
        # Undated, a person resolves by the title beside the name.
        date = None
    sides: list[list[GoldActor]] = []
    for side in ("source", "target"):
        actors = _plover_actors(value.get(side))
        if isinstance(actors, str):
            yield Reject(where, line, f"{rid}: {side} {actors}")
            return
        sides.append(actors)
    seen[rid] = seen.get(rid, 0) + 1
    rid = rid if seen[rid] == 1 else f"{rid}#{seen[rid]}"
    origin = f"{where}:{lineno}"
    sources, targets = sides
    # No actor on a side: one event with that side unspecified.
    source_keys: list[GoldActor | None] = [_key(s) for s in sources] or [None]
    target_keys: list[GoldActor | None] = [_key(t) for t in targets] or [None]
    events = dict.fromkeys(GoldEvent(s, t, label) for s, t in product(source_keys, target_keys))
    yield GoldArticle(id=rid, text=text, date=date, events=tuple(events), origin=origin, group=rid)
    mentions = [(s.text, t.text) for s, t in product(sources, targets)]
    usable = [(s, t) for s, t in mentions if s and t and s != t and s in text and t in text]
    for k, (s_text, t_text) in enumerate(usable, start=1):
        yield GoldDyad(id=f"{rid}/{k}", sentence=text, source=s_text, target=t_text, plover=label,
                       quad=quads.get(label), date=date, origin=origin, group=rid)  # fmt: skip


def _key(actor: GoldActor) -> GoldActor | None:
    """The actor without its mention text, so that duplicate events compare equal (None if nothing is known)."""
    return None if actor.country is None and actor.sector is None else GoldActor(actor.country, actor.sector)


def _plover_actors(value: object) -> list[GoldActor] | str:
    """The actors of a ``source``/``target`` cell, or what is wrong with it."""
    if value is None or value == "" or value == []:
        return []
    if not isinstance(value, list):
        return f"should be a list of actors, not {value!r}"
    actors = []
    for i, item in enumerate(value):
        if not isinstance(item, dict) or not isinstance(item.get("actorText"), str):
            return f"[{i}] should be an object with actorText"
        code = item.get("code")
        sector = item.get("sector")
        actors.append(GoldActor(
            country=gold_country(code) if isinstance(code, str) else None,
            sector=gold_sector(sector) if isinstance(sector, str) else None,
            text=item["actorText"].strip(),
        ))  # fmt: skip
    return actors


def _iso_date(value: object) -> dt.date | None:
    """An ISO date; None if absent or malformed (the date only helps resolve roles)."""
    try:
        return dt.date.fromisoformat(value.strip()) if isinstance(value, str) and value.strip() else None
    except ValueError:
        return None
