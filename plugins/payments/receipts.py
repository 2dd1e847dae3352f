"""Receipts (PDF, in the payer's language) for settled payments."""

from __future__ import annotations

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from przystan.documents.pdf import DocumentBuilder, render_document

from .models import Payment
from .models.payments import Method, format_pln


def render_receipt(payment: Payment, language: str | None = None) -> bytes:
    language = language or payment.checkout.language or "pl"
    checkout = payment.checkout

    def build(doc: DocumentBuilder) -> None:
        doc.heading(_("Payment receipt"))
        paid_at = timezone.localtime(payment.paid_at or timezone.now())
        rows = [
            (_("Payment reference"), payment.reference),
            (_("Paid on"), formats.date_format(paid_at, "DATETIME_FORMAT")),
            (_("Payee"), payment.payee_name),
            (_("Payee account"), _grouped_iban(payment.payee_iban)),
            (_("Payment method"), Method(payment.method).label if payment.method else ""),
            (_("Payer"), checkout.payer_name or checkout.payer_email),
        ]
        if checkout.case_reference:
            rows.append((_("Case reference"), checkout.case_reference))
        if payment.provider_order_id:
            rows.append((_("Gateway transaction number"), payment.provider_order_id))
        doc.key_value_table(rows)
        doc.table(
            [_("Fee"), _("Legal basis"), _("Amount")],
            [[line.name, line.legal_basis, format_pln(line.amount_grosze)] for line in payment.lines.all()]
            + [[_("Total"), "", format_pln(payment.amount_grosze)]],
            col_widths=[0.45, 0.35, 0.2],
        )
        doc.paragraph(
            _("This receipt confirms that the payment was received. Keep it with your case documents."),
            small=True,
        )

    return render_document(
        payment.office,
        title=gettext_lazy("Payment receipt"),
        language=language,
        build=build,
        reference=payment.reference,
    )


def _grouped_iban(iban: str) -> str:
    digits = iban.removeprefix("PL")
    return " ".join([digits[:2], *[digits[i : i + 4] for i in range(2, len(digits), 4)]])
