"""The fees the product tells and charges match the domain reference (stamp duty and card fees,
checked Dec 2026): each fact where it is computed — the catalogue, the mapping per application type,
the hook other plugins read, the checkout, a case's reliefs and the refund rule."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import pytest
from django.urls import reverse

from plugins.payments.case_view import case_payment_rows
from plugins.payments.catalogue import current_fees, fee_dicts
from plugins.payments.checkout import CheckoutError, create_checkout
from plugins.payments.defaults import FEES_BY_APPLICATION_TYPE, SINCE, install_standard_fees
from plugins.payments.models import CaseFeeRelief, Fee, PaymentStatus, RefundGround
from plugins.payments.refunds import RefundError, request_refund
from przystan.audit.models import AuditEntry
from przystan.pluginsys.markers import hookimpl
from przystan.testing.factories import make_user

pytestmark = pytest.mark.django_db

IN_CUKR_TIME = datetime.date(2026, 6, 1)


class Cases:
    """Stands in for the case plugin: ``case_lookup`` with an application type and a filing day."""

    def __init__(self) -> None:
        self.cases: dict[str, tuple[str, datetime.date]] = {}

    @hookimpl
    def case_lookup(self, office: Any, reference: str, secret: str | None) -> dict[str, Any] | None:
        if reference not in self.cases:
            return None
        kind, filed = self.cases[reference]
        return {
            "reference": reference,
            "person_name": "Olena Kowalenko",
            "person_key": "k",
            "application_type": kind,
            "stage": "decision_refused",
            "live": True,
            "filed_at": filed,
        }


@pytest.fixture
def cases() -> Iterator[Cases]:
    from przystan.pluginsys.manager import get_plugin_system

    plugin = Cases()
    pm = get_plugin_system().pm
    pm.register(plugin, name="fee-facts-cases")
    try:
        yield plugin
    finally:
        pm.unregister(plugin)


@pytest.fixture
def fees_office(office: Any, enable_plugin: Any) -> Any:
    enable_plugin(office, "payments")
    install_standard_fees(office, today=datetime.date(2026, 12, 4))
    return office


def amount(office: Any, code: str, day: datetime.date | None = None) -> int:
    return current_fees(office, [code], day)[code].amount_grosze


# 1. CUKR: 340 zł stamp duty + 100 zł card, 4 May 2026 – 4 Mar 2027
def test_cukr_asks_for_stamp_duty_and_the_card_fee_in_its_window(fees_office):
    from plugins.legalisation.application_types import TYPES_BY_CODE

    assert TYPES_BY_CODE["cukr"].fee_codes == ("stamp_cukr", "card_issue") == FEES_BY_APPLICATION_TYPE["cukr"]
    fees = current_fees(fees_office, ["stamp_cukr", "card_issue"], IN_CUKR_TIME)
    assert {code: fee.amount_grosze for code, fee in fees.items()} == {
        "stamp_cukr": 34000,
        "card_issue": 10000,
    }
    assert fees["stamp_cukr"].payee == "stamp_duty" and fees["card_issue"].payee == "office"
    assert "stamp_cukr" not in current_fees(fees_office, ["stamp_cukr"], datetime.date(2027, 3, 5))
    assert "stamp_cukr" not in current_fees(fees_office, ["stamp_cukr"], datetime.date(2026, 5, 3))


# 2. permanent residence 640 zł; exempt: a valid Karta Polaka, asylum in Poland
def test_permanent_residence_exemptions_are_data_shown_in_the_readers_language(fees_office):
    assert amount(fees_office, "stamp_permanent") == 64000
    [fee] = fee_dicts(fees_office, ["stamp_permanent"], "uk")
    assert [r["kind"] for r in fee["reliefs"]] == ["exempt", "exempt"]
    assert "Карти поляка" in fee["exemptions"] and "притулок" in fee["exemptions"]
    assert fee["amount_text"] == "640\u00a0zł"
    [pl] = fee_dicts(fees_office, ["stamp_permanent"], "pl")
    assert "Karty Polaka" in pl["reliefs"][0]["sentence"]


def test_an_exempt_fee_on_a_case_is_not_charged(fees_office, cases):
    cases.cases["WSC/1/2026"] = ("permanent", datetime.date(2026, 6, 1))
    fee = current_fees(fees_office, ["stamp_permanent"])["stamp_permanent"]
    officer = make_user("officer@example.com", kind="staff", roles=("officer",), office=fees_office)
    CaseFeeRelief.objects.create(
        office=fees_office,
        case_reference="WSC/1/2026",
        fee_code="stamp_permanent",
        relief=fee.reliefs.get(name_pl__contains="Karty Polaka"),
        note="Karta Polaka nr 123, ważna do 2030",
        decided_by=officer,
    )
    rows = {
        r["fee_code"]: r
        for r in case_payment_rows(
            fees_office, "WSC/1/2026", "pl", list(FEES_BY_APPLICATION_TYPE["permanent"])
        )
    }
    assert rows["stamp_permanent"]["status"] == "exempt" and rows["stamp_permanent"]["amount_grosze"] == 0
    assert rows["card_issue"]["status"] == "unpaid" and rows["card_issue"]["amount_grosze"] == 10000
    checkout = create_checkout(
        fees_office,
        ["stamp_permanent", "card_issue"],
        payer_email="o@example.com",
        language="pl",
        case_reference="WSC/1/2026",
    )
    assert [p.payee for p in checkout.payments.all()] == ["office"]  # nothing for the city


# 3. a researcher's long-term mobility is 340, ICT (and ICT mobility) 440
def test_researcher_mobility_is_340_and_both_mappings_agree(fees_office):
    from plugins.legalisation.application_types import TYPES

    assert FEES_BY_APPLICATION_TYPE["temp_mobility"] == ("stamp_temp_other", "card_issue")
    assert amount(fees_office, "stamp_temp_other") == 34000
    assert amount(fees_office, "stamp_temp_work") == 44000
    assert "ICT" in current_fees(fees_office, ["stamp_temp_work"])["stamp_temp_work"].name_pl
    assert {t.code: t.fee_codes for t in TYPES} == FEES_BY_APPLICATION_TYPE


# 4. national visa 406 zł; Schengen: the equivalent of €30, never a made-up złoty amount
def test_visa_extensions_national_in_zloty_schengen_in_euro(fees_office, client):
    assert FEES_BY_APPLICATION_TYPE["visa_extension"] == (
        "stamp_visa_extension",
        "stamp_schengen_visa_extension",
    )
    fees = current_fees(fees_office, FEES_BY_APPLICATION_TYPE["visa_extension"])
    assert fees["stamp_visa_extension"].amount_grosze == 40600
    assert "krajowej" in fees["stamp_visa_extension"].name_pl
    schengen = fees["stamp_schengen_visa_extension"]
    assert (schengen.currency, schengen.amount_grosze) == ("EUR", 3000)
    assert schengen.amount_text("pl") == "równowartość 30 euro"
    assert schengen.amount_text("uk") == "еквівалент 30 євро в злотих"
    assert "EBC" in schengen.source or "ECB" in schengen.source
    with pytest.raises(CheckoutError):
        create_checkout(
            fees_office, ["stamp_schengen_visa_extension"], payer_email="a@example.com", language="pl"
        )
    url = reverse("payments:pay") + "?fee=stamp_visa_extension&fee=stamp_schengen_visa_extension"
    page = client.get(url).content.decode()
    assert 'value="stamp_schengen_visa_extension"' not in page and "406" in page  # not a choice here
    # but said where it was asked for (the visa page's "pay online" asked for both): it was left off silently
    note = page.split('class="message warning offline-fees"')[1].split("</div>")[0]
    assert 'data-fee-code="stamp_schengen_visa_extension"' in note and "równowartość 30 euro" in note
    assert fees_office.stamp_duty_iban in note
    client.cookies["django_language"] = "uk"
    note = client.get(url).content.decode().split("offline-fees")[1].split("</div>")[0]
    assert "еквівалент 30 євро в злотих" in note and "Не оплачується онлайн" in note


# 5. short stay: art. 181(1)(1) and (3) 85 zł, (2) 340 zł
def test_short_stay_by_ground(fees_office):
    assert amount(fees_office, "stamp_short_stay") == 8500
    assert "pkt 1 i 3" in current_fees(fees_office, ["stamp_short_stay"])["stamp_short_stay"].name_pl
    assert amount(fees_office, "stamp_short_stay_personal") == 34000


# 6. 220 zł is the change of the residence-and-work permit only
def test_permit_change_220_is_the_work_permit_change(fees_office):
    change = current_fees(fees_office, ["stamp_permit_change"])["stamp_permit_change"]
    assert change.amount_grosze == 22000 and "pobyt czasowy i pracę" in change.name_pl
    assert amount(fees_office, "stamp_decision_change") == 1000


# 7. residence card 100 / 200 / 300; 50 % reductions and exemptions with their basis
def test_card_fee_reliefs_and_a_halved_card_on_a_case(fees_office, cases):
    assert [amount(fees_office, c) for c in ("card_issue", "card_issue_lost", "card_issue_lost_repeat")] == [
        10000,
        20000,
        30000,
    ]
    card = current_fees(fees_office, ["card_issue"])["card_issue"]
    assert "1583" in card.legal_basis
    kinds = [(r.kind, r.percent, r.legal_basis.split(", ")[-1]) for r in card.reliefs.all()]
    assert kinds[:3] == [("reduced", 50, f"art. 237 ust. 1 pkt {n}") for n in (1, 2, 3)]
    assert ("exempt", 100) in [(k, p) for k, p, _b in kinds]
    student = card.reliefs.get(name_pl__contains="studenci")
    cases.cases["WSC/2/2026"] = ("temp_studies", datetime.date(2026, 6, 1))
    officer = make_user("officer2@example.com", kind="staff", roles=("officer",), office=fees_office)
    relief = CaseFeeRelief.objects.create(
        office=fees_office,
        case_reference="WSC/2/2026",
        fee_code="card_issue",
        relief=student,
        note="legitymacja studencka UW",
        decided_by=officer,
    )
    assert AuditEntry.objects.for_object(relief).filter(action="create").exists()
    checkout = create_checkout(
        fees_office, ["card_issue"], payer_email="s@example.com", language="uk", case_reference="WSC/2/2026"
    )
    line = checkout.payments.get().lines.get()
    assert line.amount_grosze == 5000 and "50 %" in line.name


# 8. stamp duty for applications filed from 5 March 2026 is kept after a refusal or discontinuation
def _paid(office: Any, codes: list[str], reference: str) -> Any:
    payment = create_checkout(
        office, codes, payer_email="p@example.com", language="pl", case_reference=reference
    ).payments.get()
    payment.status = PaymentStatus.PAID
    payment.save(update_fields=["status"])
    return payment


def test_no_refund_of_stamp_duty_after_refusal_from_5_march_2026(fees_office, cases):
    finance = make_user("finance@example.com", kind="staff", roles=("finance",), office=fees_office)
    cases.cases["WSC/3/2026"] = ("temp_work", datetime.date(2026, 3, 5))
    cases.cases["WSC/4/2026"] = ("temp_work", datetime.date(2026, 3, 4))
    late = _paid(fees_office, ["stamp_temp_work"], "WSC/3/2026")
    for ground in (RefundGround.REFUSED, RefundGround.DISCONTINUED):
        with pytest.raises(RefundError, match="5 marca 2026"):
            request_refund(late, 44000, "odmowa", finance, ground=ground)
    assert request_refund(late, 100, "nadpłata", finance, ground=RefundGround.NOT_DUE).pk  # overpaid: yes
    early = _paid(fees_office, ["stamp_temp_work"], "WSC/4/2026")
    refund = request_refund(early, 44000, "odmowa", finance, ground=RefundGround.REFUSED)
    assert refund.filed_on == datetime.date(2026, 3, 4)
    card = _paid(fees_office, ["card_issue"], "WSC/3/2026")  # the card fee is not stamp duty
    assert request_refund(card, 10000, "odmowa", finance, ground=RefundGround.REFUSED).pk
    no_case = _paid(fees_office, ["stamp_visa_extension"], "")
    with pytest.raises(RefundError, match="złożenia wniosku"):
        request_refund(no_case, 40600, "odmowa", finance, ground=RefundGround.REFUSED)
    with pytest.raises(RefundError):
        request_refund(
            no_case, 40600, "odmowa", finance, ground=RefundGround.REFUSED, filed_on=datetime.date(2026, 4, 1)
        )


def test_staff_see_why_a_refund_is_not_due(fees_office, cases, client):
    from przystan.testing.auth import login_with_mfa

    finance = make_user("finance3@example.com", kind="staff", roles=("finance",), office=fees_office)
    cases.cases["WSC/5/2026"] = ("temp_work", datetime.date(2026, 4, 1))
    payment = _paid(fees_office, ["stamp_temp_work"], "WSC/5/2026")
    login_with_mfa(client, finance)
    url = reverse("payments-staff:payment", args=[payment.reference])
    page = client.get(url).content.decode()
    assert 'id="refund-rules"' in page and "5 marca 2026" in page
    response = client.post(url, {"amount": "440,00", "reason": "odmowa", "ground": "refused"})
    assert response.status_code == 200 and "5 marca 2026" in response.content.decode()
    assert not payment.refunds.exists()


# 9. the MOS confirmation of filing is free; 17 zł is for other certificates
def test_no_mos_filing_asks_for_a_certificate_fee(fees_office):
    certificate = current_fees(fees_office, ["stamp_certificate"])["stamp_certificate"]
    assert "inne niż potwierdzenie złożenia wniosku w MOS" in certificate.name_pl
    assert "bezpłatne" in certificate.exemptions
    assert not [t for t, codes in FEES_BY_APPLICATION_TYPE.items() if "stamp_certificate" in codes]


# 10. work-permit charges are not stamp duty
def test_no_work_permit_charge_is_called_stamp_duty(fees_office):
    import re

    work_permit = re.compile(r"zezwoleni[ae] na pracę|oświadczeni[ae] o powierzeniu|(?<!and )work permit")
    stamp = Fee.objects.filter(office=fees_office, payee="stamp_duty")
    assert not [f.code for f in stamp if work_permit.search(f.name_pl.lower() + " " + f.name_en.lower())]


# the upgrade of an office holding the first catalogue: closed rows, corrected versions, no rewrite
def test_upgrade_closes_first_catalogue_rows_and_keeps_edited_ones(office):
    from plugins.payments.defaults import FIRST_CATALOGUE

    for code, (grosze, name) in FIRST_CATALOGUE.items():
        Fee.objects.create(
            office=office,
            code=code,
            amount_grosze=grosze,
            payee="office" if code.startswith("card") else "stamp_duty",
            name_pl=name,
            name_en=code,
            name_uk=code,
            name_ru=code,
            valid_from=SINCE,
        )
    Fee.objects.filter(office=office, code="stamp_invitation").update(
        amount_grosze=2800
    )  # edited by the office
    before = create_checkout(office, ["stamp_visa_extension"], payer_email="a@example.com", language="pl")
    today = datetime.date(2026, 12, 4)
    install_standard_fees(office, today=today)
    old, new = Fee.objects.filter(office=office, code="stamp_visa_extension").order_by("valid_from")
    assert old.valid_until == today - datetime.timedelta(days=1) and old.name_pl.endswith("przedłużenie wizy")
    assert new.valid_from == today and "krajowej" in new.name_pl and new.source
    assert before.payments.get().lines.get().name == "Opłata skarbowa — przedłużenie wizy"  # kept
    assert Fee.objects.filter(office=office, code="stamp_invitation").get().amount_grosze == 2800
    assert current_fees(office, ["stamp_permanent"], today)["stamp_permanent"].reliefs.count() == 2
    assert install_standard_fees(office, today=today + datetime.timedelta(days=1)) == 0  # idempotent


# 11. the demo office is clearly fictional, with sample accounts
def test_demo_office_is_fictional(office):
    from przystan.demo.loader import demo_office

    office = demo_office()  # renames the default site's office as the demo does
    assert "Przykładow" in office.name and "demonstracyjny" in office.name
    assert "Mazowiecki" not in office.name and "Warszaw" not in office.stamp_duty_payee + office.fees_payee
    assert office.stamp_duty_iban != "PL21103015080000000550000070"  # Warsaw's real stamp duty account
