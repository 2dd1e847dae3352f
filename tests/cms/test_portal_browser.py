"""The portal in a real browser: axe-core WCAG 2.1 AA in every language, keyboard, no-JS, mobile, print.

One browser for the session, one tab reused for all pages of a test (CI time is shared).
"""

from __future__ import annotations

import io

import pytest

from przystan.testing.browser import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("pl", "en", "uk", "ru")
SEARCH_QUERIES = {"pl": "praca", "en": "work", "uk": "роботу", "ru": "работу"}
PAGES = {
    "home": "/{lang}/",
    "procedure": "/{lang}/procedury/pobyt-czasowy-i-praca/",
    "location": "/{lang}/gdzie-nas-znalezc/siedziba-glowna/",
    "search": "/{lang}/szukaj/?q={query}",
    "accessibility": "/{lang}/deklaracja-dostepnosci/",
}


@pytest.fixture
def portal(office):
    from django.core.cache import cache

    from cms_content.demo.loader import load_portal

    cache.clear()
    return load_portal(office, procedures=["temp_work"])


def test_axe_finds_no_wcag_violations_in_any_language(live_server, portal, page):
    problems = {}
    for lang in LANGUAGES:
        for name, pattern in PAGES.items():
            url = live_server.url + pattern.format(lang=lang, query=SEARCH_QUERIES[lang])
            response = page.goto(url)
            assert response.status == 200, url
            assert page.get_attribute("html", "lang") == lang
            if name == "search":
                assert page.locator("ol.results li").count() >= 1, f"no search result for {url}"
            violations = axe_violations(page)
            if violations:
                problems[f"{lang} {name}"] = violations
    assert problems == {}


def test_keyboard_no_js_mobile_and_print(live_server, portal, page, browser):
    from pypdf import PdfReader

    procedure = live_server.url + PAGES["procedure"].format(lang="uk")
    page.goto(procedure)

    # keyboard: the first Tab reaches the visible skip link, which moves focus to the main content
    page.keyboard.press("Tab")
    skip = page.evaluate(
        "() => { const el = document.activeElement; const box = el.getBoundingClientRect();"
        " const style = getComputedStyle(el);"
        " return {cls: el.className, top: box.top, outline: style.outlineStyle, shadow: style.boxShadow}; }"
    )
    assert skip["cls"] == "skip-link" and skip["top"] >= 0
    assert skip["outline"] != "none" or skip["shadow"] != "none"  # visible focus
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    # every following Tab stop shows a focus indicator
    for _ in range(6):
        page.keyboard.press("Tab")
        style = page.evaluate(
            "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.boxShadow]; }"
        )
        assert style[0] != "none" or style[1] != "none"

    # mobile (390 px wide): no horizontal scrolling
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")

    # print: navigation hidden, content kept; the PDF holds the procedure text
    page.emulate_media(media="print")
    assert page.locator(".language-nav").is_hidden()
    assert page.locator("#documents").is_visible()
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert "Дозвіл на тимчасове проживання та роботу" in text
    assert "Пошук на порталі" not in text
    page.emulate_media(media="screen")

    # reading works without JavaScript, FAQ answers open natively
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    try:
        nojs = context.new_page()
        nojs.goto(procedure)
        assert nojs.locator("h1").inner_text() == "Дозвіл на тимчасове проживання та роботу"
        nojs.goto(live_server.url + "/en/informacje/najczesciej-zadawane-pytania/")
        nojs.locator("summary").first.click()
        assert nojs.locator("details .answer").first.is_visible()
        nojs.goto(live_server.url + "/uk/szukaj/?q=" + SEARCH_QUERIES["uk"])
        assert nojs.locator("ol.results li").count() >= 1
    finally:
        context.close()
