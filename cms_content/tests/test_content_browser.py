"""The walk through the corrected content in a real browser: the temp_work, CUKR and invitation pages
and the FAQ in pl, uk and ru at desktop and phone width, and the editor seeing a superseded citation
in the Wagtail admin. Screenshots go to ``$PRZYSTAN_SHOTS`` (default /tmp/content-shots)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(os.environ.get("PRZYSTAN_SHOTS", "/tmp/content-shots"))
PAGES = {
    "temp_work": "/{lang}/procedury/pobyt-czasowy-i-praca/",
    "cukr": "/{lang}/procedury/karta-cukr/",
    "invitation": "/{lang}/procedury/zaproszenie/",
    "faq": "/{lang}/informacje/najczesciej-zadawane-pytania/",
}
MOS = {
    "pl": "wyłącznie elektronicznie w module MOS",
    "uk": "лише електронно в модулі MOS",
    "ru": "только в электронном виде в модуле MOS",
}
FINGERPRINTS = {"pl": "odcisków palców", "uk": "відбитків пальців", "ru": "отпечатков пальцев"}
FREE_CERTIFICATE = {"pl": "bezpłatne zaświadczenie", "uk": "безкоштовна довідка", "ru": "бесплатная справка"}


@pytest.fixture
def portal(office: Any) -> Any:
    from django.core.cache import cache

    from cms_content.demo.loader import load_portal

    cache.clear()
    return load_portal(office, procedures=["temp_work", "cukr", "invitation"])


def _context(browser: Any, url: str, lang: str, width: int) -> Any:
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="en-GB")
    context.add_cookies([{"name": "django_language", "value": lang, "url": url}])
    return context


def _session_with_mfa(user: Any) -> str:
    """A saved session of ``user`` with a verified second factor (what the log-in forms leave)."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=user, name="walk", confirmed=True)
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = next(b for b in settings.AUTHENTICATION_BACKENDS if "Axes" not in b)
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return session.session_key


@pytest.mark.parametrize("lang", ["pl", "uk", "ru"])
def test_procedures_and_faq_read_right_at_desktop_and_phone_width(
    live_server: Any, portal: Any, browser: Any, lang: str
) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        context = _context(browser, live_server.url, lang, width)
        tab = context.new_page()
        try:
            for name, pattern in PAGES.items():
                response = tab.goto(live_server.url + pattern.format(lang=lang))
                assert response.status == 200, (lang, name)
                tab.screenshot(path=str(SHOTS / f"{name}-{lang}-{width}.png"), full_page=True)
                assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (
                    name,
                    width,
                )
                text = tab.text_content("main") or ""  # FAQ answers sit in closed <details>
                assert "temp_work" not in text and "passport_copy" not in text and "stamp_" not in text
                if name == "faq":
                    assert FREE_CERTIFICATE[lang] in text
                    continue
                stages = tab.inner_text("#stages")
                if name == "invitation":
                    assert MOS[lang] not in stages and FINGERPRINTS[lang] not in stages
                else:
                    assert MOS[lang] in stages and FINGERPRINTS[lang] in stages
                assert "2025 poz. 1079" in tab.inner_text(".legal-basis")
                if name == "cukr":
                    assert "340" in tab.inner_text("#fees") and "100" in tab.inner_text("#fees")
        finally:
            context.close()


def test_the_editor_sees_the_superseded_citation_in_the_admin(
    live_server: Any, portal: Any, browser: Any, office: Any
) -> None:
    from django.conf import settings

    from cms_content.legal_check import flag_pages_citing_superseded_texts
    from cms_content.models import LegalActVersion
    from przystan.testing.factories import make_user

    current = LegalActVersion.objects.get(eli="DU/2025/1079")
    newer = LegalActVersion.objects.create(
        act=current.act, eli="DU/2026/1200", journal_reference="Dz.U. 2026 poz. 1200"
    )
    current.superseded_by = newer
    current.save()
    flag_pages_citing_superseded_texts()

    editor = make_user("redaktor-walk@example.com", kind="staff", roles=("editor",), office=office)
    session = _session_with_mfa(editor)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        context = _context(browser, live_server.url, "pl", width)
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
        )
        tab = context.new_page()
        try:
            tab.goto(live_server.url + "/admin/portal/translations/")
            table = tab.locator("table.superseded-citations")
            assert table.count() == 1
            rows = table.locator("tr.superseded")
            assert rows.count() >= 4  # temp_work and the FAQ in every language
            assert "Dz.U. 2026 poz. 1200" in rows.first.inner_text()
            assert "Dz.U. 2025 poz. 1079" in rows.first.inner_text()
            tab.screenshot(path=str(SHOTS / f"admin-superseded-{width}.png"), full_page=True)
            tab.goto(live_server.url + "/admin/snippets/cms_content/legalact/")
            assert "Dz.U. 2026 poz. 1200" in tab.inner_text("main")
            tab.screenshot(path=str(SHOTS / f"admin-legal-acts-{width}.png"), full_page=True)
        finally:
            context.close()
