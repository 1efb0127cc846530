"""Clean: junk-line rules, whitespace, glued sentences, headline handling."""

from __future__ import annotations

import dataclasses

import pytest

from dotterel.clean import JUNK_LINE_RULES, clean_article, fix_glued_sentences, junk_rule, normalise_space
from dotterel.model import Article

MESSY_BODY = """\
Harbour Pilots Strike Over Pay in Port Ellis
Tomas  Brandt
By Ines Okafor
4 Min Read
شارك :
news-picture
  •\t9/28/2020
  • 00:00
  • 3
0
Photo: Idle cranes at the container terminal (Harbour Gazette)

PORT ELLIS, Sept 28 - Harbour pilots in Port Ellis walked off the job on Monday,\u00a0halting ship traffic,   the port authority said.The strike is the first in a decade.

Advertisement
Share This Article
Share on Facebook
The pilots' union said talks with the authority had collapsed.“We have no choice,” its leader told reporters,
after a meeting that lasted until midnight.

\u0627\u0644\u0625\u0636\u0631\u0627\u0628 \u0645\u0633\u062a\u0645\u0631 \u0641\u064a \u0627\u0644\u0645\u064a\u0646\u0627\u0621.
You May Be Interested
Read more: Ferry operators warn of delays
Source » Harbour Gazette
TAGGED: strikes, ports, Port Ellis
Subscribe to our newsletter
Sign up for breaking news alerts
Click here to read the full report
Follow us on Twitter
We use cookies to give you the best experience on our website.
Copyright 2020 Harbour Gazette
© Harbour Gazette Ltd
All rights reserved.
"""


def article(text: str, title: str | None = None, **fields: object) -> Article:
    return Article(id="t", text=text, title=title, **fields)  # type: ignore[arg-type]


def test_messy_article_is_cleaned_line_by_line() -> None:
    cleaned = clean_article(article(MESSY_BODY, title="Harbour Pilots Strike Over Pay in Port Ellis"))

    assert cleaned.title == "Harbour Pilots Strike Over Pay in Port Ellis"
    assert cleaned.text == (
        "Harbour Pilots Strike Over Pay in Port Ellis\n\n"
        "PORT ELLIS, Sept 28 - Harbour pilots in Port Ellis walked off the job on Monday, halting ship traffic, "
        "the port authority said. The strike is the first in a decade.\n\n"
        "The pilots' union said talks with the authority had collapsed. “We have no choice,” its leader told "
        "reporters, after a meeting that lasted until midnight.\n\n"
        "\u0627\u0644\u0625\u0636\u0631\u0627\u0628 \u0645\u0633\u062a\u0645\u0631 \u0641\u064a "
        "\u0627\u0644\u0645\u064a\u0646\u0627\u0621."
    )
    assert cleaned.boilerplate == (
        "Tomas Brandt",
        "By Ines Okafor",
        "4 Min Read",
        "شارك :",
        "news-picture",
        "• 9/28/2020",
        "• 00:00",
        "• 3",
        "0",
        "Photo: Idle cranes at the container terminal (Harbour Gazette)",
        "Advertisement",
        "Share This Article",
        "Share on Facebook",
        "You May Be Interested",
        "Read more: Ferry operators warn of delays",
        "Source » Harbour Gazette",
        "TAGGED: strikes, ports, Port Ellis",
        "Subscribe to our newsletter",
        "Sign up for breaking news alerts",
        "Click here to read the full report",
        "Follow us on Twitter",
        "We use cookies to give you the best experience on our website.",
        "Copyright 2020 Harbour Gazette",
        "© Harbour Gazette Ltd",
        "All rights reserved.",
    )
    # The other fields pass through untouched.
    assert dataclasses.replace(cleaned, text="", title=None, boilerplate=()) == article("")


