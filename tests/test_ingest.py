"""Ingest: every input shape, every reject reason, on small files written here."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from dotterel.errors import DotterelError, InputError
from dotterel.ingest import DEFAULT_MAX_CHARS, read_inputs, split_headline
from dotterel.model import Article, Reject

PAGE = """<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Lakeland and Norvia Agree Fishing Truce | The Harbour Gazette</title>
  <meta property="og:title" content="Lakeland and Norvia Agree Fishing Truce">
  <meta property="og:site_name" content="The Harbour Gazette">
  <meta property="og:url" content="https://gazette.example/2021/03/04/fishing-truce">
  <meta property="article:published_time" content="2021-03-04T09:15:00+01:00">
</head>
<body>
  <nav><ul><li><a href="/">Front page</a></li><li><a href="/sport">Sport</a></li>
  <li><a href="/weather">Weather</a></li></ul></nav>
  <div class="cookie-bar">We use cookies to improve this site. <button>Accept all</button></div>
  <main><article>
    <h1>Lakeland and Norvia Agree Fishing Truce</h1>
    <p>PORT ELLIS, March 4 - Lakeland and Norvia agreed on Thursday to a six-month truce in their
    dispute over fishing grounds in the northern gulf, the two coast guards said in a joint statement.</p>
    <p>Under the truce, trawlers from both countries may fish the contested banks on alternate weeks
    while a joint commission surveys the stocks and drafts a permanent quota agreement.</p>
    <p>The Norvian fisheries minister called the deal "a sensible pause" and said she expected the
    commission to report before the end of the summer season.</p>
  </article></main>
  <aside><h2>Most popular</h2><ol><li><a href="/a">Ferry timetable changes announced</a></li>
  <li><a href="/b">Record crowds at the spring fair</a></li></ol></aside>
  <footer><p>&copy; 2021 The Harbour Gazette. All rights reserved.</p>
  <a href="/contact">Contact the newsroom</a></footer>
