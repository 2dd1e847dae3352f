"""Legal deadlines as the law counts them: calendar months, the next working day, pauses on requests to
supplement, the stop at the decision, statutory suspensions and rules with effective dates (data)."""

from __future__ import annotations

import datetime

import pytest

from plugins.legalisation.deadline_rules import Rule, WorkCalendar, rule_for
from plugins.legalisation.deadlines import add_period, clock_for, compute, is_overdue, recompute_open_cases
from plugins.legalisation.models import Case, DeadlineRule, SuspensionPeriod

d = datetime.date
DAYS_60 = Rule(length=60, unit="days", events=("filed",))
MONTH_1 = Rule(length=1, unit="months", events=("filed",))


def never_closed(day: datetime.date) -> bool:
    return False


# ----------------------------------------------------------------------------- month arithmetic


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (d(2026, 1, 31), 1, d(2026, 2, 28)),  # no 31 February: the month's last day
        (d(2028, 1, 31), 1, d(2028, 2, 29)),  # a leap year
        (d(2024, 2, 29), 12, d(2025, 2, 28)),  # from a leap day
        (d(2026, 3, 15), 6, d(2026, 9, 15)),  # the same day of the final month
        (d(2026, 8, 31), 6, d(2027, 2, 28)),
        (d(2027, 11, 30), 3, d(2028, 2, 29)),
    ],
)
def test_months_are_calendar_months(start, months, end):
    assert add_period(start, months, "months") == end


def test_days_do_not_count_the_day_of_the_event():
    assert add_period(d(2026, 3, 1), 60, "days") == d(2026, 4, 30)


def test_month_deadline_on_a_saturday_moves_to_monday():
    # 31 Jan 2026 + 1 month = 28 Feb 2026, a Saturday → Monday 2 March
    clock = compute(rule=MONTH_1, events={"filed": d(2026, 1, 31)}, pauses=[], today=d(2026, 2, 1))
    assert clock.deadline == d(2026, 3, 2) and clock.shifted_from == d(2026, 2, 28)
    plain = compute(
        rule=MONTH_1, events={"filed": d(2026, 1, 31)}, pauses=[], today=d(2026, 2, 1), is_closed=never_closed
    )
    assert plain.deadline == d(2026, 2, 28) and plain.shifted_from is None


# ----------------------------------------------------------------------------- working days


def test_public_holidays_move_the_deadline():
    # 60 days from 12 Sep 2026 end on 11 November (Independence Day) → 12 November
    clock = compute(rule=DAYS_60, events={"filed": d(2026, 9, 12)}, pauses=[], today=d(2026, 9, 12))
    assert clock.deadline == d(2026, 11, 12)
    # 60 days from 25 Oct 2026 end on 24 December (a holiday since 2025), then 25, 26 (Sat), 27 (Sun)
    christmas = compute(rule=DAYS_60, events={"filed": d(2026, 10, 25)}, pauses=[], today=d(2026, 10, 25))
    assert christmas.deadline == d(2026, 12, 28)


def test_designated_days_off_and_office_closures_do_not_move_a_deadline(legal_office, enable_plugin):
    """KPA art. 57 § 4 moves a deadline only off a Saturday or a day off by statute. 14 Aug and 28 Dec
    2026 are days off the Prime Minister designated (M.P. 2026 poz. 36) — the office is shut (no visits),
    but they are not days off by statute, so a deadline ending on one stays there."""
    from plugins.queue_booking.models import ScheduleException
    from przystan.offices.models import OfficeClosure

    # every office starts with both designated days (seed data)
    assert set(
        OfficeClosure.objects.filter(office=legal_office, kind="designated").values_list("date", flat=True)
    ) >= {d(2026, 8, 14), d(2026, 12, 28)}
    calendar = WorkCalendar(legal_office)
    assert calendar.next_working_day(d(2026, 8, 14)) == d(2026, 8, 14)  # Friday, designated day off
    assert calendar.next_working_day(d(2026, 8, 15)) == d(2026, 8, 17)  # Saturday + statutory holiday
    assert calendar.next_working_day(d(2026, 12, 24)) == d(2026, 12, 28)  # 24-27 Dec; 28th designated
    # nor does an office-wide exception of the booking plugin
    enable_plugin(legal_office, "queue_booking")
    ScheduleException.objects.create(office=legal_office, date=d(2026, 12, 29), reason="Inwentaryzacja")
    assert WorkCalendar(legal_office).next_working_day(d(2026, 12, 29)) == d(2026, 12, 29)
    # 60 days from 15 Jun 2026 end on Friday 14 August: the deadline stays on the designated day off
    on_friday = _case(legal_office, d(2026, 6, 15), type_code="temp_work")
    assert clock_for(on_friday, today=d(2026, 7, 1)).deadline == d(2026, 8, 14)
    # 60 days from 16 Jun 2026 end on Saturday 15 August (also a holiday) → Monday 17 August
    on_saturday = _case(legal_office, d(2026, 6, 16), type_code="temp_work")
    assert clock_for(on_saturday, today=d(2026, 7, 1)).deadline == d(2026, 8, 17)


