"""Publication dates and event dates."""

from __future__ import annotations

import datetime as dt

import pytest

from dotterel.dates import find_full_date, publication_date, resolve_expression
from dotterel.model import Article

THURSDAY = dt.date(2021, 12, 23)


@pytest.mark.parametrize(
    ("expression", "expected", "precision"),
    [
        ("Thursday", "2021-12-23", "day"),  # the article's own day, not a week back
        ("on Saturday", "2021-12-18", "day"),
        ("last Thursday", "2021-12-16", "day"),
        ("yesterday", "2021-12-22", "day"),
        ("on June 11", "2021-06-11", "day"),
        ("11 June", "2021-06-11", "day"),
        ("in January", "2021-01-01", "month"),
        ("last month", "2021-11-01", "month"),
        ("earlier this month", "2021-12-01", "month"),
        ("last year", "2020-01-01", "year"),
        ("in 1980", "1980-01-01", "year"),
        ("March 3, 2019", "2019-03-03", "day"),
    ],
)
def test_expressions_resolve_against_the_publication_date(expression, expected, precision):
    resolved = resolve_expression(expression, THURSDAY)
    assert resolved is not None
    assert (resolved.date.isoformat(), resolved.precision) == (expected, precision)


def test_unknown_expression_is_none():
    assert resolve_expression("the coming decades", THURSDAY) is None


def test_full_dates_in_counters_and_prose():
    assert find_full_date("• 9/28/2020").date == dt.date(2020, 9, 28)
    assert find_full_date("Updated: 4 May 2022, 10:00").date == dt.date(2022, 5, 4)
    assert find_full_date("• 00:00") is None


def test_publication_date_prefers_metadata_then_boilerplate():
    given = publication_date(dt.date(2022, 1, 2), ("• 9/28/2020",), "")
    assert (given.date, given.evidence) == (dt.date(2022, 1, 2), "metadata")
    inferred = publication_date(None, ("• 00:00", "• 9/28/2020"), "")
    assert (inferred.date, inferred.evidence) == (dt.date(2020, 9, 28), "boilerplate:9/28/2020")
    assert publication_date(None, (), "No date here.") is None


def test_event_dates_end_to_end(pipeline):
    text = (
        "Ministers Meet\n\n  • 5/16/2022\n  • 00:00\n\n"
        "Jordan's foreign minister visited Damascus on Sunday. "
        "Syrian forces shelled Turkish troops in March. "
        "Egypt criticised Israel."
    )
    (coded,) = list(pipeline.code([Article(id="d1", text=text, title="Ministers Meet")]))
    assert coded.article.date == dt.date(2022, 5, 16)
    by_trigger = {e.trigger.lemma: e for e in coded.events}
    assert (by_trigger["visit"].date, by_trigger["visit"].date_precision) == ("2022-05-15", "day")
    assert (by_trigger["shell"].date, by_trigger["shell"].date_precision) == ("2022-03-01", "month")
    assert (by_trigger["criticise"].date, by_trigger["criticise"].date_precision) == ("2022-05-16", "publication")

