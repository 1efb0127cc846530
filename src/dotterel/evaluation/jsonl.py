"""Reader for dotterel's own gold format: JSON Lines, one text per line.

::

    {"id": "t1", "text": "...", "date": "2023-03-06",
     "events": [{"source": {"country": "IRQ", "sector": "GOV"}, "target": null,
                 "cameo": "042", "plover": "CONSULT"}],
     "dyads": [{"source": "Iraqi officials", "target": "Iran", "plover": "CONSULT", "cameo": "042"}]}

``date`` and ``dyads`` are optional; ``events: []`` says the text reports no
event (a precision test).  An actor ``null`` (or a ``null`` country/sector)
is unspecified and matches anything.  Each event and dyad needs ``plover``
or ``cameo``; with only ``cameo`` the PLOVER type comes from the ontology.
Dyad mentions must be verbatim substrings of ``text``.  This is our own
format, so it is read strictly: unknown keys inside events, actors and dyads
are errors (they are usually typos), and a record with any problem is
rejected whole, naming the line and the field.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from ..model import Reject
from ..ontology import Ontology, load_ontology, quad_class_for_root
from .files import read_text
from .gold import GoldActor, GoldArticle, GoldDyad, GoldEvent, gold_country, gold_plover, gold_sector

__all__ = ["json_object", "read_jsonl"]

_EVENT_KEYS = frozenset({"source", "target", "cameo", "plover"})
_ACTOR_KEYS = frozenset({"country", "sector", "text", "code"})  # "code" (IGOUNO, LBNREB) documents an organisation; matching uses country+sector
_DYAD_KEYS = frozenset({"source", "target", "cameo", "plover", "quad"})


class _Bad(Exception):
    """A problem with one record; carries the message for its Reject."""


def read_jsonl(path: Path, ontology: Ontology | None = None) -> Iterator[GoldDyad | GoldArticle | Reject]:
    """Stream the articles (and their dyads) of a dotterel JSONL gold file."""
    ontology = ontology or load_ontology()
    where = str(path)
    lines = read_text(path).splitlines()
    seen: set[str] = set()
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            records = _record(line, f"{where}:{lineno}", ontology, seen)
        except _Bad as exc:
            yield Reject(where, str(lineno), str(exc))
            continue
        yield from records


def json_object(line: str) -> dict[str, object]:
    """One line of a JSONL gold file as an object; ``ValueError`` with a one-line reason otherwise."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(value, dict):
        raise ValueError("a record must be a JSON object")
    return value


def _record(line: str, origin: str, ontology: Ontology, seen: set[str]) -> list[GoldDyad | GoldArticle]:
    try:
        value = json_object(line)
    except ValueError as exc:
        raise _Bad(str(exc)) from None
    rid, text = value.get("id"), value.get("text")
    if not isinstance(rid, str) or not rid.strip():
        raise _Bad("'id' must be a non-empty string")
    if rid in seen:
        raise _Bad(f"duplicate id {rid!r}")
    if not isinstance(text, str) or not text.strip():
        raise _Bad(f"{rid}: 'text' must be a non-empty string")
    date = _date(value.get("date"), rid)
    raw_events = value.get("events")
    if not isinstance(raw_events, list):
        raise _Bad(f"{rid}: 'events' must be a list (empty when the text reports no event)")
    events = tuple(_event(e, f"{rid}: events[{i}]", ontology) for i, e in enumerate(raw_events))
    raw_dyads = value.get("dyads", [])
    if not isinstance(raw_dyads, list):
        raise _Bad(f"{rid}: 'dyads' must be a list")
    dyads = [_dyad(d, f"{rid}: dyads[{i}]", text, ontology) for i, d in enumerate(raw_dyads)]
    seen.add(rid)
    article = GoldArticle(id=rid, text=text, date=date, events=events, origin=origin, group=rid)
    return [article] + [
        GoldDyad(id=f"{rid}/{k}", sentence=text, source=src, target=tgt, plover=plover, cameo=cameo,
                 quad=quad, date=date, origin=origin, group=rid)  # fmt: skip
        for k, (src, tgt, plover, cameo, quad) in enumerate(dyads, start=1)
    ]


