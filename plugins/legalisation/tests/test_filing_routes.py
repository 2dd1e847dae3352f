"""Filing routes as dated data: MOS types are never filed here (start, draft, submit), the guide and
checklist replace the filing, an office's own dated rule applies from its date, and the office edits
routes through the staff screen under the policy."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from plugins.legalisation.models import Application, Case, FilingRoute, PreparationChecklist
from plugins.legalisation.routes import route_for, routes_for, types_filed_here
from przystan.audit.models import AuditEntry
from przystan.testing.factories import make_user

from .conftest import attach_required, make_application

pytestmark = pytest.mark.django_db


def test_national_routes_follow_the_mos_amendment(legal_office):
    routes = routes_for(legal_office, datetime.date(2026, 12, 3))
    for code in ("temp_work", "temp_studies", "permanent", "eu_ltr", "cukr"):
        assert routes[code].is_mos and routes[code].filing_url.startswith("https://mos."), code
        assert "1794" in routes[code].legal_basis or "337" in routes[code].legal_basis
    for code in ("invitation", "visa_extension"):
        assert routes[code].files_here, code
    assert routes["cukr"].effective_from == datetime.date(2026, 5, 4) and routes["cukr"].to_verify
    # before the amendment no rule of the seed is in force: nothing is offered as a filing
    assert not routes_for(legal_office, datetime.date(2026, 4, 26))["temp_work"].route
    assert "temp_work" not in {t.code for t in types_filed_here(legal_office)}


def test_an_office_rule_applies_from_its_date_and_a_type_without_rule_is_not_filed_here(
    legal_office, other_legal_office
):
    FilingRoute.objects.create(
        office=legal_office,
        type_code="invitation",
        route="paper",
        effective_from=datetime.date(2027, 1, 1),
        legal_basis="Zarządzenie testowe",
    )
    assert route_for(legal_office, "invitation", datetime.date(2026, 12, 31)).files_here
    assert route_for(legal_office, "invitation", datetime.date(2027, 1, 1)).route == "paper"
    assert route_for(
        other_legal_office, "invitation", datetime.date(2027, 1, 1)
    ).files_here  # only that office
    FilingRoute.objects.filter(type_code="visa_extension").delete()
    assert not route_for(legal_office, "visa_extension").files_here


def test_starting_a_mos_type_sends_to_the_guide_and_creates_nothing(client, legal_office, foreigner):
    client.force_login(foreigner)
    client.cookies["django_language"] = "uk"
    response = client.post(reverse("legalisation:start", args=["temp_work"]), follow=True)
    assert response.redirect_chain[-1][0].endswith(reverse("legalisation:mos-guide", args=["temp_work"]))
    assert Application.objects.count() == 0
    html = response.content.decode()
    assert "MOS" in html and "mos.cudzoziemcy.gov.pl" in html
    page = client.get(reverse("legalisation:apply")).content.decode()
    assert reverse("legalisation:start", args=["temp_work"]) not in page
    assert reverse("legalisation:start", args=["visa_extension"]) in page
    assert reverse("legalisation:mos-guide", args=["temp_work"]) in page


def test_a_draft_of_a_type_now_filed_in_mos_cannot_be_submitted(client, legal_office, foreigner):
    """A draft begun before the route changed: the review says where to file, nothing is filed."""
    draft = make_application(legal_office, foreigner, "temp_spouse")
    attach_required(draft)
    client.force_login(foreigner)
    review = client.get(reverse("legalisation:step", args=[draft.public_id, 4])).content.decode()
    assert reverse("legalisation:submit", args=[draft.public_id]) not in review
    assert reverse("legalisation:mos-guide", args=["temp_spouse"]) in review
    response = client.post(reverse("legalisation:submit", args=[draft.public_id]), follow=True)
    assert Case.objects.count() == 0
    draft.refresh_from_db()
    assert draft.status == "draft"
    assert "MOS" in response.content.decode()


def test_guide_is_public_and_only_for_mos_types(client, legal_office):
    assert client.get(reverse("legalisation:mos-guide", args=["temp_work"])).status_code == 200
    response = client.get(reverse("legalisation:mos-guide", args=["visa_extension"]))
    assert response.status_code == 302 and response["Location"] == reverse("legalisation:apply")
    assert client.get(reverse("legalisation:mos-guide", args=["no_such_type"])).status_code == 404
    assert client.get(reverse("legalisation:mos-checklist", args=["visa_extension"])).status_code == 404


def test_checklist_is_private_and_keeps_only_known_items(client, legal_office, foreigner, other_foreigner):
    url = reverse("legalisation:mos-checklist", args=["temp_work"])
    client.post(url, {"ready": ["passport", "doc:photo", "bogus"]})  # anonymous: the session
    assert client.get(url).content.decode().count("checked") == 2
    assert PreparationChecklist.objects.count() == 0
    client.force_login(foreigner)
    client.post(url, {"ready": ["doc:contract", "evil<script>"]})
    assert PreparationChecklist.objects.get(user=foreigner).ticked == ["doc:contract"]
    client.force_login(other_foreigner)
    assert "checked" not in client.get(url).content.decode()  # someone else's list is not shown


def test_office_admin_adds_a_dated_rule_and_an_officer_may_only_read(client, staff_login, legal_office):
    admin = make_user("admin@uw.example.gov.pl", kind="staff", roles=("office_admin",), office=legal_office)
    officer = make_user("o@uw.example.gov.pl", kind="staff", roles=("officer",), office=legal_office)
    url = reverse("legalisation-staff:filing-routes")
    staff_login(client, officer)
    assert client.get(url).status_code == 200
    assert client.post(url, {"type_code": "invitation", "route": "paper"}).status_code == 403
    client.logout()
    staff_login(client, admin)
    client.cookies["django_language"] = "uk"
    bad = client.post(
        url, {"type_code": "invitation", "route": "mos", "effective_from": "2027-01-01", "legal_basis": "x"}
    )
    assert bad.status_code == 400
    from django.utils import translation

    with translation.override("uk"):
        assert translation.gettext("Give the MOS address the foreigner is sent to.") in bad.content.decode()
    assert not FilingRoute.objects.filter(office=legal_office).exists()
    good = client.post(
        url,
        {
            "type_code": "invitation",
            "route": "paper",
            "effective_from": "2026-12-01",
            "legal_basis": "Zarządzenie nr 1",
        },
    )
    assert good.status_code == 302
    row = FilingRoute.objects.get(office=legal_office)
    assert row.created_by == admin and route_for(legal_office, "invitation").route == "paper"
    assert AuditEntry.objects.for_object(row).exists()


def test_an_office_cannot_file_here_what_the_act_routes_through_mos(client, staff_login, legal_office):
    """Seen in a user test: the form accepted temporary residence and work "online in this portal"."""
    from django.utils import translation

    admin = make_user("admin@uw.example.gov.pl", kind="staff", roles=("office_admin",), office=legal_office)
    staff_login(client, admin)
    url = reverse("legalisation-staff:filing-routes")
    against_the_act = {
        "type_code": "temp_work",
        "route": "local_online",
        "effective_from": "2027-01-01",
        "legal_basis": "Zarządzenie wojewody nr 12/2026",
    }
    response = client.post(url, against_the_act)
    assert response.status_code == 400
    html = response.content.decode()
    with translation.override("pl"):
        assert (
            translation.gettext(
                "On that date the national rule files this application only in MOS; an office cannot change it."
            )
            in html
        )
    thin = {**against_the_act, "type_code": "invitation", "route": "paper", "legal_basis": "x"}
    assert client.post(url, thin).status_code == 400
    assert not FilingRoute.objects.filter(office=legal_office).exists()
    assert route_for(legal_office, "temp_work", datetime.date(2027, 1, 1)).is_mos


def test_a_get_of_the_start_link_leads_somewhere_and_starts_nothing(client, legal_office, foreigner):
    """Seen in a user test: GET /legalisation/apply/<type>/ answered a blank 405."""
    client.force_login(foreigner)
    mos = client.get(reverse("legalisation:start", args=["temp_work"]))
    assert mos.status_code == 302 and mos["Location"] == reverse("legalisation:mos-guide", args=["temp_work"])
    here = client.get(reverse("legalisation:start", args=["visa_extension"]))
    assert here.status_code == 302 and here["Location"] == reverse("legalisation:apply")
    assert Application.objects.count() == 0
