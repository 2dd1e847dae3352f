"""The audit screens speak the reader's language: field labels (not model field names), actions and the
reasons of refusals in words, one date format (dd.mm.rrrr HH:MM, office time)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone, translation

from przystan.audit.api import acting_as, record_denied
from przystan.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(user_factory, office):
    officer = user_factory(email="clerk@example.gov.pl", kind="staff", office=office)
    with acting_as(officer, office=office):
        person = user_factory(email="ivan@example.com", first_name="Ivan")
        person.phone = "+48600100200"
        person.save()
    return person


@pytest.fixture
def office_admin(user_factory, office):
    return user_factory(email="root@example.gov.pl", kind="staff", office=office, roles=("office_admin",))


def _main(response) -> str:
    body = response.content.decode()
    return body[body.index("<main") :]


@pytest.mark.parametrize(
    ("language", "phone", "changed"),
    [("pl", "Telefon komórkowy", "zmieniono"), ("uk", "Мобільний телефон", "змінено")],
)
def test_inspecting_an_entry_shows_field_labels_not_field_names(
    client, office_admin, staff_login, person, language, phone, changed
):
    entry = AuditEntry.objects.for_object(person).filter(action="update").get()
    staff_login(client, office_admin)
    client.cookies["django_language"] = language
    main = _main(client.get(f"/admin/audit_log/inspect/{entry.pk}/", HTTP_ACCEPT_LANGUAGE=language))
    assert f"<strong>{phone}</strong>" in main
    assert "'phone'" not in main and "{&#x27;phone" not in main and "[&#x27;" not in main
    assert changed in main
    assert "None" not in re.sub(r"<[^>]+>", " ", main)  # no IP address: a dash, not "None"
    local = timezone.localtime(entry.at)
    assert local.strftime("%d.%m.%Y %H:%M") in main
    assert entry.at.strftime("%Y-%m-%d") not in main


def test_a_refusal_is_explained_with_the_resource_and_the_action_in_words(client, user_factory, office):
    officer = user_factory(email="no-audit@example.gov.pl", kind="staff", office=office)
    record_denied(officer, "audit.entry:view", None)
    entry = AuditEntry.objects.filter(action="denied", actor=officer).get()
    from przystan.audit.labels import reason_label  # noqa: PLC0415 - new in this change

    with translation.override("pl"):
        assert entry.reason_display == "Dziennik zdarzeń — podgląd"
    with translation.override("ru"):
        assert reason_label("audit.entry:read_sensitive") == "Журнал аудита — чтение чувствительных данных"
        assert reason_label("audit history") == "история в журнале аудита"
        assert reason_label("nobody.knows:this") == "nobody.knows:this"  # not a resource: kept
        assert reason_label("Korekta po weryfikacji") == "Korekta po weryfikacji"  # typed by staff


def test_history_page_uses_the_staff_date_format_in_office_time(
    client, staff_login, user_factory, office, person
):
    auditor = user_factory(email="auditor@example.gov.pl", kind="staff", office=office, roles=("supervisor",))
    staff_login(client, auditor)
    winter = dt.datetime(2026, 12, 3, 23, 30, tzinfo=dt.UTC)  # already 4 December in Warsaw
    entry = AuditEntry.objects.for_object(person).first()
    AuditEntry.objects.create(
        at=winter, action="read", content_type=entry.content_type, object_id=entry.object_id, office=office
    )
    for language in ("pl", "en", "uk", "ru"):
        client.cookies["django_language"] = language
        page = client.get(
            f"/staff/audit/{person._meta.label_lower}/{person.pk}/", HTTP_ACCEPT_LANGUAGE=language
        )
        assert ">04.12.2026 00:30</time>" in page.content.decode(), language
    with translation.override("pl"):
        assert str(AuditEntry.objects.get(at=winter)).startswith("04.12.2026 00:30 ")


def test_recorded_dates_are_shown_in_the_staff_format(person):
    created = AuditEntry.objects.for_object(person).filter(action="create").get()
    recorded = created.changes["date_joined"]
    recorded = recorded[-1] if isinstance(recorded, list) else recorded
    rows = {row["name"]: row for row in created.change_rows()}
    when = timezone.localtime(dt.datetime.fromisoformat(recorded))
    assert rows["date_joined"]["after"] == when.strftime("%d.%m.%Y %H:%M")


def test_related_records_and_actors_are_named_not_numbered(client, staff_login, user_factory, office, person):
    officer = user_factory(email="officer2@example.gov.pl", kind="staff", office=office)
    created = AuditEntry.objects.for_object(officer).filter(action="create").get()
    rows = {row["name"]: row for row in created.change_rows()}
    assert rows["home_office"]["after"] == str(office)  # not the office's id
    changed = AuditEntry.objects.for_object(person).filter(action="update").get()
    assert re.search(r"\(#\d+\)", changed.actor_repr)  # recorded with the account's number
    assert changed.actor_label == "clerk@example.gov.pl"  # shown without it
