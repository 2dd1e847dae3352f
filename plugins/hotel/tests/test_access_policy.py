"""The hotel base on the access policy: every URL × every role × in scope / another centre / another
office, through real requests with MFA sessions; sensitive reads audited; four eyes on transfers.

The table is the expectation, written out: which roles reach each page, whether it is about a record
of one centre (staff working in another centre get 403); another office's record is always 404.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import pytest
from django.test import RequestFactory
from django.urls import URLPattern

from plugins.hotel import urls as hotel_urls
from plugins.hotel.access import grant_centre
from plugins.hotel.admission import admit
from plugins.hotel.cards import issue_card
from plugins.hotel.models import AccommodationNeeds, Bed, Transfer
from plugins.hotel.transfers import request_transfer
from plugins.serce.models import MedicalFilter
from przystan import access
from przystan.audit.models import AuditEntry

from .conftest import add_room, make_centre, make_person

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
CENTRE_ROLES = {"centre_staff", "medical"}  # work in centre A (per-object hotel.work_in_centre)

CENTRE_VIEW = {"centre_staff", "medical", "supervisor", "office_admin"}
RESIDENT_VIEW = {"centre_staff", "medical", "supervisor"}
WORK = {"centre_staff", "supervisor"}  # admit, scan, cards, rooms, request transfers
MANAGE = {"office_admin"}
APPROVE = {"supervisor"}


@dataclass
class World:
    office: Any
    a: dict[str, Any] = field(default_factory=dict)
    b: dict[str, Any] = field(default_factory=dict)
    x: dict[str, Any] = field(default_factory=dict)


def _records(office: Any, code: str, name: str, to: Any = None) -> dict[str, Any]:
    centre = make_centre(office, code, name=f"Ośrodek {name}")
    add_room(centre, "1", 4)
    target = to or make_centre(office, f"{code}-cel", name=f"Ośrodek docelowy {name}")
    if to is None:
        add_room(target, "1", 2)
    persons = [make_person(office, f"{name}{i}", "Kovalenko") for i in range(3)]
    beds = list(Bed.objects.filter(centre=centre).order_by("label"))
    placements = admit(centre=centre, assignments=list(zip(persons, beds, strict=False)), user=None)
    for person in persons:
        issue_card(person, centre, None)
    AccommodationNeeds.objects.create(person=persons[0], notes=f"kolano po operacji {name}")
    MedicalFilter.objects.create(person=persons[0], examined_on="2026-01-02", notes=f"TB negative {name}")
    transfer = request_transfer(
        person=persons[0], from_centre=centre, to_centre=target, reason="x", user=None
    )
    to_approve = request_transfer(
        person=persons[1], from_centre=centre, to_centre=target, reason="y", user=None
    )
    return {
        "centre": centre,
        "person": persons[0],
        "placement": placements[0],
        "bed": beds[3],
        "transfer": transfer,
        "to_approve": to_approve,
        "leaver": persons[2],
    }


@pytest.fixture
def world(hotel_office, other_office, enable_plugin) -> World:
    enable_plugin(other_office, "serce")
    enable_plugin(other_office, "hotel")
    world = World(hotel_office)
    world.a = _records(hotel_office, "alfa", "Alfa")
    world.b = _records(hotel_office, "beta", "Beta", to=world.a["centre"])  # B → A, requested
    world.x = _records(other_office, "obcy", "Obcy")
    return world


def _user(user_factory: Callable[..., Any], world: World, role: str) -> Any:
    user = user_factory(f"{role}@example.gov.pl", kind="staff", roles=(role,), office=world.office)
    if role in CENTRE_ROLES:
        grant_centre(user, world.a["centre"])
    return user


@dataclass(frozen=True)
class Case:
    build: Callable[[dict[str, Any]], str]
    roles: frozenset[str]
    record: bool = True
    method: str = "get"
    ok: int = 200
    guard: frozenset[str] = frozenset()
    last: bool = False  # changes state: checked after the others
    name: str = ""


def case(
    build: Callable[[dict[str, Any]], str], roles: set[str], guard: set[str] = frozenset(), **kw: Any
) -> Case:
    return Case(build, frozenset(roles), guard=frozenset(guard or roles), **kw)


H = "/staff/hotel"
URL_CASES: dict[str, Case] = {
    "index": case(lambda r: f"{H}/", CENTRE_VIEW, record=False),
    "board": case(lambda r: f"{H}/centres/{r['centre'].pk}/", RESIDENT_VIEW),
    "history": case(lambda r: f"{H}/centres/{r['centre'].pk}/history/", RESIDENT_VIEW),
    "centre-staff": case(lambda r: f"{H}/centres/{r['centre'].pk}/staff/", MANAGE),
    "add-room": case(lambda r: f"{H}/centres/{r['centre'].pk}/rooms/", WORK, method="post", ok=302),
    "block": case(
        lambda r: f"{H}/centres/{r['centre'].pk}/bed/{r['bed'].pk}/block/", WORK, method="post", ok=302
    ),
    "admit": case(lambda r: f"{H}/centres/{r['centre'].pk}/admit/?person={r['person'].pk}", WORK),
    "scan": case(lambda r: f"{H}/centres/{r['centre'].pk}/scan/", WORK),
    "search": case(lambda r: f"{H}/persons/?q=Kovalenko", RESIDENT_VIEW, record=False),
    "referral": case(lambda r: f"{H}/persons/{r['person'].pk}/referral/", WORK),
    "resident": case(lambda r: f"{H}/persons/{r['person'].pk}/", RESIDENT_VIEW),
    "issue-cards": case(lambda r: f"{H}/persons/{r['person'].pk}/cards/", WORK, method="post", ok=302),
    "cards-pdf": case(lambda r: f"{H}/persons/{r['person'].pk}/cards.pdf", RESIDENT_VIEW),
    "discharge": case(
        lambda r: f"{H}/persons/{r['leaver'].pk}/leave/", WORK, method="post", ok=302, last=True
    ),
    "transfer-new": case(lambda r: f"{H}/persons/{r['person'].pk}/transfer/", WORK),
    "admission-pdf": case(lambda r: f"{H}/placements/{r['placement'].pk}/admission-pl.pdf", RESIDENT_VIEW),
    "transfers": case(lambda r: f"{H}/transfers/", WORK, record=False),
    "transfer": case(lambda r: f"{H}/transfers/{r['transfer'].pk}/", WORK),
    "transfer-pdf": case(lambda r: f"{H}/transfers/{r['transfer'].pk}/report.pdf", WORK),
    "transfer-step": case(
        lambda r: f"{H}/transfers/{r['to_approve'].pk}/approve/",
        APPROVE,
        guard=WORK,
        method="post",
        ok=302,
        last=True,
    ),
    "stats": case(lambda r: f"{H}/statistics/", RESIDENT_VIEW, record=False),
    "stats-csv": case(lambda r: f"{H}/statistics.csv", RESIDENT_VIEW, record=False),
}


def test_the_table_covers_every_url():
    names = {p.name for p in hotel_urls.urlpatterns if isinstance(p, URLPattern)}
    assert set(URL_CASES) == names, "a URL of the hotel base without an entry in the access table"
    for pattern in hotel_urls.urlpatterns:
        assert access.access_entry(pattern.callback) is not None, pattern.name


def _expected(role: str, entry: Case, target: str) -> int:
    if role not in entry.guard:
        return 403
    if target == "x":  # the approval is refused by role before the record is looked up
        return 404 if role in entry.roles or entry.name != "transfer-step" else 403
    if role not in entry.roles:
        return 403
    if target == "b" and role in CENTRE_ROLES:
        return 403
    return entry.ok


@pytest.mark.parametrize("role", ROLES)
def test_every_url_for_every_role(client, staff_login, user_factory, world, role):
    staff_login(client, _user(user_factory, world, role))
    failures = []
    ordered = sorted(URL_CASES.items(), key=lambda item: item[1].last)
    ordered = [(name, replace(entry, name=name)) for name, entry in ordered]
    for name, entry in ordered:
        for target in ("a", "b", "x") if entry.record else ("a",):
            path = entry.build(getattr(world, target))
            response = client.get(path) if entry.method == "get" else client.post(path, {})
            want = _expected(role, entry, target)
            if response.status_code != want:
                failures.append(f"{name} [{target}] {path}: {response.status_code}, expected {want}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", ["officer", "editor", "social_worker", "finance"])
def test_no_hotel_menu_or_panel_without_a_role_there(world, user_factory, role):
    """Bug 4: the hotel menu showed to editors."""
    from przystan.web.views import visible_contributions

    request = RequestFactory().get("/staff/")
    request.user = _user(user_factory, world, role)
    request.office = world.office
    assert "hotel" not in {item.name for item in visible_contributions(request, "admin_menu_items")}
    assert "hotel-free-places" not in {
        item.name for item in visible_contributions(request, "dashboard_panels")
    }


def test_centre_staff_have_the_hotel_menu(world, user_factory):
    from przystan.web.views import visible_contributions

    request = RequestFactory().get("/staff/")
    request.user = _user(user_factory, world, "centre_staff")
    request.office = world.office
    assert "hotel" in {item.name for item in visible_contributions(request, "admin_menu_items")}


@pytest.mark.parametrize("role", ["officer", "editor"])
def test_case_officer_reads_no_resident_record(client, staff_login, user_factory, world, role):
    """Bug 1: the case officer read any resident's record, diet and health notes included."""
    staff_login(client, _user(user_factory, world, role))
    person = world.a["person"]
    for path in (
        f"{H}/",
        f"{H}/persons/{person.pk}/",
        f"{H}/persons/?q=Kovalenko",
        f"{H}/transfers/{world.a['transfer'].pk}/",
    ):
        response = client.get(path)
        assert response.status_code == 403, path
        assert b"kolano" not in response.content and b"TB negative" not in response.content


