"""Benefit rules as dated data: the amount of each day comes from the rule valid that day, a day without
a rule stops the list with a message, unconfirmed rules never go for approval, confirmation is audited,
and the migration dates and sources the rows that existed before."""

import datetime as dt
import importlib

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from plugins.serce.benefit_defaults import LAST_DAY_OLD, OLD_ACT
from plugins.serce.models import Benefit, BenefitRule, Household, Stay
from plugins.serce.services import payments
from plugins.serce.services import rules as rule_service
from przystan.audit.models import AuditEntry

from .factories import make_person

pytestmark = pytest.mark.django_db


def _resident(office, centre, *kinds, since=dt.date(2023, 1, 1)):
    person = make_person(office, "Olena", "Shevchenko")
    Stay.objects.create(person=person, centre=centre, date_from=since)
    for kind in kinds:
        Benefit.objects.create(person=person, kind=kind, date_from=since)
    return person


def _amounts(payment_list):
    return sorted(payment_list.entries.values_list("kind", "days", "amount_grosze"))


def test_defaults_history_ends_the_day_before_the_2016_regulation_lost_force(serce_office):
    rules = BenefitRule.objects.filter(office=serce_office)
    old = rules.filter(legal_basis=OLD_ACT)
    assert old.exists() and not old.filter(valid_until__isnull=True).exists()
    assert {r.valid_until for r in old} <= {LAST_DAY_OLD, dt.date(2022, 10, 31)}
    assert all("2016 poz. 311" in r.source_reference for r in old)
    # nothing from the 2016 regulation is valid on the day it lost force or later
    assert not rule_service.valid_on(serce_office, dt.date(2023, 10, 7)).filter(legal_basis=OLD_ACT).exists()
    current = {
        (r.kind, r.family_size_min, r.amount_grosze, r.unit)
        for r in rule_service.valid_on(serce_office, dt.date(2026, 12, 1))
    }
    assert {
        ("food_equivalent", 1, 1500, "day"),
        ("hygiene", 1, 3000, "month"),
        ("outside_cash", 1, 77600, "month"),
        ("outside_cash", 2, 60000, "month"),
    } <= current


def test_installed_defaults_are_all_to_be_confirmed_and_say_the_draft_is_not_verified(unconfirmed_office):
    rules = BenefitRule.objects.filter(office=unconfirmed_office)
    assert rules.count() == 15 and not any(r.is_confirmed for r in rules)
    draft = rules.filter(valid_from=dt.date(2023, 10, 7))
    assert all("niezweryfikowan" in r.source_note for r in draft)
    assert not draft.exclude(source_reference="").exists()  # no Dz.U. position claimed for the draft


def test_october_2023_pays_old_amounts_until_the_6th_and_new_ones_from_the_7th(serce_office, centres, staff):
    grupa, _ = centres
    _resident(serce_office, grupa, "food_equivalent", "hygiene")
    user = staff("sw@example.gov.pl", "social_worker")
    september = payments.generate(serce_office, grupa, dt.date(2023, 9, 1), user)
    assert _amounts(september) == [("food_equivalent", 30, 30 * 1100), ("hygiene", 30, 2000)]
    october = payments.generate(serce_office, grupa, dt.date(2023, 10, 1), user)
    assert _amounts(october) == [
        ("food_equivalent", 6, 6 * 1100),  # 1–6 October: 11 zł (the 2016 regulation as amended)
        ("food_equivalent", 25, 25 * 1500),  # from 7 October: 15 zł
        ("hygiene", 6, round(2000 * 6 / 31)),
        ("hygiene", 25, round(3000 * 25 / 31)),
    ]
    old_rule = october.entries.get(kind="food_equivalent", days=6).rule
    assert old_rule.valid_until == LAST_DAY_OLD and old_rule.legal_basis == OLD_ACT
    november = payments.generate(serce_office, grupa, dt.date(2023, 11, 1), user)
    assert _amounts(november) == [("food_equivalent", 30, 30 * 1500), ("hygiene", 30, 3000)]


