"""Real browser: a supervisor issues a summons in Ukrainian and a decision from the office's templates
(form → HTML preview → issue), downloads the PDFs and reads them back; the staff screens in Polish and
Ukrainian pass axe-core."""

from __future__ import annotations

import datetime
import io

import pytest
from django.utils import timezone, translation
from pypdf import PdfReader

from plugins.legalisation.letters.seed import ensure_default_templates
from plugins.legalisation.models import Case, Letter, LetterTemplate
from przystan.testing.factories import make_user

from .conftest import submitted_case
from .test_browser import assert_accessible, session_cookie

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def text_of(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_supervisor_issues_a_summons_and_a_decision(live_server, browser, legal_office, tmp_path, language):
    ensure_default_templates(legal_office)
    supervisor = make_user("boss@uw.example.gov.pl", kind="staff", roles=("supervisor",), office=legal_office)
    person = make_user("olena@example.com", kind="foreigner", preferred_language="uk")
    case, _pin = submitted_case(legal_office, person)
    context = browser.new_context(locale=f"{language}-{language.upper()}", accept_downloads=True)
    context.add_cookies(
        [
            *session_cookie(supervisor, live_server, staff=True),
            {"name": "django_language", "value": language, "url": live_server.url},
        ]
    )
    page = context.new_page()
    page.set_default_timeout(20000)
    with translation.override(language):
        issue_label = translation.gettext("Issue the letter")
        preview_label = translation.gettext("Preview")

    # a summons in Ukrainian, from the case page
    page.goto(f"{live_server.url}/staff/cases/{case.number}/")
    page.click("a[href$='/letters/new/']")
    summons = LetterTemplate.objects.get(office=legal_office, kind="summons_appear", language="uk")
    page.select_option("#id_template", str(summons.pk))
    page.fill("#id_details", "Кабінет 12, 10:00")
    page.fill("#id_due_date", (timezone.localdate() + datetime.timedelta(days=10)).isoformat())
    page.get_by_role("button", name=preview_label).click()
    page.wait_for_selector(".letter-preview")
    assert "Шановний(-а)" in page.inner_text(".letter-preview")
    assert_accessible(page)
    page.screenshot(path=str(tmp_path / f"preview-{language}.png"), full_page=True)
    page.get_by_role("button", name=issue_label).click()
    page.wait_for_selector("#letters")
    letter = Letter.objects.get(case=case)
    with page.expect_download() as download:
        page.evaluate(
            "url => { const a = document.createElement('a'); a.href = url; a.download = ''; "
            "document.body.appendChild(a); a.click(); }",
            f"/staff/cases/{case.number}/letters/{letter.public_id}.pdf",
        )
    text = text_of(open(download.value.path(), "rb").read())
    assert "Виклик для особистої явки" in text and "Кабінет 12" in text

    # a decision, in Polish, at the draft-decision stage
    Case.objects.filter(pk=case.pk).update(stage="draft_decision")
    granted = LetterTemplate.objects.get(office=legal_office, kind="decision_granted", language="pl")
    page.goto(f"{live_server.url}/staff/cases/{case.number}/letters/new/")
    page.select_option("#id_template", str(granted.pk))
    page.get_by_role("button", name=preview_label).click()
    page.wait_for_selector(".letter-preview")
    with translation.override(language):
        page.get_by_role("button", name=translation.gettext("Issue the decision")).click()
    page.wait_for_selector("#letters")
    decision = Letter.objects.get(case=case, kind="decision_granted")
    assert decision.register_seq == 1
    assert decision.register_number in page.inner_text("#letters")
    case.refresh_from_db()
    assert case.stage == "decision_granted"
    assert_accessible(page)
    page.screenshot(path=str(tmp_path / f"case-{language}.png"), full_page=True)
    page.goto(f"{live_server.url}/staff/cases/letter-templates/")
    assert_accessible(page)
    context.close()
