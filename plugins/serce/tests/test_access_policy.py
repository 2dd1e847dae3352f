"""The register on the access policy: every URL and API route × every role × in scope / another
centre / another office, through real requests with MFA sessions; sensitive reads audited.

The table below is the expectation (written out, not derived from the policy): which roles reach
each page at all, and whether the page is about one record of a centre (then staff who work in
another centre get 403) or of the office. A record of another office is always 404.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client, RequestFactory
from django.urls import URLPattern
from PIL import Image

from plugins.serce import urls as serce_urls
from plugins.serce.access import assign_to_centre, visible_persons
from plugins.serce.demo import ensure_rules
from plugins.serce.models import (
    Benefit,
    BenefitRule,
    FoodArrangement,
    Household,
    ImportRun,
    MedicalFilter,
    NoticeBatch,
    PaymentList,
    SchoolEnrolment,
)
from plugins.serce.services import payments
from plugins.serce.services.stays import admit
from przystan import access
from przystan.audit.models import AuditEntry

from .factories import make_centre, make_person

pytestmark = pytest.mark.django_db

ROLES = (
    "editor",
    "officer",
    "supervisor",
    "centre_staff",
    "social_worker",
    "medical",
    "finance",
    "office_admin",
    "reviewer",
    "queue_officer",
    "platform_admin",
)
CENTRE_ROLES = {"centre_staff", "social_worker", "medical"}  # work in centre A (per-object grant)

# who reaches what (the expectation)
PERSON_VIEW = {"supervisor", "centre_staff", "social_worker", "medical"}
PERSON_EDIT = {"centre_staff", "social_worker"}
BENEFIT_VIEW = {"supervisor", "social_worker"}
LIST_VIEW = {"supervisor", "social_worker", "finance"}
LIST_EXPORT = {"supervisor", "finance"}
CENTRE_VIEW = {"supervisor", "centre_staff", "social_worker", "medical", "office_admin"}
ADMIN = {"office_admin"}
RULES_VIEW = {"supervisor", "office_admin", "social_worker", "finance"}
RULES_CONFIRM = {"supervisor", "finance"}
IMPORT_VIEW = {"supervisor", "office_admin"}
NOTICE_VIEW = {"supervisor", "centre_staff", "social_worker"}
REPORT = {"supervisor"}


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (30, 40), (20, 120, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


@dataclass
class World:
    office: Any
    a: dict[str, Any] = field(default_factory=dict)  # records of centre A (the users' centre)
    b: dict[str, Any] = field(default_factory=dict)  # records of centre B (same office)
    x: dict[str, Any] = field(default_factory=dict)  # records of another office


def _records(office: Any, centre: Any, name: str, preparer: Any) -> dict[str, Any]:
    person = make_person(office, name, "Kovalenko", phone="+48500100200", email=f"{name}@example.org")
    person.photo.save(f"{name}.png", ContentFile(_png()))
    admit(person, centre, dt.date(2026, 1, 5))
    household = Household.objects.create(office=office, reference=name)
    person.household = household
    person.save()
    benefit = Benefit.objects.create(person=person, kind="pocket_money", date_from=dt.date(2026, 1, 5))
    enrolment = SchoolEnrolment.objects.create(
        person=person, school_year="2026/2027", school_name="SP 1", enrolled_on=dt.date(2026, 9, 1)
    )
    MedicalFilter.objects.create(person=person, examined_on=dt.date(2026, 1, 6), notes=f"TB negative {name}")
    food = FoodArrangement.objects.create(person=person, mode="meals", date_from=dt.date(2026, 1, 5))
    payment_list = payments.generate(office, centre, dt.date(2026, 2, 1), preparer)
    entry = payment_list.entries.first()
    notice = NoticeBatch.objects.create(
        office=office,
        notice_type="serce.school_supplies_available",
        audience={"centre": centre.code},
        created_by=preparer,
    )
    run = ImportRun.objects.create(office=office, created_by=preparer, filename="p.csv", file_format="csv")
    return {
        "person": person,
        "centre": centre,
        "household": household,
        "benefit": benefit,
        "enrolment": enrolment,
        "food": food,
        "stay": person.stays.get(),
        "list": payment_list,
        "entry": entry,
        "notice": notice,
        "run": run,
        "rule": BenefitRule.objects.filter(office=office).first(),
    }


@pytest.fixture
def world(serce_office, other_office, enable_plugin, user_factory, settings, tmp_path) -> World:
    settings.MEDIA_ROOT = str(tmp_path)
    enable_plugin(other_office, "serce")
    ensure_rules(other_office)
    preparer = user_factory(
        "przygotowal@example.gov.pl", kind="staff", roles=("social_worker",), office=serce_office
    )
    foreign = user_factory("obcy@example.gov.pl", kind="staff", roles=("social_worker",), office=other_office)
    world = World(serce_office)
    world.a = _records(serce_office, make_centre(serce_office, "grupa"), "Anna", preparer)
    world.b = _records(serce_office, make_centre(serce_office, "linin"), "Ivan", preparer)
    world.x = _records(other_office, make_centre(other_office, "obcy"), "Olga", foreign)
    return world


def _user(user_factory: Callable[..., Any], world: World, role: str) -> Any:
    user = user_factory(f"{role}@example.gov.pl", kind="staff", roles=(role,), office=world.office)
    if role in CENTRE_ROLES:
        assign_to_centre(user, world.a["centre"])
    return user


@dataclass(frozen=True)
class Case:
    """A URL: how to build it for a set of records, who reaches it, and whether it is one record."""

    build: Callable[[dict[str, Any]], str]
    roles: frozenset[str]
    record: bool = True  # about one record of a centre (another centre: 403 for centre staff)
    centre_scoped: bool = True  # the record's centre decides for centre-scoped roles
    method: str = "get"
    ok: int = 200
    guard: frozenset[str] = frozenset()  # roles passing the page's coarse check (default: ``roles``)


def case(
    build: Callable[[dict[str, Any]], str], roles: set[str], guard: set[str] = frozenset(), **kw: Any
) -> Case:
    return Case(build, frozenset(roles), guard=frozenset(guard or roles), **kw)


P = "/staff/serce"
URL_CASES: dict[str, Case] = {
    "person-list": case(lambda r: f"{P}/", PERSON_VIEW, record=False),
    "person-create": case(lambda r: f"{P}/persons/new/", PERSON_EDIT, record=False),
    "person-detail": case(lambda r: f"{P}/persons/{r['person'].pk}/", PERSON_VIEW),
    "person-edit": case(lambda r: f"{P}/persons/{r['person'].pk}/edit/", PERSON_EDIT),
    "medical": case(lambda r: f"{P}/persons/{r['person'].pk}/medical/", {"medical"}),
    "area-add": case(
        lambda r: f"{P}/persons/{r['person'].pk}/education/schoolenrolment/new/",
        {"centre_staff", "social_worker"},
        guard=PERSON_VIEW,
    ),
    "area-edit": case(
        lambda r: f"{P}/persons/{r['person'].pk}/benefits/benefit/{r['benefit'].pk}/",
        {"social_worker"},
        guard=PERSON_VIEW,
    ),
    "person-photo": case(lambda r: f"{P}/persons/{r['person'].pk}/photo/", PERSON_VIEW),
    "person-card": case(lambda r: f"{P}/persons/{r['person'].pk}/card.pdf", PERSON_VIEW),
    "person-certificate": case(lambda r: f"{P}/persons/{r['person'].pk}/certificate.pdf", PERSON_VIEW),
    "benefit-decision": case(
        lambda r: f"{P}/persons/{r['person'].pk}/decision/{r['benefit'].pk}.pdf", BENEFIT_VIEW
    ),
    "household-new": case(lambda r: f"{P}/persons/{r['person'].pk}/household/new/", PERSON_EDIT),
    "household": case(lambda r: f"{P}/households/{r['household'].pk}/", PERSON_VIEW, centre_scoped=True),
    "centre-list": case(lambda r: f"{P}/centres/", CENTRE_VIEW, record=False),
    "centre-create": case(lambda r: f"{P}/centres/new/", ADMIN, record=False),
    "centre-edit": case(lambda r: f"{P}/centres/{r['centre'].pk}/edit/", ADMIN),
    "centre-staff": case(lambda r: f"{P}/centres/{r['centre'].pk}/staff/", ADMIN),
    "rule-list": case(lambda r: f"{P}/benefit-rules/", RULES_VIEW, record=False),
    "rule-create": case(lambda r: f"{P}/benefit-rules/new/", ADMIN, record=False),
    "rule-edit": case(lambda r: f"{P}/benefit-rules/{r['rule'].pk}/", ADMIN, centre_scoped=False),
    "rule-confirm": case(
        lambda r: f"{P}/benefit-rules/{r['rule'].pk}/confirm/",
        RULES_CONFIRM,
        centre_scoped=False,
        method="post",
        ok=302,
    ),
    "import": case(lambda r: f"{P}/import/", ADMIN, record=False),
    "import-run": case(lambda r: f"{P}/import/{r['run'].pk}/", IMPORT_VIEW, centre_scoped=False),
    "payment-lists": case(lambda r: f"{P}/payments/", LIST_VIEW, record=False),
    "payment-list": case(lambda r: f"{P}/payments/{r['list'].pk}/", LIST_VIEW),
    "payment-adjust": case(
        lambda r: f"{P}/payments/{r['list'].pk}/adjust/", {"social_worker"}, method="post", ok=302
    ),
    "adjustment-approve": case(
        lambda r: f"{P}/payments/{r['list'].pk}/adjustments/{r['entry'].pk}/approve/",
        {"supervisor"},
        method="post",
        ok=302,
    ),
    "payment-pdf": case(lambda r: f"{P}/payments/{r['list'].pk}/list.pdf", LIST_EXPORT),
    "payment-csv": case(lambda r: f"{P}/payments/{r['list'].pk}/list.csv", LIST_EXPORT),
    "payment-action": case(lambda r: f"{P}/payments/{r['list'].pk}/noop/", LIST_VIEW, method="post", ok=302),
    "notices": case(lambda r: f"{P}/notices/", NOTICE_VIEW, record=False),
    "notice-batch": case(lambda r: f"{P}/notices/{r['notice'].pk}/", NOTICE_VIEW),
    "statistics": case(lambda r: f"{P}/reports/", REPORT, record=False),
    "statistics-csv": case(lambda r: f"{P}/reports/centres.csv", REPORT, record=False),
}

API = "/api/serce"
API_CASES: dict[str, Case] = {
    "serce-persons list": case(lambda r: f"{API}/persons/", PERSON_VIEW, record=False),
    "serce-persons retrieve": case(lambda r: f"{API}/persons/{r['person'].pk}/", PERSON_VIEW),
    "serce-persons update": case(lambda r: f"{API}/persons/{r['person'].pk}/", PERSON_EDIT, method="patch"),
    "serce-imports list": case(lambda r: f"{API}/imports/", IMPORT_VIEW, record=False),
    "serce-imports retrieve": case(
        lambda r: f"{API}/imports/{r['run'].pk}/", IMPORT_VIEW, centre_scoped=False
    ),
    "serce-imports create": case(lambda r: f"{API}/imports/", ADMIN, record=False, method="post", ok=400),
}


def _url_names() -> set[str]:
    return {p.name for p in serce_urls.urlpatterns if isinstance(p, URLPattern)}


def test_the_table_covers_every_url_and_api_route():
    from plugins.serce.hooks import api_routes

    assert set(URL_CASES) == _url_names(), "a URL of the register without an entry in the access table"
    for pattern in serce_urls.urlpatterns:
        assert access.access_entry(pattern.callback) is not None, pattern.name
    routes = {route.name for route in api_routes()}
    assert {name.split()[0] for name in API_CASES} == routes
    for route in api_routes():
        assert getattr(route.viewset, "access_resource", ""), route.name


def _expected(role: str, entry: Case, target: str) -> int:
    if role not in entry.guard:
        return 403  # the role holds nothing there: refused before any record is looked up
    if target == "x":
        return 404  # another office's record is not revealed
    if role not in entry.roles:
        return 403
    if target == "b" and role in CENTRE_ROLES and entry.centre_scoped:
        return 403
    return entry.ok


def _call(client: Client, entry: Case, path: str) -> int:
    if entry.method == "get":
        return client.get(path).status_code
    if entry.method == "patch":
        return client.patch(path, data='{"notes": "x"}', content_type="application/json").status_code
    return client.post(path, {}).status_code


@pytest.mark.parametrize("role", ROLES)
def test_every_url_and_route_for_every_role(client, staff_login, user_factory, world, role):
    user = _user(user_factory, world, role)
    staff_login(client, user)
    failures = []
    for name, entry in {**URL_CASES, **API_CASES}.items():
        targets = ("a", "b", "x") if entry.record else ("a",)
        for target in targets:
            path = entry.build(getattr(world, target))
            got, want = _call(client, entry, path), _expected(role, entry, target)
            if got != want:
                failures.append(f"{name} [{target}] {path}: {got}, expected {want}")
    assert not failures, "\n".join(failures)


def test_anonymous_and_public_accounts_are_refused(client, staff_login, user_factory, world):
    detail = URL_CASES["person-detail"].build(world.a)
    assert client.get(detail).status_code == 302
    assert client.get(f"{API}/persons/").status_code in (401, 403)
    staff_login(client, user_factory("f@example.com"))
    assert client.get(detail).status_code == 403
    assert client.get(f"{API}/persons/").status_code == 403


# ----------------------------------------------------------------------------- the bugs


@pytest.mark.parametrize("role", ["officer", "editor"])
def test_case_officer_and_editor_hold_nothing_in_the_register(client, staff_login, user_factory, world, role):
    """Bug 1: the legalisation case officer read every resident's record (diet and health notes
    included) and the register API listed everyone with phone and e-mail."""
    user = _user(user_factory, world, role)
    staff_login(client, user)
    anna = world.a["person"]
    for path in (
        f"{P}/",
        f"{P}/persons/{anna.pk}/",
        f"{P}/persons/{anna.pk}/edit/",
        f"{P}/persons/{anna.pk}/medical/",
        f"{API}/persons/",
        f"{API}/persons/{anna.pk}/",
    ):
        response = client.get(path)
        assert response.status_code == 403, path
        assert b"+48500100200" not in response.content and b"TB negative" not in response.content
    assert not visible_persons(user, world.office).exists()


@pytest.mark.parametrize("role", ["officer", "editor", "finance", "office_admin"])
def test_no_register_menu_without_personal_data_access(world, user_factory, role):
    """Bug 4: the register's menu showed to editors (and officers)."""
    from przystan.web.views import visible_contributions

    request = RequestFactory().get("/staff/")
    request.user = _user(user_factory, world, role)
    request.office = world.office
    names = {item.name for item in visible_contributions(request, "admin_menu_items")}
    assert "serce" not in names
    if role == "finance":
        assert "serce-payments" in names
    if role == "office_admin":
        assert "serce-centres" in names