def test_a_new_rule_is_used_from_its_first_day(client, serce_office, centres, staff, staff_login):
    grupa, _ = centres
    _resident(serce_office, grupa, "pocket_money")
    admin = staff("admin@example.gov.pl", "office_admin")
    boss = staff("boss@example.gov.pl", "supervisor")
    current = BenefitRule.objects.get(office=serce_office, kind="pocket_money", valid_until=None)
    staff_login(client, admin)
    edit = {
        "kind": "pocket_money",
        "unit": "month",
        "amount_grosze": "50,00",
        "family_size_min": 1,
        "valid_from": current.valid_from.isoformat(),
        "valid_until": "2027-03-14",
        "legal_basis": current.legal_basis,
        "source_note": current.source_note,
    }
    assert client.post(reverse("serce:rule-edit", args=[current.pk]), edit).status_code == 302
    new = {**edit, "amount_grosze": "70,00", "valid_from": "2027-03-15", "valid_until": ""}
    assert client.post(reverse("serce:rule-create"), new).status_code == 302
    for rule in BenefitRule.objects.filter(office=serce_office, kind="pocket_money", to_confirm=True):
        rule_service.confirm(rule, boss)
    user = staff("sw@example.gov.pl", "social_worker")
    assert _amounts(payments.generate(serce_office, grupa, dt.date(2027, 2, 1), user)) == [
        ("pocket_money", 28, 5000)
    ]
    assert _amounts(payments.generate(serce_office, grupa, dt.date(2027, 3, 1), user)) == [
        ("pocket_money", 14, round(5000 * 14 / 31)),
        ("pocket_money", 17, round(7000 * 17 / 31)),
    ]
    assert _amounts(payments.generate(serce_office, grupa, dt.date(2027, 4, 1), user)) == [
        ("pocket_money", 30, 7000)
    ]


def test_a_day_without_a_rule_stops_the_list_with_a_message_never_an_old_amount(
    client, serce_office, centres, staff, staff_login
):
    grupa, _ = centres
    _resident(serce_office, grupa, "food_equivalent")
    BenefitRule.objects.filter(office=serce_office, kind="food_equivalent", valid_until=None).update(
        valid_until=dt.date(2026, 11, 20)
    )
    user = staff("sw@example.gov.pl", "social_worker")
    from plugins.serce.access import assign_to_centre

    assign_to_centre(user, grupa)
    with pytest.raises(payments.MissingRules) as refused:
        payments.generate(serce_office, grupa, dt.date(2026, 11, 1), user)
    assert refused.value.gaps == {("food_equivalent", 1): dt.date(2026, 11, 21)}
    assert not grupa.payment_lists.exists()
    staff_login(client, user)
    client.cookies["django_language"] = "pl"
    page = client.post(reverse("serce:payment-lists"), {"month": "2026-11", "centre": grupa.pk})
    text = page.content.decode()
    assert page.status_code == 200 and "Brak obowiązującej zasady świadczeń" in text
    assert "21.11.2026" in text and not grupa.payment_lists.exists()


def test_unconfirmed_rules_make_a_draft_that_cannot_go_for_approval_until_confirmed(
    client, unconfirmed_office, centres, staff, staff_login
):
    from plugins.serce.access import assign_to_centre

    grupa, _ = centres
    _resident(unconfirmed_office, grupa, "food_equivalent")
    worker = staff("sw@example.gov.pl", "social_worker")
    finance = staff("kasa@example.gov.pl", "finance")
    assign_to_centre(worker, grupa)
    staff_login(client, worker)
    client.cookies["django_language"] = "pl"
    response = client.post(
        reverse("serce:payment-lists"), {"month": "2026-11", "centre": grupa.pk}, follow=True
    )
    payment_list = grupa.payment_lists.get()
    text = response.content.decode()
    assert "do potwierdzenia przez urząd" in text
    assert [m.level_tag for m in response.context["messages"]] == ["warning"]
    assert reverse("serce:payment-action", args=[payment_list.pk, "submit"]) not in text
    with pytest.raises(ValidationError):
        payments.submit(payment_list, worker)
    refused = client.post(reverse("serce:payment-action", args=[payment_list.pk, "submit"]), follow=True)
    payment_list.refresh_from_db()
    assert payment_list.status == "draft"
    assert [m.level_tag for m in refused.context["messages"]] == ["error"]
    # the PDF of the draft says it is not for payment
    pdf = printouts_text(payment_list)
    assert "nie do wypłaty" in pdf
    client.logout()
    # the finance officer confirms the rule; the confirmation is recorded and audited
    rule = payment_list.entries.get().rule
    staff_login(client, finance)
    assert client.post(reverse("serce:rule-confirm", args=[rule.pk])).status_code == 302
    rule.refresh_from_db()
    assert rule.is_confirmed and rule.confirmed_by == finance and rule.confirmed_at is not None
    audit = AuditEntry.objects.for_object(rule).filter(action="update", actor=finance).get()
    assert audit.changes["to_confirm"] == [True, False]
    assert "confirmed_by" in audit.changes and "confirmed_at" in audit.changes
    page = client.get(reverse("serce:rule-list")).content.decode()
    assert finance.email in page
    # a second confirmation is refused in words
    again = client.post(reverse("serce:rule-confirm", args=[rule.pk]), follow=True)
    assert [m.level_tag for m in again.context["messages"]] == ["error"]
    client.logout()
    payments.submit(payment_list, worker)
    assert payment_list.status == "submitted"


