"""The access matrix, generated from the policy and the URL patterns: every contributed view and API route,
every role (each demo staff role, a foreigner, an employer, staff of another office, an anonymous visitor),
asked over HTTP; and records in and out of scope (another centre, another team, another office) for the
routes that show one record, PDFs and downloads included.

The expected answer is never written here: it is what the policy decides (``access.allows``) — allowed
means the page answers (200, a redirect inside the site, 405 for a POST-only route), refused means 403 or
404 (401 on the API), and an anonymous visitor is sent to the log-in page. A record route is tried with the
records its sampler picks (a sampler that finds none in the demo fails the test); the routes without a
sampler are counted in the printed summary. A URL without a policy entry fails
``test_every_entry_point_declared``.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from przystan import access
from przystan.pluginsys.manager import get_plugin_system
from przystan.testing.auth import login_with_mfa

from .test_every_entry_point_declared import contributed_views

pytestmark = pytest.mark.django_db

PARAM = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")
ALLOWED = {200, 302, 400, 405}
REFUSED = {401, 403, 404}


@dataclass
class Who:
    label: str
    user: Any  # None: anonymous
    client: Client


@dataclass
class Sample:
    """One record behind a route: the URL's arguments and the object the policy decides about."""

    kwargs: dict[str, Any]
    obj: Any
    note: str
    resource: str = ""  # the resource the view decides on for this record, when not the URL's entry


def _url(route: str, kwargs: dict[str, Any]) -> str:
    return "/" + PARAM.sub(lambda m: str(kwargs[m["name"]]), route)


def _people(demo: Any, host: str) -> list[Who]:
    from django.contrib.auth import get_user_model

    from przystan.testing.factories import make_office, make_user

    User = get_user_model()
    people = []

    def signed_in(label: str, user: Any, staff: bool) -> Who:
        client = Client(HTTP_HOST=host)
        if staff:
            login_with_mfa(client, user)
        else:
            client.force_login(user)
        return Who(label, user, client)

    for staff in demo.staff:
        people.append(signed_in(staff.role, User.objects.get(email=staff.email), True))
    for kind in ("foreigner", "employer"):
        people.append(signed_in(kind, User.objects.filter(kind=kind).order_by("pk").first(), False))
    elsewhere = make_office(code="inny", hostname="inny.example.gov.pl")
    for role in ("supervisor", "office_admin", "centre_staff"):
        user = make_user(f"{role}@inny.example.gov.pl", kind="staff", roles=(role,), office=elsewhere)
        people.append(signed_in(f"{role} of another office", user, True))
    people.append(Who("anonymous", None, Client(HTTP_HOST=host)))
    return people


def _judge(who: Who, allowed: bool, response: Any, *, public: bool = False) -> str | None:
    """None when the answer is the one the policy asks for, else what is wrong."""
    status = response.status_code
    location = response.get("Location", "")
    if public:  # open to everyone: any answer but a refusal or an error (a redirect may lead on)
        return None if status in ALLOWED else f"public route answered {status}"
    if who.user is None:
        if allowed:
            return None if status in ALLOWED else f"public route answered {status}"
        if status in REFUSED or (status == 302 and "/accounts/login/" in location):
            return None
        return f"anonymous got {status} {location}"
    if allowed:
        if status == 302 and ("/accounts/login/" in location or "/mfa/" in location):
            return f"allowed but sent to {location}"
        return None if status in ALLOWED else f"allowed but got {status}"
    if status in REFUSED:
        return None
    if status == 405:
        return "unchecked"  # POST-only before the guard: the GET cannot tell
    return f"refused by the policy but got {status} {location}"


def _ask(
    people: list[Who],
    office: Any,
    url: str,
    entry: Any,
    obj: Any,
    tally: Counter,
    problems: list[str],
    record: Any = None,
) -> None:
    """Ask ``url`` as everyone: the URL's entry must let them in, and the record's decision hold."""
    for who in people:
        allowed = entry.allows(who.user, office=office) and (record or entry).allows(
            who.user, obj, office=office
        )
        response = who.client.get(url)
        verdict = _judge(who, allowed, response, public=entry.public)
        tally["requests"] += 1
        if not allowed:
            tally["refusals checked"] += 1
        if verdict == "unchecked":
            tally["refusals not visible to a GET"] += 1
        elif verdict:
            problems.append(f"{who.label:28} GET {url} ({entry.resource}:{entry.action}) — {verdict}")


# ------------------------------------------------------------------------------------ record samples


