"""The department's case statistics: figures on a known dataset, CSV, access and translations."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation

from plugins.legalisation import case_statistics as st
from plugins.legalisation.application_types import type_name
from plugins.legalisation.models import Case, StageChange
from przystan.audit.models import AuditEntry
from przystan.testing.factories import make_user

pytestmark = pytest.mark.django_db

d = datetime.date
TODAY = d(2026, 12, 3)
WARSAW = ZoneInfo("Europe/Warsaw")
URL = "/staff/cases/statistics/"


def _case(office, number, type_code, stage, filed, deadline, decided=None, assignee=None):
    case = Case.objects.create(
        office=office,
        number=number,
        pin_hash="x",
        application_type=type_code,
        stage=stage,
        person_name="Olena Shevchenko",
        person_key=number,
        filed_at=filed,
        legal_deadline=deadline,
        assignee=assignee,
    )
    if decided:
        change = StageChange.objects.create(
            case=case, old_stage="draft_decision", new_stage="decision_granted"
        )
        at = datetime.datetime.combine(decided, datetime.time(10), tzinfo=WARSAW)
        StageChange.objects.filter(pk=change.pk).update(at=at)
        if stage == "closed":  # a later move must not count as the decision day
            later = StageChange.objects.create(case=case, old_stage="decision_granted", new_stage="closed")
            StageChange.objects.filter(pk=later.pk).update(at=at + datetime.timedelta(days=20))
    return case


@pytest.fixture
def dataset(legal_office, other_legal_office, officer):
    officer.first_name, officer.last_name = "Anna", "Nowak"
    officer.save()
    _case(
        legal_office,
        "T-2026-1",
        "temp_work",
        "decision_granted",
        d(2026, 1, 10),
        d(2026, 3, 11),
        d(2026, 3, 1),
        officer,
    )
    _case(legal_office, "T-2026-2", "temp_work", "closed", d(2026, 1, 10), d(2026, 3, 11), d(2026, 4, 10))
    _case(
        legal_office, "T-2026-3", "permanent", "decision_refused", d(2026, 2, 1), d(2026, 8, 3), d(2026, 3, 3)
    )
    _case(legal_office, "T-2026-4", "temp_work", "formal_check", d(2026, 5, 1), d(2026, 7, 1), None, officer)
    _case(legal_office, "T-2026-5", "eu_ltr", "filed", d(2026, 11, 20), d(2027, 5, 20))
    # another office's overdue case never counts here
    _case(other_legal_office, "DRUGI-2026-1", "temp_work", "formal_check", d(2026, 5, 1), d(2026, 7, 1))
    return legal_office


def test_figures_on_a_known_dataset(dataset):
    with translation.override("pl"):
        figures = st.compute(dataset, today=TODAY)
    assert figures.total == 5 and figures.open == 2 and figures.decided == 3
    # processing days: 50, 90, 30 → median 50; on time: 1 and 3 (2 of 3)
    assert figures.median_days == 50
    assert (figures.on_time, figures.decided_with_deadline) == (2, 3)
    assert round(figures.on_time_share, 1) == 66.7
    assert figures.overdue_now == 1  # case 4; case 2 passed its deadline but is decided
    assert {r.code: r.count for r in figures.by_type} == {"temp_work": 3, "permanent": 1, "eu_ltr": 1}
    assert {r.code: r.count for r in figures.by_stage} == {
        "decision_granted": 1,
        "closed": 1,
        "decision_refused": 1,
        "formal_check": 1,
        "filed": 1,
    }
    by_kind = {p.code: p for p in figures.processing}
    assert (by_kind["temp_work"].decided, by_kind["temp_work"].median_days, by_kind["temp_work"].on_time) == (
        2,
        70,
        1,
    )
    assert by_kind["temp_work"].overdue_now == 1 and by_kind["eu_ltr"].median_days is None
    assert by_kind["permanent"].on_time_share == 100
    assert [(w.label, w.open, w.overdue) for w in figures.workload] == [
        ("Anna Nowak", 1, 1),
        ("Nieprzydzielone", 1, 0),
    ]


def test_filters_by_period_and_type(dataset):
    period = st.compute(dataset, date_from=d(2026, 2, 1), today=TODAY)
    assert period.total == 3 and period.decided == 1 and period.median_days == 30
    until = st.compute(dataset, date_to=d(2026, 1, 31), today=TODAY)
    assert until.total == 2 and until.median_days == 70
    kind = st.compute(dataset, type_code="temp_work", today=TODAY)
    assert kind.total == 3 and kind.overdue_now == 1 and kind.by_type[0].count == 3


def test_csv_in_polish_has_bom_semicolons_and_decimal_comma(client, staff_login, dataset, supervisor):
    staff_login(client, supervisor)
    client.cookies["django_language"] = "pl"
    response = client.get(URL, {"format": "csv"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    lines = text.splitlines()
    assert "Mediana czasu załatwienia (dni);50,0" in lines
    assert any(line.startswith("Załatwione w terminie (%);66,7") for line in lines)
    with translation.override("pl"):
        assert f"{type_name('temp_work')};3" in lines
    assert "Anna Nowak;1;1" in lines
    with translation.override("pl"):
        assert f"{type_name('temp_work')};2;70,0;50,0;1" in lines
    assert "DRUGI" not in text
    assert AuditEntry.objects.filter(action="export").exists()


def test_page_shows_charts_and_tables_in_ukrainian(client, staff_login, dataset, supervisor):
    staff_login(client, supervisor)
    client.cookies["django_language"] = "uk"
    body = client.get(URL).content.decode()
    assert "Статистика справ" in body
    assert '<svg id="chart-stages" role="img"' in body and 'id="table-stages"' in body
    assert 'id="table-workload"' in body and "Anna Nowak" in body
    assert "formal_check" not in body  # stage names, not codes


def test_bad_period_is_a_clear_translated_error(client, staff_login, dataset, supervisor):
    staff_login(client, supervisor)
    client.cookies["django_language"] = "pl"
    response = client.get(URL, {"date_from": "2026-05-01", "date_to": "2026-01-01"})
    assert response.status_code == 400
    assert "Koniec okresu nie może być wcześniejszy niż jego początek." in response.content.decode()
    assert client.get(URL, {"date_from": "wczoraj", "format": "csv"}).status_code == 400


def test_access_supervisor_and_office_admin_yes_officer_no(client, staff_login, dataset, officer, supervisor):
    admin = make_user("admin@uw.example.gov.pl", kind="staff", roles=("office_admin",), office=dataset)
    staff_login(client, officer)
    assert client.get(URL).status_code == 403
    assert client.get(URL, {"format": "csv"}).status_code == 403
    assert client.get(reverse("staff:report", args=["legalisation-statistics"])).status_code == 403
    assert AuditEntry.objects.filter(action="denied").exists()
    client.logout()
    staff_login(client, admin)
    assert client.get(URL).status_code == 200
    assert client.get(URL, {"format": "csv"}).status_code == 200
    client.logout()
    staff_login(client, supervisor)
    assert client.get(reverse("staff:report", args=["legalisation-statistics"])).status_code == 200
    dashboard = client.get(reverse("staff:dashboard")).content.decode()
    assert "legalisation-statistics" in dashboard


def test_other_office_supervisor_sees_only_their_office(client, staff_login, dataset, other_legal_office):
    boss_b = make_user(
        "b@drugi.example.gov.pl", kind="staff", roles=("supervisor",), office=other_legal_office
    )
    staff_login(client, boss_b)
    assert client.get(URL).status_code in (403, 404)  # office A's host
    text = client.get(URL, {"format": "csv"}, HTTP_HOST="drugi.testserver").content.decode("utf-8-sig")
    assert "Anna Nowak" not in text
    with translation.override("en"):
        figures = st.compute(other_legal_office, today=TODAY)
    assert figures.total == 1 and figures.overdue_now == 1


def test_foreigner_gets_no_statistics(client, foreigner, dataset):
    client.force_login(foreigner)
    assert client.get(URL).status_code == 403
