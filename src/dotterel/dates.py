"""The time stage: publication dates and event dates.

Publication date: the record's metadata when given; otherwise a full date
found in the lines cleaning removed (date counters such as "• 9/28/2020",
"Updated: March 3, 2023") or at the start of the text.  Unknown when
nothing supports it.

Event date: the date expression that modifies the event's trigger ("met on
Thursday", "in January", "last month", "on June 11", "in 1980"), resolved
against the publication date with a precision (day, month, year); without
one the event takes the publication date ("publication").  Rules are our
own and deterministic: a bare weekday is the most recent such day on or
before publication (dateparser would put a Thursday in a Thursday article a
week back).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .nlp import entities

_MONTHS = {
    name: n
    for n, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for name in names
}
_WEEKDAYS = {d: n for n, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTH_RX = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH_RX}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s+{_MONTH_RX}\s+(\d{{4}})\b", re.I)
_MONTH_DAY = re.compile(rf"^{_MONTH_RX}\s+(\d{{1,2}})(?:st|nd|rd|th)?$", re.I)
_DAY_MONTH = re.compile(rf"^(\d{{1,2}})\s+{_MONTH_RX}$", re.I)
_YEAR = re.compile(r"^(?:in\s+)?((?:19|20)\d{2})$")
_DAYS_AGO = re.compile(r"^(\d+|one|two|three|four|five|six|seven|ten)\s+days?\s+ago$")
_SMALL_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    date: dt.date
    precision: str  # day | month | year | publication
    evidence: str


def find_full_date(text: str) -> ResolvedDate | None:
    """A complete calendar date written in ``text`` (US order for n/n/yyyy)."""
    for rx, order in ((_ISO_DATE, "ymd"), (_NUMERIC_DATE, "mdy")):
        match = rx.search(text)
        if match:
            a, b, c = (int(g) for g in match.groups())
            y, m, d = (a, b, c) if order == "ymd" else (c, a, b)
            if order == "mdy" and m > 12:  # 28/9/2020: day first
                m, d = d, m
            found = _safe_date(y, m, d)
            if found:
                return ResolvedDate(found, "day", match.group())
    for rx, groups in ((_MONTH_DAY_YEAR, (0, 1, 2)), (_DAY_MONTH_YEAR, (1, 0, 2))):
        match = rx.search(text)
        if match:
            month = _MONTHS[_month_key(match.group(groups[0] + 1))]
            found = _safe_date(int(match.group(groups[2] + 1)), month, int(match.group(groups[1] + 1)))
            if found:
                return ResolvedDate(found, "day", match.group())
    return None


def publication_date(date: dt.date | None, boilerplate: tuple[str, ...], text: str) -> ResolvedDate | None:
    """The article's publication date with its evidence, or None."""
    if date is not None:
        return ResolvedDate(date, "day", "metadata")
    for line in boilerplate:
        found = find_full_date(line)
        if found:
            return ResolvedDate(found.date, "day", f"boilerplate:{found.evidence}")
    head = text[:300]
    found = find_full_date(head)
    if found:
        return ResolvedDate(found.date, "day", f"text:{found.evidence}")
    return None