# ----------------------------------------------------------------------------- sensitive reads


def test_health_notes_only_to_medical_staff_and_every_read_audited(client, staff_login, user_factory, world):
    person, transfer = world.a["person"], world.a["transfer"]
    needs = person.hotel_needs
    staff = _user(user_factory, world, "centre_staff")
    staff_login(client, staff)
    for path in (f"{H}/persons/{person.pk}/", f"{H}/transfers/{transfer.pk}/"):
        page = client.get(path).content.decode()
        assert "kolano po operacji" not in page and "TB negative" not in page, path
    pdf = client.get(f"{H}/transfers/{transfer.pk}/report.pdf")
    assert b"kolano" not in _pdf_text(pdf.content).encode()
    assert not AuditEntry.objects.filter(
        actor=staff, action="read", object_id=str(needs.pk), content_type__model="accommodationneeds"
    ).exists()
    client.logout()
    nurse = _user(user_factory, world, "medical")
    staff_login(client, nurse)
    page = client.get(f"{H}/persons/{person.pk}/").content.decode()
    assert "kolano po operacji Alfa" in page
    reads = AuditEntry.objects.filter(actor=nurse, action="read")
    assert reads.filter(content_type__model="accommodationneeds", object_id=str(needs.pk)).exists()
    assert reads.filter(content_type__model="medicalfilter").exists()
    assert client.get(f"{H}/persons/{world.b['person'].pk}/").status_code == 403


