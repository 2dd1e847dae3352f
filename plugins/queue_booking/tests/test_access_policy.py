"""Every URL and API route of visit booking, for every role, on a record of the office and of another.

The table lists each URL pattern name the plugin contributes (``hooks.urls()``), each API route and
its extra actions (``hooks.api_routes()``), the plugin's report and its Wagtail set-up screens; a
new URL without a row fails ``test_the_table_covers_every_url_and_route``.

"here": the user works for the office whose host is asked (or is the public account owning the
record); "there": the same role in another office asking this office's host, or a record of the
other office asked here (tokens, rounds). Codes: 200/201/302 allowed (302 = redirect after a POST,
or to the login for anonymous visitors), 403 refused, 404 another office's record (not revealed).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from plugins.queue_booking import hooks
from plugins.queue_booking.models import (
    OutOfQueueRequest,
    ServicePoint,
    ServiceType,
    Slot,
    WaitingListEntry,
    WaitingStatus,
)
from plugins.queue_booking.services import booking as engine
from plugins.queue_booking.services import queue, rounds, waiting

from .conftest import LOOSE_LIMITS, person

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "foreigner",
    "employer",
    "queue_officer",
    "officer",
    "supervisor",
    "office_admin",
    "editor",
    "reviewer",
    "platform_admin",
)
STAFF_ROLES = (
    "queue_officer",
    "officer",
    "supervisor",
    "office_admin",
    "editor",
    "reviewer",
    "platform_admin",
)
OTHER_HOST = "drugi.testserver"


Code = int | tuple[int, ...]


def codes(default: Code, **by_role: Code) -> dict[str, Code]:
    return {role: by_role.get(role, default) for role in ROLES}


# who works the counter (booking view), who edits at the counter, who decides, who sees reports
COUNTER_VIEW = codes(403, anonymous=302, queue_officer=200, officer=200, supervisor=200)
COUNTER_EDIT = codes(403, anonymous=302, queue_officer=302, supervisor=302)
REPORT_VIEW = codes(403, anonymous=302, queue_officer=200, supervisor=200)
OOQ_VIEW = codes(403, anonymous=302, queue_officer=200, officer=200, supervisor=200)
OOQ_APPROVE = codes(403, anonymous=302, supervisor=302)
PUBLIC_GET = codes(200)
PUBLIC_POST = codes(302)
MY_VISITS = codes(
    403, anonymous=302, foreigner=200, employer=200, queue_officer=200, officer=200, supervisor=200
)


def allowed(code: Code) -> bool:
    return any(c in (200, 201, 302) for c in (code if isinstance(code, tuple) else (code,)))


def matches(got: int, expected: Code) -> bool:
    return got in expected if isinstance(expected, tuple) else got == expected


def there_for(here: dict[str, Code]) -> dict[str, Code]:
    """Staff of another office asking this office's host: 404 where their role holds the action (the
    office is not theirs), the same refusal as here where it does not."""
    return {role: (404 if role in STAFF_ROLES and allowed(here[role]) else here[role]) for role in ROLES}


@dataclass
class Row:
    name: str  # "namespace:name" of the URL, "api:<route>-<action>", "report:<name>" or "admin:<viewset>"
    method: str
    here: dict[str, Code]
    there: dict[str, Code] | None = None  # default: there_for(here) (another office's staff)
    there_record: bool = False  # "there" = a record of the other office asked on this host
    data: Callable[[Any], dict[str, Any]] = field(default=lambda w: {})


def _checkin_data(world: Any) -> dict[str, Any]:
    return {"document_kind": "passport", "document_number": "AB0000100"}


def _api_checkin(world: Any) -> dict[str, Any]:
    return {"reference": world.booking.reference, "document_kind": "passport", "document_number": "AB0000100"}


DONE_OR_ALREADY = (201, 409)  # the first allowed user checks in, the next is told it is done
API_CHECKIN = codes(403, anonymous=401, queue_officer=DONE_OR_ALREADY, supervisor=DONE_OR_ALREADY)
API_CANCEL = codes((200, 409))

TABLE = [
    # public booking screens (their own checks: signed tokens, the office of the record)
    Row("queue_booking:start", "GET", PUBLIC_GET, there=PUBLIC_GET),
    Row("queue_booking:book", "GET", PUBLIC_GET, there=PUBLIC_GET),
    Row("queue_booking:waiting-list", "GET", PUBLIC_GET, there=PUBLIC_GET),
    Row("queue_booking:my-visits", "GET", MY_VISITS),
    Row("queue_booking:manage", "GET", PUBLIC_GET, there=codes(404), there_record=True),
    Row("queue_booking:ics", "GET", PUBLIC_GET, there=codes(404), there_record=True),
    Row("queue_booking:reschedule", "GET", PUBLIC_GET, there=codes(404), there_record=True),
    Row("queue_booking:cancel", "POST", PUBLIC_POST, there=codes(404), there_record=True),
    Row("queue_booking:offer", "GET", PUBLIC_GET, there=codes(404), there_record=True),
    Row("queue_booking:round", "GET", PUBLIC_GET, there=codes(404), there_record=True),
    Row("queue_booking:round-json", "GET", PUBLIC_GET, there=codes(404), there_record=True),
    # the counter
    Row("queue_booking_staff:agenda", "GET", COUNTER_VIEW),
    Row("queue_booking_staff:check-in", "POST", COUNTER_EDIT, data=_checkin_data),
    Row("queue_booking_staff:ticket", "GET", COUNTER_VIEW),
    Row("queue_booking_staff:ticket-pdf", "GET", COUNTER_VIEW),
    Row("queue_booking_staff:point", "GET", COUNTER_VIEW),
    Row("queue_booking_staff:statistics", "GET", REPORT_VIEW),
    Row("queue_booking_staff:out-of-queue", "GET", OOQ_VIEW),
    Row(
        "queue_booking_staff:out-of-queue-decide", "POST", OOQ_APPROVE, data=lambda w: {"decision": "reject"}
    ),
    # records of the other office asked on this host by this office's staff
    Row(
        "queue_booking_staff:ticket",
        "GET",
        COUNTER_VIEW,
        there=codes(403, anonymous=302, queue_officer=404, officer=404, supervisor=404),
        there_record=True,
    ),
    Row(
        "queue_booking_staff:ticket-pdf",
        "GET",
        COUNTER_VIEW,
        there=codes(403, anonymous=302, queue_officer=404, officer=404, supervisor=404),
        there_record=True,
    ),
    Row(
        "queue_booking_staff:check-in",
        "POST",
        COUNTER_EDIT,
        there=codes(403, anonymous=302, queue_officer=404, supervisor=404),
        there_record=True,
        data=_checkin_data,
    ),
    Row(
        "queue_booking_staff:point",
        "GET",
        COUNTER_VIEW,
        there=codes(403, anonymous=302, queue_officer=404, officer=404, supervisor=404),
        there_record=True,
    ),
    Row(
        "queue_booking_staff:out-of-queue-decide",
        "POST",
        OOQ_APPROVE,
        there=codes(403, anonymous=302, supervisor=404),
        there_record=True,
        data=lambda w: {"decision": "reject"},
    ),
    # the report in the staff area (mounted by the core); staff pages refuse public accounts
    Row("report:queue-booking-out-of-queue", "GET", REPORT_VIEW),
    # API
    Row("api:booking-availability-list", "GET", PUBLIC_GET, there=PUBLIC_GET),
    Row("api:booking-bookings-list", "POST", codes(400), there=codes(400)),
    Row("api:booking-bookings-cancel", "POST", API_CANCEL, there=codes(404), there_record=True),
    Row("api:booking-check-ins-list", "POST", API_CHECKIN, there=codes(403), data=_api_checkin),
    # booking set-up in the Wagtail admin: Wagtail answers a refusal with a redirect (302) to the admin
    # login (no admin access) or its dashboard (no permission); another office's admin gets 404
    *[
        Row(
            f"admin:{viewset}",
            "GET",
            codes(302, office_admin=200, supervisor=200),
            there=codes(302, office_admin=404, supervisor=404),
        )
        for viewset in ("qb_points", "qb_services", "qb_schedules", "qb_exceptions")
    ],
    *[
        Row(
            f"admin:{viewset}-add",
            "GET",
            codes(302, office_admin=200),
            there=codes(302, office_admin=404),
        )
        for viewset in ("qb_points", "qb_services", "qb_schedules", "qb_exceptions")
    ],
]


# --------------------------------------------------------------------------- the world


@dataclass
class World:
    office: Any
    other: Any
    service: Any
    booking: Any  # today's visit of the foreigner, checked in later by the test rows
    ticketed: Any  # a checked-in visit (has a ticket)
    point: Any
    entry: Any
    allocation_round: Any
    ooq: Any
    other_booking: Any
    other_ticketed: Any
    other_point: Any
    other_entry: Any
    other_round: Any
    other_ooq: Any
    users: dict[str, Any]
    foreign_staff: dict[str, Any]


def _office_records(
    office: Any, service_type: Any, point: Any, owner: Any, requester: Any, number: int
) -> dict[str, Any]:
    today = queue.office_today()
    starts = timezone.make_aware(dt.datetime.combine(today, dt.time(23, 0)))
    if starts <= timezone.now():
        starts = timezone.now() + dt.timedelta(minutes=1)
    slots = [
        Slot.objects.create(
            office=office,
            service_type=service_type,
            service_point=point,
            starts_at=starts,
            ends_at=starts + dt.timedelta(minutes=20),
            capacity=3,
            released_at=timezone.now() - dt.timedelta(days=1),
        )
    ]
    booking = engine.book(office, slots[0].pk, person(number), user=owner)
    ticketed = engine.book(office, slots[0].pk, person(number + 1))
    ticketed = queue.check_in(ticketed, document_kind="passport", document_number=f"AB{number + 1:07d}")
    entry = WaitingListEntry.objects.create(
        office=office,
        service_type=service_type,
        person_key=f"w{number}",
        identity_hash=f"w{number}",
        document_kind="passport",
        full_name="Waiting Person",
        status=WaitingStatus.OFFERED,
        offered_slot=slots[0],
        hold_expires_at=timezone.now() + dt.timedelta(hours=2),
    )
    allocation_round = rounds.create_round(
        office,
        service_type,
        title=f"Round {number}",
        opens_at=timezone.now() - dt.timedelta(hours=1),
        closes_at=timezone.now() + dt.timedelta(days=1),
        slots=Slot.objects.none(),
    )
    ooq = OutOfQueueRequest.objects.create(
        office=office,
        kind="priority",
        booking=booking,
        full_name=booking.full_name,
        document_kind="passport",
        identity_hash=booking.identity_hash,
        reason="Powód wystarczająco długi dla wniosku",
        requested_by=requester,
    )
    return {"booking": booking, "ticketed": ticketed, "entry": entry, "round": allocation_round, "ooq": ooq}


@pytest.fixture
def world(service: Any, other_office: Any, enable_plugin: Any, user_factory: Any) -> World:
    office = service.office
    enable_plugin(other_office, "queue_booking", config=LOOSE_LIMITS)
    users: dict[str, Any] = {"anonymous": None}
    users["foreigner"] = user_factory("cudzoziemiec@example.com", kind="foreigner")
    users["employer"] = user_factory("kadry@firma.example.com", kind="employer", organisation_name="Firma")
    foreign_staff = {}
    for role in STAFF_ROLES:
        home = None if role == "platform_admin" else office
        users[role] = user_factory(f"{role}@uw.example.gov.pl", kind="staff", roles=(role,), office=home)
        if role != "platform_admin":
            foreign_staff[role] = user_factory(
                f"{role}@drugi.example.gov.pl", kind="staff", roles=(role,), office=other_office
            )
    requester = user_factory(
        "wnioskujacy@uw.example.gov.pl", kind="staff", roles=("queue_officer",), office=office
    )
    point = ServicePoint.objects.get(office=office)
    mine = _office_records(office, service, point, users["foreigner"], requester, 100)
    other_type = ServiceType.objects.create(office=other_office, code="filing")
    other_point = ServicePoint.objects.create(office=other_office, code="d1", name="Okno drugie")
    other_requester = user_factory(
        "wn@drugi.example.gov.pl", kind="staff", roles=("queue_officer",), office=other_office
    )
    theirs = _office_records(other_office, other_type, other_point, None, other_requester, 200)
    return World(
        office=office,
        other=other_office,
        service=service,
        booking=mine["booking"],
        ticketed=mine["ticketed"],
        point=point,
        entry=mine["entry"],
        allocation_round=mine["round"],
        ooq=mine["ooq"],
        other_booking=theirs["booking"],
        other_ticketed=theirs["ticketed"],
        other_point=other_point,
        other_entry=theirs["entry"],
        other_round=theirs["round"],
        other_ooq=theirs["ooq"],
        users=users,
        foreign_staff=foreign_staff,
    )


def _url(row: Row, world: World, record_of_other: bool) -> str:
    booking = world.other_booking if record_of_other else world.booking
    ticketed = world.other_ticketed if record_of_other else world.ticketed
    kind, _, name = row.name.partition(":")
    if kind == "report":
        return reverse("staff:report", kwargs={"name": name})
    if kind == "admin":
        viewset, _, view = name.partition("-")
        return f"/admin/{viewset}/" + ("new/" if view == "add" else "")
    if kind == "api":
        paths = {
            "booking-availability-list": "/api/booking/availability/?service=filing",
            "booking-bookings-list": "/api/booking/bookings/",
            "booking-bookings-cancel": f"/api/booking/bookings/{engine.manage_token(booking)}/cancel/",
            "booking-check-ins-list": "/api/booking/check-ins/",
        }
        return paths[name]
    kwargs: dict[str, Any] = {}
    if name in ("manage", "ics", "reschedule", "cancel"):
        kwargs["token"] = engine.manage_token(booking)
    elif name == "offer":
        kwargs["token"] = waiting.offer_token(world.other_entry if record_of_other else world.entry)
    elif name in ("round", "round-json"):
        kwargs["pk"] = (world.other_round if record_of_other else world.allocation_round).pk
    elif name in ("book", "waiting-list"):
        kwargs["code"] = "filing"
    elif name in ("check-in",):
        kwargs["pk"] = booking.pk
    elif name in ("ticket", "ticket-pdf"):
        kwargs["pk"] = ticketed.pk
    elif name == "point":
        kwargs["pk"] = (world.other_point if record_of_other else world.point).pk
    elif name == "out-of-queue-decide":
        kwargs["pk"] = (world.other_ooq if record_of_other else world.ooq).pk
    return reverse(row.name, kwargs=kwargs)


def _ask(client: Any, row: Row, url: str, data: dict[str, Any]) -> int:
    if row.method == "GET":
        return client.get(url).status_code
    if row.name.startswith("api:"):
        return client.post(url, data, content_type="application/json").status_code
    return client.post(url, data).status_code


def _as(client: Any, user: Any, staff_login: Any) -> None:
    client.logout()
    if user is None:
        return
    if user.kind == "staff":
        staff_login(client, user)
    else:
        client.force_login(user)


def _id(row: Row) -> str:
    return f"{row.method} {row.name}{' (record of another office)' if row.there_record else ''}"


# --------------------------------------------------------------------------- the tests


def test_the_table_covers_every_url_and_route() -> None:
    names = {
        f"{contribution.name}:{pattern.name}"
        for contribution in hooks.urls()
        for pattern in contribution.patterns
    }
    for route in hooks.api_routes():
        names.add(f"api:{route.name}-list")
        names.update(f"api:{route.name}-{action.url_name}" for action in route.viewset.get_extra_actions())
    names.update(f"report:{report.name}" for report in hooks.reports())
    covered = {row.name for row in TABLE}
    assert names - covered == set(), "URLs without a row in the access table"


def test_every_view_declares_its_access() -> None:
    from przystan import access

    for contribution in hooks.urls():
        for pattern in contribution.patterns:
            entry = access.access_entry(pattern.callback)
            assert entry is not None, pattern.name
    for route in hooks.api_routes():
        view = route.viewset.as_view(
            {"get": "list"} if route.name == "booking-availability" else {"post": "create"}
        )
        assert access.access_entry(view) is not None, route.name


@pytest.mark.parametrize("row", TABLE, ids=_id)
def test_role_by_scope(row: Row, world: World, client: Any, staff_login: Any) -> None:
    data = row.data(world)
    failures = []
    for role in ROLES:
        _as(client, world.users[role], staff_login)
        got = _ask(client, row, _url(row, world, record_of_other=False), data)
        if not matches(got, row.here[role]):
            failures.append(f"{role} here: {got} (expected {row.here[role]})")
    there = row.there if row.there is not None else there_for(row.here)
    for role in ROLES:
        if row.there_record:  # this office's people ask for a record of the other office
            user = world.users[role]
        elif role in world.foreign_staff:  # the other office's staff ask this office's host
            user = world.foreign_staff[role]
        else:
            continue  # anonymous, public accounts and platform administrators have no other office
        _as(client, user, staff_login)
        got = _ask(client, row, _url(row, world, record_of_other=row.there_record), data)
        if not matches(got, there[role]):
            failures.append(f"{role} there: {got} (expected {there[role]})")
    assert not failures, "; ".join(failures)


def test_out_of_scope_refusals_are_audited(world: World, client: Any, staff_login: Any) -> None:
    from przystan.audit.models import AuditEntry

    staff_login(client, world.foreign_staff["queue_officer"])
    assert client.get(reverse("queue_booking_staff:agenda")).status_code == 404
    staff_login(client, world.users["office_admin"])
    assert client.get(reverse("queue_booking_staff:agenda")).status_code == 403
    denied = AuditEntry.objects.filter(action="denied")
    assert denied.filter(actor=world.foreign_staff["queue_officer"]).exists()
    assert denied.filter(
        actor=world.users["office_admin"], reason__startswith="queue_booking.booking"
    ).exists()


def test_my_visits_lists_only_the_persons_own(world: World, client: Any) -> None:
    client.force_login(world.users["foreigner"])
    assert world.booking.reference in client.get("/booking/my/").content.decode()
    client.force_login(world.users["employer"])
    assert world.booking.reference not in client.get("/booking/my/").content.decode()


def test_dashboard_panel_and_menu_follow_the_policy(world: World, client: Any, staff_login: Any) -> None:
    for role, shown in (
        ("queue_officer", True),
        ("supervisor", True),
        ("office_admin", False),
        ("editor", False),
    ):
        staff_login(client, world.users[role])
        html = client.get("/staff/").content.decode()
        assert (reverse("queue_booking_staff:agenda") in html) is shown, role
        client.logout()
    staff_login(client, world.foreign_staff["queue_officer"])  # another office's officer on this host
    assert reverse("queue_booking_staff:agenda") not in client.get("/staff/").content.decode()


def test_public_accounts_cannot_check_in_their_own_visit(world: World, client: Any) -> None:
    client.force_login(world.users["foreigner"])
    answer = client.post("/api/booking/check-ins/", _api_checkin(world), content_type="application/json")
    assert answer.status_code == 403
    world.booking.refresh_from_db()
    assert world.booking.status == "booked"


def test_admin_menu_item_follows_the_policy(world: World, client: Any, staff_login: Any) -> None:
    for role, shown in (("supervisor", True), ("office_admin", False), ("editor", False)):
        staff_login(client, world.users[role])
        html = client.get("/admin/").content.decode()
        assert ("queue-booking-agenda" in html) is shown, role
        client.logout()