</body>
</html>
"""

TEXT_ARTICLE = "Mayor Opens New Bridge Over the Vell River\n\nThe mayor of Tarn opened the bridge on Monday.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def jsonl(*records: object) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def read(*inputs: object, **kwargs: object) -> list[Article | Reject]:
    return list(read_inputs([str(i) if isinstance(i, Path) else i for i in inputs], **kwargs))  # type: ignore[arg-type]


def described(items: list[Article | Reject]) -> list[str]:
    """Articles as "id @ origin", rejects as their one-line description."""
    return [f"{i.id} @ {i.origin}" if isinstance(i, Article) else i.describe() for i in items]


# --- directories --------------------------------------------------------------


def test_directory_mixes_formats_sorted_recursive_and_rejects_unknown_types(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "b_story.txt", TEXT_ARTICLE)
    write(folder / "a_feed.jsonl", jsonl({"id": "f1", "text": "Ministers met in Tarn on Monday."}))
    write(folder / "c_table.csv", "id,text\nc1,Police detained two protesters on Friday.\n")
    write(folder / "d_page.html", PAGE)
    write(folder / "e_scan.pdf", b"%PDF-1.4 not really")
    write(folder / "README.md", "# notes, not an article\n")
    write(folder / ".hidden.txt", "Secret draft that must not be read.\n")
    write(folder / ".git" / "notes.txt", "Also hidden.\n")
    write(folder / "sub" / "f_more.text", "Talks resumed in Vell on Sunday after a pause.\n")

    items = read(folder)

    assert described(items) == [
        f"f1 @ {folder}/a_feed.jsonl:1",
        f"b_story @ {folder}/b_story.txt",
        f"c1 @ {folder}/c_table.csv:2",
        f"d_page @ {folder}/d_page.html",
        f"{folder}/e_scan.pdf: unsupported file type .pdf",
        f"f_more @ {folder}/sub/f_more.text",
    ]


def test_directory_without_inputs_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "README.md", "nothing here\n")
    assert described(read(tmp_path)) == [f"{tmp_path}: no supported files in directory"]


def test_missing_path_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    good = write(tmp_path / "ok.txt", TEXT_ARTICLE)
    items = read(tmp_path / "nope.txt", tmp_path / "no_dir", good)
    assert described(items) == [
        f"{tmp_path}/nope.txt: no such file or directory",
        f"{tmp_path}/no_dir: no such file or directory",
        f"ok @ {good}",
    ]


def test_explicit_file_with_unknown_or_no_extension_is_rejected(tmp_path: Path) -> None:
    doc = write(tmp_path / "story.docx", b"PK\x03\x04")
    bare = write(tmp_path / "story", "Some text.\n")
    assert [r.reason for r in read(doc, bare)] == [  # type: ignore[union-attr]
        "unsupported file type .docx",
        "unsupported file type (no extension)",
    ]


def test_a_lone_path_string_is_one_input(tmp_path: Path) -> None:
    path = write(tmp_path / "solo.txt", TEXT_ARTICLE)
    assert [a.id for a in read_inputs(str(path))] == ["solo"]  # type: ignore[arg-type, union-attr]


def test_max_chars_below_one_is_an_input_error() -> None:
    with pytest.raises(InputError, match="max_chars must be at least 1") as info:
        list(read_inputs([], max_chars=0))
    assert isinstance(info.value, DotterelError)
    assert DEFAULT_MAX_CHARS == 1_000_000


# --- plain text ---------------------------------------------------------------


def test_plain_text_headline_and_body(tmp_path: Path) -> None:
    path = write(tmp_path / "bridge.txt", "\ufeff\n  " + TEXT_ARTICLE)
    [article] = read(path)
    assert article == Article(
        id="bridge",
        title="Mayor Opens New Bridge Over the Vell River",
        text="The mayor of Tarn opened the bridge on Monday.",
        origin=str(path),
    )


@pytest.mark.parametrize(
    "content",
    [
        "The mayor opened the bridge on Monday.\nCrowds cheered.\n",  # a sentence, not a headline
        "Will the Bridge Open on Time?\nNobody knows.\n",
        "Statement from the mayor:\nThe bridge is open.\n",
        "Bridge Opens\n",  # nothing follows
        " ".join(["Word"] * 26) + "\nBody text.\n",  # too many words
        "A" * 201 + "\nBody text.\n",  # too long
    ],
)
def test_plain_text_without_a_headline_keeps_everything_as_text(content: str) -> None:
    assert split_headline(content) == (None, content.strip())


def test_plain_text_headline_may_end_in_a_quote() -> None:
    assert split_headline('Minister Calls Strike "Illegal"\nThe minister spoke.') == (
        'Minister Calls Strike "Illegal"',
        "The minister spoke.",
    )


def test_plain_text_bad_files(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", "")
    blank = write(tmp_path / "blank.txt", " \n\n\t\n")
    binary = write(tmp_path / "image.txt", b"GIF89a\x00\x01\x02 some words")
    latin1 = write(tmp_path / "latin1.txt", "Caf\u00e9 owners protested.".encode("latin-1"))
    bom_latin1 = write(tmp_path / "bom.txt", b"\xef\xbb\xbfCaf\xe9")
    big = write(tmp_path / "big.txt", "x" * 50)
    assert described(read(empty, blank, binary, latin1, bom_latin1, big, max_chars=10)) == [
        f"{empty}: empty file",
        f"{blank}: empty file",
        f"{binary}: binary file, not text",
        f"{latin1}: invalid UTF-8 at byte 3",
        f"{bom_latin1}: invalid UTF-8 at byte 6",
        f"{big}: record too large: file of 50 bytes > limit 10 characters",
    ]


def test_plain_text_over_the_character_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "long.txt", "Headline Here\n" + "é" * 30)  # 60 bytes, 30 characters
    assert described(read(path, max_chars=20)) == [f"{path}: record too large: 30 characters > limit 20"]
    assert [a.id for a in read(path, max_chars=30)] == ["long"]  # type: ignore[union-attr]


# --- JSONL --------------------------------------------------------------------


def test_jsonl_good_records_survive_every_kind_of_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "text": "Troops withdrew from the ridge.", "title": "Troops Withdraw",
                    "date": "2022-06-01", "source": "Vell Post", "url": "https://vell.example/a1",
                    "language": "en", "extra": {"ignored": True}}).encode(),
        b'{"id": "a2", "text": "unterminated',
        json.dumps({"id": "a3", "title": "No body"}).encode(),
        b'{"id": "a4", "text": "Caf\xe9 closed."}',
        json.dumps({"id": "a5", "text": "A date nobody can read.", "date": "last Tuesday"}).encode(),
        b"",
        json.dumps({"id": "a1", "text": "Same id again."}).encode(),
        json.dumps({"id": 7, "text": "Integer ids are fine.", "date": "2022-06-02T14:30:00Z", "title": 1999}).encode(),
        b'["a list", "not an object"]',
        json.dumps({"id": "a9", "text": "   "}).encode(),
        json.dumps({"text": "Who am I?"}).encode(),
        json.dumps({"id": ["x"], "text": "Odd id."}).encode(),
        json.dumps({"id": "a12", "text": 42}).encode(),
        json.dumps({"id": "a13", "text": "Midnight talks.", "date": "2022-06-03T23:59:59+05:00", "title": ""}).encode(),
    ]
    path = write(tmp_path / "feed.jsonl", b"\n".join(lines) + b"\n")

    items = read(path)

    articles = [i for i in items if isinstance(i, Article)]
    assert articles == [
        Article(id="a1", text="Troops withdrew from the ridge.", title="Troops Withdraw", date=dt.date(2022, 6, 1),
                source="Vell Post", url="https://vell.example/a1", language="en", origin=f"{path}:1"),
        Article(id="7", text="Integer ids are fine.", title="1999", date=dt.date(2022, 6, 2), origin=f"{path}:8"),
        Article(id="a13", text="Midnight talks.", date=dt.date(2022, 6, 3), origin=f"{path}:14"),
    ]
    offset_of_bad_byte = sum(len(line) + 1 for line in lines[:3]) + lines[3].index(b"\xe9")
    assert [(r.record, r.reason) for r in items if isinstance(r, Reject)] == [
        ("2", "invalid JSON: Unterminated string starting at (column 22)"),
        ("3", "record has no text"),
        ("4", f"invalid UTF-8 at byte {offset_of_bad_byte}"),
        ("5", "invalid date 'last Tuesday'"),
        ("7", f"duplicate id 'a1' (first seen at {path}:1)"),
        ("9", "record is not a JSON object (got list)"),
        ("10", "record has no text"),
        ("11", "record has no id"),
        ("12", 'invalid id ["x"]: an id is a string or an integer'),
        ("13", "record has no text"),
    ]
    assert all(r.origin == str(path) for r in items if isinstance(r, Reject))
    # Input order is kept: the good line 8 comes after the rejects of lines 2-7.
    assert [getattr(i, "record", None) or i.id for i in items][:8] == ["a1", "2", "3", "4", "5", "7", "7", "9"]


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2022-06-01", dt.date(2022, 6, 1)),
        ("2022-06-01T23:30:00Z", dt.date(2022, 6, 1)),
        ("2022-06-01 07:00:00.123+09:00", dt.date(2022, 6, 1)),  # the date as written, not shifted to UTC
        ("  ", None),
        (None, None),
        ("01/06/2022", "invalid date '01/06/2022'"),
        (20220601, "invalid date '20220601'"),
        ({"y": 2022}, "invalid date '{'y': 2022}'"),
    ],
)
def test_jsonl_dates(tmp_path: Path, date: object, expected: object) -> None:
    [item] = read(write(tmp_path / "d.jsonl", jsonl({"id": "d", "text": "Text.", "date": date})))
    assert (item.date if isinstance(item, Article) else item.reason) == expected


def test_jsonl_from_stdin(tmp_path: Path) -> None:
    stdin = io.StringIO(jsonl({"id": "s1", "text": "Envoys met."}) + "\nnot json\n")
    items = read("-", stdin=stdin)
    assert described(items) == [
        "s1 @ <stdin>:1",
        "<stdin>:3: invalid JSON: Expecting value (column 1)",
    ]


def test_stdin_and_files_share_the_duplicate_check(tmp_path: Path) -> None:
    path = write(tmp_path / "f.jsonl", jsonl({"id": "dup", "text": "First."}))
    items = read(path, "-", stdin=io.StringIO(jsonl({"id": "dup", "text": "Second."})))
    assert described(items) == [f"dup @ {path}:1", f"<stdin>:1: duplicate id 'dup' (first seen at {path}:1)"]


def test_empty_stdin_and_empty_jsonl_file(tmp_path: Path) -> None:
    path = write(tmp_path / "blank.ndjson", "\n \n")
    assert described(read("-", path, stdin=io.StringIO(""))) == ["<stdin>: empty input", f"{path}: empty file"]


def test_binary_jsonl_is_rejected_whole(tmp_path: Path) -> None:
    path = write(tmp_path / "dump.jsonl", b'{"id": "x", "text": "ok"}\n\x00\x00\x00\x00')
    assert described(read(path)) == [f"{path}: binary file, not text"]


def test_jsonl_huge_record_with_a_small_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "big.jsonl", jsonl(
        {"id": "small", "text": "Short text."},
        {"id": "big", "text": "word " * 100},
        {"id": "after", "text": "Still read."},
    ))
    items = read(path, max_chars=20)
    assert described(items) == [
        f"small @ {path}:1",
        f"{path}:2: record too large: 500 characters > limit 20",
        f"after @ {path}:3",
    ]


def test_jsonl_line_too_long_to_hold_an_acceptable_record_is_skipped_unparsed(tmp_path: Path) -> None:
    # max_chars=1 allows lines of 4 + 65536 bytes; this one is longer and is not even valid JSON.
    huge = '{"id": "huge", "text": "' + "y" * 70_000
    path = write(tmp_path / "huge.jsonl", huge + "\n" + jsonl({"id": "ok", "text": "z"}))
    items = read(path, max_chars=1)
    assert described(items) == [
        f"{path}:1: record too large: line of {len(huge) + 1} bytes > limit 1 characters",
        f"ok @ {path}:2",
    ]


# --- CSV ----------------------------------------------------------------------


def test_csv_records_with_quoted_newlines_and_bad_rows(tmp_path: Path) -> None:
    content = (
        "\ufeffID,Title,TEXT,Date,Source,URL,Extra\n"
        'c1,Border Reopens,"GATE, May 2 - The border reopened.\n\nTrucks crossed.",2021-05-02,Vell Post,https://v.example/c1,x\n'
        "\n"
        "c2,,,2021-05-03,,,\n"
        'c3,,"Talks ""stalled"" again.",May 4th,,,\n'
        ",No Id,Some text without an id.,,,,\n"
        'c5,,"Second\nmulti-line\nrecord.",2021-05-05T08:00:00Z,,,\n'
        "c1,,A duplicate.,,,,\n"
    )
    path = write(tmp_path / "table.csv", content)

    items = read(path)

    assert [i for i in items if isinstance(i, Article)] == [
        Article(id="c1", title="Border Reopens", text="GATE, May 2 - The border reopened.\n\nTrucks crossed.",
                date=dt.date(2021, 5, 2), source="Vell Post", url="https://v.example/c1", origin=f"{path}:2"),
        Article(id="c5", text="Second\nmulti-line\nrecord.", date=dt.date(2021, 5, 5), origin=f"{path}:9"),
    ]
    assert [r.describe() for r in items if isinstance(r, Reject)] == [
        f"{path}:record 2 (line 6): record has no text",
        f"{path}:record 3 (line 7): invalid date 'May 4th'",
        f"{path}:record 4 (line 8): record has no id",
        f"{path}:record 6 (line 12): duplicate id 'c1' (first seen at {path}:2)",
    ]


def test_csv_invalid_utf8_rejects_only_its_record(tmp_path: Path) -> None:
    head = b"id,text\n"
    bad = b'b1,"Caf\xe9 owners\nprotested."\n'
    path = write(tmp_path / "mixed.csv", head + bad + b"b2,Fine record.\n")
    where = len(head) + bad.index(b"\xe9")
    assert described(read(path)) == [
        f"{path}:record 1 (line 2): invalid UTF-8 at byte {where}",
        f"b2 @ {path}:4",
    ]


def test_csv_bad_files(tmp_path: Path) -> None:
    no_text = write(tmp_path / "no_text.csv", "id,body\n1,Some words.\n")
    no_id = write(tmp_path / "no_id.csv", "key,text\n1,Some words.\n")
    empty = write(tmp_path / "empty.csv", "")
    header_only = write(tmp_path / "header.csv", "id,text\n")
    binary = write(tmp_path / "bin.csv", b"id,text\n\x00\x01")
    big = write(tmp_path / "big.csv", "id,text\nb1," + "z" * 30 + "\nb2,short\n")
    assert described(read(no_text, no_id, empty, header_only, binary, big, max_chars=10)) == [
        f"{no_text}: CSV header has no 'text' column",
        f"{no_id}: CSV header has no 'id' column",
        f"{empty}: empty file",
        f"{header_only}: CSV has a header but no records",
        f"{binary}: binary file, not text",
        f"{big}:record 1 (line 2): record too large: 30 characters > limit 10",
        f"b2 @ {big}:3",
    ]


def test_csv_field_larger_than_the_csv_module_default(tmp_path: Path) -> None:
    text = "Long report. " * 20_000  # 260,000 characters, over csv's 131,072 default field limit
    path = write(tmp_path / "long.csv", f'id,text\nlong,"{text}"\n')
    [article] = read(path)
    assert isinstance(article, Article) and article.text == text


# --- HTML ---------------------------------------------------------------------


def test_html_page_yields_the_article_without_site_junk(tmp_path: Path) -> None:
    path = write(tmp_path / "truce.html", PAGE)
    [article] = read(path)
    assert isinstance(article, Article)
    assert (article.id, article.title, article.date, article.source, article.url, article.language, article.origin) == (
        "truce",
        "Lakeland and Norvia Agree Fishing Truce",
        dt.date(2021, 3, 4),
        "The Harbour Gazette",
        "https://gazette.example/2021/03/04/fishing-truce",
        "en-GB",
        str(path),
    )
    assert "Lakeland and Norvia agreed on Thursday to a six-month truce" in article.text
    assert "drafts a permanent quota agreement" in article.text
    assert article.text.rstrip().endswith("before the end of the summer season.")
    for junk in ("Front page", "Weather", "cookies", "Most popular", "Ferry timetable", "All rights reserved", "newsroom"):
        assert junk not in article.text


def test_html_without_main_text_or_too_big(tmp_path: Path) -> None:
    hollow = write(tmp_path / "hollow.htm", "<html><head><title>Nothing</title></head><body></body></html>")
    empty = write(tmp_path / "empty.html", "")
    binary = write(tmp_path / "binary.html", b"\x89PNG\r\n\x1a\n\x00\x00")
    huge = write(tmp_path / "huge.html", "<p>" + "x" * (1 << 20) + "</p>")
    assert described(read(hollow, empty, binary, huge, max_chars=10)) == [
        f"{hollow}: no article text found in the HTML page",
        f"{empty}: empty file",
        f"{binary}: binary file, not text",
        f"{huge}: record too large: file of {(1 << 20) + 7} bytes > limit 10 characters",
    ]


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    first = write(tmp_path / "a" / "story.txt", TEXT_ARTICLE)
    second = write(tmp_path / "b" / "story.html", PAGE)
    assert described(read(tmp_path)) == [
        f"story @ {first}",
        f"{second}: duplicate id 'story' (first seen at {first})",
    ]