def test_cleaning_is_idempotent_and_appends_to_existing_boilerplate() -> None:
    once = clean_article(article(MESSY_BODY, title="Harbour Pilots Strike Over Pay in Port Ellis", boilerplate=("old",)))
    assert once.boilerplate[0] == "old" and len(once.boilerplate) == 26
    assert clean_article(once) == once


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("TAGGED: Iraq, Iran", "tags"),
        ("Tags: elections", "tags"),
        ("Share this:", "share"),
        ("Share this: Facebook Twitter Email", "share"),
        ("Share on Twitter (opens in new window)", "share"),
        ("Share", "share"),
        ("12 min read", "read-time"),
        ("3 Min Read", "read-time"),
        ("Advertisement", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Read more…", "read-more"),
        ("See also: Earlier clashes in the valley", "read-more"),
        ("Related Stories", "read-more"),
        ("Related: Pilots vote on new contract", "read-more"),
        ("You may also like", "you-may-like"),
        ("Source: Harbour Gazette", "source-credit"),
        ("News-picture", "picture-label"),
        ("Image: Courtesy of the ministry", "caption-credit"),
        ("Photo credit: Harbour Gazette", "caption-credit"),
        ("• 12/31/2019", "counter"),
        ("• 23:59", "counter"),
        ("42", "counter"),
        ("•", "counter"),
        ("10:30 am", "counter"),
        ("2020-09-28", "counter"),
        ("September 28, 2020", "date-line"),
        ("Updated: Monday, 28 September 2020 14:05 GMT", "date-line"),
        ("Sept 2020", "date-line"),
        ("分享：", "foreign-label"),
        ("Поделиться:", "foreign-label"),
        ("By Ines Okafor and Tomas Brandt", "byline"),
        ("BY INES OKAFOR", "byline"),
        ("Reporting by Ines Okafor; Editing by Tomas Brandt", "wire-credit"),
        ("Subscribe", "subscribe"),
        ("Sign in to comment", "sign-up"),
        ("Click here for live updates", "click-here"),
        ("(c) 2020 Harbour Gazette. All Rights Reserved", "rights"),
        ("Copyright © 2020", "copyright"),
        ("©2020 Harbour Gazette", "copyright"),
        ("Follow @harbourgazette", "follow-us"),
        ("Follow Harbour Gazette on Instagram", "follow-us"),
        ("By continuing to browse you agree to our use of cookies", "cookies"),
        ("Accept all cookies", "cookies"),
        ("Manage settings", "cookies"),
    ],
)
def test_junk_rules(line: str, rule: str) -> None:
    assert junk_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "Shares in the harbour operator fell 4 percent on Monday.",
        "Share prices rose after the announcement",
        "By Tuesday the pilots had returned to work.",
        "By the time police arrived the crowd had dispersed and the square was quiet again",
        "The minister said the 3 min read of the report was not enough.",
        "Photographers were barred from the courtroom.",
        "Subscribers to the service complained about outages.",
        "Sources said the talks would resume.",
        "Follow-up talks are planned for next week.",
        "The court ruled that websites must ask before they store cookies.",
        "Copyrighted material was seized in the raid.",
        "May 28 was chosen as the date of the vote.",
        "3.5 percent",
        "قال الوزير إن المحادثات ستستأنف الأسبوع المقبل.",
        "Advertisement revenues fell sharply last year.",
        "Related talks in the capital ended without agreement",
    ],
)
def test_prose_is_not_junk(line: str) -> None:
    assert junk_rule(line) is None


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in JUNK_LINE_RULES]
    assert len(names) == len(set(names))


def test_title_repeated_as_first_body_line_is_not_repeated() -> None:
    cleaned = clean_article(article("Ceasefire Holds in Valley\n\nThe ceasefire held overnight.", title="Ceasefire Holds in Valley"))
    assert cleaned.text == "Ceasefire Holds in Valley\n\nThe ceasefire held overnight."
    assert cleaned.boilerplate == ()


def test_title_repeat_is_found_behind_junk_and_ignores_case() -> None:
    cleaned = clean_article(article("Advertisement\nCEASEFIRE HOLDS IN VALLEY.\nThe ceasefire held.", title="Ceasefire  Holds in Valley"))
    assert cleaned.text == "Ceasefire Holds in Valley\n\nThe ceasefire held."
    assert cleaned.boilerplate == ("Advertisement",)


def test_without_title_text_is_just_the_body_and_no_author_line_is_guessed() -> None:
    cleaned = clean_article(article("Tomas Brandt\n\nHarbour pilots went on strike."))
    assert cleaned.title is None
    assert cleaned.text == "Tomas Brandt\n\nHarbour pilots went on strike."


