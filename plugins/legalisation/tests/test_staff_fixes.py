"""Bugs seen by staff, each with its test: the demo officer's cases, the handler choice, payment
status of other teams' cases, the deadline panel, name search, the audit page, the stopped clock,
and amounts/codes on the staff screens."""

from __future__ import annotations

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from plugins.legalisation.deadlines import clock_for
from plugins.legalisation.models import Case, SupplementRequest, Team
from plugins.legalisation.services import assign
from plugins.legalisation.workflow import transition
from przystan.testing.factories import make_user

from .conftest import submitted_case

pytestmark = pytest.mark.django_db


def staff(email, office, *roles):
    return make_user(email, kind="staff", roles=roles, office=office, first_name=email.split("@")[0])


def page_of(client, name, *args, **params):
    response = client.get(reverse(name, args=args), params)
    return response.status_code, response.content.decode()


# ----------------------------------------------------------------------------- 1. demo officer


def test_demo_officer_acts_on_her_assigned_and_team_cases(client, staff_login, legal_office):
    from plugins.legalisation.demo import load

    officer = staff("urzednik@demo.przystan.pl", legal_office, "officer")
    load(legal_office, io.StringIO())
    staff_login(client, officer)
    assigned = Case.objects.filter(office=legal_office, assignee=officer).first()
    team_case = Case.objects.filter(office=legal_office, assignee__isnull=True, stage="filed").first()
    assert assigned is not None and team_case is not None
    for case in (assigned, team_case):
        status, body = page_of(client, "legalisation-staff:case", case.number)
        assert status == 200
        assert reverse("legalisation-staff:message", args=[case.number]) in body  # not read-only
        response = client.post(
            reverse("legalisation-staff:message", args=[case.number]), {"body": "Proszę o kontakt."}
        )
        assert response.status_code == 302
        assert case.messages.filter(author=officer, body="Proszę o kontakt.").exists()
    response = client.post(
        reverse("legalisation-staff:transition", args=[team_case.number]), {"stage": "accepted"}
    )
    team_case.refresh_from_db()
    assert response.status_code == 302 and team_case.stage == "accepted"


# ----------------------------------------------------------------------------- 2. handler choice


def test_handler_choice_offers_only_case_editors_and_team_members(
    client, staff_login, legal_office, other_legal_office, foreigner, supervisor
):
    member = staff("member@uw.example.gov.pl", legal_office, "officer")
    outsider = staff("outsider@uw.example.gov.pl", legal_office, "officer")
    cashier = staff("cashier@uw.example.gov.pl", legal_office, "finance")
    counter = staff("counter@uw.example.gov.pl", legal_office, "queue_officer")
    elsewhere = staff("elsewhere@drugi.example.gov.pl", other_legal_office, "officer")
    team = Team.objects.create(office=legal_office, name="Zespół A")
    team.members.add(member)
    case, _pin = submitted_case(legal_office, foreigner)
    loose, _pin = submitted_case(legal_office, foreigner, "temp_other")
    case.team = team
    case.save()
    staff_login(client, supervisor)

    _status, body = page_of(client, "legalisation-staff:case", case.number)
    options = body.split('id="id_assignee"')[1].split("</select>")[0]
    assert f'value="{member.pk}"' in options
    for nobody in (outsider, cashier, counter, elsewhere, supervisor):
        assert f'value="{nobody.pk}"' not in options
    _status, body = page_of(client, "legalisation-staff:case", loose.number)
    options = body.split('id="id_assignee"')[1].split("</select>")[0]
    for somebody in (member, outsider, supervisor):
        assert f'value="{somebody.pk}"' in options
    for nobody in (cashier, counter, elsewhere):
        assert f'value="{nobody.pk}"' not in options

    url = reverse("legalisation-staff:assign", args=[case.number])
    with translation.override("pl"):
        for crafted in (cashier, outsider, counter, elsewhere):
            response = client.post(url, {"assignee": crafted.pk}, follow=True, HTTP_ACCEPT_LANGUAGE="pl")
            assert response.status_code == 200
            assert "Ta osoba nie może prowadzić sprawy" in response.content.decode()
            case.refresh_from_db()
            assert case.assignee is None
    client.post(url, {"assignee": member.pk})
    case.refresh_from_db()
    assert case.assignee == member


def test_officer_takes_an_unassigned_team_case_but_cannot_give_it_away(
    client, staff_login, legal_office, foreigner
):
    member = staff("member@uw.example.gov.pl", legal_office, "officer")
    colleague = staff("colleague@uw.example.gov.pl", legal_office, "officer")
    team = Team.objects.create(office=legal_office, name="Zespół B")
    team.members.add(member, colleague)
    case, _pin = submitted_case(legal_office, foreigner)
    case.team = team
    case.save()
    staff_login(client, member)
    url = reverse("legalisation-staff:assign", args=[case.number])
    assert client.post(url, {"assignee": colleague.pk}).status_code == 403
    case.refresh_from_db()
    assert case.assignee is None
    assert client.post(url, {"assignee": member.pk}).status_code == 302
    case.refresh_from_db()
    assert case.assignee == member


