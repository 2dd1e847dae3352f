"""The access policy of the legalisation plugin, as a table: every URL pattern and API route, for every
role, on a record in scope, out of scope (another team / another person) and of another office.

``EXPECTED`` lists each URL name with its method and the codes per role: one code for every target,
or ``(in scope, out of scope, another office)``. A new URL without an entry fails
``test_every_url_and_api_route_has_an_entry``. Reads of cases (sensitive) by page, PDF, download or
API are audited: each answered read adds a ``read`` entry for the case.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from plugins.legalisation.electronic import required_documents
from plugins.legalisation.models import Case, Inquiry, SupplementRequest, Team
from plugins.legalisation.services import store_receipt
from przystan import access
from przystan.audit.models import AuditEntry
from przystan.testing.factories import make_user

from .conftest import PDF_BYTES, make_application, submitted_case, upload

pytestmark = pytest.mark.django_db

ROLES = (
    "officer",  # member of team T (case C), not of team T2 (case D)
    "supervisor",
    "queue_officer",
    "finance",
    "office_admin",
    "supervisor_b",  # a supervisor of the other office, on this office's host
    "foreigner",  # the person of case C
    "employer",  # the employer of case C
    "anonymous",
)
STAFF = {"officer", "supervisor", "queue_officer", "finance", "office_admin", "supervisor_b"}

# codes: in scope, out of scope (another team / another person), another office
STAFF_VIEW = {
    "officer": (200, 403, 404),
    "supervisor": (200, 200, 404),
    "queue_officer": (200, 200, 404),
    "finance": 403,
    "office_admin": 403,
    "supervisor_b": 404,
    "foreigner": 403,
    "employer": 403,
    "anonymous": 302,
}
STAFF_SENSITIVE = {**STAFF_VIEW, "queue_officer": 403}
STAFF_EDIT = {
    **STAFF_VIEW,
    "officer": (302, 403, 404),
    "supervisor": (302, 302, 404),
    "queue_officer": 403,
}
STAFF_PAGE = {**{r: c if isinstance(c, int) else c[0] for r, c in STAFF_VIEW.items()}}
PORTAL_PARTY = {
    "foreigner": (200, 404, 404),
    "employer": (200, 404, 404),
    "officer": 404,
    "supervisor": 404,
    "queue_officer": 404,
    "finance": 403,
    "office_admin": 403,
    "supervisor_b": 404,
    "anonymous": 302,
}
PORTAL_PERSON = {**PORTAL_PARTY, "employer": 404}
PORTAL_PERSON_POST = {**PORTAL_PERSON, "foreigner": (302, 404, 404)}
APPLICATION = {
    "foreigner": (200, 404, 404),
    "employer": 404,
    "officer": 403,
    "supervisor": 403,
    "queue_officer": 403,
    "finance": 403,
    "office_admin": 403,
    "supervisor_b": 403,
    "anonymous": 302,
}
APPLICATION_POST = {**APPLICATION, "foreigner": (302, 404, 404)}
PUBLIC = dict.fromkeys(ROLES, 200)
API_ANON = (401, 403)
API_LIST = {
    "officer": 200,
    "supervisor": 200,
    "queue_officer": 200,
    "foreigner": 200,
    "employer": 200,
    "finance": 403,
    "office_admin": 403,
    "supervisor_b": 403,
    "anonymous": API_ANON,
}
API_DETAIL = {
    **API_LIST,
    "officer": (200, 404, 404),
    "supervisor": (200, 200, 404),
    "queue_officer": (200, 200, 404),
    "foreigner": (200, 404, 404),
    "employer": (200, 404, 404),
}
API_MESSAGES = {**API_DETAIL, "queue_officer": 403, "employer": 403}
# /api/legalisation/cases/: the caller's own cases (public profile); staff use the officer's route
PARTY_API_DETAIL = {**API_DETAIL, "officer": 404, "supervisor": 404, "queue_officer": 404}
PARTY_API_MESSAGES = {**PARTY_API_DETAIL, "queue_officer": 403, "employer": 403}  # not the person's
PARTY_API_ATTACHMENT = {**PARTY_API_DETAIL, "employer": 404}  # not the employer's annex
# /api/legalisation/officer/cases/: staff within their scope (internal profile)
OFFICER_API_LIST = {**API_LIST, "foreigner": 403, "employer": 403}
OFFICER_API_DETAIL = {**API_DETAIL, "foreigner": 403, "employer": 403}
OFFICER_API_SENSITIVE = {**OFFICER_API_DETAIL, "queue_officer": 403}


@dataclass
class Entry:
    name: str  # URL name, or "api:<route>" for an API route
    codes: dict[str, Any]
    method: str = "get"
    path: Callable[[dict[str, Any], str], str] | None = None  # (world, target) -> path
    data: Callable[[dict[str, Any], str], dict[str, Any]] = field(default=lambda w, t: {})
    reads_case: bool = False  # an answered GET reads the (sensitive) case: audited


def case_url(name: str, *extra: Callable[[Any], Any]) -> Callable[[dict[str, Any], str], str]:
    return lambda w, t: reverse(name, args=[w["case"][t].number, *(f(w["case"][t]) for f in extra)])


def app_url(
    name: str, key: str = "draft", *extra: Callable[[Any], Any]
) -> Callable[[dict[str, Any], str], str]:
    return lambda w, t: reverse(name, args=[w[key][t].public_id, *(f(w[key][t]) for f in extra)])


def plain(name: str) -> Callable[[dict[str, Any], str], str]:
    return lambda w, t: reverse(name)


def first_supplement(case: Any) -> Any:
    return case.supplements.first().public_id


def first_receipt(case: Any) -> Any:
    return case.receipts.first().pk


def first_inquiry(case: Any) -> Any:
    return case.inquiries.first().pk


def case_attachment(w: dict[str, Any], t: str, name: str) -> str:
    return reverse(name, args=[w["case"][t].attachments.first().public_id])


EXPECTED: list[Entry] = [
    # ------------------------------------------------------------------- officer portal
    Entry("legalisation-staff:list", STAFF_PAGE, path=plain("legalisation-staff:list")),
    Entry(
        "legalisation-staff:scan",
        {**STAFF_PAGE, "queue_officer": 403},
        path=plain("legalisation-staff:scan"),
    ),
    Entry(
        "legalisation-staff:teams",
        {**STAFF_PAGE, "officer": 403, "queue_officer": 403, "office_admin": 200},
        path=plain("legalisation-staff:teams"),
    ),
    Entry(
        "legalisation-staff:statistics",
        {**STAFF_PAGE, "officer": 403, "queue_officer": 403, "office_admin": 200},
        path=plain("legalisation-staff:statistics"),
    ),
    Entry(
        "legalisation-staff:quarantine",
        {**STAFF_PAGE, "officer": 403, "queue_officer": 403, "office_admin": 200},
        path=plain("legalisation-staff:quarantine"),
    ),
    Entry(
        "legalisation-staff:attachment",
        STAFF_SENSITIVE,
        path=lambda w, t: case_attachment(w, t, "legalisation-staff:attachment"),
        reads_case=True,
    ),
    Entry("legalisation-staff:case", STAFF_VIEW, path=case_url("legalisation-staff:case"), reads_case=True),
    Entry(
        "legalisation-staff:transition",
        STAFF_EDIT,
        "post",
        case_url("legalisation-staff:transition"),
        lambda w, t: {"stage": "no-such-stage"},
    ),
    Entry(
        "legalisation-staff:assign",
        {**STAFF_EDIT, "officer": (302, 403, 404)},
        "post",
        case_url("legalisation-staff:assign"),
        lambda w, t: {"assignee": w["users"]["officer"].pk},
    ),
    Entry(
        "legalisation-staff:team",
        {**STAFF_EDIT, "officer": 403, "office_admin": (403, 403, 404)},
        "post",
        case_url("legalisation-staff:team"),
        lambda w, t: {"team": w["case"][t].team_id or ""},
    ),
    Entry(
        "legalisation-staff:message",
        STAFF_EDIT,
        "post",
        case_url("legalisation-staff:message"),
        lambda w, t: {"body": "Dzień dobry"},
    ),
    Entry(
        "legalisation-staff:supplement",
        STAFF_EDIT,
        "post",
        case_url("legalisation-staff:supplement"),
        lambda w, t: {"text": "Paszport", "days": "14"},
    ),
    Entry(
        "legalisation-staff:supplement-letter",
        STAFF_SENSITIVE,
        path=case_url("legalisation-staff:supplement-letter", first_supplement),
        reads_case=True,
    ),
    Entry(
        "legalisation-staff:inquiry",
        STAFF_EDIT,
        "post",
        case_url("legalisation-staff:inquiry"),
        lambda w, t: {"authority": "police"},
    ),
    Entry(
        "legalisation-staff:inquiry-answer",
        STAFF_EDIT,
        "post",
        case_url("legalisation-staff:inquiry-answer", first_inquiry),
        lambda w, t: {"answer": "Brak przeciwwskazań"},
    ),
    Entry(
        "legalisation-staff:file",
        STAFF_EDIT,
        "post",
        case_url("legalisation-staff:file"),
        lambda w, t: {"location": "pokój 101"},
    ),
    Entry(
        "legalisation-staff:decision",
        STAFF_SENSITIVE,
        path=case_url("legalisation-staff:decision"),
        reads_case=True,
    ),
    Entry(
        "legalisation-staff:filing-receipt",
        STAFF_SENSITIVE,
        path=case_url("legalisation-staff:filing-receipt"),
        reads_case=True,
    ),
    Entry(
        "legalisation-staff:payment-receipt",
        STAFF_SENSITIVE,
        path=case_url("legalisation-staff:payment-receipt", first_receipt),
        reads_case=True,
    ),
    Entry(
        "legalisation-staff:application-pdf",
        STAFF_SENSITIVE,
        path=case_url("legalisation-staff:application-pdf"),
        reads_case=True,
    ),
    Entry(
        "legalisation-staff:preview",
        STAFF_SENSITIVE,
        path=lambda w, t: case_attachment(w, t, "legalisation-staff:preview"),
        reads_case=True,
    ),
    # the counter: a case outside the officer's scope answers like an unknown number (404)
    Entry(
        "legalisation-staff:counter",
        {**STAFF_SENSITIVE, "officer": (200, 404, 404)},
        path=lambda w, t: f"{reverse('legalisation-staff:counter')}?number={w['case'][t].number}",
        reads_case=True,
    ),
    Entry(
        "legalisation-staff:counter-check",
        {**STAFF_EDIT, "officer": (302, 404, 404), "supervisor": (302, 302, 404)},
        "post",
        case_url("legalisation-staff:counter-check"),
        lambda w, t: {
            f"status_{code}": "seen" for code, _label in required_documents(w["case"][t].application_type)
        },
    ),
    # ------------------------------------------------------------------- foreigner's and employer's portal
    Entry(
        "legalisation:home",
        {
            **{r: 200 for r in ("foreigner", "employer", "officer", "supervisor", "queue_officer")},
            "finance": 403,
            "office_admin": 403,
            "supervisor_b": 404,
            "anonymous": 302,
        },
        path=plain("legalisation:home"),
    ),
    Entry("legalisation:case", PORTAL_PARTY, path=case_url("legalisation:case"), reads_case=True),
    Entry(
        "legalisation:answer",
        PORTAL_PERSON_POST,
        "post",
        case_url("legalisation:answer", first_supplement),
        lambda w, t: {"files": upload()},
    ),
    Entry(
        "legalisation:supplement-letter",
        PORTAL_PERSON,
        path=case_url("legalisation:supplement-letter", first_supplement),
        reads_case=True,
    ),
    Entry(
        "legalisation:annex",
        {**PORTAL_PERSON_POST, "foreigner": 404, "employer": (302, 404, 404)},
        "post",
        case_url("legalisation:annex"),
        lambda w, t: {"file": upload()},
    ),
    Entry(
        "legalisation:attachment",
        PORTAL_PERSON,
        path=lambda w, t: case_attachment(w, t, "legalisation:attachment"),
        reads_case=True,
    ),
    Entry("legalisation:status", PUBLIC, path=plain("legalisation:status")),
    Entry("legalisation:new-pin", PUBLIC, path=plain("legalisation:new-pin")),
    Entry("legalisation:case-new-pin", PORTAL_PERSON_POST, "post", case_url("legalisation:case-new-pin")),
    Entry(
        "legalisation:filing-receipt",
        PORTAL_PERSON,
        path=case_url("legalisation:filing-receipt"),
        reads_case=True,
    ),
    Entry(
        "legalisation:payment-receipt",
        PORTAL_PERSON,
        path=case_url("legalisation:payment-receipt", first_receipt),
        reads_case=True,
    ),
    # claiming a case that arrived from MOS: signed-in foreigners only (an employer is refused)
    Entry(
        "legalisation:mos-guide",
        PUBLIC,
        path=lambda w, t: reverse("legalisation:mos-guide", args=["temp_work"]),
    ),
    Entry(
        "legalisation:mos-checklist",
        PUBLIC,
        path=lambda w, t: reverse("legalisation:mos-checklist", args=["temp_work"]),
    ),
    Entry(
        "legalisation-staff:filing-routes",
        {**STAFF_PAGE, "queue_officer": 403, "office_admin": 200},
        path=plain("legalisation-staff:filing-routes"),
    ),
    Entry(
        "legalisation:claim",
        {**APPLICATION, "foreigner": 200, "employer": 403},
        path=plain("legalisation:claim"),
    ),
    Entry(
        "legalisation:claim",
        {**APPLICATION, "foreigner": 400, "employer": 403},
        "post",
        plain("legalisation:claim"),
        lambda w, t: {"case_number": w["case"][t].number, "code": "AAAA-BBBB-CCCC"},
    ),
    # ------------------------------------------------------------------- applications (own drafts)
    Entry(
        "legalisation:apply",
        {**APPLICATION, "foreigner": 200, "employer": 200},
        path=plain("legalisation:apply"),
    ),
    Entry(
        "legalisation:start",
        {**APPLICATION, "foreigner": 302, "employer": 302},
        "post",
        lambda w, t: reverse("legalisation:start", args=["visa_extension"]),
    ),
    Entry(
        "legalisation:step",
        APPLICATION,
        path=lambda w, t: reverse("legalisation:step", args=[w["draft"][t].public_id, 0]),
    ),
    Entry(
        "legalisation:validate",
        APPLICATION,
        "post",
        app_url("legalisation:validate"),
        lambda w, t: {"surname": "Melnyk"},
    ),
    Entry(
        "legalisation:upload",
        APPLICATION_POST,
        "post",
        app_url("legalisation:upload"),
        lambda w, t: {"kind": "x"},
    ),
    Entry(
        "legalisation:remove-attachment",
        APPLICATION_POST,
        "post",
        app_url("legalisation:remove-attachment", "draft", lambda a: a.attachments.first().public_id),
    ),
    Entry("legalisation:submit", APPLICATION_POST, "post", app_url("legalisation:submit")),
    Entry("legalisation:submitted", APPLICATION, path=app_url("legalisation:submitted", "submitted")),
    Entry("legalisation:pdf", APPLICATION, path=app_url("legalisation:pdf", "submitted")),
    # ------------------------------------------------------------------- API
    Entry("api:legalisation-cases-list", API_LIST, path=lambda w, t: "/api/legalisation/cases/"),
    Entry(
        "api:legalisation-cases-detail",
        PARTY_API_DETAIL,
        path=lambda w, t: f"/api/legalisation/cases/{w['case'][t].number}/",
        reads_case=True,
    ),
    Entry(
        "api:legalisation-cases-messages",
        PARTY_API_MESSAGES,
        path=lambda w, t: f"/api/legalisation/cases/{w['case'][t].number}/messages/",
    ),
    Entry(
        "api:legalisation-cases-message",
        PARTY_API_MESSAGES,
        path=lambda w, t: f"/api/legalisation/cases/{w['case'][t].number}/messages/{a_message(w, t)}/",
    ),
    Entry(
        "api:legalisation-cases-attachment",
        PARTY_API_ATTACHMENT,
        path=lambda w, t: (
            f"/api/legalisation/cases/{w['case'][t].number}/attachments/"
            f"{w['case'][t].attachments.first().public_id}/"
        ),
    ),
    Entry(
        "api:legalisation-officer-cases-list",
        OFFICER_API_LIST,
        path=lambda w, t: "/api/legalisation/officer/cases/",
    ),
    Entry(
        "api:legalisation-officer-cases-detail",
        OFFICER_API_DETAIL,
        path=lambda w, t: f"/api/legalisation/officer/cases/{w['case'][t].number}/",
        reads_case=True,
    ),
    Entry(
        "api:legalisation-officer-cases-messages",
        OFFICER_API_SENSITIVE,
        path=lambda w, t: f"/api/legalisation/officer/cases/{w['case'][t].number}/messages/",
    ),
    Entry(
        "api:legalisation-officer-cases-message",
        OFFICER_API_SENSITIVE,
        path=lambda w, t: (
            f"/api/legalisation/officer/cases/{w['case'][t].number}/messages/{a_message(w, t)}/"
        ),
    ),
    Entry(
        "api:legalisation-officer-cases-attachment",
        OFFICER_API_SENSITIVE,
        path=lambda w, t: (
            f"/api/legalisation/officer/cases/{w['case'][t].number}/attachments/"
            f"{w['case'][t].attachments.first().public_id}/"
        ),
    ),
    # MOS delivers packages with a service credential only: no account may post one
    Entry(
        "api:legalisation-mos-packages-list",
        {**dict.fromkeys(ROLES, 403), "anonymous": API_ANON},
        "post",
        lambda w, t: "/api/legalisation/mos/packages/",
    ),
    Entry(
        "api:legalisation-status-list",
        PUBLIC,
        "post",
        lambda w, t: "/api/legalisation/status/",
        lambda w, t: {"number": w["case"]["in"].number, "pin": fresh_pin(w["case"]["in"])},
    ),
]


def a_message(w: dict[str, Any], t: str) -> Any:
    """The public id of a message of the target case (one from the office, made when first asked)."""
    case = w["case"][t]
    found = case.messages.first() or case.messages.create(
        author=w["users"]["supervisor"], from_office=True, body="Proszę o paszport."
    )
    return found.public_id


def fresh_pin(case: Any) -> str:
    """A known PIN (the person may have asked for a new one earlier in the table)."""
    from plugins.legalisation.numbering import hash_pin

    Case.objects.filter(pk=case.pk).update(pin_hash=hash_pin(case.number, "87654321"))
    return "87654321"


def plugin_url_names() -> set[str]:
    from plugins.legalisation.hooks import urls

    return {f"{c.name}:{p.name}" for c in urls() for p in c.patterns}


def plugin_api_routes() -> set[str]:
    from rest_framework.routers import SimpleRouter

    from plugins.legalisation.hooks import api_routes

    router = SimpleRouter()
    for route in api_routes():
        router.register(route.prefix, route.viewset, basename=route.name)
    return {f"api:{u.name}" for u in router.urls}


def test_every_url_and_api_route_has_an_entry():
    covered = {e.name for e in EXPECTED}
    assert plugin_url_names() | plugin_api_routes() == covered


def test_every_view_declares_its_access_entry():
    from plugins.legalisation.hooks import api_routes, urls

    for contribution in urls():
        for pattern in contribution.patterns:
            assert access.access_entry(pattern.callback) is not None, pattern.name
    for route in api_routes():
        assert getattr(route.viewset, "access_resource", "") or getattr(route.viewset, "access_public", False)


# ----------------------------------------------------------------------------- the world


def make_world(office: Any, other_office: Any) -> dict[str, Any]:
    users = {
        "officer": make_user("officer@a.example.gov.pl", kind="staff", roles=("officer",), office=office),
        "supervisor": make_user("boss@a.example.gov.pl", kind="staff", roles=("supervisor",), office=office),
        "queue_officer": make_user(
            "queue@a.example.gov.pl", kind="staff", roles=("queue_officer",), office=office
        ),
        "finance": make_user("cash@a.example.gov.pl", kind="staff", roles=("finance",), office=office),
        "office_admin": make_user(
            "admin@a.example.gov.pl", kind="staff", roles=("office_admin",), office=office
        ),
        "supervisor_b": make_user(
            "boss@b.example.gov.pl", kind="staff", roles=("supervisor",), office=other_office
        ),
        "foreigner": make_user("olena@example.com", kind="foreigner"),
        "employer": make_user("hr@firma.example.com", kind="employer"),
        "anonymous": None,
    }
    other_person = make_user("ivan@example.com", kind="foreigner")
    team = Team.objects.create(office=office, name="T")
    team.members.add(users["officer"])
    other_team = Team.objects.create(office=office, name="T2")
    case_in, _ = submitted_case(office, users["foreigner"])
    case_out, _ = submitted_case(office, other_person)
    case_office, _ = submitted_case(other_office, other_person)
    # filed in this portal before 27 April 2026 (so they carry the portal's proof of filing)
    Case.objects.filter(pk__in=[case_in.pk, case_out.pk, case_office.pk]).update(source="portal")
    for found in (case_in, case_out, case_office):
        found.refresh_from_db()
    Case.objects.filter(pk=case_in.pk).update(team=team, employer=users["employer"])
    Case.objects.filter(pk=case_out.pk).update(team=other_team)
    cases = {"in": case_in, "out": case_out, "office": case_office}
    today = timezone.localdate()
    for key, case in cases.items():
        Case.objects.filter(pk=case.pk).update(stage="decision_granted")
        case.refresh_from_db()
        SupplementRequest.objects.create(
            case=case,
            text="Paszport",
            due_date=today + datetime.timedelta(days=7),
            requested_on=today,
            requested_by=users["supervisor"],
        )
        Inquiry.objects.create(
            case=case, authority="police", sent_on=today, due_on=today, created_by=users["supervisor"]
        )
        store_receipt(
            case.office,
            {
                "reference": f"P-{key}",
                "case_reference": case.number,
                "amount_grosze": 100,
                "receipt_pdf": PDF_BYTES,
            },
        )
    drafts = {
        "in": make_application(office, users["foreigner"]),
        "out": make_application(office, other_person),
        "office": make_application(other_office, users["foreigner"]),
    }
    from plugins.legalisation import attachments

    for draft in drafts.values():
        attachments.store(
            upload(), PDF_BYTES, "application/pdf", kind="passport", user=draft.applicant, application=draft
        )
    return {
        "users": users,
        "case": {k: Case.objects.get(pk=c.pk) for k, c in cases.items()},
        "draft": drafts,
        "submitted": {k: c.application for k, c in cases.items()},
    }


def login(client: Any, user: Any) -> None:
    from przystan.testing.auth import login_with_mfa

    if user is None:
        return
    if user.kind == "staff":
        login_with_mfa(client, user)
    else:
        client.force_login(user)


def expected_code(codes: dict[str, Any], role: str, target: str) -> Any:
    """One code, ``(in scope, out of scope, another office)``, or a pair of acceptable codes."""
    code = codes[role]
    if isinstance(code, tuple) and len(code) == 3:
        return code[("in", "out", "office").index(target)]
    return code


@pytest.mark.parametrize("role", ROLES)
def test_role_against_every_url(client, legal_office, other_legal_office, role):
    cache.clear()
    world = make_world(legal_office, other_legal_office)
    login(client, world["users"][role])
    wrong = []
    for entry in EXPECTED:
        single = entry.path(world, "in") == entry.path(world, "out")  # no record in the path
        for target in ("in",) if single else ("in", "out", "office"):
            path = entry.path(world, target)
            before = AuditEntry.objects.for_object(world["case"][target]).filter(action="read").count()
            if entry.method == "get":
                response = client.get(path)
            elif entry.name.startswith("api:"):
                response = client.post(path, entry.data(world, target), content_type="application/json")
            else:
                response = client.post(path, entry.data(world, target))
            want = expected_code(entry.codes, role, target)
            ok = response.status_code in want if isinstance(want, tuple) else response.status_code == want
            if not ok:
                wrong.append(f"{entry.name} [{target}] as {role}: {response.status_code}, expected {want}")
            if entry.reads_case and response.status_code == 200:
                after = AuditEntry.objects.for_object(world["case"][target]).filter(action="read").count()
                if after <= before:
                    wrong.append(f"{entry.name} [{target}] as {role}: read of a sensitive case not audited")
    assert wrong == []


def test_out_of_scope_denials_are_audited(client, legal_office, other_legal_office):
    world = make_world(legal_office, other_legal_office)
    officer = world["users"]["officer"]
    login(client, officer)
    assert (
        client.get(reverse("legalisation-staff:case", args=[world["case"]["out"].number])).status_code == 403
    )
    assert AuditEntry.objects.for_object(world["case"]["out"]).filter(action="denied", actor=officer).exists()


def test_policy_declares_the_plugin_resources():
    from przystan.access.table import policy_table

    table = policy_table()
    for name in ("legalisation.case", "legalisation.team", "legalisation.application"):
        assert name in table.resources
    assert table.resources["legalisation.case"].sensitive
    officer = [g for g in table.grants_for("legalisation.case") if g.role == "officer"]
    assert officer and officer[0].scope == "team"


# ----------------------------------------------------------------------------- letters (views/letters.py)


def a_letter(w: dict[str, Any], t: str) -> Any:
    """The public id of a summons issued in the target case (issued when first asked)."""
    from plugins.legalisation.letters.issuing import issue
    from plugins.legalisation.letters.seed import ensure_default_templates
    from plugins.legalisation.models import LetterTemplate

    case = w["case"][t]
    found = case.letters.first()
    if found is None:
        ensure_default_templates(case.office)
        summons = LetterTemplate.objects.get(office=case.office, kind="summons_appear", language="pl")
        boss = w["users"]["supervisor" if case.office_id == w["case"]["in"].office_id else "supervisor_b"]
        found = issue(case, summons, boss, due_date=timezone.localdate() + datetime.timedelta(days=7))
    return found.public_id


def a_letter_template(w: dict[str, Any], t: str) -> str:
    from plugins.legalisation.letters.seed import ensure_default_templates
    from plugins.legalisation.models import LetterTemplate

    office = w["case"]["in"].office
    ensure_default_templates(office)
    found = LetterTemplate.objects.filter(office=office).order_by("pk").first()
    return reverse("legalisation-staff:letter-template", args=[found.pk])


LETTER_TEMPLATES_VIEW = {**STAFF_PAGE, "queue_officer": 403, "office_admin": 200}
LETTER_TEMPLATES_MANAGE = {**LETTER_TEMPLATES_VIEW, "officer": 403}
STAFF_EDIT_PAGE = {**STAFF_VIEW, "queue_officer": 403}

EXPECTED += [
    Entry(
        "legalisation-staff:letter-templates",
        LETTER_TEMPLATES_VIEW,
        path=plain("legalisation-staff:letter-templates"),
    ),
    Entry(
        "legalisation-staff:letter-template-new",
        LETTER_TEMPLATES_MANAGE,
        path=plain("legalisation-staff:letter-template-new"),
    ),
    Entry("legalisation-staff:letter-template", LETTER_TEMPLATES_MANAGE, path=a_letter_template),
    Entry(
        "legalisation-staff:letter-issue", STAFF_EDIT_PAGE, path=case_url("legalisation-staff:letter-issue")
    ),
    Entry(
        "legalisation-staff:letter-pdf",
        STAFF_SENSITIVE,
        path=lambda w, t: reverse(
            "legalisation-staff:letter-pdf", args=[w["case"][t].number, a_letter(w, t)]
        ),
        reads_case=True,
    ),
]
