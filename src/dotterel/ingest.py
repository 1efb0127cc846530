"""Ingest: read articles from files, folders and stdin.

Every input record becomes an :class:`Article` or a :class:`Reject` that says
where it was and what was wrong; a bad record never stops the run.  JSONL and
CSV files are streamed and decoded line by line, so one bad byte costs one
record, not the file, and a big file is never held in memory.

``Article.origin`` is the path as given (``<stdin>`` for ``-``), followed by
``:LINE`` for records of multi-record files; ``Reject.record`` holds the line
(JSONL) or ``record N (line L)`` (CSV), and is empty for whole-file problems.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TextIO

from .errors import InputError
from .model import Article, Reject

DEFAULT_MAX_CHARS = 1_000_000
STDIN_ORIGIN = "<stdin>"
OPTIONAL_FIELDS = ("title", "source", "url", "language")

_SNIFF_BYTES = 8192
_BOM = b"\xef\xbb\xbf"
_MAX_UTF8_BYTES_PER_CHAR = 4
# A JSONL line longer than this cannot hold an acceptable text, so it is
# skipped unread; the slack leaves room for the JSON syntax and other fields.
_LINE_SLACK_BYTES = 1 << 16
# An HTML page is mostly markup: allow this many bytes per text character
# (and at least _MIN_HTML_BYTES) before refusing to parse it.
_HTML_BYTES_PER_CHAR = 16
_MIN_HTML_BYTES = 1 << 20
_HEADLINE_MAX_WORDS = 25
_HEADLINE_MAX_CHARS = 200
_HTML_LANG = re.compile(rb"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)", re.IGNORECASE)


class _BadRecord(Exception):
    """Raised inside this module when a record must be rejected; the message is the reason."""


@dataclass
class _Run:
    """State of one ``read_inputs`` call: the size limit and the ids seen so far."""

    max_chars: int
    seen: dict[str, str] = field(default_factory=dict)

    def admit(self, article: Article) -> Article:
        """Apply the run-wide rules (size limit, unique id) or raise ``_BadRecord``."""
        size = len(article.text)
        if size > self.max_chars:
            raise _BadRecord(f"record too large: {size} characters > limit {self.max_chars}")
        first = self.seen.get(article.id)
        if first is not None:
            raise _BadRecord(f"duplicate id '{article.id}' (first seen at {first})")
        self.seen[article.id] = article.origin
        return article


@dataclass(frozen=True, slots=True)
class _Line:
    """One physical line of a stream: 1-based number, byte offset, content."""

    number: int
    offset: int
    raw: bytes | str
    oversized: int = 0  # when > 0 the line had this many bytes and was skipped


def read_inputs(
    inputs: Sequence[str | Path],
    *,
    stdin: TextIO | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Article | Reject]:
    """Yield one Article or Reject per input record, in input order.

    ``inputs`` are files, directories (read recursively, sorted) or ``-`` for
    JSONL on ``stdin`` (default ``sys.stdin``).  Records whose text is longer
    than ``max_chars`` characters, or whose id was already seen in this call,
    are rejected.
    """
    if max_chars < 1:
        raise InputError(f"max_chars must be at least 1, got {max_chars}")
    if isinstance(inputs, (str, Path)):  # a lone path is a common slip
        inputs = [inputs]
    run = _Run(max_chars)
    for item in inputs:
        if str(item) == "-":
            stream = stdin if stdin is not None else sys.stdin
            yield from _jsonl_records(_stream_lines(stream, run.max_chars), STDIN_ORIGIN, run)
        else:
            yield from _read_path(Path(item), str(item), run)


def list_inputs(inputs: Sequence[str | Path]) -> list[str | Reject]:
    """The files ``read_inputs`` would read, in its order, as the origins it would give them.

    Folders are listed (with a Reject for each unreadable or empty one);
    ``read_inputs([file])`` on each file then yields what ``read_inputs(inputs)``
    yields, except that ids are checked for uniqueness per file only.  Used
    by engines that read files in parallel; stdin (``-``) cannot be listed.
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    out: list[str | Reject] = []
    for item in inputs:
        if str(item) == "-":
            raise InputError("stdin (-) cannot be read in parallel: pass files or folders")
        path = Path(item)
        if not path.is_dir():
            out.append(str(item))
            continue
        files, problems = _list_directory(path)
        out.extend(problems)
        if not files and not problems:
            out.append(Reject(str(item), "", "no supported files in directory"))
        out.extend(str(f) for f in files)
    return out