def test_a_statutory_holiday_the_office_records_moves_the_deadline(legal_office):
    """A holiday a new act adds before the ``holidays`` package knows it: a row of kind "statutory"."""
    from przystan.offices.models import OfficeClosure

    OfficeClosure.objects.create(
        office=legal_office, date=d(2027, 3, 1), kind="statutory", name_pl="Nowe święto"
    )
    assert WorkCalendar(legal_office).next_working_day(d(2027, 3, 1)) == d(2027, 3, 2)


# ----------------------------------------------------------------------------- pauses and the stop


def test_request_to_supplement_pauses_the_clock():
    events = {"filed": d(2026, 3, 2)}
    # 60 days from 2 March = 1 May (a holiday) → 4 May; a pause of 10 days → 11 May
    assert compute(rule=DAYS_60, events=events, pauses=[], today=d(2026, 3, 3)).deadline == d(2026, 5, 4)
    paused = compute(
        rule=DAYS_60, events=events, pauses=[(d(2026, 3, 10), d(2026, 3, 20))], today=d(2026, 4, 1)
    )
    assert paused.paused_days == 10 and paused.deadline == d(2026, 5, 11) and not paused.paused
    still_open = compute(rule=DAYS_60, events=events, pauses=[(d(2026, 3, 10), None)], today=d(2026, 3, 15))
    assert still_open.paused and still_open.paused_days == 5


def test_a_request_after_the_deadline_does_not_revive_it():
    events = {"filed": d(2026, 3, 2)}
    late = compute(rule=DAYS_60, events=events, pauses=[(d(2026, 6, 1), d(2026, 6, 20))], today=d(2026, 7, 1))
    assert late.deadline == d(2026, 5, 4)


def test_the_clock_stops_at_the_decision():
    events = {"filed": d(2026, 3, 2)}
    decided = compute(
        rule=DAYS_60,
        events=events,
        pauses=[(d(2026, 3, 10), None)],  # still open when the decision came on 20 March
        today=d(2026, 9, 1),
        stopped_on=d(2026, 3, 20),
    )
    assert decided.stopped and not decided.paused and decided.paused_days == 10
    assert decided.deadline == d(2026, 5, 11)


def test_decided_case_is_never_overdue_and_open_one_is(legal_office, supervisor):
    case = _case(legal_office, d(2026, 1, 5))
    assert case.legal_deadline < d(2026, 12, 1)
    assert is_overdue(case, today=d(2026, 12, 1))
    case.stage = "decision_granted"
    case.save()
    assert not is_overdue(case, today=d(2026, 12, 1))


def test_staff_case_page_shows_how_the_deadline_is_counted(client, staff_login, legal_office, supervisor):
    from django.urls import reverse

    case = _case(legal_office, d(2026, 10, 25), type_code="temp_work")
    staff_login(client, supervisor)
    body = client.get(reverse("legalisation-staff:case", args=[case.number])).content.decode()
    clock = body.split('id="legal-clock"', 1)[1].split("</dd>", 1)[0]
    assert "28.12.2026" in clock and "art. 112a" in clock and "24.12.2026" in clock  # staff format


# ----------------------------------------------------------------------------- suspensions


