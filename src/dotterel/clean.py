"""Clean: strip scraping junk and normalise an article's text.

The cleaned ``Article.text`` is the text every later stage parses and whose
character offsets are stored: the headline as the first paragraph (when there
is one), a blank line, then the body paragraphs separated by blank lines.
Every removed junk line is kept, in order, in ``Article.boilerplate`` because
later stages mine it (a byline or a date counter can date an article).

Junk is recognised line by line by :data:`JUNK_LINE_RULES`, an ordered list
of named regular expressions: add a rule there to teach cleaning a new kind
of junk.  One positional rule (a lone author name right after the headline)
needs context and lives in :func:`_is_author_line`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Article

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"


@dataclass(frozen=True, slots=True)
class LineRule:
    """A named kind of junk line: its pattern, and a length cap that keeps prose safe."""

    name: str
    pattern: re.Pattern[str]
    max_words: int | None = None

    def matches(self, line: str) -> bool:
        """Whether ``line`` (whitespace-normalised) is junk of this kind."""
        if self.max_words is not None and len(line.split()) > self.max_words:
            return False
        return self.pattern.search(line) is not None


def _rule(name: str, regex: str, *, max_words: int | None = None, flags: int = re.IGNORECASE) -> LineRule:
    return LineRule(name, re.compile(regex, flags), max_words)


# Ordered; the first rule that matches a line removes it.
JUNK_LINE_RULES: tuple[LineRule, ...] = (
    _rule("tags", r"^tag(?:s|ged)?\s*:"),
    _rule("share", r"^share(?:\s+(?:this|on|via|to)\b[^.!?]*)?\s*:?$", max_words=12),
    _rule("read-time", r"^\d+\s*-?\s*min(?:ute)?s?\.?\s+read$"),
    _rule("advertisement", r"^(?:advertisement|advertising|ad|sponsored(?: content)?|scroll to continue.*)$", max_words=6),
    _rule("read-more", r"^(?:read more|read also|also read|see also)\b|^related(?: articles| stories)?\s*(?::|$)", max_words=25),
    _rule("you-may-like", r"^you (?:may|might) (?:also )?(?:be interested|like)\b", max_words=12),
    _rule("source-credit", r"^source\s*[»›>:]", max_words=12),
    _rule("picture-label", r"^news[- ]?picture$"),
    _rule("caption-credit", r"^(?:file )?(?:photo|image|picture|video)s?(?:\s+credit)?\s*[:|]", max_words=40),
    # Bullets, counters, numbers, times, numeric dates: "• 9/28/2020", "• 00:00", "0".
    _rule("counter", r"^(?:[\s\d•·●▪◦‣∙*|/:.,\-–—]|\b(?:am|pm|gmt|utc)\b)+$"),
    _rule(
        "date-line",
        rf"^(?:[•·|]\s*)?(?:(?:published|updated|posted|last updated)(?:\s+on)?\s*:?\s*)?(?:{_WEEKDAY}\s+)?"
        rf"(?:(?:{_DAY}\s+{_MONTH}|{_MONTH}\s+{_DAY},?)\s+\d{{4}}|{_MONTH}\s+\d{{4}})"
        r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:am|pm)?(?:\s+[a-z]{2,4})?)?$",
    ),
    # A share label in a non-Latin script, e.g. Arabic "مشاركة :".
    _rule("foreign-label", r"^[^\sA-Za-z0-9\u00c0-\u024f:：]+(?:\s[^\sA-Za-z0-9\u00c0-\u024f:：]+){0,2}\s*[:：]$"),
    # Initials may carry a full stop ("By JANE Q. PUBLIC"); nothing else may.
    _rule("byline", r"^(?:By|BY)\s+[A-Z](?:[^.!?]|(?<=\b[A-Z])\.)*$", max_words=6, flags=0),
    _rule("wire-credit", r"^(?:additional )?(?:reporting|writing|editing) by\b", max_words=30),
    _rule("subscribe", r"^subscribe\b", max_words=25),
    _rule("sign-up", r"^sign (?:up|in)\b", max_words=25),
    _rule("click-here", r"^click here\b", max_words=25),
    _rule("rights", r"\ball rights reserved\b", max_words=30),
    _rule("copyright", r"^(?:copyright\b|©|\(c\)\s*\d{4})", max_words=30),
    _rule("follow-us", r"^follow (?:us\b|@)|^follow\b.*\bon (?:twitter|x|facebook|instagram|telegram|youtube)$", max_words=15),
    _rule(
        "cookies",
        r"^(?:we|this (?:site|website)|our (?:site|website)) uses? cookies\b"
        r"|\bby (?:continuing|clicking|using)\b.*\bcookies\b"
        r"|^(?:accept(?: all)?(?: cookies)?|reject all|manage (?:cookie )?(?:settings|preferences))$"
        r"|^cookie (?:settings|policy|preferences)$",
        max_words=80,
    ),
)

# Two to four capitalised name words ("Layla Hassan", "Ana M. Ruiz", "Jean-Paul O'Neill", "Ian McDonald").
_NAME_WORD = r"(?:[A-Z][a-z]*(?:[A-Z][a-z]+)?(?:[-'’][A-Z]?[a-z]+)*|[A-Z]\.)"
_NAME_LINE = re.compile(rf"^{_NAME_WORD}(?: {_NAME_WORD}){{1,3}}$")
# Words that make a short capitalised line a heading or kicker, not a name.
_NOT_NAME_WORDS = frozenset(
    "The A An And Of In On At To For With From By As After Over Under Amid Against Says Said Warns Meets Kills "
    "Talks Attack Attacks News Live Update Updates Breaking Opinion Analysis Exclusive Crisis War Election".split()
)
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# A word, its sentence punctuation and/or closing quote, glued to what follows.
_GLUED = re.compile(r"(?<![A-Za-z])(?:[a-z]{2,}|[A-Z][a-z]{2,})(?P<punct>[.!?]*)(?P<quote>[\"”’]?)(?=[\"“‘]?[A-Z])")
# Every repair _GLUED makes has this shape; most paragraphs lack it and are left as they are.
_GLUE_HINT = re.compile(r"[a-z][.!?\"”’]+[\"“‘]?[A-Z]")
_URL_OR_EMAIL = re.compile(r"://|^www\.|@\S+\.|\.(?:com|org|net|gov|edu|html?)\b", re.IGNORECASE)
_SENTENCE_END = (".", "!", "?", ":", ";", "”", '"', "’", "'", "»", ")")


def clean_article(article: Article) -> Article:
    """Return ``article`` with clean text (headline, blank line, body paragraphs).

    ``title`` becomes the whitespace-normalised title; ``boilerplate`` gets
    the removed junk lines appended, in order.  Cleaning is idempotent.
    """
    title = normalise_space(article.title or "") or None
    lines = [normalise_space(line) for line in article.text.splitlines()]
    kept, removed = _split_junk(lines, title)
    body = [fix_glued_sentences(p) for p in _paragraphs(kept)]
    text = "\n\n".join(([title] if title else []) + body)
    return dataclasses.replace(article, title=title, text=text, boilerplate=article.boilerplate + tuple(removed))


def normalise_space(text: str) -> str:
    """Collapse runs of spaces and tabs (any Unicode space) and strip the ends."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def junk_rule(line: str) -> str | None:
    """The name of the first junk rule that matches ``line``, or None."""
    for rule in JUNK_LINE_RULES:
        if rule.matches(line):
            return rule.name
    return None


