"""Create/update/delete of registered models are recorded with actor and before/after values."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from przystan.audit.api import AuditedQuerySet, acting_as, record_denied, record_event, record_read
from przystan.audit.models import ANONYMOUS_ACTOR, AuditAction, AuditEntry
from przystan.audit.values import MASKED
from przystan.offices.models import Office

pytestmark = pytest.mark.django_db


def entries_for(obj):
    return list(AuditEntry.objects.for_object(obj).order_by("id"))


def test_user_lifecycle_is_recorded_with_actor_and_without_password_hash(user_factory, office):
    officer = user_factory(email="officer@example.gov.pl", kind="staff", office=office)
    with acting_as(officer, reason="registration desk"):
        person = user_factory(email="olena@example.com", first_name="Olena")
        person.phone = "+48600100200"
        person.save()
        person.set_password("Inne-Haslo-2026-x")
        person.save()
        person_pk = person.pk
        password_hash = person.password
        person.delete()

    entries = list(
        AuditEntry.objects.filter(content_type__model="user", object_id=str(person_pk)).order_by("id")
    )
    assert [e.action for e in entries] == ["create", "update", "update", "delete"]
    assert {e.actor_id for e in entries} == {officer.pk}
    assert all(e.actor_repr == f"officer@example.gov.pl (#{officer.pk})" for e in entries)
    assert all(e.reason == "registration desk" for e in entries)
    assert all(e.office_id is None for e in entries)  # the person has no home office, nor has the job

    created, phone, password, deleted = entries
    assert created.changes["email"] == [None, "olena@example.com"]
    assert created.changes["first_name"] == [None, "Olena"]
    assert created.changes["password"] == [None, MASKED]
    assert phone.changes == {"phone": ["", "+48600100200"]}
    assert password.changes == {"password": [MASKED, MASKED]}
    assert deleted.changes["email"] == ["olena@example.com", None]
    assert "last_login" not in json.dumps([e.changes for e in entries])
    assert password_hash not in json.dumps([e.changes for e in entries])
    assert "md5$" not in json.dumps([e.changes for e in entries])


def test_office_changes_are_tagged_with_the_office(office):
    office.city = "Kraków"
    office.save()
    entry = AuditEntry.objects.for_object(office).first()
    assert entry.action == AuditAction.UPDATE
    assert entry.changes == {"city": ["Warszawa", "Kraków"]}
    assert entry.office_id == office.pk
    assert entry.actor is None and entry.actor_label == "system"


def test_user_entries_carry_the_home_office(user_factory, office):
    person = user_factory(email="with-office@example.com", office=office)
    assert entries_for(person)[0].office_id == office.pk
    assert entries_for(person)[0].changes["home_office"] == [None, office.pk]


def test_saving_without_changes_records_nothing(office, user_factory):
    person = user_factory(email="noop@example.com")
    before = AuditEntry.objects.count()
    person.save()
    office.save()
    get_user_model().objects.get(pk=person.pk).save()
    assert AuditEntry.objects.count() == before


def test_update_fields_limits_the_diff_to_saved_fields(user_factory):
    person = user_factory(email="partial@example.com")
    person.first_name = "Changed in memory only"
    person.phone = "+48500500500"
    person.save(update_fields=["phone"])
    assert entries_for(person)[-1].changes == {"phone": ["", "+48500500500"]}


def test_login_timestamp_alone_records_nothing(user_factory):
    from django.utils import timezone

    person = user_factory(email="login@example.com")
    count = AuditEntry.objects.count()
    person.last_login = timezone.now()
    person.save(update_fields=["last_login"])
    assert AuditEntry.objects.count() == count


def test_many_to_many_changes_are_recorded_from_both_sides(user_factory):
    person = user_factory(email="roles@example.com")
    officers = Group.objects.create(name="officer-test")
    admins = Group.objects.create(name="admin-test")

    person.groups.add(officers)
    assert entries_for(person)[-1].changes == {"groups": [[], [officers.pk]]}

    admins.user_set.add(person)  # reverse side
    assert entries_for(person)[-1].changes == {"groups": [[officers.pk], sorted([officers.pk, admins.pk])]}

    person.groups.clear()
    assert entries_for(person)[-1].changes == {"groups": [sorted([officers.pk, admins.pk]), []]}

    count = AuditEntry.objects.count()
    person.groups.remove(officers)  # not a member: nothing changes, nothing recorded
    assert AuditEntry.objects.count() == count


def test_audited_queryset_update_records_each_row(office, other_office):
    count = AuditEntry.objects.count()
    changed = AuditedQuerySet(Office).filter(pk__in=[office.pk, other_office.pk]).update(city="Lublin")
    assert changed == 2
    entries = list(AuditEntry.objects.all()[: AuditEntry.objects.count() - count])
    assert len(entries) == 2
    assert {e.object_id for e in entries} == {str(office.pk), str(other_office.pk)}
    assert all(e.changes == {"city": ["Warszawa", "Lublin"]} for e in entries)

    # rows already at the target value record nothing
    AuditedQuerySet(Office).filter(pk=office.pk).update(city="Lublin")
    assert AuditEntry.objects.count() == count + 2


def test_plain_queryset_update_bypasses_signals(office):
    """Documents why AuditedQuerySet exists: Django's update() sends no signals."""
    count = AuditEntry.objects.count()
    Office.objects.filter(pk=office.pk).update(city="Gdańsk")
    assert AuditEntry.objects.count() == count


