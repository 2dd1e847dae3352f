"""The office administrator edits the data protection officer's contact on the office and the office's own
wording of its privacy notices — for their office only."""

from __future__ import annotations

import pytest

from przystan.offices.models import PrivacyNoticeText

pytestmark = pytest.mark.django_db


@pytest.fixture
def office_admin(user_factory, office):
    return user_factory(email="admin@testowy.gov.pl", kind="staff", roles=("office_admin",), office=office)


def test_the_office_form_has_the_data_protection_officer(client, office_admin, staff_login, office):
    staff_login(client, office_admin)
    form = client.get(f"/admin/offices/edit/{office.pk}/").context["form"]
    for name in ("dpo_name", "dpo_email", "dpo_phone", "dpo_address", "supervisory_authority"):
        assert name in form.fields, name
    assert "Stawki 2, 00-193 Warszawa" in form.initial["supervisory_authority"]


def test_privacy_notice_texts_of_one_office_only(client, office_admin, staff_login, office, other_office):
    mine = PrivacyNoticeText.objects.create(
        office=office, clause="accounts.account", language="pl", retention="x"
    )
    theirs = PrivacyNoticeText.objects.create(
        office=other_office, clause="accounts.account", language="pl", retention="y"
    )
    staff_login(client, office_admin)
    listing = client.get("/admin/office_privacy_notices/")
    assert listing.status_code == 200
    assert list(listing.context["object_list"]) == [mine]
    assert client.get(f"/admin/office_privacy_notices/edit/{mine.pk}/").status_code == 200
    assert client.get(f"/admin/office_privacy_notices/edit/{theirs.pk}/").status_code == 404
    form = client.get("/admin/office_privacy_notices/new/").context["form"]
    assert "accounts.account" in dict(form.fields["clause"].choices)


def test_an_unknown_form_is_refused(office):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        PrivacyNoticeText(office=office, clause="nothing.here", language="pl").full_clean()