# ----------------------------------------------------------------------------- 3. payments of other teams


def test_out_of_team_officer_sees_no_payment_status(
    client, staff_login, legal_office, foreigner, enable_plugin
):
    from plugins.payments.checkout import create_checkout
    from plugins.payments.defaults import install_standard_fees

    enable_plugin(legal_office, "payments")
    install_standard_fees(legal_office)
    member = staff("member@uw.example.gov.pl", legal_office, "officer")
    outsider = staff("outsider@uw.example.gov.pl", legal_office, "officer")
    team = Team.objects.create(office=legal_office, name="Zespół C")
    team.members.add(member)
    case, _pin = submitted_case(legal_office, foreigner)
    case.team = team
    case.save()
    create_checkout(
        legal_office,
        ["stamp_temp_other"],
        payer_email="olena@example.com",
        language="uk",
        case_reference=case.number,
    )
    staff_login(client, outsider)
    assert client.get(reverse("payments-staff:case", args=[case.number])).status_code == 403
    assert client.get(reverse("payments-staff:list"), {"q": case.number}).status_code == 403
    assert client.get(reverse("legalisation-staff:case", args=[case.number])).status_code == 403
    client.logout()
    staff_login(client, member)
    with translation.override("pl"):
        status, body = page_of(client, "legalisation-staff:case", case.number)
    assert status == 200 and 'class="fee-unpaid">niezapłacona<' in body
    assert "340,00\u00a0zł" in body and "34000" not in body


# ----------------------------------------------------------------------------- 4. deadline panel


def test_deadline_panel_only_for_case_roles_and_counts_their_scope(
    client, staff_login, legal_office, foreigner, supervisor
):
    member = staff("member@uw.example.gov.pl", legal_office, "officer")
    cashier = staff("cashier@uw.example.gov.pl", legal_office, "finance")
    team = Team.objects.create(office=legal_office, name="Zespół D")
    team.members.add(member)
    soon = timezone.localdate() + datetime.timedelta(days=3)
    mine, _pin = submitted_case(legal_office, foreigner)
    other, _pin = submitted_case(legal_office, foreigner, "temp_other")
    Case.objects.filter(pk__in=[mine.pk, other.pk]).update(legal_deadline=soon)
    Case.objects.filter(pk=mine.pk).update(team=team)
    panel_link = reverse("legalisation-staff:list") + "?at_risk=1"

    staff_login(client, cashier)
    body = client.get(reverse("staff:dashboard")).content.decode()
    assert 'id="deadlines-at-risk-count"' not in body and panel_link not in body
    assert "Sprawy z zagrożonym terminem" not in body and "Żadna sprawa nie ma" not in body
    client.logout()
    staff_login(client, member)
    body = client.get(reverse("staff:dashboard")).content.decode()
    assert mine.number in body and other.number not in body
    assert "1 sprawa z zagrożonym terminem" in body  # only the case of her team counts
    client.logout()
    staff_login(client, supervisor)
    body = client.get(reverse("staff:dashboard")).content.decode()
    assert mine.number in body and other.number in body and "2 sprawy z zagrożonym terminem" in body


# ----------------------------------------------------------------------------- 5. name search


@pytest.mark.parametrize(
    ("name", "queries"),
    [
        ("Łucja Wiśniewska", ["Wiśniewska", "WIŚNIEWSKA", "wiśn", "łucja", "Łucja Wiśniewska"]),
        ("Олена Шевченко", ["Шевченко", "шевч", "Олена", "ОЛЕНА ШЕВЧЕНКО"]),
        ("Żaneta Ściborska-Kowalczyk", ["Ściborska", "ŻANETA"]),
    ],
)
def test_name_search_finds_given_names_and_surnames(
    client, staff_login, legal_office, foreigner, supervisor, name, queries
):
    case, _pin = submitted_case(legal_office, foreigner)
    case.person_name = name
    case.save()
    decoy, _pin = submitted_case(legal_office, foreigner, "temp_other")
    staff_login(client, supervisor)
    for query in queries:
        _status, body = page_of(client, "legalisation-staff:list", q=query)
        assert case.number in body, query
        assert decoy.number not in body, query


# ----------------------------------------------------------------------------- 6. audit history page


