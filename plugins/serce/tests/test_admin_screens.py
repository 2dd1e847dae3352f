"""Staff screens: centres (edit, assign staff — the per-centre access), benefit rules and households."""

import datetime as dt

import pytest
from django.urls import reverse

from plugins.serce.access import visible_persons
from plugins.serce.models import BenefitRule, Centre, Household
from plugins.serce.services.stays import admit
from przystan.audit.models import AuditEntry

from .factories import make_person

pytestmark = pytest.mark.django_db

CENTRE = {
    "code": "bp",
    "name": "Ośrodek Biała Podlaska",
    "kind": "reception",
    "street": "ul. Dokudowska 19",
    "postal_code": "21-500",
    "city": "Biała Podlaska",
    "capacity": 200,
    "active": "on",
}


def test_admin_adds_and_edits_a_centre_audited(client, staff, staff_login, serce_office):
    admin = staff("admin@example.gov.pl", "office_admin")
    staff_login(client, admin)
    assert client.post(reverse("serce:centre-create"), CENTRE).status_code == 302
    centre = Centre.objects.get(office=serce_office, code="bp")
    response = client.post(reverse("serce:centre-edit", args=[centre.pk]), {**CENTRE, "capacity": 180})
    assert response.status_code == 302
    centre.refresh_from_db()
    assert centre.capacity == 180
    entry = AuditEntry.objects.for_object(centre).filter(action="update", actor=admin).get()
    assert entry.changes["capacity"] == [200, 180]
    # a duplicate code in the office is refused
    response = client.post(reverse("serce:centre-create"), CENTRE)
    assert response.status_code == 200 and Centre.objects.filter(code="bp").count() == 1


def test_centre_staff_cannot_manage_centres_and_denial_is_logged(client, staff, staff_login, centres):
    grupa, _linin = centres
    worker = staff("grupa@example.gov.pl", "centre_staff")
    staff_login(client, worker)
    assert client.post(reverse("serce:centre-edit", args=[grupa.pk]), CENTRE).status_code == 403
    assert client.post(reverse("serce:centre-staff", args=[grupa.pk]), {"user": worker.pk}).status_code == 403
    assert AuditEntry.objects.filter(action="denied", actor=worker, reason="serce.centre:manage").count() == 2
    page = client.get(reverse("serce:centre-list")).content.decode()
    assert reverse("serce:centre-staff", args=[grupa.pk]) not in page


def test_assigning_staff_gives_access_to_the_centre_residents(
    client, staff, staff_login, serce_office, centres
):
    grupa, linin = centres
    anna = make_person(serce_office, "Anna", "Kovalenko")
    admit(anna, grupa, dt.date(2026, 1, 5))
    worker = staff("grupa@example.gov.pl", "centre_staff")
    admin = staff("admin@example.gov.pl", "office_admin")
    assert list(visible_persons(worker, serce_office)) == []
    staff_login(client, admin)
    url = reverse("serce:centre-staff", args=[grupa.pk])
    assert worker.email in client.get(url).content.decode()
    assert client.post(url, {"user": worker.pk, "action": "assign"}).status_code == 302
    assert list(visible_persons(worker, serce_office)) == [anna]
    entry = AuditEntry.objects.for_object(grupa).filter(action="update", actor=admin).latest("pk")
    assert entry.changes["work_in_centre"] == [[], [worker.email]]
    client.post(url, {"user": worker.pk, "action": "remove"})
    assert list(visible_persons(worker, serce_office)) == []
    entry = AuditEntry.objects.for_object(grupa).filter(action="update", actor=admin).latest("pk")
    assert entry.changes["work_in_centre"] == [[worker.email], []]


