"""The glossary's words on the screen: a reader in Ukrainian and in Russian, on a desktop and a 390 px phone,
checks the status of a case whose card is ready, reads the MOS guide and opens the fingerprints booking.

Each screen is in the reader's language, does not scroll sideways, names the stage and the residence card
the glossary's way (docs/glossary/terms.toml) and shows no forbidden word, internal code or grosze amount.
"""

from __future__ import annotations

import re

import pytest

from przystan.testing import glossary
from przystan.testing.glossary import Text
from przystan.testing.staff_day import load_demo_for_live_server, scrolls_sideways, staff_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = "/tmp/glossary-shots"
WIDTHS = {"desktop": 1280, "phone": 390}
CARD = {"uk": re.compile(r"карт\w* побиту", re.I), "ru": re.compile(r"карт\w* побыту", re.I)}
RAW = re.compile(
    r"\b(card_ready|summons_fingerprints|temp_work|passport_copy|stamp_temp_work)\b|\b\d{4,}00\b"
)


@pytest.fixture
def demo(live_server):
    return load_demo_for_live_server()


def _check(page, language: str, where: str, problems: list[str]) -> str:
    if page.locator("html").get_attribute("lang") != language:
        problems.append(f"{where}: page language {page.locator('html').get_attribute('lang')}")
    if scrolls_sideways(page):
        problems.append(f"{where}: scrolls sideways")
    text = page.locator("main").inner_text()
    problems += glossary.problems(Text(where, language, None, text))
    if RAW.search(text):
        problems.append(f"{where}: raw {RAW.search(text).group(0)!r}")
    return text


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_a_reader_sees_the_glossary_words(browser, live_server, demo, language):
    from plugins.legalisation.models import Case

    card_ready = Case.objects.get(stage="card_ready")
    stage_name = next(s.names[language] for s in glossary.load().stages if s.code == "card_ready")
    problems: list[str] = []
    for width_name, width in WIDTHS.items():
        context = staff_context(browser, live_server.url, language, width)
        page = context.new_page()
        page.set_default_timeout(15000)
        try:
            where = f"{language} {width_name}"
            page.goto(f"{live_server.url}/legalisation/status/")
            page.fill("input[name=number]", card_ready.number)
            page.fill("input[name=pin]", "12345678")
            page.locator("main form button[type=submit]").click()
            page.wait_for_load_state()
            page.screenshot(path=f"{SHOTS}/e2e-{where.replace(' ', '-')}-status.png", full_page=True)
            text = _check(page, language, f"{where} status", problems)
            if stage_name not in text:
                problems.append(f"{where} status: the stage is not named {stage_name!r}")
            if not CARD[language].search(text):
                problems.append(f"{where} status: the residence card is not named the glossary's way")

            page.goto(f"{live_server.url}/legalisation/mos/temp_work/")
            page.screenshot(path=f"{SHOTS}/e2e-{where.replace(' ', '-')}-mos.png", full_page=True)
            _check(page, language, f"{where} MOS guide", problems)

            page.goto(f"{live_server.url}/booking/fingerprints/")
            page.screenshot(path=f"{SHOTS}/e2e-{where.replace(' ', '-')}-booking.png")
            text = _check(page, language, f"{where} booking", problems)
            if "Stanowisko" in text:
                problems.append(
                    f"{where} booking: a desk shown by its Polish name though it has a translation"
                )
        finally:
            context.close()
    assert problems == [], "\n".join(problems)