def test_ukrainian_special_act_suspension_is_seeded_and_counted(legal_office):
    seeded = SuspensionPeriod.objects.get(office=None, ends_on=d(2026, 3, 4))
    assert "100d" in seeded.legal_basis and "2025 poz. 337" in seeded.legal_basis and seeded.verify
    # filed (all events) on 2 June 2025: the clock runs only from 5 March 2026 → 60 days → 4 May 2026
    case = _case(legal_office, d(2025, 6, 2), type_code="temp_work")
    clock = clock_for(case, today=d(2026, 3, 10))
    assert clock.deadline == d(2026, 5, 4) and clock.suspended_days == (d(2026, 3, 5) - d(2025, 6, 2)).days
    # an invitation is not a residence case: the suspension does not apply
    invitation = _case(legal_office, d(2025, 6, 2), type_code="invitation")
    assert clock_for(invitation, today=d(2025, 6, 3)).suspended_days == 0


def test_office_suspension_applies_only_to_its_office(legal_office, other_legal_office):
    SuspensionPeriod.objects.create(
        office=legal_office,
        starts_on=d(2026, 9, 1),
        ends_on=d(2026, 9, 10),
        application_types=["temp_work"],
        legal_basis="test",
        source="test",
    )
    here = _case(legal_office, d(2026, 8, 3), type_code="temp_work")
    there = _case(other_legal_office, d(2026, 8, 3), type_code="temp_work")
    # 3 Aug + 60 = 2 Oct (Friday); +10 suspended days = 12 Oct (Monday)
    assert clock_for(there, today=d(2026, 8, 4)).deadline == d(2026, 10, 2)
    assert clock_for(here, today=d(2026, 8, 4)).deadline == d(2026, 10, 12)


# ----------------------------------------------------------------------------- rules as data


def test_seeded_rules_have_source_effective_date_and_verify_flag(db):
    temp = rule_for(None, "temp_work", d(2026, 12, 1))
    assert (temp.length, temp.unit) == (60, "days") and set(temp.events) == {
        "filed",
        "documents",
        "fingerprints",
    }
    for code in ("permanent", "eu_ltr"):
        rule = rule_for(None, code, d(2026, 12, 1))
        assert (rule.length, rule.unit, rule.verify) == (6, "months", True)
    generic = DeadlineRule.objects.get(office=None, application_type="")
    assert (generic.length, generic.unit) == (1, "months") and "art. 35" in generic.legal_basis
    assert all(r.source and r.effective_from and r.legal_basis for r in DeadlineRule.objects.all())


def test_rule_in_force_on_the_filing_day_and_office_override(legal_office, other_legal_office):
    DeadlineRule.objects.create(
        office=legal_office,
        application_type="temp_work",
        length=3,
        unit="months",
        starts_on_filing=True,
        legal_basis="office test rule",
        source="test",
        effective_from=d(2026, 7, 1),
    )
    assert rule_for(legal_office, "temp_work", d(2026, 6, 30)).length == 60  # filed before it
    assert rule_for(legal_office, "temp_work", d(2026, 7, 1)).unit == "months"
    assert rule_for(other_legal_office, "temp_work", d(2026, 7, 1)).length == 60  # another office
    before = _case(legal_office, d(2026, 6, 30), type_code="temp_work")
    after = _case(legal_office, d(2026, 7, 31), type_code="temp_work")
    assert clock_for(before, today=d(2026, 7, 1)).deadline == d(2026, 8, 31)  # 29 Aug is a Saturday
    assert clock_for(after, today=d(2026, 8, 1)).deadline == d(2026, 11, 2)  # 31 Oct (Sat), 1 Nov (Sun)
    # a type without its own rule falls back to the generic one (blank type)
    assert rule_for(legal_office, "invitation", d(2026, 7, 1)).length == 30
    DeadlineRule.objects.filter(office=None, application_type="invitation").delete()
    fallback = rule_for(legal_office, "invitation", d(2026, 7, 1))
    assert (fallback.length, fallback.unit) == (1, "months") and fallback.legal_basis.startswith("art. 35")


def test_rule_without_start_event_is_refused(db):
    from django.core.exceptions import ValidationError

    rule = DeadlineRule(
        application_type="temp_work",
        length=60,
        unit="days",
        starts_on_filing=False,
        legal_basis="x",
        source="x",
        effective_from=d(2026, 1, 1),
    )
    with pytest.raises(ValidationError):
        rule.full_clean()