def printouts_text(payment_list) -> str:
    import io

    from pypdf import PdfReader

    from plugins.serce.services import printouts

    pdf = printouts.payment_list_pdf(payment_list)
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_only_supervisor_and_finance_confirm_and_editing_needs_a_new_confirmation(
    client, serce_office, centres, staff, staff_login
):
    grupa, _ = centres
    _resident(serce_office, grupa, "hygiene")
    admin = staff("admin@example.gov.pl", "office_admin")
    worker = staff("sw@example.gov.pl", "social_worker")
    rule = BenefitRule.objects.get(office=serce_office, kind="hygiene", valid_until=None)
    BenefitRule.objects.filter(pk=rule.pk).update(to_confirm=True, confirmed_at=None)
    for who in (admin, worker):
        staff_login(client, who)
        assert client.post(reverse("serce:rule-confirm", args=[rule.pk])).status_code == 403
        client.logout()
    rule_service.confirm(rule, staff("boss@example.gov.pl", "supervisor"))
    payment_list = payments.generate(serce_office, grupa, dt.date(2026, 11, 1), worker)
    assert payments.rule_problems(payment_list) == []
    # the admin changes the amount: to be confirmed again, and the draft must be regenerated
    staff_login(client, admin)
    rule.refresh_from_db()
    data = {
        "kind": "hygiene",
        "unit": "month",
        "amount_grosze": "35,00",
        "family_size_min": 1,
        "valid_from": rule.valid_from.isoformat(),
        "legal_basis": rule.legal_basis,
        "source_note": rule.source_note,
    }
    assert client.post(reverse("serce:rule-edit", args=[rule.pk]), data).status_code == 302
    rule.refresh_from_db()
    assert rule.to_confirm and rule.confirmed_at is None
    rule_service.confirm(rule, staff("boss2@example.gov.pl", "supervisor"))
    with translation.override("en"):
        problems = payments.rule_problems(payment_list)
    assert len(problems) == 1 and "regenerate" in problems[0]
    # saving the form unchanged keeps the confirmation
    assert client.post(reverse("serce:rule-edit", args=[rule.pk]), data).status_code == 302
    rule.refresh_from_db()
    assert rule.is_confirmed


def test_overlapping_rules_are_refused(client, serce_office, staff, staff_login):
    admin = staff("admin@example.gov.pl", "office_admin")
    staff_login(client, admin)
    data = {"kind": "hygiene", "unit": "month", "amount_grosze": "40,00", "family_size_min": 1}
    response = client.post(reverse("serce:rule-create"), {**data, "valid_from": "2026-01-01"})
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    # a period the defaults do not cover (before the 2016 regulation) is fine
    ok = {**data, "valid_from": "2010-01-01", "valid_until": "2016-03-25"}
    assert client.post(reverse("serce:rule-create"), ok).status_code == 302


def test_tickets_are_reimbursed_at_their_cost_once(serce_office, centres, staff):
    grupa, _ = centres
    person = _resident(serce_office, grupa)
    with pytest.raises(ValidationError):
        Benefit(person=person, kind="travel", date_from=dt.date(2026, 11, 3)).full_clean()
    Benefit.objects.create(
        person=person,
        kind="travel",
        amount_grosze=2380,
        date_from=dt.date(2026, 11, 3),
        date_to=dt.date(2026, 11, 3),
    )
    user = staff("sw@example.gov.pl", "social_worker")
    centre_list = payments.generate(serce_office, grupa, dt.date(2026, 11, 1), user)
    assert _amounts(centre_list) == [("travel", None, 2380)]
    assert not payments.generate(serce_office, grupa, dt.date(2026, 12, 1), user).entries.exists()