def _pdf_text(content: bytes) -> str:
    import io

    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.mark.parametrize(
    "path",
    [
        lambda r: f"{H}/transfers/{r['transfer'].pk}/",
        lambda r: f"{H}/transfers/{r['transfer'].pk}/report.pdf",
    ],
    ids=["transfer-page", "transfer-pdf"],
)
def test_transfer_report_reads_are_audited(client, staff_login, user_factory, world, path):
    staff = _user(user_factory, world, "centre_staff")
    staff_login(client, staff)
    assert client.get(path(world.a)).status_code == 200
    transfer = world.a["transfer"]
    assert AuditEntry.objects.filter(
        actor=staff, action="read", object_id=str(transfer.pk), content_type__model="transfer"
    ).exists()


@pytest.mark.parametrize(
    "path",
    [
        lambda r: f"{H}/persons/{r['person'].pk}/cards.pdf",
        lambda r: f"{H}/placements/{r['placement'].pk}/admission-pl.pdf",
    ],
    ids=["id-cards-pdf", "admission-pdf"],
)
def test_pdfs_of_a_person_are_audited_reads(client, staff_login, user_factory, world, path):
    staff = _user(user_factory, world, "centre_staff")
    staff_login(client, staff)
    response = client.get(path(world.a))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    person = world.a["person"]
    assert AuditEntry.objects.filter(
        actor=staff, action="read", object_id=str(person.pk), content_type__model="person"
    ).exists()