def test_recompute_after_a_rule_change(legal_office):
    case = _case(legal_office, d(2026, 7, 31), type_code="temp_work")
    DeadlineRule.objects.create(
        office=legal_office,
        application_type="temp_work",
        length=3,
        unit="months",
        legal_basis="office test rule",
        source="test",
        effective_from=d(2026, 7, 1),
    )
    assert recompute_open_cases(legal_office) == 1
    case.refresh_from_db()
    assert case.legal_deadline == d(2026, 11, 2)  # 31 Oct (Sat), 1 Nov (Sun, holiday) → 2 Nov


# ----------------------------------------------------------------------------- helpers


def _case(office, filed, type_code="temp_spouse", stage="formal_check"):
    from plugins.legalisation.deadlines import recompute

    count = Case.objects.count() + 1
    case = Case(
        office=office,
        number=f"T-{filed.year}-{count}-{office.pk}",
        pin_hash="x",
        application_type=type_code,
        stage=stage,
        person_name="Olena Shevchenko",
        person_key=f"k{count}",
        filed_at=filed,
        documents_complete_at=filed,
        fingerprints_at=filed,
    )
    recompute(case)
    case.save()
    return case


# ----------------------------------------------------------------------------- the office edits its rules


def test_office_admin_adds_a_rule_for_their_office_and_deadlines_follow(
    client, staff_login, legal_office, other_legal_office, officer
):
    from przystan.audit.models import AuditEntry
    from przystan.testing.factories import make_user

    admin = make_user("root@uw.example.gov.pl", kind="staff", roles=("office_admin",), office=legal_office)
    case = _case(legal_office, d(2026, 7, 31), type_code="temp_work")
    staff_login(client, admin)
    assert client.get("/admin/legal_deadline_rules/").status_code == 200
    response = client.post(
        "/admin/legal_deadline_rules/new/",
        {
            "office": legal_office.pk,
            "application_type": "temp_work",
            "length": "3",
            "unit": "months",
            "starts_on_filing": "on",
            "legal_basis": "zarządzenie testowe",
            "source": "test",
            "effective_from": "2026-07-01",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    rule = DeadlineRule.objects.get(office=legal_office)
    assert AuditEntry.objects.for_object(rule).filter(action="create").exists()
    case.refresh_from_db()
    assert case.legal_deadline == d(2026, 11, 2)
    # the office is not free to choose: another office's id is refused
    refused = client.post(
        "/admin/legal_deadline_rules/new/",
        {
            "office": other_legal_office.pk,
            "application_type": "temp_work",
            "length": "1",
            "unit": "months",
            "starts_on_filing": "on",
            "legal_basis": "x",
            "source": "x",
            "effective_from": "2026-08-01",
        },
    )
    assert refused.status_code == 200 and not DeadlineRule.objects.filter(office=other_legal_office).exists()
    # an event that starts the clock is required: a clear error, nothing saved
    none = client.post(
        "/admin/legal_deadline_rules/new/",
        {
            "office": legal_office.pk,
            "application_type": "temp_ict",
            "length": "60",
            "unit": "days",
            "legal_basis": "x",
            "source": "x",
            "effective_from": "2026-08-01",
        },
    )
    assert none.status_code == 200 and "Zaznacz co najmniej jedno zdarzenie" in none.content.decode()
    assert not DeadlineRule.objects.filter(application_type="temp_ict", office=legal_office).exists()
    client.logout()
    staff_login(client, officer)
    assert client.get("/admin/legal_deadline_rules/").status_code in (302, 403)
    assert client.get("/admin/legal_suspensions/").status_code in (302, 403)


def test_suspension_with_unknown_types_or_reversed_dates_is_refused(db):
    from django.core.exceptions import ValidationError
    from django.utils import translation

    base = {"starts_on": d(2026, 1, 1), "ends_on": d(2026, 2, 1), "legal_basis": "x", "source": "x"}
    with translation.override("uk"), pytest.raises(ValidationError) as unknown:
        SuspensionPeriod(**base, application_types=["temp_wrok"]).full_clean()
    assert "temp_wrok" in str(unknown.value) and "Невідомий вид заяви" in str(unknown.value)
    with pytest.raises(ValidationError) as not_a_list:
        SuspensionPeriod(**base, application_types="temp_work").full_clean()
    assert "Lista kodów rodzajów wniosków" in str(not_a_list.value)  # the default language: pl
    with pytest.raises(ValidationError):
        SuspensionPeriod(**{**base, "ends_on": d(2025, 12, 1)}).full_clean()
    assert not SuspensionPeriod.objects.filter(legal_basis="x").exists()