@pytest.mark.parametrize("role", ["centre_staff", "social_worker", "medical", "supervisor"])
def test_register_menu_for_those_who_work_with_persons(world, user_factory, role):
    from przystan.web.views import visible_contributions

    request = RequestFactory().get("/staff/")
    request.user = _user(user_factory, world, role)
    request.office = world.office
    assert "serce" in {item.name for item in visible_contributions(request, "admin_menu_items")}


@pytest.mark.parametrize("role", ["medical", "social_worker", "centre_staff"])
def test_centre_roles_see_only_their_centres_persons(client, staff_login, user_factory, world, role):
    """Bug 2: medical and social workers saw every centre's persons."""
    user = _user(user_factory, world, role)
    anna, ivan = world.a["person"], world.b["person"]
    assert list(visible_persons(user, world.office)) == [anna]
    staff_login(client, user)
    listing = client.get(f"{P}/", {"q": "Kovalenko"}).content.decode()
    assert f"/persons/{anna.pk}/" in listing and f"/persons/{ivan.pk}/" not in listing
    api = client.get(f"{API}/persons/").json()
    rows = api["results"] if isinstance(api, dict) else api
    assert [r["id"] for r in rows] == [anna.pk]
    assert client.get(f"{P}/persons/{ivan.pk}/").status_code == 403
    assert AuditEntry.objects.filter(action="denied", actor=user, object_id=str(ivan.pk)).exists()
    # once Ivan moves into the user's centre, the user sees him
    admit(ivan, world.a["centre"], dt.date(2026, 3, 1))
    assert client.get(f"{P}/persons/{ivan.pk}/").status_code == 200