def _samples(demo: Any) -> dict[str, Callable[[], Iterator[Sample]]]:
    """Routes that show one record → the records to try: in one's scope and out of it.

    Each sampler picks records that have what the route shows (a decision, a ticket, an ID card), so a
    404 for someone the policy allows is a finding, not a missing document.
    """
    from django.contrib.auth import get_user_model

    from plugins.hotel.models import IdCard, Placement, Transfer
    from plugins.legalisation.deadlines import DONE
    from plugins.legalisation.models import Case, Team
    from plugins.legalisation.workflow import DECISIONS
    from plugins.payments.models import Payment
    from plugins.queue_booking.models import Booking
    from plugins.serce.models import Centre, Household, Person, Stay

    office = demo.office
    other_team = Team.objects.get_or_create(office=office, name="Zespół macierzy dostępu")[0]
    # one open case and one decided case move to a team the officer is not in
    for outsider in (
        Case.objects.filter(office=office, assignee__isnull=True)
        .exclude(stage__in=DONE)
        .order_by("-pk")
        .first(),
        Case.objects.filter(office=office, assignee__isnull=True, stage__in=DECISIONS)
        .order_by("-pk")
        .first(),
    ):
        outsider.team = other_team
        outsider.save(update_fields=["team"])

    def cases(having: dict[str, Any]) -> Callable[[], Iterator[Sample]]:
        def sample() -> Iterator[Sample]:
            found = Case.objects.filter(office=office, **having)
            for note, narrowed in (
                ("assigned", found.filter(assignee__isnull=False)),
                ("the team's", found.filter(assignee__isnull=True).exclude(team=other_team)),
                ("another team's", found.filter(team=other_team)),
            ):
                case = narrowed.order_by("pk").first()
                if case is not None:
                    yield Sample({"number": case.number}, case, note)

        return sample

    def persons(having: dict[str, Any]) -> Callable[[], Iterator[Sample]]:
        def sample() -> Iterator[Sample]:
            seen: set[Any] = set()
            for person in Person.objects.filter(office=office, **having).distinct().order_by("pk"):
                stay = Stay.objects.filter(person=person).order_by("-pk").first()
                centre = stay.centre_id if stay else None
                if centre in seen:
                    continue
                seen.add(centre)
                yield Sample({"pk": person.pk, "person_id": person.pk}, person, f"centre {centre}")
                if len(seen) >= 3:
                    return

        return sample

    def placements() -> Iterator[Sample]:
        seen: set[Any] = set()
        for placement in Placement.objects.select_related("person").order_by("pk"):
            if placement.centre_id in seen:
                continue
            seen.add(placement.centre_id)
            yield Sample({"placement_id": placement.pk, "language": "pl"}, placement.person, "placement")

    def payments() -> Iterator[Sample]:
        for payment in Payment.objects.filter(office=office).order_by("pk")[:2]:
            yield Sample({"reference": payment.reference}, payment, payment.status)

    def tickets() -> Iterator[Sample]:
        from plugins.queue_booking.demo import COUNTER_VISITORS
        from plugins.queue_booking.identity import identity_hash
        from plugins.queue_booking.services.queue import check_in

        for _name, number, *_rest in COUNTER_VISITORS:  # the demo's visitors of today show their passports
            booking = Booking.objects.filter(
                office=office, identity_hash=identity_hash("passport", number), ticket_number=""
            ).first()
            if booking is not None and booking.slot.starts_at.date() == timezone.localdate():
                check_in(booking, document_kind="passport", document_number=number)
                break
        for booking in Booking.objects.filter(office=office).exclude(ticket_number="").order_by("pk")[:2]:
            yield Sample({"pk": booking.pk}, booking, booking.status)

    def centres(kwarg: str, resource: str) -> Callable[[], Iterator[Sample]]:
        def sample() -> Iterator[Sample]:
            for centre in Centre.objects.filter(office=office).order_by("pk")[:3]:
                yield Sample({kwarg: centre.pk}, centre, centre.name, resource)

        return sample

    def households() -> Iterator[Sample]:
        for household in Household.objects.filter(office=office).order_by("pk")[:3]:
            member = household.members.order_by("pk").first()
            if member is not None:
                yield Sample({"pk": household.pk}, member, f"household {household.pk}")

    def transfers() -> Iterator[Sample]:
        for transfer in Transfer.objects.order_by("pk")[:2]:
            yield Sample({"pk": transfer.pk}, transfer, transfer.status)

    def accounts() -> Iterator[Sample]:
        User = get_user_model()
        for user in (
            User.objects.filter(home_office=office, kind="staff").order_by("pk").first(),
            User.objects.filter(kind="staff").exclude(home_office=office).exclude(home_office=None).first(),
        ):
            if user is not None:
                yield Sample({"pk": user.pk}, user, str(user.home_office_id))

    def benefit_rules() -> Iterator[Sample]:
        from plugins.serce.models import BenefitRule

        for rule in BenefitRule.objects.filter(office=office).order_by("-valid_from", "pk")[:2]:
            yield Sample({"pk": rule.pk}, rule, str(rule.valid_from))

    def closures() -> Iterator[Sample]:
        from przystan.offices.models import OfficeClosure

        for closure in (
            OfficeClosure.objects.filter(office=office).order_by("date").first(),
            OfficeClosure.objects.exclude(office=office).order_by("date").first(),
        ):
            if closure is not None:
                yield Sample({"pk": closure.pk}, closure, f"closure of office {closure.office_id}")

    carded = {"pk__in": IdCard.objects.filter(revoked_at__isnull=True).values("person_id")}
    return {
        "staff/cases/<str:number>/": cases({}),
        "staff/cases/<str:number>/decision.pdf": cases({"stage__in": DECISIONS}),
        "staff/serce/persons/<int:pk>/": persons({}),
        "staff/serce/persons/<int:pk>/edit/": persons({}),
        "staff/serce/persons/<int:pk>/medical/": persons({}),
        "staff/serce/persons/<int:pk>/card.pdf": persons({}),
        "staff/serce/persons/<int:pk>/certificate.pdf": persons({}),
        "staff/hotel/persons/<int:person_id>/": persons({}),
        "staff/hotel/persons/<int:person_id>/cards.pdf": persons(carded),
        "staff/hotel/placements/<int:placement_id>/admission-<str:language>.pdf": placements,
        "staff/payments/payment/<str:reference>/": payments,
        "staff/payments/payment/<str:reference>/receipt/": payments,
        "staff/cases/<str:number>/letters/new/": cases({}),
        "staff/hotel/centres/<int:centre_id>/": centres("centre_id", "hotel.centre"),
        "staff/hotel/centres/<int:centre_id>/history/": centres("centre_id", "hotel.centre"),
        "staff/hotel/centres/<int:centre_id>/staff/": centres("centre_id", "hotel.centre"),
        "staff/hotel/centres/<int:centre_id>/rooms/": centres("centre_id", "hotel.centre"),
        "staff/hotel/centres/<int:centre_id>/scan/": centres("centre_id", "hotel.centre"),
        "staff/hotel/persons/<int:person_id>/cards/": persons({}),
        "staff/hotel/persons/<int:person_id>/referral/": persons({}),
        "staff/hotel/transfers/<int:pk>/": transfers,
        "staff/hotel/transfers/<int:pk>/report.pdf": transfers,
        "staff/serce/households/<int:pk>/": households,
        "staff/serce/centres/<int:pk>/edit/": centres("pk", "serce.centre"),
        "staff/serce/centres/<int:pk>/staff/": centres("pk", "serce.centre"),
        "staff/serce/benefit-rules/<int:pk>/": benefit_rules,
        "staff/serce/benefit-rules/<int:pk>/confirm/": benefit_rules,
        "staff/accounts/<int:pk>/": accounts,
        "staff/closures/<int:pk>/remove/": closures,
        "staff/booking/visits/<int:pk>/ticket/": tickets,
        "staff/booking/visits/<int:pk>/ticket.pdf": tickets,
    }


