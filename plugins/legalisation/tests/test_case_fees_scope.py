"""The fees of a case (payments' page) reach a case officer only for the cases she may work on: the
case plugin's policy answers through the ``case_in_scope`` hook (an out-of-team officer saw the
payment status of any case)."""

from __future__ import annotations

import datetime

import pytest

from plugins.legalisation.models import Case, Team
from przystan.audit.models import AuditEntry
from przystan.testing.factories import make_user

pytestmark = pytest.mark.django_db


def _case(office, number: str, **extra) -> Case:
    return Case.objects.create(
        office=office,
        number=number,
        pin_hash="x",
        application_type="temp_work",
        stage="formal_check",
        person_name="Olena Shevchenko",
        person_key=number,
        filed_at=datetime.date(2026, 11, 3),
        **extra,
    )


@pytest.fixture
def fees_office(legal_office, enable_plugin):
    enable_plugin(legal_office, "payments")
    return legal_office


def test_an_officer_sees_the_fees_of_her_cases_and_her_teams_not_of_others(
    client, staff_login, fees_office, officer
):
    colleague = make_user("colleague@uw.example.gov.pl", kind="staff", roles=("officer",), office=fees_office)
    team = Team.objects.create(office=fees_office, name="Zespół A")
    team.members.add(officer)
    mine = _case(fees_office, "TESTOWY-2026-000201", assignee=officer)
    teams = _case(fees_office, "TESTOWY-2026-000202", team=team)
    others = _case(fees_office, "TESTOWY-2026-000203", assignee=colleague)
    staff_login(client, officer)
    assert client.get(f"/staff/payments/case/{mine.number}/").status_code == 200
    assert client.get(f"/staff/payments/case/{teams.number}/").status_code == 200
    assert client.get(f"/staff/payments/case/{others.number}/").status_code == 403
    assert client.get("/staff/payments/case/TESTOWY-2026-999999/").status_code == 403
    assert AuditEntry.objects.filter(action="denied", actor=officer, reason="payments.case_fee:view").exists()
    # nor can she grant a relief on it
    response = client.post(f"/staff/payments/case/{others.number}/", {"withdraw": "card_issue"})
    assert response.status_code == 403


def test_the_case_page_links_to_its_fees_where_a_relief_is_recorded(
    client, staff_login, fees_office, officer
):
    from plugins.payments.defaults import install_standard_fees

    install_standard_fees(fees_office)
    case = _case(fees_office, "TESTOWY-2026-000204", assignee=officer)
    staff_login(client, officer)
    page = client.get(f"/staff/cases/{case.number}/").content.decode()
    assert f'href="/staff/payments/case/{case.number}/" data-testid="case-fees-link"' in page
    assert "Opłaty w tej sprawie: ulgi i zwolnienia" in page
    fees = client.get(f"/staff/payments/case/{case.number}/").content.decode()
    assert 'data-fee-row="card_issue"' in fees