def _read_path(path: Path, origin: str, run: _Run) -> Iterator[Article | Reject]:
    if not path.is_dir():
        yield from _read_file(path, origin, run)
        return
    files, problems = _list_directory(path)
    yield from problems
    if not files and not problems:
        yield Reject(origin, "", "no supported files in directory")
    for file in files:
        yield from _read_file(file, str(file), run)


def _list_directory(root: Path) -> tuple[list[Path], list[Reject]]:
    """The files under ``root`` to read (sorted by path), and unreadable folders."""
    files: list[Path] = []
    problems: list[Reject] = []

    def on_error(exc: OSError) -> None:
        problems.append(Reject(str(exc.filename), "", f"cannot read directory: {exc.strerror}"))

    for folder, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        files.extend(Path(folder, name) for name in filenames if not _skipped_silently(name))
    return sorted(files, key=lambda p: p.relative_to(root).parts), problems


def _skipped_silently(name: str) -> bool:
    """Hidden files and READMEs sit beside articles in folders; they are not input."""
    return name.startswith(".") or Path(name).stem.lower() == "readme"


def _read_file(path: Path, origin: str, run: _Run) -> Iterator[Article | Reject]:
    suffix = path.suffix.lower()
    readers = {".txt": _read_text, ".text": _read_text, ".jsonl": _read_jsonl, ".ndjson": _read_jsonl,
               ".csv": _read_csv, ".html": _read_html, ".htm": _read_html}  # fmt: skip
    reader = readers.get(suffix)
    if not path.exists():
        yield Reject(origin, "", "no such file or directory")
        return
    if reader is None:
        yield Reject(origin, "", f"unsupported file type {suffix or '(no extension)'}")
        return
    try:  # a whole-file problem becomes one Reject
        yield from reader(path, origin, run)
    except _BadRecord as exc:
        yield Reject(origin, "", str(exc))
    except OSError as exc:
        yield Reject(origin, "", f"cannot read file: {exc.strerror or exc}")


# --- whole-file formats -------------------------------------------------------
def _read_text(path: Path, origin: str, run: _Run) -> Iterator[Article | Reject]:
    """A plain-text article: optional headline on the first line, then the body."""
    data = _read_bounded(path, _MAX_UTF8_BYTES_PER_CHAR * run.max_chars + len(_BOM), run.max_chars)
    content = _decode_document(data)
    if not content.strip():  # only Unicode spaces, which the byte check cannot see
        raise _BadRecord("empty file")
    title, body = split_headline(content)
    yield run.admit(Article(id=path.stem, text=body, title=title, origin=origin))


def split_headline(content: str) -> tuple[str | None, str]:
    """Split plain text into (headline, body) when its first line looks like a headline.

    A headline is short, has no final sentence punctuation and is followed
    by more text; otherwise the whole content is the body.
    """
    stripped = content.strip()
    first, _, rest = stripped.partition("\n")
    first, rest = first.strip(), rest.strip()
    looks_like_headline = (
        bool(rest)
        and len(first) <= _HEADLINE_MAX_CHARS
        and len(first.split()) <= _HEADLINE_MAX_WORDS
        and not first.endswith((".", "!", "?", ":"))
    )
    return (first, rest) if looks_like_headline else (None, stripped)


def _read_html(path: Path, origin: str, run: _Run) -> Iterator[Article | Reject]:
    """A web page: trafilatura finds the main text and the metadata."""
    data = _read_bounded(path, max(_HTML_BYTES_PER_CHAR * run.max_chars, _MIN_HTML_BYTES), run.max_chars)
    meta = _extract_html(data)
    text = meta.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _BadRecord("no article text found in the HTML page")
    try:
        date = _parse_date(meta.get("date"))
    except _BadRecord:  # a page's own date is a hint, never a reason to reject it
        date = None
    lang = _HTML_LANG.search(data[: 4 * _SNIFF_BYTES])
    language = _optional_str(meta.get("language")) or (lang.group(1).decode("ascii") if lang else None)
    title, source, url = (_optional_str(meta.get(key)) for key in ("title", "sitename", "url"))
    article = Article(id=path.stem, text=text, title=title, date=date, source=source, url=url, language=language,
                      origin=origin)  # fmt: skip
    yield run.admit(article)