# ----------------------------------------------------------------------------- four eyes


def test_transfer_is_approved_by_a_second_person(client, staff_login, user_factory, world):
    """Bug 3: the same person requested and approved a transfer."""
    leaver = world.a["leaver"]
    boss = _user(user_factory, world, "supervisor")
    staff_login(client, boss)
    response = client.post(
        f"{H}/persons/{leaver.pk}/transfer/",
        {"to_centre": world.b["centre"].pk, "reason": "closer to school"},
    )
    assert response.status_code == 302
    transfer = Transfer.objects.get(persons=leaver)
    assert transfer.requested_by == boss
    page = client.get(f"{H}/transfers/{transfer.pk}/").content.decode()
    assert 'id="approve"' not in page
    refused = client.post(f"{H}/transfers/{transfer.pk}/approve/", follow=True)
    text = refused.content.decode()
    assert (
        "inna osoba niż ta, która o nie wnioskowała" in text
        or "someone other than the person who requested" in text
    )
    transfer.refresh_from_db()
    assert transfer.status == Transfer.Status.REQUESTED and transfer.approved_by is None
    assert AuditEntry.objects.filter(
        action="denied", actor=boss, object_id=str(transfer.pk), reason="hotel.transfer:approve (four eyes)"
    ).exists()
    # rejecting one's own request is refused too
    client.post(f"{H}/transfers/{transfer.pk}/reject/")
    transfer.refresh_from_db()
    assert transfer.status == Transfer.Status.REQUESTED
    client.logout()
    second = user_factory("druga@example.gov.pl", kind="staff", roles=("supervisor",), office=world.office)
    staff_login(client, second)
    assert 'id="approve"' in client.get(f"{H}/transfers/{transfer.pk}/").content.decode()
    assert client.post(f"{H}/transfers/{transfer.pk}/approve/").status_code == 302
    transfer.refresh_from_db()
    assert transfer.status == Transfer.Status.APPROVED and transfer.approved_by == second
    update = AuditEntry.objects.for_object(transfer).filter(action="update", actor=second).latest("pk")
    assert update.changes["approved_by"][1] is not None and update.changes["status"][1] == "approved"


# ----------------------------------------------------------------------------- search


def test_search_finds_cyrillic_and_polish_names(client, staff_login, user_factory, world):
    """Bug 5: the person search ignored Cyrillic and Polish diacritics."""
    olena = make_person(
        world.office, "Olena", "Shevchenko", first_name_native="Олена", last_name_native="Шевченко"
    )
    lukasz = make_person(world.office, "Łukasz", "Żółkiewski", nationality="PL", language="pl")
    staff_login(client, _user(user_factory, world, "centre_staff"))
    for query, person in (
        ("Олена", olena),
        ("Шевченко", olena),
        ("Szewczenko", olena),
        ("Łukasz", lukasz),
        ("Lukasz", lukasz),
        ("Żółkiew", lukasz),
    ):
        page = client.get(f"{H}/persons/", {"q": query}).content.decode()
        assert f"/staff/hotel/persons/{person.pk}/" in page, query
    # residents of another centre are not found by staff of this one
    page = client.get(f"{H}/persons/", {"q": "Beta0"}).content.decode()
    assert f"/staff/hotel/persons/{world.b['person'].pk}/" not in page


# ----------------------------------------------------------------------------- rendered text


def test_names_not_codes_on_the_resident_page_and_in_pdfs(client, staff_login, user_factory, world):
    """Bug 7: internal codes (nationality, language) instead of names."""
    person = world.a["person"]
    staff_login(client, _user(user_factory, world, "centre_staff"))
    page = client.get(f"{H}/persons/{person.pk}/").content.decode()
    assert "Ukraina" in page and "<dd>UA</dd>" not in page
    text = _pdf_text(client.get(f"{H}/transfers/{world.a['transfer'].pk}/report.pdf").content)
    assert "Ukraina" in text and "ukraiński" in text
    admission = _pdf_text(client.get(f"{H}/placements/{world.a['placement'].pk}/admission-pl.pdf").content)
    assert "Ukraina" in admission
    stats = client.get(f"{H}/statistics/").content.decode()
    assert "Ukraina" in stats and "<li>UA:" not in stats