def test_contact_details_only_to_those_who_may_read_them(client, staff_login, user_factory, world):
    anna = world.a["person"]
    doctor = _user(user_factory, world, "medical")
    staff_login(client, doctor)
    row = client.get(f"{API}/persons/{anna.pk}/").json()
    assert "phone" not in row and "email" not in row
    assert "+48500100200" not in client.get(f"{P}/persons/{anna.pk}/").content.decode()
    client.logout()
    worker = _user(user_factory, world, "social_worker")
    staff_login(client, worker)
    assert client.get(f"{API}/persons/{anna.pk}/").json()["phone"] == "+48500100200"


def test_social_worker_records_education_and_grants_benefits(client, staff_login, user_factory, world):
    anna = world.a["person"]
    worker = _user(user_factory, world, "social_worker")
    staff_login(client, worker)
    page = client.get(f"{P}/persons/{anna.pk}/").content.decode()
    url = f"{P}/persons/{anna.pk}/education/schoolenrolment/new/"
    assert f'href="{url}"' in page  # reached from the resident's page
    data = {"school_year": "2027/2028", "school_name": "SP 2", "enrolled_on": "2027-09-01"}
    assert client.post(url, data).status_code == 302
    assert SchoolEnrolment.objects.filter(person=anna, school_name="SP 2").exists()
    assert "SP 2 (2027/2028)" in client.get(f"{P}/persons/{anna.pk}/").content.decode()
    other = world.b["person"]  # a resident of another centre
    assert client.post(f"{P}/persons/{other.pk}/education/schoolenrolment/new/", data).status_code == 403
    response = client.post(
        f"{P}/persons/{anna.pk}/benefits/benefit/new/",
        {"kind": "hygiene", "date_from": "2026-01-05", "payment_day": 15},
    )
    assert response.status_code == 302 and anna.benefits.filter(kind="hygiene").exists()