def _extract_html(data: bytes) -> dict[str, Any]:
    import trafilatura  # heavy: only paid for when there is HTML to read

    try:
        result = trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=False, include_images=False
        )
    except Exception as exc:  # a parser failure on one page must not stop the run
        raise _BadRecord(f"cannot parse HTML: {exc}") from exc
    if result is None:
        return {}
    return result if isinstance(result, dict) else result.as_dict()


def _read_bounded(path: Path, max_bytes: int, max_chars: int) -> bytes:
    """The bytes of a one-record file that is not empty, binary or (checked unread) too big."""
    size = path.stat().st_size
    if size > max_bytes:
        raise _BadRecord(f"record too large: file of {size} bytes > limit {max_chars} characters")
    data = path.read_bytes()
    if b"\0" in data[:_SNIFF_BYTES]:
        raise _BadRecord("binary file, not text")
    if not data.removeprefix(_BOM).strip():
        raise _BadRecord("empty file")
    return data


def _decode_document(data: bytes) -> str:
    skip = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _BadRecord(f"invalid UTF-8 at byte {exc.start + skip}") from exc


# --- line streams -------------------------------------------------------------
def _stream_lines(stream: IO[bytes] | IO[str], max_chars: int) -> Iterator[_Line]:
    """Number the lines of a stream; skip (but report) lines too long for ``max_chars``.

    A real stdin is read through its binary buffer so that lines are decoded
    one by one, as for files.
    """
    buffer = getattr(stream, "buffer", None)
    source: IO[bytes] | IO[str] = buffer if buffer is not None else stream
    max_line = _MAX_UTF8_BYTES_PER_CHAR * max_chars + _LINE_SLACK_BYTES
    number = offset = 0
    while True:
        raw = source.readline(max_line)
        if not raw:
            return
        number += 1
        size = len(raw)
        if size >= max_line and not _ends_line(raw):
            size += _skip_rest_of_line(source)
            yield _Line(number, offset, raw[:0], oversized=size)
        else:
            bom = len(_BOM) if number == 1 and isinstance(raw, bytes) and raw.startswith(_BOM) else 0
            yield _Line(number, offset + bom, raw[bom:])
        offset += size


def _ends_line(raw: bytes | str) -> bool:
    return raw[-1:] in ("\n", b"\n")


def _skip_rest_of_line(source: IO[bytes] | IO[str]) -> int:
    skipped = 0
    while True:
        chunk = source.readline(1 << 20)
        skipped += len(chunk)
        if not chunk or _ends_line(chunk):
            return skipped


def _decode_line(line: _Line) -> str:
    if isinstance(line.raw, str):
        return line.raw
    try:
        return line.raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _BadRecord(f"invalid UTF-8 at byte {line.offset + exc.start}") from exc


def _check_not_binary(stream: IO[bytes]) -> None:
    head = stream.read(_SNIFF_BYTES)
    if b"\0" in head:
        raise _BadRecord("binary file, not text")
    stream.seek(0)


# --- JSONL --------------------------------------------------------------------
def _read_jsonl(path: Path, origin: str, run: _Run) -> Iterator[Article | Reject]:
    with path.open("rb") as stream:
        _check_not_binary(stream)
        yield from _jsonl_records(_stream_lines(stream, run.max_chars), origin, run)


def _jsonl_records(lines: Iterable[_Line], origin: str, run: _Run) -> Iterator[Article | Reject]:
    """One Article or Reject per non-blank line."""
    empty = True
    for line in lines:
        if line.oversized:
            empty = False
            reason = f"record too large: line of {line.oversized} bytes > limit {run.max_chars} characters"
            yield Reject(origin, str(line.number), reason)
            continue
        if not line.raw.strip():
            continue
        empty = False
        try:
            item: Article | Reject = run.admit(_jsonl_article(line, f"{origin}:{line.number}"))
        except _BadRecord as exc:
            item = Reject(origin, str(line.number), str(exc))
        yield item
    if empty:
        yield Reject(origin, "", "empty file" if origin != STDIN_ORIGIN else "empty input")


