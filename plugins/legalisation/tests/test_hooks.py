"""The cross-plugin contracts this plugin answers, called through the per-office hook caller."""

import pytest
from django.urls import reverse

from plugins.legalisation.models import CaseReceipt
from przystan.offices.enablement import hooks_for_office

from .conftest import submitted_case

pytestmark = pytest.mark.django_db


def test_application_types_in_the_requested_language(legal_office):
    types = hooks_for_office(legal_office).application_types(office=legal_office, language="uk")
    ours = [t for found in types for t in found]
    work = next(t for t in ours if t["code"] == "temp_work")
    assert work["fee_codes"] == ["stamp_temp_work", "card_issue"] and work["deadline_days"] == 60
    assert work["name"] != "Temporary residence and work"  # translated to Ukrainian
    assert {s["code"] for s in work["stages"]} >= {"filed", "decision_granted", "card_ready", "closed"}


def test_case_lookup_checks_pin_and_gives_stable_person_key(legal_office, foreigner, case_and_pin):
    case, pin = case_and_pin
    hooks = hooks_for_office(legal_office)
    found = hooks.case_lookup(office=legal_office, reference=case.number, secret=pin)
    assert found["reference"] == case.number and found["live"] and found["stage"] == "filed"
    assert hooks.case_lookup(office=legal_office, reference=case.number, secret="99999999") is None
    assert (
        hooks.case_lookup(office=legal_office, reference=case.number, secret=None)["person_key"]
        == found["person_key"]
    )
    second, _ = submitted_case(legal_office, foreigner, "temp_other")  # same passport and birth date
    assert (
        hooks.case_lookup(office=legal_office, reference=second.number, secret=None)["person_key"]
        == found["person_key"]
    )


def test_payment_settled_stores_receipt_once(legal_office, case_and_pin):
    case, _pin = case_and_pin
    payment = {
        "reference": "P24-1",
        "case_reference": case.number,
        "fee_codes": ["stamp_temp_other"],
        "amount_grosze": 34000,
        "paid_at": None,
        "receipt_pdf": b"%PDF-1.4 receipt",
    }
    hooks = hooks_for_office(legal_office)
    hooks.payment_settled(office=legal_office, payment=payment)
    hooks.payment_settled(office=legal_office, payment=payment)
    receipt = CaseReceipt.objects.get()
    assert receipt.case == case and receipt.pdf.read() == b"%PDF-1.4 receipt"


def test_procedure_actions_and_disabled_plugin(legal_office, enable_plugin):
    actions = [
        a
        for found in hooks_for_office(legal_office).procedure_actions(
            office=legal_office, application_type="temp_work", language="pl"
        )
        for a in found
    ]
    # temporary residence and work is filed only in MOS: the guide and MOS, never a filing here
    assert [a["kind"] for a in actions] == ["prepare_mos", "file_in_mos", "track_case"]
    assert reverse("legalisation:mos-guide", args=["temp_work"]) in {a["url"] for a in actions}
    assert reverse("legalisation:status") in {a["url"] for a in actions}
    local = [
        a
        for found in hooks_for_office(legal_office).procedure_actions(
            office=legal_office, application_type="visa_extension", language="pl"
        )
        for a in found
    ]
    assert [a["kind"] for a in local] == ["apply", "track_case"]
    enable_plugin(legal_office, "legalisation", enabled=False)
    assert hooks_for_office(legal_office).case_lookup(office=legal_office, reference="X", secret=None) is None
    assert not [
        a
        for f in hooks_for_office(legal_office).procedure_actions(
            office=legal_office, application_type="temp_work", language="pl"
        )
        for a in f
    ]


def test_dashboard_panel_lists_deadlines_at_risk(client, staff_login, legal_office, foreigner, supervisor):
    import datetime

    from django.utils import timezone

    case, _pin = submitted_case(legal_office, foreigner)
    case.legal_deadline = timezone.localdate() + datetime.timedelta(days=3)
    case.save()
    staff_login(client, supervisor)
    page = client.get("/staff/").content.decode()
    assert case.number in page


def test_demo_data_is_idempotent(legal_office):
    import io

    from plugins.legalisation.demo import load
    from plugins.legalisation.models import Case

    load(legal_office, io.StringIO())
    count = Case.objects.count()
    load(legal_office, io.StringIO())
    assert count >= 12 and Case.objects.count() == count