def test_centre_staff_register_a_new_resident_of_their_centre(client, staff_login, user_factory, world):
    worker = _user(user_factory, world, "centre_staff")
    staff_login(client, worker)
    form = client.get(f"{P}/persons/new/").content.decode()
    assert world.a["centre"].name in form and world.b["centre"].name not in form
    data = {
        "first_name": "Nadia",
        "last_name": "Bondar",
        "sex": "F",
        "language": "uk",
        "status": "active",
        "centre": world.a["centre"].pk,
    }
    response = client.post(f"{P}/persons/new/", data)
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200  # the new resident is in scope
    refused = client.post(f"{P}/persons/new/", {**data, "last_name": "Inna", "centre": world.b["centre"].pk})
    assert refused.status_code == 200 and "errorlist" in refused.content.decode()


# ----------------------------------------------------------------------------- sensitive reads audited


def _reads(user: Any, obj: Any) -> Any:
    return AuditEntry.objects.filter(actor=user, object_id=str(obj.pk), action__in=("read", "export"))


@pytest.mark.parametrize(
    "path",
    [
        lambda r: f"{P}/persons/{r['person'].pk}/",
        lambda r: f"{P}/persons/{r['person'].pk}/card.pdf",
        lambda r: f"{P}/persons/{r['person'].pk}/certificate.pdf",
        lambda r: f"{P}/persons/{r['person'].pk}/photo/",
        lambda r: f"{API}/persons/{r['person'].pk}/",
        lambda r: f"{API}/persons/",
        lambda r: f"{API}/persons/?q=Anna",
    ],
    ids=["page", "card-pdf", "certificate-pdf", "photo", "api-detail", "api-list", "api-search"],
)
def test_every_read_of_a_person_is_audited(client, staff_login, user_factory, world, path):
    worker = _user(user_factory, world, "centre_staff")
    staff_login(client, worker)
    anna = world.a["person"]
    assert client.get(path(world.a)).status_code == 200
    assert _reads(worker, anna).exists()
    assert not _reads(worker, world.b["person"]).exists()