def test_case_audit_history_is_served_as_html(client, staff_login, legal_office, foreigner, supervisor):
    case, _pin = submitted_case(legal_office, foreigner)
    staff_login(client, supervisor)
    response = client.get(reverse("audit:history", args=["legalisation.case", case.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "<h1>" in response.content.decode()


# ----------------------------------------------------------------------------- 7. the clock stops


def test_clock_stops_at_the_decision_and_decided_cases_are_never_overdue(
    client, staff_login, legal_office, foreigner, supervisor
):
    case, _pin = submitted_case(legal_office, foreigner)
    today = timezone.localdate()
    Case.objects.filter(pk=case.pk).update(fingerprints_at=today - datetime.timedelta(days=3))
    case.refresh_from_db()
    SupplementRequest.objects.create(
        case=case,
        text="Paszport",
        due_date=today + datetime.timedelta(days=7),
        requested_on=today,
        requested_by=supervisor,
    )
    for stage in ("accepted", "formal_check", "evidence_review", "draft_decision", "decision_refused"):
        transition(case, stage, supervisor, notify=False)
    case.refresh_from_db()
    decided = clock_for(case)
    later = clock_for(case, today=today + datetime.timedelta(days=40))
    assert not decided.paused and not case.clock_paused
    assert decided.deadline is not None  # the clock ran
    assert later.deadline == decided.deadline == case.legal_deadline  # the deadline no longer moves
    from plugins.legalisation.deadlines import is_overdue

    Case.objects.filter(pk=case.pk).update(legal_deadline=today - datetime.timedelta(days=5))
    case.refresh_from_db()
    assert not is_overdue(case)
    staff_login(client, supervisor)
    _status, body = page_of(client, "legalisation-staff:list", q=case.number)
    row = body.split(case.number, 1)[1].split("</tr>")[0]
    assert "po terminie" not in row and "wstrzymany" not in row


def test_open_case_past_its_deadline_is_overdue(legal_office, foreigner):
    from plugins.legalisation.deadlines import is_overdue

    case, _pin = submitted_case(legal_office, foreigner)
    Case.objects.filter(pk=case.pk).update(legal_deadline=timezone.localdate() - datetime.timedelta(days=1))
    case.refresh_from_db()
    assert is_overdue(case)


# ----------------------------------------------------------------------------- 10. amounts and names


def test_staff_case_page_shows_amounts_in_zloty_and_names_not_codes(
    client, staff_login, legal_office, foreigner, supervisor
):
    from przystan.offices.enablement import hooks_for_office

    case, _pin = submitted_case(legal_office, foreigner)
    hooks_for_office(legal_office).payment_settled(
        office=legal_office,
        payment={
            "reference": "P24-77",
            "case_reference": case.number,
            "fee_codes": ["stamp_temp_other"],
            "amount_grosze": 34000,
            "paid_at": None,
            "receipt_pdf": b"%PDF-1.4 receipt",
        },
    )
    staff_login(client, supervisor)
    with translation.override("pl"):
        _status, body = page_of(client, "legalisation-staff:case", case.number)
    assert "340,00\u00a0zł" in body and "34000 gr" not in body
    kinds = set(case.attachments.values_list("kind", flat=True))
    assert kinds
    documents = body.split("<h2>Dokumenty</h2>")[1].split("</ul>")[0]
    for code in kinds:
        assert f"({code})" not in documents
    response = client.post(
        reverse("legalisation-staff:transition", args=[case.number]), {"stage": "closed"}, follow=True
    )
    text = response.content.decode()
    assert "Sprawa nie może przejść z etapu" in text
    assert "„filed”" not in text and "„closed”" not in text


def test_portal_drafts_show_the_application_type_name(client, legal_office, foreigner):
    from .conftest import make_application

    make_application(legal_office, foreigner, "temp_spouse")
    client.force_login(foreigner)
    body = client.get(reverse("legalisation:home")).content.decode()
    assert ": temp_spouse<" not in body


def test_assign_service_is_audited_with_the_supervisor(legal_office, foreigner, supervisor):
    from przystan.audit.models import AuditEntry

    officer = staff("member@uw.example.gov.pl", legal_office, "officer")
    case, _pin = submitted_case(legal_office, foreigner)
    assign(case, officer, supervisor)
    assert AuditEntry.objects.for_object(case).filter(action="update", actor=supervisor).exists()


def test_queue_officer_sees_the_case_at_the_counter_without_its_messages_or_documents(
    client, staff_login, legal_office, foreigner
):
    from plugins.legalisation.services import post_message

    counter = staff("counter@uw.example.gov.pl", legal_office, "queue_officer")
    case, _pin = submitted_case(legal_office, foreigner)
    post_message(case, foreigner, "Prywatna wiadomość", from_office=False)
    staff_login(client, counter)
    status, body = page_of(client, "legalisation-staff:case", case.number)
    assert status == 200 and case.person_name in body
    assert "Prywatna wiadomość" not in body
    assert reverse("legalisation-staff:attachment", args=[case.attachments.first().public_id]) not in body
    assert case.messages.get().read_at is None  # her visit does not mark the person's message read