def _jsonl_article(line: _Line, where: str) -> Article:
    try:
        record = json.loads(_decode_line(line).rstrip("\r\n"))
    except json.JSONDecodeError as exc:
        raise _BadRecord(f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise _BadRecord(f"record is not a JSON object (got {type(record).__name__})")
    return _article_from_fields(record, where)


# --- CSV ----------------------------------------------------------------------
def _read_csv(path: Path, origin: str, run: _Run) -> Iterator[Article | Reject]:
    """One Article or Reject per CSV record; the header names the columns."""
    # Records are bounded by max_chars, not by the csv module's 128 KiB default.
    wanted = _MAX_UTF8_BYTES_PER_CHAR * run.max_chars + _LINE_SLACK_BYTES
    csv.field_size_limit(max(csv.field_size_limit(), min(wanted, 2**31 - 1)))
    bad_lines: dict[int, int] = {}  # line number -> byte offset of its first bad byte
    with path.open("rb") as stream:
        _check_not_binary(stream)
        reader = csv.reader(_lines_for_csv(stream, bad_lines))
        header = next((row for row in reader if any(cell.strip() for cell in row)), None)
        if header is None:
            raise _BadRecord("empty file")
        columns = [name.strip().lstrip("\ufeff").lower() for name in header]
        for required in ("text", "id"):
            if required not in columns:
                raise _BadRecord(f"CSV header has no '{required}' column")
        yield from _csv_rows(reader, columns, origin, run, bad_lines)


def _lines_for_csv(stream: IO[bytes], bad_lines: dict[int, int]) -> Iterator[str]:
    """Decoded lines for the csv module, noting (not raising) invalid UTF-8.

    Deliberately leaner than _stream_lines: CSV text fields span many lines.
    """
    offset = 0
    for number, raw in enumerate(stream, 1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad_lines[number] = offset + exc.start
            text = raw.decode("utf-8", errors="replace")
        offset += len(raw)
        yield text


def _csv_rows(
    reader: Any, columns: list[str], origin: str, run: _Run, bad_lines: dict[int, int]
) -> Iterator[Article | Reject]:
    number = 0
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            number += 1
            yield Reject(origin, f"record {number} (line {start})", f"invalid CSV: {exc}")
            start = reader.line_num + 1
            continue
        first, start = start, reader.line_num + 1
        bad = [bad_lines.pop(n) for n in range(first, start) if n in bad_lines]
        if not any(cell.strip() for cell in row) and not bad:
            continue  # blank line between records
        number += 1
        try:
            if bad:
                raise _BadRecord(f"invalid UTF-8 at byte {bad[0]}")
            fields = dict(zip(columns, row, strict=False))  # short rows lack trailing fields
            item: Article | Reject = run.admit(_article_from_fields(fields, f"{origin}:{first}"))
        except _BadRecord as exc:
            item = Reject(origin, f"record {number} (line {first})", str(exc))
        yield item
    if number == 0:
        yield Reject(origin, "", "CSV has a header but no records")


# --- fields -------------------------------------------------------------------
def _article_from_fields(fields: Mapping[str, object], where: str) -> Article:
    """Build an Article from a record's fields, or raise ``_BadRecord``."""
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _BadRecord("record has no text")
    title, source, url, language = (_optional_str(fields.get(name)) for name in OPTIONAL_FIELDS)
    date = _parse_date(fields.get("date"))
    return Article(id=_record_id(fields.get("id")), text=text, title=title, date=date, source=source, url=url,
                   language=language, origin=where)  # fmt: skip


def _record_id(value: object) -> str:
    # bool is an int subclass, but `true` is no id.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    if value is None or value == "":
        raise _BadRecord("record has no id")
    raise _BadRecord(f"invalid id {json.dumps(value)}: an id is a string or an integer")


def _optional_str(value: object) -> str | None:
    """Optional fields are coerced to text: a numeric title is odd, not wrong."""
    if value is None:
        return None
    text = value.strip() if isinstance(value, str) else str(value)
    return text or None


def _parse_date(value: object) -> dt.date | None:
    """An ISO date or datetime (``Z`` suffix allowed) as a date; empty is None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    raise _BadRecord(f"invalid date '{value}'")
