"""The finance officer's working day in a real browser against the demo data.

Log in with the second factor, open the daily report of a day with payments, import a bank statement
written the way Polish banks export it (dates DD.MM.YYYY, amounts "1 234,56"), read the results in
words, ask for a refund typed with a decimal comma and see it wait; the supervisor (a second person)
approves it and the payment page and the audit log name both. Amounts are in złote everywhere.
In Polish on a desktop and in Ukrainian on a 375 px phone; no sideways scrolling, axe-core clean.
"""

from __future__ import annotations

import os
import re
from typing import Any

import pytest
from django.utils import timezone

from przystan.testing.staff_day import (
    ScreenChecks,
    load_demo_for_live_server,
    log_in_staff,
    staff_context,
    staff_of,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("PRZYSTAN_SCREENSHOTS", "/tmp/queueday")
RUNS = {"pl-desktop": ("pl", 1280), "uk-phone": ("uk", 375)}
WORDS = {
    "pl": {
        "report": "Raport dzienny",
        "statement": "Importuj wyciąg bankowy",
        "import": "Importuj",
        "settled": "Rozliczone płatności: 1",
        "unmatched": "Wpływy bez znanego numeru płatności: 1",
        "ask": "Wnioskuj o zwrot",
        "waits": "gdy zatwierdzi go inna osoba",
        "approve": "Zatwierdź zwrot",
        "approved": "Zwrot zatwierdzono i wysłano.",
    },
    "uk": {
        "report": "Щоденний звіт",
        "statement": "Імпортувати банківську виписку",
        "import": "Імпортувати",
        "settled": "Зараховані платежі: 1",
        "unmatched": "Надходження без відомого номера платежу: 1",
        "ask": "Запросити повернення",
        "waits": "коли інша особа його",
        "approve": "Затвердити повернення",
        "approved": "Повернення затверджено і надіслано.",
    },
}
#: Raw codes and amounts in grosze that must never reach a finance screen.
CODES = re.compile(r"\b(settled|unmatched|already_paid|amount_mismatch|already_imported|awaiting|grosze)\b")


@pytest.fixture
def demo(live_server: Any) -> Any:
    return load_demo_for_live_server()


def _statement(payment: Any) -> bytes:
    """A CSV export as Polish banks write it: semicolons, DD.MM.YYYY, amounts with a decimal comma."""
    zloty, grosze = divmod(payment.amount_grosze, 100)
    amount = f"{zloty:,}".replace(",", " ") + f",{grosze:02d}"
    day = timezone.localdate().strftime("%d.%m.%Y")
    lines = [
        "Data księgowania;Kwota;Tytuł;Nadawca",
        f"{day};{amount};{payment.transfer_title};Ivan Petrov",
        f"{day};120,00;Opłata bez numeru;Jan Kowalski",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.mark.parametrize("run", list(RUNS))
def test_the_finance_officers_day(browser: Any, live_server: Any, demo: Any, run: str) -> None:
    from plugins.payments.models import Payment, PaymentStatus, Refund, RefundStatus
    from plugins.payments.models.payments import format_pln
    from przystan.audit.models import AuditEntry

    lang, width = RUNS[run]
    words = WORDS[lang]
    checks = ScreenChecks(run, lang, SHOTS, "finance", raw=CODES)
    pending = Payment.objects.filter(
        checkout__payer_name="Ivan Petrov", status__in=[PaymentStatus.NEW, PaymentStatus.PENDING]
    ).first()
    paid = Payment.objects.filter(checkout__payer_name="Olena Kovalenko", status=PaymentStatus.PAID).first()
    assert pending is not None and paid is not None, "the demo has a pending and a paid transfer"
    finance = staff_of(demo, "finance")
    context = staff_context(browser, live_server.url, lang, width)
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        log_in_staff(page, live_server.url, finance.email, finance.backup_codes[0])
        page.goto(f"{live_server.url}/staff/payments/")
        checks.page(page, "payments")

        # the daily report: today by default, the days with payments to pick from
        page.get_by_role("link", name=words["report"]).click()
        assert page.locator("input[name=day]").input_value() == timezone.localdate().isoformat()
        day_links = page.locator(".report-days a, .report-days strong")
        assert day_links.count() >= 1
        text = checks.page(page, "report")
        assert paid.payee_name in text and "zł" in text

        # a bank statement with a Polish date format settles the pending transfer
        page.goto(f"{live_server.url}/staff/payments/")
        page.get_by_role("link", name=words["statement"]).click()
        page.set_input_files(
            "input[name=file]",
            files=[{"name": "wyciag.csv", "mimeType": "text/csv", "buffer": _statement(pending)}],
        )
        page.get_by_role("button", name=words["import"], exact=True).click()
        page.wait_for_selector("#statement-results")
        text = checks.page(page, "statement-imported")
        assert words["settled"] in text and words["unmatched"] in text, text
        pending.refresh_from_db()
        assert pending.status == PaymentStatus.PAID

        # a refund, typed with a decimal comma, waits for a second person
        page.goto(f"{live_server.url}/staff/payments/payment/{paid.reference}/")
        text = checks.page(page, "payment")
        assert format_pln(paid.amount_grosze) in text
        page.fill("input[name=amount]", "10,00")
        page.fill("textarea[name=reason]", "Nadpłata opłaty skarbowej")
        page.get_by_role("button", name=words["ask"]).click()
        text = checks.page(page, "refund-asked")
        assert words["waits"] in text, text
        assert page.get_by_role("button", name=words["approve"]).count() == 0  # not one's own
        refund = Refund.objects.get(payment=paid)
        assert refund.status == RefundStatus.AWAITING and refund.amount_grosze == 1000
        context.close()

        # the supervisor approves: the page and the audit name both people
        supervisor = staff_of(demo, "supervisor")
        context = staff_context(browser, live_server.url, lang, width)
        page = context.new_page()
        page.set_default_timeout(15000)
        log_in_staff(page, live_server.url, supervisor.email, supervisor.backup_codes[0])
        page.goto(f"{live_server.url}/staff/payments/payment/{paid.reference}/")
        page.get_by_role("button", name=words["approve"]).click()
        text = checks.page(page, "refund-approved")
        assert words["approved"] in text
        refunds = page.locator("#refunds").inner_text()
        assert "Michał Szymański" in refunds and "Tomasz Wójcik" in refunds, refunds
        assert format_pln(1000) in refunds
        refund.refresh_from_db()
        assert refund.status == RefundStatus.COMPLETED and refund.approved_by.email == supervisor.email
        actors = set(
            AuditEntry.objects.filter(object_id=str(refund.pk), content_type__model="refund").values_list(
                "actor__email", flat=True
            )
        )
        assert actors == {finance.email, supervisor.email}
    finally:
        context.close()
    assert not checks.problems, "\n".join(checks.problems)