def test_medical_reads_are_audited_and_refused_to_others(client, staff_login, user_factory, world):
    anna = world.a["person"]
    for role in ("social_worker", "centre_staff", "supervisor"):
        user = _user(user_factory, world, role)
        staff_login(client, user)
        response = client.get(f"{P}/persons/{anna.pk}/medical/")
        assert response.status_code == 403 and "TB negative" not in response.content.decode()
        assert "TB negative" not in client.get(f"{P}/persons/{anna.pk}/").content.decode()
        client.logout()
    doctor = _user(user_factory, world, "medical")
    staff_login(client, doctor)
    page = client.get(f"{P}/persons/{anna.pk}/medical/")
    assert page.status_code == 200 and "TB negative Anna" in page.content.decode()
    reads = AuditEntry.objects.filter(action="read", actor=doctor, content_type__model="medicalfilter")
    assert reads.count() == 1
    assert client.get(f"{P}/persons/{world.b['person'].pk}/medical/").status_code == 403


# ----------------------------------------------------------------------------- four eyes


def test_payment_list_four_eyes_holds_when_another_person_submits(client, staff_login, user_factory, world):
    """The preparer may not approve even when someone else submitted the list."""
    payment_list: PaymentList = world.a["list"]
    both = user_factory(
        "oba@example.gov.pl", kind="staff", roles=("supervisor", "social_worker"), office=world.office
    )
    assign_to_centre(both, world.a["centre"])
    fresh = payments.generate(world.office, world.a["centre"], dt.date(2026, 3, 1), both)
    other = _user(user_factory, world, "social_worker")
    payments.submit(fresh, other)
    staff_login(client, both)
    response = client.post(f"{P}/payments/{fresh.pk}/approve/", follow=True)
    assert response.status_code == 200
    fresh.refresh_from_db()
    assert fresh.status == PaymentList.Status.SUBMITTED and fresh.approved_by is None
    text = response.content.decode()
    assert "inna osoba niż ta, która ją przygotowała" in text or "someone other than" in text
    assert AuditEntry.objects.filter(action="denied", actor=both, object_id=str(fresh.pk)).exists()
    client.logout()
    supervisor = _user(user_factory, world, "supervisor")
    staff_login(client, supervisor)
    client.post(f"{P}/payments/{fresh.pk}/approve/")
    fresh.refresh_from_db()
    assert fresh.status == PaymentList.Status.APPROVED and fresh.approved_by == supervisor
    update = AuditEntry.objects.for_object(fresh).filter(action="update", actor=supervisor).latest("pk")
    assert "approved_by" in update.changes
    assert payment_list.pk != fresh.pk