def test_lists_are_paid_by_the_15th(serce_office, monkeypatch):
    from przystan.offices import enablement

    assert payments.payment_date(serce_office, dt.date(2026, 11, 1)) == dt.date(2026, 11, 15)
    # a day configured before the schema allowed only 1–15 is still paid by the 15th
    monkeypatch.setattr(enablement, "plugin_config", lambda office, slug: {"benefit_payment_day": 25})
    assert payments.payment_date(serce_office, dt.date(2026, 11, 1)) == dt.date(2026, 11, 15)


def test_person_page_shows_the_rule_amount_as_to_be_confirmed(
    client, unconfirmed_office, centres, staff, staff_login
):
    from plugins.serce.access import assign_to_centre

    grupa, _ = centres
    family = Household.objects.create(office=unconfirmed_office, reference="F")
    person = make_person(unconfirmed_office, "Ivan", "Petrenko", household=family, household_role="head")
    Stay.objects.create(person=person, centre=grupa, date_from=dt.date(2026, 1, 1))
    Benefit.objects.create(person=person, kind="food_equivalent", date_from=dt.date(2026, 1, 1))
    worker = staff("sw@example.gov.pl", "social_worker")
    assign_to_centre(worker, grupa)
    staff_login(client, worker)
    client.cookies["django_language"] = "pl"
    page = client.get(reverse("serce:person-detail", args=[person.pk])).content.decode()
    assert "15,00\u00a0zł" in page and "do potwierdzenia przez urząd" in page


def test_migration_dates_and_sources_the_rules_that_existed(serce_office):
    """Rows as the old code left them: the demo seed (from 6 Oct 2023, the wrong act name, no end) and
    an office's own rule; after the data step: legacy validity and source, all to be confirmed."""
    migration = importlib.import_module("plugins.serce.migrations.0006_benefit_rule_validity_source")
    BenefitRule.objects.filter(office=serce_office).delete()
    seed = BenefitRule.objects.create(
        office=serce_office,
        kind="food_equivalent",
        unit="day",
        amount_grosze=1100,
        valid_from=dt.date(2023, 10, 6),
        legal_basis="Rozporządzenie MSWiA z 6 października 2023 r.",
        to_confirm=False,
        confirmed_at=timezone.now(),
    )
    own = BenefitRule.objects.create(
        office=serce_office,
        kind="pocket_money",
        unit="month",
        amount_grosze=6000,
        valid_from=dt.date(2024, 1, 1),
        legal_basis="Zarządzenie urzędu",
        to_confirm=False,
        confirmed_at=timezone.now(),
    )
    migration.date_and_source_existing_rules(django_apps, None)
    seed.refresh_from_db()
    own.refresh_from_db()
    assert (seed.valid_from, seed.valid_until) == (dt.date(2022, 11, 1), LAST_DAY_OLD)
    assert seed.legal_basis == OLD_ACT and seed.source_reference.startswith("Dz.U. 2016 poz. 311")
    assert seed.to_confirm and seed.confirmed_at is None
    assert (own.valid_from, own.valid_until, own.legal_basis) == (
        dt.date(2024, 1, 1),
        None,
        "Zarządzenie urzędu",
    )
    assert own.to_confirm
    # the defaults the office lacked were added, none overlapping its own rule
    pocket = BenefitRule.objects.filter(office=serce_office, kind="pocket_money").order_by("valid_from")
    assert [(r.valid_from, r.valid_until) for r in pocket] == [
        (dt.date(2016, 3, 26), LAST_DAY_OLD),
        (dt.date(2024, 1, 1), None),
    ]
    food = rule_service.valid_on(serce_office, dt.date(2023, 10, 7)).get(kind="food_equivalent")
    assert food.amount_grosze == 1500 and food.to_confirm
    assert not BenefitRule.objects.filter(office=serce_office, to_confirm=False).exists()
