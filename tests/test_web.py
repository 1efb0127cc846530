"""The dashboard in headless Chromium (Playwright): loads offline, filters, shows an event in its article.

Screenshots go to out/screenshots/ (see conftest) for reviewers.
"""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def dashboard(page_factory, server):
    page = page_factory()
    page.goto(server + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    return page


def chart_state(page) -> dict:
    return json.loads(page.locator("#chart").get_attribute("data-state") or "{}")


def settle(page) -> None:
    page.wait_for_function("!document.body.dataset.loading", timeout=15_000)
    page.wait_for_timeout(400)  # let ECharts finish its animation before a screenshot


def table_sides(page) -> list[tuple[str, str]]:
    rows = page.locator("#events tbody tr")
    return [(rows.nth(i).locator("td").nth(1).inner_text(), rows.nth(i).locator("td").nth(3).inner_text())
            for i in range(rows.count())]


def test_dashboard_loads_every_panel(dashboard, screenshots):
    page = dashboard
    settle(page)
    state = chart_state(page)
    assert state["a"] and state["b"] and state["events"] > 0  # starts on the most active pair
    assert page.locator("#chart canvas").count() and page.locator("#network canvas").count()
    assert page.locator("#pairs canvas").count() and page.locator("#map canvas").count()
    assert int(page.locator("#map").get_attribute("data-points")) > 0
    assert page.locator("#events tbody tr").count() > 0
    assert "articles" in page.locator("#summary").inner_text()
    assert page.locator("#dyad-chips button").count() > 0
    page.screenshot(path=screenshots / "01-dashboard.png", full_page=True)


def test_changing_a_filter_changes_chart_and_table(dashboard, screenshots):
    page = dashboard
    settle(page)
    before_state, before_rows = chart_state(page), table_sides(page)
    page.fill("#f-a", "JPN")
    page.press("#f-a", "Tab")
    page.fill("#f-b", "KOR")
    page.press("#f-b", "Tab")
    page.wait_for_function("JSON.parse(document.querySelector('#chart').dataset.state || '{}').b === 'KOR'")
    settle(page)
    after_state, after_rows = chart_state(page), table_sides(page)
    assert after_state["a"] == "JPN" and after_state != before_state and after_state["events"] > 0
    assert after_rows and after_rows != before_rows
    assert all({s[:3], t[:3]} == {"JPN", "KOR"} for s, t in after_rows)
    assert "JPN ↔ KOR" in page.locator("#chart-title").inner_text()
    assert "a=JPN" in page.url and "b=KOR" in page.url  # the view can be shared
    page.screenshot(path=screenshots / "02-filtered-jpn-kor.png", full_page=True)

    # Only conflict: the table keeps conflict events only.
    page.fill("#f-a", "PRK")
    page.press("#f-a", "Tab")
    page.fill("#f-b", "")
    page.press("#f-b", "Tab")
    page.uncheck("#f-quads input[value='1']")
    page.uncheck("#f-quads input[value='2']")
    page.wait_for_function("decodeURIComponent(location.hash).includes('quad=3,4')")
    settle(page)
    badges = page.locator("#events tbody .quad")
    assert badges.count() > 0
    assert {badges.nth(i).get_attribute("class") for i in range(badges.count())} <= {"quad q3", "quad q4"}


def test_opening_an_event_shows_its_article_with_highlights(dashboard, screenshots):
    page = dashboard
    settle(page)
    row = page.locator("#events tbody tr").first
    sentence = row.locator("td.sentence").inner_text()
    row.click()
    page.wait_for_selector("#detail:not([hidden]) .hl-trigger")
    detail = page.locator("#detail")
    highlighted = "".join(detail.locator(".article-text .hl-sentence").all_inner_texts())
    assert " ".join(highlighted.split()) == " ".join(sentence.split())
    assert detail.locator(".article-text .hl-trigger").count() >= 1
    assert detail.locator(".article-text .hl-source").count() >= 1
    assert detail.locator(".article-text .hl-target").count() >= 1
    assert detail.locator(".hl-trigger").first.is_visible()
    page.screenshot(path=screenshots / "03-event-detail.png")
    page.keyboard.press("Escape")
    assert detail.is_hidden()


def test_bad_filter_is_explained_without_a_request(dashboard):
    page = dashboard
    settle(page)
    page.fill("#f-a", "IR'N")
    page.press("#f-a", "Tab")
    assert "Actor A" in page.locator("#notice").inner_text()
    page.fill("#f-a", "IRN")
    page.fill("#f-start", "2023-05-01")
    page.fill("#f-end", "2023-01-01")
    page.press("#f-end", "Tab")
    assert "after" in page.locator("#notice").inner_text()


def test_clicking_a_pair_chip_selects_it(dashboard):
    page = dashboard
    settle(page)
    chip = page.locator("#dyad-chips button").nth(1)
    label = chip.inner_text().split(" (")[0]
    chip.click()
    a, b = label.split(" ↔ ")
    page.wait_for_function(f"JSON.parse(document.querySelector('#chart').dataset.state || '{{}}').b === '{b}'")
    assert chart_state(page)["a"] == a


def test_api_docs_render_offline(page_factory, server, screenshots):
    page = page_factory()
    page.goto(server + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=30_000)
    assert page.locator(".opblock-summary-path", has_text="/api/events").count() >= 1
    page.screenshot(path=screenshots / "05-api-docs.png")
