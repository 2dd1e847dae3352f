"""The finance department's daily report: settled payments per payee account (CSV or PDF)."""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from przystan.documents.pdf import DocumentBuilder, render_document

from .bank_transfer import grouped_account
from .models import Payment, Refund, RefundStatus
from .models.payments import format_pln


@dataclass
class AccountTotals:
    payee_name: str
    account: str
    payments: list[Payment] = field(default_factory=list)
    refunds: list[Refund] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(p.amount_grosze for p in self.payments)

    @property
    def refunded(self) -> int:
        return sum(r.amount_grosze for r in self.refunds)


def day_bounds(day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
    return start, start + datetime.timedelta(days=1)


def daily_report(office: Any, day: datetime.date) -> list[AccountTotals]:
    start, end = day_bounds(day)
    accounts: dict[str, AccountTotals] = {}
    for payment in (
        Payment.objects.filter(office=office, paid_at__gte=start, paid_at__lt=end)
        .select_related("checkout")
        .prefetch_related("lines")
        .order_by("payee_iban", "paid_at")
    ):
        accounts.setdefault(
            payment.payee_iban, AccountTotals(payment.payee_name, payment.payee_iban)
        ).payments.append(payment)
    for refund in (
        Refund.objects.filter(payment__office=office, created_at__gte=start, created_at__lt=end)
        .exclude(status=RefundStatus.REJECTED)
        .select_related("payment")
    ):
        payment = refund.payment
        accounts.setdefault(
            payment.payee_iban, AccountTotals(payment.payee_name, payment.payee_iban)
        ).refunds.append(refund)
    return list(accounts.values())


def days_with_payments(office: Any, *, limit: int = 14) -> list[datetime.date]:
    """The latest days (office time zone) on which payments of ``office`` were settled, newest first."""
    from django.db.models.functions import TruncDate

    zone = timezone.get_current_timezone()
    return list(
        Payment.objects.filter(office=office, paid_at__isnull=False)
        .annotate(day=TruncDate("paid_at", tzinfo=zone))
        .values_list("day", flat=True)
        .distinct()
        .order_by("-day")[:limit]
    )


def csv_zloty(grosze: int) -> str:
    """An amount for a spreadsheet: złote with a decimal comma and no thousands separator ("440,00")."""
    return f"{grosze // 100},{grosze % 100:02d}"


def report_csv(office: Any, day: datetime.date) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(
        [
            _("Payee account"),
            _("Payee"),
            _("Payment reference"),
            _("Case reference"),
            _("Fees"),
            _("Method"),
            _("Paid at"),
            _("Amount (zł)"),
            _("Refunded (zł)"),
        ]
    )
    for account in daily_report(office, day):
        for p in account.payments:
            writer.writerow(
                [
                    account.account,
                    account.payee_name,
                    p.reference,
                    p.checkout.case_reference,
                    ", ".join(line.name for line in p.lines.all()),
                    p.get_method_display(),
                    timezone.localtime(p.paid_at).isoformat(timespec="seconds"),
                    csv_zloty(p.amount_grosze),
                    csv_zloty(p.refunded_grosze),
                ]
            )
        writer.writerow(
            [
                account.account,
                account.payee_name,
                _("TOTAL"),
                "",
                "",
                "",
                "",
                csv_zloty(account.total),
                csv_zloty(account.refunded),
            ]
        )
    return out.getvalue()


def report_pdf(office: Any, day: datetime.date, language: str) -> bytes:
    accounts = daily_report(office, day)

    def build(doc: DocumentBuilder) -> None:
        doc.heading(_("Payments of %(day)s per payee account") % {"day": day.isoformat()})
        if not accounts:
            doc.paragraph(_("No payments were settled on this day."))
        for account in accounts:
            doc.heading(f"{account.payee_name} — {grouped_account(account.account)}", level=2)
            doc.table(
                [_("Payment reference"), _("Case reference"), _("Fees"), _("Amount")],
                [
                    [
                        p.reference,
                        p.checkout.case_reference,
                        ", ".join(line.fee_code for line in p.lines.all()),
                        format_pln(p.amount_grosze),
                    ]
                    for p in account.payments
                ],
                col_widths=[0.25, 0.25, 0.3, 0.2],
            )
            doc.key_value_table(
                [
                    (_("Payments"), str(len(account.payments))),
                    (_("Total"), format_pln(account.total)),
                    (_("Refunds requested this day"), format_pln(account.refunded)),
                ]
            )

    return render_document(
        office, title=gettext_lazy("Daily payments report"), language=language, build=build
    )