def _split_junk(lines: Sequence[str], title: str | None) -> tuple[list[str], list[str]]:
    """Split lines into kept body lines (blank lines kept as "") and removed junk.

    The first body line is dropped when it repeats the title, and a lone
    author name right after the title is junk.
    """
    kept: list[str] = []
    removed: list[str] = []
    last = max((i for i, line in enumerate(lines) if line), default=-1)
    started = False  # whether a body line has been kept yet
    for i, line in enumerate(lines):
        if not line:
            kept.append(line)
        elif junk_rule(line) is not None:
            removed.append(line)
        elif not started and title and _same_text(line, title):
            continue  # the headline repeated as the first body line: not junk, just not needed twice
        elif not started and title and i < last and _is_author_line(line):
            removed.append(line)
        else:
            kept.append(line)
            started = True
    return kept, removed


def _same_text(a: str, b: str) -> bool:
    def key(s: str) -> str:
        return s.casefold().rstrip(".!?:; ")

    return key(a) == key(b)


def _is_author_line(line: str) -> bool:
    """A bare name such as "Layla Hassan": 2-4 capitalised words, no function word or verb."""
    return _NAME_LINE.match(line) is not None and not _NOT_NAME_WORDS.intersection(line.split())


def _paragraphs(lines: Sequence[str]) -> list[str]:
    """Each non-empty line is a paragraph, except that a hard-wrapped line is rejoined.

    A line continues the previous one only when that one has no sentence-final
    punctuation and this one starts in lower case: anything looser would glue
    headings and list items onto the next paragraph.
    """
    paragraphs: list[str] = []
    previous_blank = True
    for line in lines:
        if not line:
            previous_blank = True
            continue
        if not previous_blank and paragraphs and not paragraphs[-1].endswith(_SENTENCE_END) and line[0].islower():
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
        previous_blank = False
    return paragraphs


def fix_glued_sentences(paragraph: str) -> str:
    """Insert the missing space between sentences run together by scraping.

    "neighbor.On Saturday" → "neighbor. On Saturday", "region.“We" → "region. “We",
    "said.”He" → "said.” He".  The word before the glue must be a lower-case word
    of two or more letters (or a capitalised one of three or more), which
    leaves abbreviations (U.S., e.g., Ph.D.) and numbers alone; URLs and
    e-mail addresses are skipped whole.  A straight double quote is an
    opening one when an even number of them precede it in the paragraph.
    """
    if _GLUE_HINT.search(paragraph) is None:
        return paragraph
    tokens = []
    quotes_before = 0
    for token in paragraph.split(" "):
        tokens.append(token if _URL_OR_EMAIL.search(token) else _unglue_token(token, quotes_before))
        quotes_before += token.count('"')
    return " ".join(tokens)


def _unglue_token(token: str, quotes_before: int) -> str:
    return _GLUED.sub(lambda m: _unglue(m, quotes_before + token.count('"', 0, m.end("punct"))), token)


def _unglue(match: re.Match[str], quotes_before: int) -> str:
    """The replacement for one _GLUED match (see fix_glued_sentences)."""
    whole, punct, quote = match.group(0), match.group("punct"), match.group("quote")
    if not quote:
        return f"{whole} " if punct else whole
    if quote == '"' and quotes_before % 2 == 0:  # an opening quote: the space goes before it
        return f"{whole[:-1]} {quote}" if punct else whole
    if quote == "’" and not punct:  # most likely an apostrophe ("the ministers’Plan" is rare)
        return whole
    return f"{whole} "
