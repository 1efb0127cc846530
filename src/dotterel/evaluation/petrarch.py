"""Reader for PETRARCH-2 validation XML (``PETR2_GSR_validation.xml``)."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from ..model import Reject
from ..ontology import Ontology, load_ontology
from .files import read_text
from .gold import GoldArticle, GoldEvent, actor_from_code

__all__ = ["read_petrarch"]

_SENTENCE_START = re.compile(r"<Sentence\b")
_SELF_CLOSED = re.compile(r"\A<Sentence\b([^>]*?)/>")
_XML_COMMENT = re.compile(r"<!--.*?-->", re.S)


def read_petrarch(path: Path, ontology: Ontology | None = None) -> Iterator[GoldArticle | Reject]:
    """PETRARCH-2 validation XML (``PETR2_GSR_validation.xml``): one article per ``<Sentence>``.

    The file is not well-formed XML, so each ``<Sentence>`` record is cut out
    and parsed on its own; a broken record is rejected without losing the
    others.  Quirks: banner lines starting with ``#`` inside the root; most
    records open with a self-closed ``<Sentence .../>`` whose ``<EventCoding>``,
    ``<Text>`` and ``<Parse>`` follow as siblings, then a stray ``</Sentence>``;
    ``<!-- -->`` comments, one of them opened with ``<!---``.  Expectations
    are ``<EventCoding sourcecode= targetcode= eventcode=>`` (CAMEO actor
    codes, ``---`` for an unknown country; CAMEO event codes, mapped to
    PLOVER with the ontology) or ``<EventCoding noevents="True"/>`` (a
    precision test).  Text is hard-wrapped and keeps PTB-style quotes,
    and is empty in one record, whose text is rebuilt from its ``<Parse>``
    (CoNLL-U).  One date is ``121108``, not YYYYMMDD: a malformed date is
    dropped, not the record.  Records with ``evaluate="false"`` are skipped.
    """
    ontology = ontology or load_ontology()
    where = str(path)
    text = read_text(path)
    end = text.find("</Sentences>")
    end = len(text) if end < 0 else end
    starts = [m.start() for m in _SENTENCE_START.finditer(text, 0, end)]
    if not starts:
        yield Reject(where, "1", "no <Sentence> records")
        return
    for start, stop in zip(starts, [*starts[1:], end], strict=True):
        lineno = str(text.count("\n", 0, start) + 1)
        item = _petrarch_record(text[start:stop], f"{where}:{lineno}", ontology)
        if item is None:
            continue
        yield item if isinstance(item, GoldArticle) else Reject(where, lineno, item)


def _petrarch_record(chunk: str, origin: str, ontology: Ontology) -> GoldArticle | str | None:
    """One ``<Sentence>`` record as an article, None if it is not to be evaluated, or the problem."""
    # Blank out, rather than delete, banner lines and comments, so that a
    # parse error's line number still points into the file.
    chunk = "\n".join("" if line.lstrip().startswith("#") else line for line in chunk.split("\n"))
    chunk = _XML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), chunk)
    chunk = _SELF_CLOSED.sub(r"<Sentence\1>", chunk).rstrip()
    if not chunk.endswith("</Sentence>"):
        chunk += "</Sentence>"
    try:
        root = ET.fromstring(chunk)
    except ET.ParseError as exc:
        first = int(origin.rsplit(":", 1)[1])
        line = first + exc.position[0] - 1
        reason = str(exc).split(":", 1)[0]
        return f"malformed XML at line {line} ({reason}) in this <Sentence> record"
    rid = (root.get("id") or "").strip()
    if not rid:
        return "<Sentence> without id"
    if (root.get("evaluate") or "true").lower() == "false":
        return None
    body = " ".join((root.findtext("Text") or "").split()) or _text_from_parse(root.findtext("Parse") or "")
    if not body:
        return f"{rid}: no <Text> (and no <Parse> to rebuild it from)"
    codings = root.findall("EventCoding")
    if not codings:
        return f"{rid}: no <EventCoding> expectation"
    events: list[GoldEvent] = []
    for coding in codings:
        if (coding.get("noevents") or "").lower() == "true":
            continue
        code = (coding.get("eventcode") or "").strip()
        if code not in ontology:
            return f"{rid}: eventcode {code!r} is not a CAMEO code"
        events.append(GoldEvent(
            source=actor_from_code(coding.get("sourcecode")),
            target=actor_from_code(coding.get("targetcode")),
            plover=ontology.get(code).plover_type,
            cameo=code,
        ))  # fmt: skip
    date = _compact_date(root.get("date"))
    return GoldArticle(id=rid, text=body, date=date, events=tuple(dict.fromkeys(events)), origin=origin, group=rid)


def _compact_date(value: str | None) -> dt.date | None:
    """A ``YYYYMMDD`` date; None if absent or malformed (the date only helps resolve roles)."""
    try:
        return dt.datetime.strptime(value.strip(), "%Y%m%d").date() if value else None
    except ValueError:
        return None


def _text_from_parse(conllu: str) -> str:
    """The sentence rebuilt from CoNLL-U token lines (FORM column, ``SpaceAfter=No`` honoured)."""
    out = []
    for line in conllu.strip().splitlines():
        cells = line.split("\t")
        if len(cells) < 10 or not cells[0].isdigit():
            continue
        out.append(cells[1] + ("" if "SpaceAfter=No" in cells[9] else " "))
    return "".join(out).strip()
