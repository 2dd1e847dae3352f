"""Staff UI: the per-record history page, the {% audit_trail %} tag, read-logging mixins, Wagtail listing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.test import RequestFactory
from django.views.generic import DetailView

from przystan.audit.api import acting_as, record_read
from przystan.audit.mixins import AuditReadMixin, AuditRetrieveMixin
from przystan.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def history_url(obj):
    return f"/staff/audit/{obj._meta.label_lower}/{obj.pk}/"


@pytest.fixture
def person(user_factory, office):
    officer = user_factory(email="clerk@example.gov.pl", kind="staff", office=office)
    with acting_as(officer, office=office):  # as in a request to the office's site
        person = user_factory(email="ivan@example.com", first_name="Ivan")
        person.phone = "+48600100200"
        person.save()
    return person


def test_history_redirects_anonymous_to_login(client, person):
    response = client.get(history_url(person))
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


def test_history_is_forbidden_without_permission_and_the_attempt_is_recorded(
    client, user_factory, staff_login, person, office
):
    officer = user_factory(email="no-audit@example.gov.pl", kind="staff", office=office)
    staff_login(client, officer)
    response = client.get(history_url(person))
    assert response.status_code == 403
    denied = AuditEntry.objects.filter(action="denied", actor=officer).get()
    assert denied.reason == "audit.entry:view"


def test_history_shows_who_when_and_before_after(client, auditor, staff_login, person):
    staff_login(client, auditor)
    response = client.get(history_url(person))
    assert response.status_code == 200
    body = response.content.decode()
    assert "clerk@example.gov.pl" in body
    assert "+48600100200" in body
    assert "ivan@example.com" in body
    assert 'class="before"' in body and 'class="after"' in body
    assert list(response.context["entries"]) == list(AuditEntry.objects.for_object(person))
    # accounts are not registered sensitive: looking at their history is not itself a read
    assert not AuditEntry.objects.filter(action="read").exists()


def test_history_of_a_sensitive_record_is_itself_a_read(
    client, auditor, staff_login, person, sensitive_users
):
    staff_login(client, auditor)
    response = client.get(history_url(person))
    assert response.status_code == 200
    read = AuditEntry.objects.for_object(person).filter(action="read").get()
    assert read.actor_id == auditor.pk and read.reason == "audit history" and read.request_id


def test_history_is_paginated_and_survives_deletion(client, auditor, staff_login, person, office):
    with acting_as(auditor, office=office):
        for _ in range(55):
            record_read(person, user=auditor)
        pk = person.pk
        person.delete()
    staff_login(client, auditor)
    page_one = client.get(f"/staff/audit/accounts.user/{pk}/")
    assert page_one.status_code == 200
    assert page_one.context["page_obj"].paginator.count == 55 + 3
    assert len(page_one.context["entries"]) == 50
    assert page_one.context["entries"][0].action == "delete"
    # the label of a deleted record comes from its entries
    assert "ivan@example.com" in page_one.content.decode()
    assert client.get(f"/staff/audit/accounts.user/{pk}/?page=2").status_code == 200


def test_history_of_unknown_record_type_is_404(client, auditor, staff_login):
    staff_login(client, auditor)
    assert client.get("/staff/audit/nothing.here/1/").status_code == 404
    assert client.get("/staff/audit/accounts.user/not-a-number/").status_code == 404


def test_audit_trail_tag_shows_last_entries_to_auditors_only(auditor, person, user_factory):
    template = Template("{% load audit_tags %}{% audit_trail obj %}")
    request = RequestFactory().get("/")
    request.user = auditor
    html = template.render(Context({"obj": person, "request": request}))
    assert f'href="{history_url(person)}"' in html
    assert "+48600100200" in html

    request.user = get_user_model().objects.get(
        pk=user_factory(email="plain@example.gov.pl", kind="staff").pk
    )
    assert template.render(Context({"obj": person, "request": request})).strip() == ""


def test_audit_trail_tag_is_limited_to_twenty(auditor, person, office):
    with acting_as(auditor, office=office):
        for _ in range(30):
            record_read(person, user=auditor)
    request = RequestFactory().get("/")
    request.user = auditor
    html = Template("{% load audit_tags %}{% audit_trail obj %}").render(
        Context({"obj": person, "request": request})
    )
    assert html.count("<tr>") == 20 + 1  # header row + 20 entries


class PersonDetail(AuditReadMixin, DetailView):
    model = get_user_model()
    template_name = "audit/trail.html"


def test_detail_view_mixin_records_reads_of_sensitive_records(auditor, person, sensitive_users):
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.7")
    request.user = auditor
    assert PersonDetail.as_view()(request, pk=person.pk).status_code == 200
    read = AuditEntry.objects.for_object(person).filter(action="read").get()
    assert (read.actor_id, read.ip) == (auditor.pk, "192.0.2.7")

    assert PersonDetail.as_view()(request, pk=person.pk).status_code == 200
    assert AuditEntry.objects.for_object(person).filter(action="read").count() == 2  # every opening counts


def test_detail_view_mixin_ignores_records_not_registered_sensitive(auditor, person):
    request = RequestFactory().get("/")
    request.user = auditor
    assert PersonDetail.as_view()(request, pk=person.pk).status_code == 200
    assert not AuditEntry.objects.filter(action="read").exists()


def test_drf_retrieve_mixin_records_reads(auditor, person, sensitive_users):
    from rest_framework import serializers, viewsets
    from rest_framework.test import APIRequestFactory, force_authenticate

    class PersonSerializer(serializers.ModelSerializer):
        class Meta:
            model = get_user_model()
            fields = ["id", "email"]

    class PersonViewSet(AuditRetrieveMixin, viewsets.ReadOnlyModelViewSet):
        queryset = get_user_model().objects.all()
        serializer_class = PersonSerializer

    factory = APIRequestFactory()
    request = factory.get("/")
    force_authenticate(request, user=auditor)
    response = PersonViewSet.as_view({"get": "retrieve"})(request, pk=person.pk)
    assert response.status_code == 200 and response.data["email"] == "ivan@example.com"
    listing = factory.get("/")
    force_authenticate(listing, user=auditor)
    assert PersonViewSet.as_view({"get": "list"})(listing).status_code == 200
    reads = AuditEntry.objects.filter(action="read")
    # the list returned every user (the person among them): each is a read as well
    listed = sorted(str(pk) for pk in get_user_model().objects.values_list("pk", flat=True))
    assert [(r.actor_id, r.object_id, r.reason) for r in reads.order_by("pk")][0] == (
        auditor.pk,
        str(person.pk),
        "api",
    )
    assert sorted(r.object_id for r in reads.order_by("pk")[1:]) == listed


# --------------------------------------------------------------------------- Wagtail admin


@pytest.fixture
def office_admin(user_factory, office):
    return user_factory(email="root@example.gov.pl", kind="staff", office=office, roles=("office_admin",))


def test_wagtail_listing_is_read_only_even_for_office_admins(client, office_admin, staff_login, person):
    staff_login(client, office_admin)
    response = client.get("/admin/audit_log/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "ivan@example.com" in body
    assert "/admin/audit_log/new/" not in body and "/admin/audit_log/edit/" not in body
    entry = AuditEntry.objects.for_object(person).first()
    assert client.get(f"/admin/audit_log/inspect/{entry.pk}/").status_code == 200
    for path in ("new/", f"edit/{entry.pk}/", f"delete/{entry.pk}/", f"copy/{entry.pk}/"):
        # no such URL: the locale middleware tries /pl/admin/..., which does not exist either
        assert client.get(f"/admin/audit_log/{path}", follow=True).status_code == 404
        assert client.post(f"/admin/audit_log/{path}", follow=True).status_code == 404
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_wagtail_listing_filters_by_action_user_and_date(
    client, office_admin, staff_login, person, auditor, office
):
    with acting_as(auditor, office=office):
        record_read(person, user=auditor)
    staff_login(client, office_admin)
    reads = client.get("/admin/audit_log/", {"action": "read"})
    assert [e.action for e in reads.context["object_list"]] == ["read"]
    by_user = client.get("/admin/audit_log/", {"actor_repr": "clerk@"})
    assert {e.actor_repr.split(" ")[0] for e in by_user.context["object_list"]} == {"clerk@example.gov.pl"}
    none_in_2001 = client.get("/admin/audit_log/", {"at_from": "2001-01-01", "at_to": "2001-01-02"})
    assert list(none_in_2001.context["object_list"]) == []
    day = reads.context["object_list"][0].at.date()
    around = {
        "at_from": (day - timedelta(days=1)).isoformat(),
        "at_to": (day + timedelta(days=1)).isoformat(),
    }
    assert len(client.get("/admin/audit_log/", around).context["object_list"]) > 1


def test_wagtail_listing_needs_the_view_permission(client, user_factory, staff_login, auditor, office):
    editor = user_factory(email="editor@example.gov.pl", kind="staff", office=office, roles=("editor",))
    staff_login(client, editor)
    assert client.get("/admin/audit_log/").status_code in (302, 403)

    client.logout()
    staff_login(client, auditor)
    assert client.get("/admin/audit_log/").status_code == 200


def test_inspecting_an_entry_about_a_sensitive_record_is_a_read(
    client, office_admin, staff_login, person, sensitive_users
):
    entry = AuditEntry.objects.for_object(person).first()
    staff_login(client, office_admin)
    assert client.get(f"/admin/audit_log/inspect/{entry.pk}/").status_code == 200
    read = AuditEntry.objects.for_object(person).filter(action="read").get()
    assert read.actor_id == office_admin.pk and read.reason == "audit log"


@pytest.mark.parametrize(
    ("language", "deleted", "heading"),
    [
        ("pl", "usunięto", "Historia zmian"),
        ("uk", "видалено", "Історія змін"),
        ("ru", "удалено", "История изменений"),
    ],
)
def test_labels_are_translated(language, deleted, heading):
    from django.utils import translation

    from przystan.audit.models import AuditAction

    with translation.override(language):
        assert str(AuditAction.DELETE.label) == deleted
        assert translation.gettext("Audit history") == heading


def test_change_rows_are_readable(person):
    from django.utils import translation

    with translation.override("en"):
        created = AuditEntry.objects.for_object(person).filter(action="create").get()
        rows = {row["name"]: row for row in created.change_rows()}
        assert rows["kind"]["after"] == "Foreigner or attorney"  # choice label, not the code
        assert rows["password"]["after"] == "(hidden)"
        assert rows["is_active"]["after"] == "yes"
        assert rows["email"]["before"] == "—"
        names = [row["name"] for row in created.change_rows()]
        assert names.index("password") < names.index("email")  # the model's field order