def test_headline_glued_to_the_first_sentence_is_left_for_the_parser() -> None:
    text = "Pilots Strike in Port EllisPORT ELLIS, Sept 28 - Harbour pilots walked out."
    assert clean_article(article(text)).text == text


@pytest.mark.parametrize(
    ("first_line", "removed"),
    [
        ("Ines Okafor", True),
        ("Ana M. Ruiz", True),
        ("Jean-Paul O'Neill", True),
        ("Ian McDonald", True),
        ("UN NATO EU", False),
        ("Pilots Walk Out Over Pay", False),  # five words
        ("Strike Talks Collapse", False),  # "Talks" marks a heading
        ("The Harbour Strike", False),
        ("Ines Okafor.", False),
        ("ines okafor", False),
        ("Ines", False),
    ],
)
def test_lone_author_line_after_the_headline(first_line: str, removed: bool) -> None:
    cleaned = clean_article(article(f"{first_line}\nThe strike began on Monday.", title="Harbour Strike"))
    assert (cleaned.boilerplate == (first_line,)) is removed
    assert cleaned.text.endswith("The strike began on Monday.")


def test_author_like_line_that_is_the_whole_body_is_kept() -> None:
    assert clean_article(article("Ines Okafor", title="Harbour Strike")).text == "Harbour Strike\n\nInes Okafor"


def test_only_the_first_body_line_can_be_an_author_line() -> None:
    cleaned = clean_article(article("The strike began.\nInes Okafor\nMore later.", title="Harbour Strike"))
    assert cleaned.boilerplate == ()


def test_whitespace_is_normalised_and_paragraphs_kept() -> None:
    text = "\n\n  First\tparagraph\u2009here.  \r\n\n\n\nSecond\u200b paragraph.\nThird paragraph.\n   \n"
    assert clean_article(article(text)).text == "First paragraph here.\n\nSecond paragraph.\n\nThird paragraph."


def test_hard_wrapped_lines_are_rejoined_only_mid_sentence() -> None:
    text = "The pilots said the\nauthority had ignored them.\nKey Demands\nhigher pay and shorter shifts."
    assert clean_article(article(text)).text == (
        "The pilots said the authority had ignored them.\n\nKey Demands higher pay and shorter shifts."
    )


def test_all_junk_body_leaves_only_the_title() -> None:
    cleaned = clean_article(article("Advertisement\n3 min read\n", title="Harbour Strike"))
    assert (cleaned.text, cleaned.boilerplate) == ("Harbour Strike", ("Advertisement", "3 min read"))
    assert clean_article(article(" \n", title="  ")).text == ""
    assert clean_article(article(" \n", title="  ")).title is None


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("the neighbor.On Saturday", "the neighbor. On Saturday"),
        ("the region.“We will", "the region. “We will"),
        ("he said.He left", "he said. He left"),
        ("he said.”He left", "he said.” He left"),
        ("Why?Because", "Why? Because"),
        ("on Saturday.Police", "on Saturday. Police"),
        ('he said."We will fight," she said."They', 'he said. "We will fight," she said. "They'),
        ('they shouted "enough."Then', 'they shouted "enough." Then'),
        ("it ended.’Then", "it ended.’ Then"),
        ("Mrs.Okafor", "Mrs. Okafor"),
    ],
)
def test_glued_sentences_are_split(before: str, after: str) -> None:
    assert fix_glued_sentences(before) == after


@pytest.mark.parametrize(
    "text",
    [
        "the U.S.Navy and the U.K.Army",
        "e.g.The i.e.This",
        "a Ph.D.Student",
        "growth of 3.5 percent and 1.5B",
        "see www.Gazette.Example/News.Html now",
        "visit https://gazette.example/World.Html today",
        "write to desk@Gazette.Example today",
        "macOS and iPhone at McDonald",
        "the ministers’Plan",
        "no glue here. Fine",
    ],
)
def test_glue_fix_leaves_abbreviations_numbers_and_addresses_alone(text: str) -> None:
    assert fix_glued_sentences(text) == text


def test_normalise_space() -> None:
    assert normalise_space(" a \t b\u00a0\u00a0c\u200b ") == "a b c"


def test_byline_with_initials_is_removed():
    from dotterel.clean import junk_rule

    assert junk_rule("By MARIA T. EXAMPLE") == "byline"
    assert junk_rule("By the end of the day, talks collapsed.") is None
