from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.views.generic import DetailView
from rest_framework import serializers
from rest_framework.generics import RetrieveAPIView
from rest_framework.test import APIRequestFactory, force_authenticate

from przystan.accounts.access import (
    ObjectPermission,
    ObjectPermissionRequiredMixin,
    can,
    grant,
    objects_for,
    require,
    revoke,
)
from przystan.audit.models import AuditAction, AuditEntry
from przystan.offices.models import Office

pytestmark = pytest.mark.django_db
CHANGE = "offices.change_office"


@pytest.fixture
def officer(user_factory, office):
    return user_factory(email="officer@example.com", kind="staff", roles=("officer",), office=office)


def test_grant_can_revoke_on_one_object(officer, office, other_office):
    assert not can(officer, CHANGE, office)
    grant(officer, CHANGE, office)
    assert can(officer, CHANGE, office)
    assert not can(officer, CHANGE, other_office)
    revoke(officer, CHANGE, office)
    assert not can(officer, CHANGE, office)


def test_grant_to_a_group_reaches_its_members(officer, office):
    grant(Group.objects.get(name="officer"), CHANGE, office)
    assert can(officer, CHANGE, office)


def test_global_permission_of_a_role_counts_for_every_object(user_factory, office, other_office):
    admin = user_factory(email="admin@example.com", kind="staff", roles=("office_admin",))
    assert can(admin, CHANGE, office) and can(admin, CHANGE, other_office)


def test_anonymous_and_inactive_users_can_nothing(officer, office):
    grant(officer, CHANGE, office)
    officer.is_active = False
    assert not can(officer, CHANGE, office)
    assert not can(AnonymousUser(), CHANGE, office)
    assert list(objects_for(AnonymousUser(), CHANGE, Office.objects.all())) == []


def test_objects_for_filters_per_object_and_accepts_global_permissions(
    officer, user_factory, office, other_office
):
    assert list(objects_for(officer, CHANGE, Office.objects.all())) == []
    grant(officer, CHANGE, other_office)
    assert list(objects_for(officer, CHANGE, Office.objects.all())) == [other_office]
    admin = user_factory(email="admin@example.com", kind="staff", roles=("office_admin",))
    assert set(objects_for(admin, CHANGE, Office.objects.all())) == {office, other_office}


def test_require_raises_and_records_the_denial(officer, office):
    request = RequestFactory().get("/staff/offices/1/", REMOTE_ADDR="10.0.0.7")
    request.user = officer
    with pytest.raises(PermissionDenied):
        require(request, CHANGE, office)
    entry = AuditEntry.objects.get(action=AuditAction.DENIED)
    assert entry.actor == officer
    assert entry.reason == CHANGE
    assert entry.object_id == str(office.pk)
    grant(officer, CHANGE, office)
    require(officer, CHANGE, office)  # passes silently
    assert AuditEntry.objects.filter(action=AuditAction.DENIED).count() == 1


class OfficeEditView(ObjectPermissionRequiredMixin, DetailView):
    model = Office
    object_permission = CHANGE

    def get(self, request, *args, **kwargs):
        return HttpResponse(f"editing {self.get_object().code}")


def test_view_mixin_checks_the_object(officer, office, other_office):
    grant(officer, CHANGE, office)
    factory = RequestFactory()
    request = factory.get("/")
    request.user = officer
    assert OfficeEditView.as_view()(request, pk=office.pk).content == b"editing testowy"
    with pytest.raises(PermissionDenied):
        OfficeEditView.as_view()(request, pk=other_office.pk)
    anonymous = factory.get("/x/")
    anonymous.user = AnonymousUser()
    response = OfficeEditView.as_view()(anonymous, pk=office.pk)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


class OfficeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Office
        fields = ["id", "code"]


class OfficeDetail(RetrieveAPIView):
    queryset = Office.objects.all()
    serializer_class = OfficeSerializer
    permission_classes = [ObjectPermission]
    object_permissions = {"GET": "offices.view_office", "*": CHANGE}


def test_drf_permission_class_checks_the_object(user_factory, office, other_office):
    foreigner = user_factory(email="someone@example.com")
    grant(foreigner, "offices.view_office", office)
    factory = APIRequestFactory()
    view = OfficeDetail.as_view()

    request = factory.get("/api/offices/")
    force_authenticate(request, user=foreigner)
    assert view(request, pk=office.pk).status_code == 200
    request = factory.get("/api/offices/")
    force_authenticate(request, user=foreigner)
    assert view(request, pk=other_office.pk).status_code == 403
    assert AuditEntry.objects.filter(action=AuditAction.DENIED, reason="offices.view_office").count() == 1
    assert view(factory.get("/api/offices/"), pk=office.pk).status_code in (401, 403)


def test_anonymous_denial_is_recorded_without_an_actor(office):
    request = RequestFactory().get("/staff/offices/1/")
    request.user = AnonymousUser()
    with pytest.raises(PermissionDenied):
        require(request, CHANGE, office)
    entry = AuditEntry.objects.get(action=AuditAction.DENIED)
    assert entry.actor is None and entry.reason == CHANGE
