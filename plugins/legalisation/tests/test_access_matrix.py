"""Nobody reads another person's case, application, attachment or message by guessing ids (HTML and
API); officers of office A never see office B's cases; denials are audited."""

import pytest
from django.urls import reverse
from django.utils import translation

from plugins.legalisation.models import Attachment, CaseSource
from plugins.legalisation.services import open_case, post_message
from przystan.audit.models import AuditEntry
from przystan.testing.factories import make_user

from .conftest import make_application, submitted_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(legal_office, other_legal_office, foreigner, other_foreigner):
    case, _pin = submitted_case(legal_office, foreigner)
    message = post_message(case, foreigner, "prywatne", from_office=False)
    draft = make_application(legal_office, foreigner)
    attachment = Attachment.objects.filter(case=case).first()
    other_case, _ = submitted_case(other_legal_office, other_foreigner)
    return {
        "case": case,
        "message": message,
        "draft": draft,
        "attachment": attachment,
        "other_case": other_case,
    }


def test_foreigner_cannot_read_someone_elses_records(client, world, other_foreigner):
    client.force_login(other_foreigner)
    case, draft, attachment = world["case"], world["draft"], world["attachment"]
    urls = [
        reverse("legalisation:case", args=[case.number]),
        reverse("legalisation:step", args=[draft.public_id, 0]),
        reverse("legalisation:pdf", args=[case.application.public_id]),
        reverse("legalisation:attachment", args=[attachment.public_id]),
        reverse("legalisation:submitted", args=[case.application.public_id]),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    assert (
        client.post(reverse("legalisation:validate", args=[draft.public_id]), {"surname": "X"}).status_code
        == 404
    )
    assert client.get(f"/api/legalisation/cases/{case.number}/").status_code == 404
    assert client.get(f"/api/legalisation/cases/{case.number}/messages/").status_code == 404
    listed = client.get("/api/legalisation/cases/").json()
    assert case.number not in str(listed)
    assert AuditEntry.objects.for_object(case).filter(action="denied").exists()
    draft.refresh_from_db()
    assert draft.data["surname"] != "X"


def test_owner_reads_own_records(client, world, foreigner):
    client.force_login(foreigner)
    case = world["case"]
    assert client.get(reverse("legalisation:case", args=[case.number])).status_code == 200
    assert (
        client.get(reverse("legalisation:attachment", args=[world["attachment"].public_id])).status_code
        == 200
    )
    api = client.get(f"/api/legalisation/cases/{case.number}/")
    assert api.status_code == 200 and api.json()["stage"] == "filed"
    assert client.get(f"/api/legalisation/cases/{case.number}/messages/").json()[0]["body"] == "prywatne"
    assert AuditEntry.objects.for_object(case).filter(action="read").exists()


def test_anonymous_gets_nothing(client, world):
    case = world["case"]
    assert client.get(reverse("legalisation:case", args=[case.number])).status_code == 302
    assert client.get(f"/api/legalisation/cases/{case.number}/").status_code in (401, 403)


def test_officers_of_office_a_do_not_see_office_b(
    client, staff_login, world, legal_office, other_legal_office
):
    officer_b = make_user(
        "b@drugi.example.gov.pl", kind="staff", roles=("supervisor",), office=other_legal_office
    )
    staff_login(client, officer_b)
    case = world["case"]
    host = {"HTTP_HOST": "drugi.testserver"}
    assert client.get(reverse("legalisation-staff:case", args=[case.number]), **host).status_code == 404
    assert (
        client.get(reverse("legalisation-staff:case", args=[world["other_case"].number]), **host).status_code
        == 200
    )
    listing = client.get(reverse("legalisation-staff:list"), **host).content.decode()
    assert world["other_case"].number in listing and case.number not in listing
    # an office-B officer on office A's host sees nothing either
    assert client.get(reverse("legalisation-staff:case", args=[case.number])).status_code == 404
    assert case.number not in client.get(reverse("legalisation-staff:list")).content.decode()
    api = client.get("/api/legalisation/officer/cases/", **host).json()
    assert world["other_case"].number in str(api) and case.number not in str(api)
    assert client.get(f"/api/legalisation/officer/cases/{case.number}/", **host).status_code == 404


def test_officer_sees_only_own_team_supervisor_all(
    client, staff_login, legal_office, world, officer, supervisor
):
    from plugins.legalisation.models import Team

    team = Team.objects.create(office=legal_office, name="Zespół II")
    case = world["case"]
    case.team = team
    case.save()
    staff_login(client, officer)
    # in the office but outside the officer's teams: 403 (another office's case would be 404)
    assert client.get(reverse("legalisation-staff:case", args=[case.number])).status_code == 403
    team.members.add(officer)
    assert client.get(reverse("legalisation-staff:case", args=[case.number])).status_code == 200
    client.logout()
    staff_login(client, supervisor)
    assert client.get(reverse("legalisation-staff:case", args=[case.number])).status_code == 200


def test_foreigner_cannot_use_staff_portal(client, world, foreigner):
    client.force_login(foreigner)
    assert client.get(reverse("legalisation-staff:list")).status_code == 403
    assert client.get(reverse("legalisation-staff:case", args=[world["case"].number])).status_code == 403


def test_employer_sees_employee_case_but_not_messages(client, legal_office):

    from .conftest import attach_required, make_application

    employer = make_user("kadry@firma.example.com", kind="employer", organisation_tax_id="5260001246")
    worker = make_user("worker@example.com")
    application = make_application(
        legal_office,
        worker,
        "temp_work",
        employer_name="Firma",
        employer_nip="526-000-12-46",
        position="Spawacz",
        monthly_salary="6500",
    )
    attach_required(application)
    case = open_case(application, source=CaseSource.MOS).case  # filed in MOS, opened here
    post_message(case, worker, "tajne", from_office=False)
    assert case.employer == employer and case.employer_annex_required
    client.force_login(employer)
    page = client.get(reverse("legalisation:case", args=[case.number])).content.decode()
    assert case.number in page and "tajne" not in page
    # the employer sees the case but may not read the person's messages
    assert client.get(f"/api/legalisation/cases/{case.number}/messages/").status_code == 403
    from .conftest import upload

    client.post(reverse("legalisation:annex", args=[case.number]), {"file": upload()})
    assert case.attachments.filter(kind="employer_annex").count() == 1
    other = make_application(legal_office, worker)
    assert (
        client.get(
            reverse(
                "legalisation:attachment",
                args=[case.attachments.exclude(kind="employer_annex").first().public_id],
            )
        ).status_code
        == 404
    )
    assert client.get(reverse("legalisation:step", args=[other.public_id, 0])).status_code == 404


def test_statistics_and_deadline_rules_are_office_bound(
    client, staff_login, world, officer, other_legal_office
):
    """Statistics: officers without the grant 403, another office's supervisor 404 here and sees only
    their own office's cases there; the deadline rules admin is closed to officers."""
    url = reverse("legalisation-staff:statistics")
    staff_login(client, officer)
    assert client.get(url).status_code == 403
    assert client.get(url, {"format": "csv"}).status_code == 403
    assert AuditEntry.objects.filter(action="denied", actor=officer).exists()
    client.logout()
    boss_b = make_user(
        "b2@drugi.example.gov.pl", kind="staff", roles=("supervisor",), office=other_legal_office
    )
    staff_login(client, boss_b)
    assert client.get(url).status_code == 404
    host = {"HTTP_HOST": "drugi.testserver"}
    body = client.get(url, {"format": "csv"}, **host).content.decode("utf-8-sig")
    with translation.override("en"):
        assert client.get(url, **host).status_code == 200
    assert world["case"].application_type  # office A's case counted only in office A
    from plugins.legalisation.case_statistics import compute

    assert compute(other_legal_office).total == 1 and compute(world["case"].office).total == 1
    assert body.count("\n") > 5
