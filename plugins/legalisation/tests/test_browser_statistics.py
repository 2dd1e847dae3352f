"""Real browser (Playwright + Chromium): a supervisor opens the case statistics from the staff dashboard
in Polish, filters by type, sees the SVG charts with their data tables (axe-clean), downloads the CSV;
then the same page in Ukrainian."""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation

from plugins.legalisation.models import Case
from przystan.testing.factories import make_user

from .test_browser import assert_accessible, session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _cases(office, officer) -> None:
    d = datetime.date
    rows = [
        ("T-2026-1", "temp_work", "formal_check", d(2026, 5, 4), d(2026, 7, 3), officer),
        ("T-2026-2", "temp_work", "filed", d(2026, 11, 20), d(2027, 1, 19), None),
        ("T-2026-3", "permanent", "accepted", d(2026, 10, 1), d(2027, 4, 1), officer),
        ("T-2026-4", "temp_studies", "decision_granted", d(2026, 3, 2), d(2026, 5, 4), None),
    ]
    for number, kind, stage, filed, deadline, assignee in rows:
        Case.objects.create(
            office=office,
            number=number,
            pin_hash="x",
            application_type=kind,
            stage=stage,
            person_name="Olena Shevchenko",
            person_key=number,
            filed_at=filed,
            legal_deadline=deadline,
            assignee=assignee,
        )


def test_supervisor_reads_statistics_in_polish_and_ukrainian(live_server, browser, legal_office, tmp_path):
    supervisor = make_user("boss@uw.example.gov.pl", kind="staff", roles=("supervisor",), office=legal_office)
    officer = make_user(
        "anna@uw.example.gov.pl", kind="staff", roles=("officer",), office=legal_office, first_name="Anna"
    )
    _cases(legal_office, officer)
    context = browser.new_context(locale="pl-PL", accept_downloads=True)
    context.add_cookies(
        [
            *session_cookie(supervisor, live_server, staff=True),
            {"name": "django_language", "value": "pl", "url": live_server.url},
        ]
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(f"{live_server.url}/staff/")
    page.get_by_role("link", name="Statystyka spraw").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() == "Statystyka spraw"
    assert page.inner_text("#stats-overdue").strip() == "1"
    assert page.locator("#chart-stages").get_attribute("role") == "img"
    assert page.locator("#table-types tbody tr").count() == 3
    assert_accessible(page)
    page.screenshot(path=str(tmp_path / "statistics-pl.png"), full_page=True)

    page.goto(f"{live_server.url}/staff/cases/statistics/")
    page.select_option("#id_type", "temp_work")
    page.get_by_role("button", name="Pokaż").click()
    page.wait_for_load_state()
    assert page.locator("#table-types tbody tr").count() == 1
    with page.expect_download() as download_info:
        page.click("#stats-csv")
    path = download_info.value.path()
    content = open(path, "rb").read()
    assert content.startswith(b"\xef\xbb\xbf") and "Statystyka spraw" in content.decode("utf-8-sig")

    context.add_cookies([{"name": "django_language", "value": "uk", "url": live_server.url}])
    page.goto(f"{live_server.url}/staff/cases/statistics/")
    with translation.override("uk"):
        assert page.locator("h1").inner_text().strip() == translation.gettext("Case statistics")
    assert page.locator("h1").inner_text().strip() == "Статистика справ"
    assert "Навантаження працівників" in page.content()
    assert_accessible(page)
    page.screenshot(path=str(tmp_path / "statistics-uk.png"), full_page=True)
    context.close()