def test_every_route_answers_every_role_as_the_policy_decides(settings, capsys):
    from przystan.demo.loader import load_demo

    demo = load_demo(stdout=io.StringIO())
    office = demo.office
    host = office.site.hostname
    settings.ALLOWED_HOSTS = ["*"]
    people = _people(demo, host)
    samples = _samples(demo)
    tally: Counter = Counter()
    problems: list[str] = []
    untried: list[str] = []
    for _plugin, route, callback in contributed_views():
        entry = access.access_entry(callback)
        if "<" not in route:
            tally["routes"] += 1
            _ask(people, office, "/" + route, entry, None, tally, problems)
            continue
        sampler = samples.get(route)
        if sampler is None:
            untried.append(route)
            continue
        tally["record routes"] += 1
        tried = 0
        for sample in sampler():
            tried += 1
            tally["records"] += 1
            record = replace(entry, resource=sample.resource) if sample.resource else entry
            _ask(people, office, _url(route, sample.kwargs), entry, sample.obj, tally, problems, record)
        if not tried:
            problems.append(f"/{route}: the demo has no record to try it with")
    for api in get_plugin_system().registry("api_routes"):
        viewset = api.viewset
        permissions = getattr(viewset, "permission_classes", [])
        entry = (
            access.guards.PUBLIC
            if getattr(viewset, "access_public", False)
            else access.guards.AccessEntry(
                viewset.access_resource,
                "view",
                staff=any(issubclass(cls, access.guards.StaffPolicyPermission) for cls in permissions),
            )
        )
        tally["api routes"] += 1
        url = f"/api/{api.prefix.strip('/')}/"
        if entry.public:  # open routes take their own parameters and limits: only never an error
            problems += [
                f"{w.label} GET {url} answered 5xx" for w in people if w.client.get(url).status_code >= 500
            ]
            continue
        _ask(people, office, url, entry, None, tally, problems)
    with capsys.disabled():
        print(
            f"\naccess matrix: {len(people)} roles × ({tally['routes']} routes + {tally['api routes']} API routes) + "
            f"{tally['record routes']} record "
            f"routes × their samples ({tally['records']} route×record pairs) = {tally['requests']} requests; "
            f"{tally['refusals checked']} refusals checked, {tally['refusals not visible to a GET']} behind a "
            f"POST-only route; {len(untried)} record routes without samples"
        )
    assert not problems, f"{len(problems)} answers differ from the policy:\n" + "\n".join(problems[:80])