def resolve_expression(expression: str, reference: dt.date) -> ResolvedDate | None:
    """Resolve one date expression ("last Thursday", "in January") against ``reference``."""
    text = re.sub(r"\s+", " ", expression.strip().lower().rstrip(".,"))
    text = re.sub(r"^(on|in|since|during|from|by|until|early|late|mid|earlier|later)\s+", "", text)
    full = find_full_date(expression)
    if full:
        return ResolvedDate(full.date, "day", expression)
    if text in {"today", "this morning", "this afternoon", "this evening", "tonight"}:
        return ResolvedDate(reference, "day", expression)
    if text in {"yesterday", "last night"}:
        return ResolvedDate(reference - dt.timedelta(days=1), "day", expression)
    weekday = _weekday(text)
    if weekday is not None:
        back = (reference.weekday() - weekday) % 7
        if text.startswith("last ") and back == 0:
            back = 7
        return ResolvedDate(reference - dt.timedelta(days=back), "day", expression)
    for rx, swap in ((_MONTH_DAY, False), (_DAY_MONTH, True)):
        match = rx.match(text)
        if match:
            month_text, day_text = (match.group(2), match.group(1)) if swap else (match.group(1), match.group(2))
            month, day = _MONTHS[_month_key(month_text)], int(day_text)
            found = _safe_date(reference.year, month, day)
            if found and found > reference + dt.timedelta(days=7):
                found = _safe_date(reference.year - 1, month, day)
            return ResolvedDate(found, "day", expression) if found else None
    month_only = re.match(rf"^(?:this |last |early |late )?{_MONTH_RX}$", text)
    if month_only:
        month = _MONTHS[_month_key(month_only.group(1))]
        year = reference.year if month <= reference.month or text.startswith("this") else reference.year - 1
        if text.startswith("last") and month >= reference.month:
            year = reference.year - 1
        return ResolvedDate(dt.date(year, month, 1), "month", expression)
    if text in {"last month", "a month ago"}:
        first = reference.replace(day=1) - dt.timedelta(days=1)
        return ResolvedDate(first.replace(day=1), "month", expression)
    if text in {"this month", "earlier this month"}:
        return ResolvedDate(reference.replace(day=1), "month", expression)
    if text in {"last week", "a week ago", "earlier this week", "this week"}:
        days = 7 if "last" in text or "ago" in text else 0
        return ResolvedDate(reference - dt.timedelta(days=days), "week", expression)
    if text in {"last year", "a year ago"}:
        return ResolvedDate(dt.date(reference.year - 1, 1, 1), "year", expression)
    if text in {"this year", "earlier this year"}:
        return ResolvedDate(dt.date(reference.year, 1, 1), "year", expression)
    ago = _DAYS_AGO.match(text)
    if ago:
        n = int(ago.group(1)) if ago.group(1).isdigit() else _SMALL_NUMBERS[ago.group(1)]
        return ResolvedDate(reference - dt.timedelta(days=n), "day", expression)
    year = _YEAR.match(text)
    if year:
        return ResolvedDate(dt.date(int(year.group(1)), 1, 1), "year", expression)
    return None


def event_date(trigger: Token, sentence: Span, publication: ResolvedDate | None) -> ResolvedDate | None:
    """The date of the event expressed by ``trigger``, or the publication date."""
    for expression in _date_expressions(trigger, sentence):
        if publication is None:
            absolute = find_full_date(expression)
            year = _YEAR.match(expression.strip().lower())
            if absolute:
                return ResolvedDate(absolute.date, "day", expression)
            if year:
                return ResolvedDate(dt.date(int(year.group(1)), 1, 1), "year", expression)
            continue
        resolved = resolve_expression(expression, publication.date)
        if resolved is not None:
            return resolved
    if publication is None:
        return None
    return ResolvedDate(publication.date, "publication", publication.evidence)


def _date_expressions(trigger: Token, sentence: Span) -> list[str]:
    """DATE entities that modify the trigger ("met on Thursday", "Thursday"),
    or, for an event noun, the verb that governs it; nearest first."""
    anchors = {trigger.i}
    if trigger.pos_ in {"NOUN", "PROPN"}:
        anchors.add(trigger.head.i)
    out: list[tuple[int, str]] = []
    for ent in entities(sentence.doc):
        if ent.label_ != "DATE" or not (sentence.start <= ent.start < sentence.end):
            continue
        root = ent.root
        attach = root.head if root.dep_ == "pobj" else root
        if attach.head.i in anchors and attach.i != trigger.i:
            out.append((abs(ent.start - trigger.i), _with_preposition(ent)))
    return [text for _d, text in sorted(out)]


def _with_preposition(ent: Span) -> str:
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in {"in", "on", "since"}:
        return f"{root.head.text} {ent.text}"
    return ent.text


def _weekday(text: str) -> int | None:
    words = text.split()
    if len(words) == 1 and words[0] in _WEEKDAYS:
        return _WEEKDAYS[words[0]]
    if len(words) == 2 and words[0] in {"last", "this"} and words[1] in _WEEKDAYS:
        return _WEEKDAYS[words[1]]
    if len(words) == 2 and words[0] in _WEEKDAYS and words[1] in {"night", "morning", "evening", "afternoon"}:
        return _WEEKDAYS[words[0]]
    return None


def _month_key(text: str) -> str:
    word = text.lower().rstrip(".")
    return word if word in _MONTHS else word[:3]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