# ----------------------------------------------------------------------------- rendered text


def test_amounts_in_zloty_and_names_not_codes_on_staff_screens(client, staff_login, user_factory, world):
    """Bug 7: grosze and internal codes on staff screens."""
    anna = world.a["person"]
    benefit = world.a["benefit"]
    benefit.amount_grosze = 123456
    benefit.save()
    supervisor = _user(user_factory, world, "supervisor")
    staff_login(client, supervisor)
    detail = client.get(f"{P}/persons/{anna.pk}/").content.decode()
    assert "1\u00a0234,56\u00a0zł" in detail and "123456" not in detail
    assert "Ukraina" in detail and ">UA<" not in detail
    listing = client.get(f"{P}/", {"q": "Kovalenko"}).content.decode()
    assert "<td>Ukraina</td>" in listing and "<td>UA</td>" not in listing
    payment_list = world.a["list"]
    page = client.get(f"{P}/payments/{payment_list.pk}/").content.decode()
    totals = payments.totals(payment_list)
    assert payments.zl(totals["total"]).replace(" ", "\u00a0") in page
    assert "kieszonkowe" in page.lower() and "<td>pocket_money</td>" not in page
    assert "(grosze)" not in page and "(zł)" not in page
    rules = client.get(f"{P}/benefit-rules/").content.decode()
    assert "50,00\u00a0zł" in rules and "<td>5000</td>" not in rules
    batch = client.get(f"{P}/notices/{world.a['notice'].pk}/").content.decode()
    assert "serce.school_supplies_available" not in batch
