"""The case list as CSV: the ``export`` grant decides, only the office's cases in scope, audited."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.urls import reverse

from plugins.legalisation.models import Case
from przystan.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def _case(office, number: str, name: str) -> Case:
    return Case.objects.create(
        office=office,
        number=number,
        pin_hash="x",
        application_type="temp_work",
        stage="formal_check",
        person_name=name,
        person_key=number,
        filed_at=datetime.date(2026, 11, 3),
    )


def _rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_a_supervisor_downloads_the_filtered_list_of_her_office_and_the_export_is_audited(
    client, staff_login, legal_office, other_legal_office, supervisor
):
    _case(legal_office, "TESTOWY-2026-000101", "Olena Shevchenko")
    _case(legal_office, "TESTOWY-2026-000102", "Andrii Kovalenko")
    _case(other_legal_office, "INNY-2026-000001", "Olena Shevchenko")
    staff_login(client, supervisor)
    client.cookies["django_language"] = "uk"

    page = client.get(reverse("legalisation-staff:list"))
    assert "format=csv" in page.content.decode()
    response = client.get(reverse("legalisation-staff:list"), {"q": "shevchenko", "format": "csv"})

    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    header, *rows = _rows(response)
    assert header[0] == "Номер справи"
    assert [r[0] for r in rows] == [
        "TESTOWY-2026-000101"
    ]  # the search applies; the other office's twin is absent
    assert rows[0][3] != "temp_work" and rows[0][5] == "03.11.2026"  # names and the staff date, no codes
    entry = AuditEntry.objects.get(action="export", reason="case list")
    assert (
        entry.actor == supervisor
        and entry.changes["rows"] == 1
        and entry.changes["filters"] == {"q": "shevchenko"}
    )


def test_an_officer_without_the_export_grant_gets_no_link_and_a_refusal(
    client, staff_login, legal_office, officer
):
    _case(legal_office, "TESTOWY-2026-000103", "Nguyen Van An")
    staff_login(client, officer)
    page = client.get(reverse("legalisation-staff:list"))
    assert "format=csv" not in page.content.decode()
    response = client.get(reverse("legalisation-staff:list"), {"format": "csv"})
    assert response.status_code == 403
    assert not AuditEntry.objects.filter(action="export").exists()
    assert AuditEntry.objects.filter(action="denied", reason="legalisation.case:export").exists()


def test_the_panels_link_lists_the_open_cases_without_a_handler_only(
    client, staff_login, legal_office, supervisor
):
    open_case = _case(legal_office, "TESTOWY-2026-000201", "Olena Shevchenko")
    decided = _case(legal_office, "TESTOWY-2026-000202", "Andrii Kovalenko")
    Case.objects.filter(pk=decided.pk).update(stage="decision_granted")
    staff_login(client, supervisor)
    dashboard = client.get("/staff/").content.decode()
    assert "assignee=none&amp;open=1" in dashboard and "1 otwarta sprawa" in dashboard
    listed = client.get(
        reverse("legalisation-staff:list"), {"assignee": "none", "open": "1"}
    ).content.decode()
    assert open_case.number in listed and decided.number not in listed