def test_deleting_the_actor_keeps_who_it_was(user_factory, office):
    officer = user_factory(email="leaving@example.gov.pl", kind="staff")
    with acting_as(officer):
        office.city = "Poznań"
        office.save()
    officer_pk = officer.pk
    officer.delete()  # ON DELETE SET NULL: the one UPDATE the database triggers allow
    entry = AuditEntry.objects.for_object(office).first()
    assert entry.actor_id is None
    assert entry.actor_repr == f"leaving@example.gov.pl (#{officer_pk})"


def test_user_deleting_own_account(user_factory):
    person = user_factory(email="self@example.com")
    pk = person.pk
    with acting_as(person, reason="account deletion"):
        person.delete()
    entry = AuditEntry.objects.filter(content_type__model="user", object_id=str(pk), action="delete").get()
    assert entry.actor_id is None
    assert entry.actor_repr == f"self@example.com (#{pk})"


def test_record_read_denied_and_generic_events(user_factory, office):
    officer = user_factory(email="reader@example.gov.pl", kind="staff")
    person = user_factory(email="read-me@example.com")

    read = record_read(person, user=officer, reason="case review")
    assert (read.action, read.actor_id, read.reason, read.object_id) == (
        "read",
        officer.pk,
        "case review",
        str(person.pk),
    )

    denied = record_denied(officer, "accounts.change_user", person)
    assert denied.action == AuditAction.DENIED
    assert denied.reason == "accounts.change_user"
    assert denied.actor_id == officer.pk

    denied_model_level = record_denied(officer, "offices.add_office", Office)
    assert denied_model_level.content_type.model == "office" and denied_model_level.object_id == ""

    exported = record_event("export", office, officer, changes={"format": [None, "csv"]})
    assert exported.get_action_display() and exported.office_id == office.pk

    with pytest.raises(ValueError):
        record_event("teleport", office, officer)


def test_record_denied_accepts_the_access_helpers_keyword(user_factory):
    from django.contrib.auth.models import AnonymousUser

    entry = record_denied(user=AnonymousUser(), permission="audit.view_auditentry", obj=None)
    assert entry.actor is None and entry.actor_repr == ANONYMOUS_ACTOR
    assert entry.reason == "audit.view_auditentry"


def test_access_helper_records_denials(user_factory, office):
    from django.core.exceptions import PermissionDenied

    access = pytest.importorskip("przystan.accounts.access")
    officer = user_factory(email="nosy@example.gov.pl", kind="staff")
    with pytest.raises(PermissionDenied):
        access.require(officer, "offices.change_office", office)
    entry = AuditEntry.objects.for_object(office).filter(action="denied").get()
    assert entry.actor_id == officer.pk and entry.reason == "offices.change_office"


def test_audited_decorator_registers_a_model():
    from przystan.audit.api import audited, is_sensitive, unregister

    assert not is_sensitive(Group)
    audited(sensitive=True)(Group)
    try:
        group = Group.objects.create(name="decorated")
        assert is_sensitive(group)
        assert entries_for(group)[0].changes == {"name": [None, "decorated"]}
    finally:
        unregister(Group)
    group.name = "no longer audited"
    group.save()
    assert len(entries_for(group)) == 1
