"""Bank-transfer fallback (ZBP QR decoded), statement reconciliation (CSV, MT940), receipts in 4 languages."""

from __future__ import annotations

import base64
import io
import re

import pytest
from PIL import Image
from pypdf import PdfReader
from pyzbar.pyzbar import decode

from plugins.payments.bank_transfer import zbp_qr_payload
from plugins.payments.checkout import create_checkout
from plugins.payments.models import PaymentStatus, StatementLine
from plugins.payments.receipts import render_receipt
from plugins.payments.statements import StatementError, import_statement

pytestmark = pytest.mark.django_db


def transfer_payment(client, office, codes=("stamp_temp_work", "card_issue")):
    checkout = create_checkout(
        office, list(codes), payer_email="olena@example.com", language="uk", case_reference="WSC/7/2026"
    )
    payment = checkout.payments.get(payee="stamp_duty")
    page = client.post(f"/payments/checkout/{checkout.token}/{payment.reference}/transfer/")
    assert page.status_code == 200
    payment.refresh_from_db()
    assert payment.method == "transfer" and payment.status == PaymentStatus.PENDING
    return payment, page.content.decode()


def test_transfer_page_qr_decodes_to_zbp_format(client, pay_office):
    payment, html = transfer_payment(client, pay_office)
    png = base64.b64decode(re.search(r'src="data:image/png;base64,([^"]+)"', html).group(1))
    decoded = decode(Image.open(io.BytesIO(png)))[0].data.decode("utf-8")
    fields = decoded.split("|")
    assert fields[1:4] == ["PL", "21103015080000000550000070", "044000"]
    assert fields[4] == "Urząd m.st. Warszawy"[:20]
    assert fields[5].startswith(payment.reference) and len(fields[5]) <= 32
    assert len(fields) == 9 and len(decoded) <= 160
    assert payment.transfer_title in html


def test_zbp_payload_rejects_bad_account_and_amount():
    with pytest.raises(ValueError):
        zbp_qr_payload(account="123", amount_grosze=100, payee="x", title="t")
    with pytest.raises(ValueError):
        zbp_qr_payload(account="1" * 26, amount_grosze=1_000_000, payee="x", title="t")


def test_csv_statement_settles_by_title_once(client, pay_office):
    payment, _html = transfer_payment(client, pay_office)
    csv_text = (
        "Data;Kwota;Tytuł;Kontrahent\n"
        f"2026-11-20;440,00;Opłata {payment.reference.lower()} WSC/7/2026;Olena Kovalenko\n"
        "2026-11-20;-12,00;Prowizja;Bank\n"
        "2026-11-20;17,00;P26-00000000 nieznana;Ktoś\n"
    )
    _statement, counts = import_statement(pay_office, csv_text.encode("cp1250"), "wyciag.csv")
    assert counts == {"settled": 1, "unmatched": 1}
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID and payment.settlement.source == "statement"
    _statement, again = import_statement(pay_office, csv_text.encode("cp1250"), "wyciag.csv")
    assert again == {"already_imported": 2}
    assert StatementLine.objects.filter(payment=payment).count() == 1


def test_mt940_statement_and_amount_mismatch(client, pay_office):
    payment, _html = transfer_payment(client, pay_office)
    other, _ = transfer_payment(client, pay_office, codes=("stamp_invitation",))
    mt940 = (
        ":20:STATEMENT\r\n:25:PL21103015080000000550000070\r\n:28C:00001\r\n:60F:C261120PLN0,00\r\n"
        f":61:2611201120CN440,00NTRFNONREF//B1\r\n:86:020~00VE02~20Oplata skarbowa ~21{payment.reference}~32Olena Kovalenko\r\n"
        f":61:2611201120CN20,00NTRFNONREF//B2\r\n:86:020~20{other.reference}~32Jan\r\n"
        ":62F:C261120PLN460,00\r\n-"
    )
    _statement, counts = import_statement(pay_office, mt940.encode(), "wyciag.sta")
    assert counts == {"settled": 1, "amount_mismatch": 1}
    payment.refresh_from_db()
    other.refresh_from_db()
    assert payment.status == PaymentStatus.PAID and other.status == PaymentStatus.PENDING


def test_bad_statement_has_clear_error(pay_office):
    with pytest.raises(StatementError, match="date, amount"):
        import_statement(pay_office, b"foo;bar\n1;2\n", "x.csv")


@pytest.mark.parametrize(
    ("language", "title", "fee_name"),
    [
        ("pl", "Potwierdzenie zapłaty", "Opłata skarbowa"),
        ("en", "Payment receipt", "Stamp duty"),
        ("uk", "Квитанція про оплату", "Гербовий збір"),
        ("ru", "Квитанция об оплате", "Гербовый сбор"),
    ],
)
def test_receipt_in_four_languages(pay_office, language, title, fee_name):
    checkout = create_checkout(
        pay_office,
        ["stamp_permanent"],
        payer_email="a@example.com",
        language=language,
        payer_name="Jan Nowak",
    )
    payment = checkout.payments.get()
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(render_receipt(payment))).pages)
    assert title in text and fee_name in text and payment.reference in text
    assert "640,00" in text and "Jan Nowak" in text