def _date(value: object, rid: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise _Bad(f"{rid}: 'date' {value!r} is not YYYY-MM-DD")


def _types(value: dict[str, object], where: str, ontology: Ontology) -> tuple[str | None, str | None]:
    """(plover, cameo) of an event or dyad object, checked against the ontology."""
    cameo, plover = value.get("cameo"), value.get("plover")
    if cameo is not None:
        if not isinstance(cameo, str):
            raise _Bad(f"{where}: 'cameo' must be a string with leading zeros, e.g. \"042\"")
        if cameo not in ontology:
            raise _Bad(f"{where}: 'cameo' {cameo!r} is not a CAMEO code")
    if plover is not None:
        label = gold_plover(plover) if isinstance(plover, str) else None
        if label is None:
            raise _Bad(f"{where}: 'plover' {plover!r} is not a PLOVER type")
        return label, cameo
    if cameo is None:
        raise _Bad(f"{where}: give 'plover' or 'cameo'")
    return ontology.get(cameo).plover_type, cameo


def _event(value: object, where: str, ontology: Ontology) -> GoldEvent:
    if not isinstance(value, dict):
        raise _Bad(f"{where}: an event must be an object")
    unknown = set(value) - _EVENT_KEYS
    if unknown:
        raise _Bad(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    plover, cameo = _types(value, where, ontology)
    return GoldEvent(
        source=_actor(value.get("source"), f"{where}.source"),
        target=_actor(value.get("target"), f"{where}.target"),
        plover=plover,
        cameo=cameo,
    )


def _actor(value: object, where: str) -> GoldActor | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _Bad(f"{where}: an actor must be an object like {{\"country\": \"IRQ\", \"sector\": \"GOV\"}} or null")
    unknown = set(value) - _ACTOR_KEYS
    if unknown:
        raise _Bad(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    fields = {}
    for key in ("country", "sector", "text"):
        cell = value.get(key)
        if cell is not None and not isinstance(cell, str):
            raise _Bad(f"{where}: '{key}' must be a string or null")
        fields[key] = cell
    country = gold_country(fields["country"])
    sector = gold_sector(fields["sector"])
    if fields["country"] and country is None:
        raise _Bad(f"{where}: 'country' {fields['country']!r} is not a 3-letter code")
    if fields["sector"] and sector is None:
        raise _Bad(f"{where}: 'sector' {fields['sector']!r} is not a CAMEO role code")
    if country is None and sector is None:
        return None
    return GoldActor(country=country, sector=sector, text=fields["text"])


def _dyad(
    value: object, where: str, text: str, ontology: Ontology
) -> tuple[str, str, str, str | None, int | None]:
    """(source, target, plover, cameo, quad) of one dyad object."""
    if not isinstance(value, dict):
        raise _Bad(f"{where}: a dyad must be an object")
    unknown = set(value) - _DYAD_KEYS
    if unknown:
        raise _Bad(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    mentions = []
    for key in ("source", "target"):
        mention = value.get(key)
        if not isinstance(mention, str) or not mention.strip():
            raise _Bad(f"{where}: '{key}' must be the mention's text")
        if mention not in text:
            raise _Bad(f"{where}: {key} {mention!r} is not in the text")
        mentions.append(mention)
    plover, cameo = _types(value, where, ontology)
    if plover is None:
        raise _Bad(f"{where}: CAMEO {cameo} has no PLOVER type; a dyad needs one")
    quad = value.get("quad")
    if quad is not None and (isinstance(quad, bool) or quad not in (1, 2, 3, 4)):
        raise _Bad(f"{where}: 'quad' must be 1-4")
    if quad is None and cameo is not None:
        quad = quad_class_for_root(cameo[:2])
    return mentions[0], mentions[1], plover, cameo, quad