def test_benefit_rules_managed_by_admin_and_audited(client, staff, staff_login, serce_office):
    admin = staff("admin@example.gov.pl", "office_admin")
    worker = staff("sw@example.gov.pl", "centre_staff")
    staff_login(client, worker)
    assert client.get(reverse("serce:rule-list")).status_code == 403
    client.logout()
    staff_login(client, admin)
    assert client.get(reverse("serce:rule-list")).status_code == 200
    data = {
        "kind": "pocket_money",
        "unit": "month",
        "amount_grosze": "60,00",  # typed in złoty
        "family_size_min": 1,
        "valid_from": "2027-01-01",
        "legal_basis": "Rozporządzenie 2027",
    }
    # the default rule valid until further notice overlaps: refused until it is ended
    assert client.post(reverse("serce:rule-create"), data).status_code == 200
    BenefitRule.objects.filter(office=serce_office, kind="pocket_money", valid_until=None).update(
        valid_until=dt.date(2026, 12, 31)
    )
    assert client.post(reverse("serce:rule-create"), data).status_code == 302
    rule = BenefitRule.objects.get(office=serce_office, valid_from=dt.date(2027, 1, 1))
    response = client.post(reverse("serce:rule-edit", args=[rule.pk]), {**data, "amount_grosze": "65.00"})
    assert response.status_code == 302
    entry = AuditEntry.objects.for_object(rule).filter(action="update", actor=admin).get()
    assert entry.changes["amount_grosze"] == [6000, 6500]  # kept in grosze
    form = client.get(reverse("serce:rule-edit", args=[rule.pk])).content.decode()
    assert 'value="65,00"' in form and "(grosze)" not in form
    bad = {**data, "family_size_min": 3, "family_size_max": 2}
    assert client.post(reverse("serce:rule-create"), bad).status_code == 200


def test_household_created_and_members_linked(client, staff, staff_login, serce_office, centres):
    from plugins.serce.access import assign_to_centre

    officer = staff("officer@example.gov.pl", "social_worker")
    assign_to_centre(officer, centres[0])
    ivan = make_person(serce_office, "Ivan", "Petrenko", sex="M")
    oksana = make_person(serce_office, "Oksana", "Petrenko")
    admit(ivan, centres[0], dt.date(2026, 1, 5))
    admit(oksana, centres[0], dt.date(2026, 1, 5))
    staff_login(client, officer)
    response = client.post(reverse("serce:household-new", args=[ivan.pk]), {"reference": "Petrenko"})
    household = Household.objects.get(office=serce_office)
    assert response.status_code == 302 and response.url == reverse("serce:household", args=[household.pk])
    url = reverse("serce:household", args=[household.pk])
    client.post(url, {"register_number": oksana.register_number.lower(), "role": "spouse"})
    oksana.refresh_from_db()
    ivan.refresh_from_db()
    assert oksana.household == household and oksana.household_role == "spouse"
    assert ivan.household == household and ivan.household_role == "head"
    entry = AuditEntry.objects.for_object(oksana).filter(action="update", actor=officer).latest("pk")
    assert entry.changes["household"][1] is not None
    page = client.get(reverse("serce:person-detail", args=[ivan.pk])).content.decode()
    assert "Oksana" in page
    for bad in ("abc", "", "1e3"):  # a tampered choice is refused in words, not a server error
        response = client.post(url, {"remove": bad}, follow=True)
        assert response.status_code == 200
        assert [m.level_tag for m in response.context["messages"]] == ["error"]
    oksana.refresh_from_db()
    assert oksana.household == household
    client.post(url, {"remove": oksana.pk})
    oksana.refresh_from_db()
    assert oksana.household is None


def test_household_of_other_centre_hidden_from_centre_staff(
    client, staff, staff_login, serce_office, centres
):
    grupa, linin = centres
    from plugins.serce.access import assign_to_centre

    family = Household.objects.create(office=serce_office, reference="F")
    ivan = make_person(serce_office, "Ivan", "Petrenko", household=family)
    admit(ivan, linin, dt.date(2026, 1, 5))
    worker = staff("grupa@example.gov.pl", "centre_staff")
    assign_to_centre(worker, grupa)
    staff_login(client, worker)
    assert client.get(reverse("serce:household", args=[family.pk])).status_code == 403
    assert AuditEntry.objects.for_object(family).filter(action="denied", actor=worker).exists()


def test_demo_assigns_centre_roles_to_a_centre_so_their_day_works(serce_office, user_factory):
    """Bug 2 (demo side): the demo social worker and medical staff worked in no centre."""
    import io

    from plugins.serce.access import work_centres
    from plugins.serce.demo import load_demo
    from przystan.demo.loader import DEMO_STAFF

    users = {
        role: user_factory(DEMO_STAFF[role][0], kind="staff", roles=(role,), office=serce_office)
        for role in ("centre_staff", "social_worker", "medical", "supervisor")
    }
    load_demo(serce_office, io.StringIO())
    everyone = visible_persons(users["supervisor"], serce_office).count()
    for role in ("centre_staff", "social_worker", "medical"):
        assert [c.code for c in work_centres(users[role])] == ["linin"], role
        assert 0 < visible_persons(users[role], serce_office).count() < everyone, role
    assert not work_centres(users["supervisor"]).exists()
