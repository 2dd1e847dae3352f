"""Letters and decisions from the office's templates: placeholders, versions, the decision register,
PDFs in Polish and Cyrillic, inquiries sent over HTTP to the inbox simulator, reminders, access."""

from __future__ import annotations

import datetime
import io
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from plugins.legalisation.letters.issuing import issue
from plugins.legalisation.letters.seed import ensure_default_templates
from plugins.legalisation.models import (
    Case,
    DecisionRegister,
    Dispatch,
    Inquiry,
    InquiryReminder,
    Letter,
    LetterTemplate,
)
from przystan import dispatch
from przystan.audit.models import AuditEntry
from przystan.dispatch_simulator import InboxSimulator
from przystan.testing.factories import make_user

from .conftest import submitted_case

pytestmark = pytest.mark.django_db

SIMULATOR_PORT = 8723


@pytest.fixture
def inbox(settings):
    simulator = InboxSimulator("127.0.0.1", SIMULATOR_PORT).start()
    settings.PRZYSTAN_DISPATCH_URL = simulator.url
    yield simulator
    simulator.stop()


@pytest.fixture
def templates(legal_office):
    ensure_default_templates(legal_office)
    return legal_office


def template(office, kind, language="pl"):
    return LetterTemplate.objects.get(office=office, kind=kind, language=language)


def at_stage(case, stage):
    Case.objects.filter(pk=case.pk).update(stage=stage)
    case.refresh_from_db()
    return case


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


# --------------------------------------------------------------------------- templates as data


def test_unknown_placeholder_is_a_translated_error_and_nothing_is_saved(templates):
    summons = template(templates, "summons_appear")
    summons.body = "Proszę przyjść {kiedy}, sprawa {case_number}"
    with translation.override("pl"), pytest.raises(ValidationError) as caught:
        summons.save()
    message = " ".join(caught.value.message_dict["body"])
    assert "{kiedy}" in message and "Nieznany" in message and "{case_number}" in message
    summons.refresh_from_db()
    assert "{kiedy}" not in summons.body and summons.version == 1
    assert summons.versions.count() == 1


def test_staff_form_refuses_unknown_placeholder(client, staff_login, templates, supervisor):
    summons = template(templates, "summons_appear")
    staff_login(client, supervisor)
    url = reverse("legalisation-staff:letter-template", args=[summons.pk])
    data = {
        "title": "Wezwanie",
        "body": "Zapraszam {applicant_nam}",
        "legal_basis": "art. 50 KPA",
        "place": "Testowo",
        "signatory": "Dyrektor",
        "active": "on",
    }
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="uk")
    assert response.status_code == 400
    assert "{applicant_nam}" in response.content.decode()
    summons.refresh_from_db()
    assert summons.version == 1
    data["body"] = "Zapraszam {applicant_name} do {office_name}"
    assert client.post(url, data).status_code == 302
    summons.refresh_from_db()
    assert summons.version == 2 and summons.versions.count() == 2


def test_every_save_is_a_new_version_and_an_issued_letter_keeps_its_own(templates, supervisor, foreigner):
    case, _pin = submitted_case(templates, foreigner)
    summons = template(templates, "summons_appear")
    first = issue(case, summons, supervisor, details="Pokój 12", due_date=in_days(10))
    summons.body = "Nowa treść dla {applicant_name}."
    summons.save(saved_by=supervisor)
    assert summons.version == 2
    assert list(summons.versions.values_list("number", flat=True)) == [2, 1]
    second = issue(case, summons, supervisor, due_date=in_days(10))
    first.refresh_from_db()
    assert first.template_version.number == 1 and "Pokój 12" in first.body
    assert second.template_version.number == 2 and second.body == f"Nowa treść dla {case.person_name}."
    assert "Nowa treść" not in first.template_version.body


def test_seeded_templates_cover_every_kind_and_foreigner_languages(templates):
    kinds_pl = set(
        LetterTemplate.objects.filter(office=templates, language="pl").values_list("kind", flat=True)
    )
    assert len(kinds_pl) == 10
    for language in ("uk", "ru"):
        assert set(
            LetterTemplate.objects.filter(office=templates, language=language).values_list("kind", flat=True)
        ) == {"summons_appear", "summons_fingerprints", "summons_supplement", "summons_pay"}
    assert ensure_default_templates(templates) == 0  # idempotent
    refused = template(templates, "decision_refused")
    assert "14 dni od dnia jej doręczenia" in refused.appeal_instruction and refused.source


# --------------------------------------------------------------------------- decisions and the register


def test_decision_numbers_per_office_and_year_and_the_case_moves(
    templates, other_legal_office, supervisor, foreigner, other_foreigner
):
    ensure_default_templates(other_legal_office)
    boss_b = make_user(
        "b@drugi.example.gov.pl", kind="staff", roles=("supervisor",), office=other_legal_office
    )
    a1 = at_stage(submitted_case(templates, foreigner)[0], "draft_decision")
    a2 = at_stage(submitted_case(templates, foreigner)[0], "draft_decision")
    b1 = at_stage(submitted_case(other_legal_office, other_foreigner)[0], "draft_decision")
    year = timezone.localdate().year
    first = issue(a1, template(templates, "decision_granted"), supervisor)
    # refused because the case is no longer at a stage where a decision can be issued: no number used
    with pytest.raises(ValidationError):
        issue(a1, template(templates, "decision_refused"), supervisor)
    second = issue(a2, template(templates, "decision_refused"), supervisor, details="Brak środków.")
    other = issue(b1, template(other_legal_office, "decision_granted"), boss_b)
    assert (first.register_seq, second.register_seq, other.register_seq) == (1, 2, 1)
    assert first.register_number == f"TESTOWY/D/{year}/00001"
    assert first.title == f"Decyzja nr TESTOWY/D/{year}/00001"
    a1.refresh_from_db()
    a2.refresh_from_db()
    assert a1.stage == "decision_granted" and a2.stage == "decision_refused"
    assert "Brak środków." in second.reasoning
    assert "Szefa Urzędu do Spraw Cudzoziemców" in second.appeal_instruction
    assert a1.stage_changes.last().note == f"Decyzja {first.register_number}" or first.register_number in (
        a1.stage_changes.last().note
    )
    assert DecisionRegister.objects.get(office=templates, year=year).last == 2


PARALLEL_KINDS = ("decision_granted", "decision_refused", "decision_discontinued", "decision_left_unexamined")


def _issue_in_parallel(office, supervisor, count=4):
    """``count`` decisions of different kinds (different template rows, so only the register is shared)."""
    people = [make_user(f"p{i}@example.com", kind="foreigner") for i in range(count)]
    cases = [at_stage(submitted_case(office, p)[0], "draft_decision") for p in people]
    kinds = [template(office, kind) for kind in PARALLEL_KINDS[:count]]
    barrier = threading.Barrier(len(cases))
    results, errors = [], []

    def work(case, chosen):
        from django.db import connections

        try:
            barrier.wait(timeout=10)
            results.append(issue(case, chosen, supervisor).register_seq)
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(c, k)) for c, k in zip(cases, kinds, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results, errors


@pytest.mark.django_db(transaction=True)
def test_without_the_row_lock_parallel_decisions_collide(legal_office, supervisor, monkeypatch):
    """The race exists: a read-then-write counter hands one number to two decisions (the unique
    constraint refuses the second), which is why the register row is locked."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks are tested on PostgreSQL")
    import time

    from plugins.legalisation.letters import issuing

    def unlocked(office, year):
        DecisionRegister.objects.bulk_create(
            [DecisionRegister(office=office, year=year, last=0)], ignore_conflicts=True
        )
        register = DecisionRegister.objects.get(office=office, year=year)
        time.sleep(0.3)
        register.last += 1
        register.save(update_fields=["last"])
        return register.last

    monkeypatch.setattr(issuing, "next_register_entry", unlocked)
    ensure_default_templates(legal_office)
    results, errors = _issue_in_parallel(legal_office, supervisor, count=3)
    assert errors, results
    assert len(set(results)) == len(results)  # the constraint never lets a duplicate through


@pytest.mark.django_db(transaction=True)
def test_two_threads_issuing_decisions_at_once_get_two_numbers_without_gaps(legal_office, supervisor):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are tested on PostgreSQL")
    ensure_default_templates(legal_office)
    results, errors = _issue_in_parallel(legal_office, supervisor)
    assert errors == []
    assert sorted(results) == [1, 2, 3, 4]
    assert sorted(Letter.objects.values_list("register_seq", flat=True)) == [1, 2, 3, 4]
    assert DecisionRegister.objects.get(office=legal_office).last == 4


# --------------------------------------------------------------------------- PDF


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("pl", ["Wezwanie do osobistego stawiennictwa", "Numer sprawy", "zażółć"]),
        ("uk", ["Виклик для особистої явки", "Шановний(-а)", "Номер справи"]),
        ("ru", ["Вызов для личной явки", "Уважаемый(-ая)", "Номер дела"]),
    ],
)
def test_letter_pdf_has_letterhead_and_polish_or_cyrillic_text(
    templates, supervisor, foreigner, language, words
):
    case, _pin = submitted_case(templates, foreigner)
    letter = issue(
        case,
        template(templates, "summons_appear", language),
        supervisor,
        details="zażółć gęślą jaźń",
        due_date=in_days(7),
    )
    with letter.pdf.open("rb") as handle:
        text = pdf_text(handle.read())
    normalized = " ".join(text.split())
    for word in words:
        assert word in normalized, (word, normalized[:400])
    assert templates.name.split()[0] in normalized  # the letterhead
    assert case.number in normalized


def test_decision_pdf_carries_number_basis_reasoning_and_appeal(templates, supervisor, foreigner):
    case = at_stage(submitted_case(templates, foreigner)[0], "draft_decision")
    letter = issue(
        case, template(templates, "decision_refused"), supervisor, details="Uzasadnienie: brak ubezpieczenia."
    )
    with letter.pdf.open("rb") as handle:
        text = " ".join(pdf_text(handle.read()).split())
    for word in (
        letter.register_number,
        "Podstawa prawna",
        "Uzasadnienie",
        "Pouczenie",
        "ubezpieczenia",
        "14 dni",
    ):
        assert word in text, word


# --------------------------------------------------------------------------- inquiries, dispatch and reminders


def test_inquiry_is_sent_over_http_to_the_simulator_with_its_pdf(templates, supervisor, foreigner, inbox):
    case, _pin = submitted_case(templates, foreigner)
    letter = issue(
        case, template(templates, "inquiry"), supervisor, authority="border_guard", due_date=in_days(30)
    )
    assert letter.inquiry is not None and letter.inquiry.due_on == in_days(30)
    assert len(inbox.received) == 1
    received = inbox.received[0]
    assert received["recipient"] == "border_guard" and received["reference"] == case.number
    assert received["purpose"] == "letter" and "Straż Graniczna" in received["body"]
    assert received["attachments"][0]["content_type"] == "application/pdf"
    sent = Dispatch.objects.get(letter=letter)
    assert sent.dispatch_id == received["dispatch_id"] and sent.status == "delivered" and sent.delivered_at


def test_inquiry_is_not_issued_when_the_inbox_refuses(templates, supervisor, foreigner, inbox):
    case, _pin = submitted_case(templates, foreigner)
    inbox.refuse_next = 1
    with pytest.raises(dispatch.DispatchError):
        issue(case, template(templates, "inquiry"), supervisor, authority="police", due_date=in_days(30))
    assert not Letter.objects.filter(case=case).exists() and not Inquiry.objects.filter(case=case).exists()


def test_inquiry_without_authority_or_due_date_is_refused(templates, supervisor, foreigner):
    case, _pin = submitted_case(templates, foreigner)
    with translation.override("pl"), pytest.raises(ValidationError) as caught:
        issue(case, template(templates, "inquiry"), supervisor, authority="", due_date=None)
    assert set(caught.value.message_dict) == {"authority", "due_date"}
    assert not Letter.objects.exists()


def test_overdue_inquiry_gets_one_reminder_per_period(
    templates, supervisor, foreigner, inbox, client, staff_login
):
    case, _pin = submitted_case(templates, foreigner)
    letter = issue(case, template(templates, "inquiry"), supervisor, authority="abw", due_date=in_days(5))
    due = letter.inquiry.due_on
    call_command("legalisation_inquiry_reminders", today=due.isoformat(), stdout=io.StringIO())
    assert InquiryReminder.objects.count() == 0  # not overdue on the due date
    for day in (1, 3, 7):  # the first period (7 days by default): one reminder
        call_command(
            "legalisation_inquiry_reminders",
            today=(due + datetime.timedelta(days=day)).isoformat(),
            stdout=io.StringIO(),
        )
    assert InquiryReminder.objects.count() == 1
    call_command(
        "legalisation_inquiry_reminders",
        today=(due + datetime.timedelta(days=8)).isoformat(),
        stdout=io.StringIO(),
    )
    assert InquiryReminder.objects.count() == 2
    reminders = [m for m in inbox.received if m["purpose"] == "reminder"]
    assert len(reminders) == 2 and reminders[0]["recipient"] == "abw" and case.number in reminders[0]["body"]
    # the handler sees it on the case page
    staff_login(client, supervisor)
    page = client.get(reverse("legalisation-staff:case", args=[case.number])).content.decode()
    assert "a reminder was sent" in page or "przypomnienie" in page or reminders[0]["dispatch_id"] in page
    # answered: no more reminders
    Inquiry.objects.filter(pk=letter.inquiry.pk).update(answered_on=due)
    call_command(
        "legalisation_inquiry_reminders",
        today=(due + datetime.timedelta(days=20)).isoformat(),
        stdout=io.StringIO(),
    )
    assert InquiryReminder.objects.count() == 2


def test_failed_reminder_is_retried_next_run(templates, supervisor, foreigner, inbox):
    case, _pin = submitted_case(templates, foreigner)
    letter = issue(case, template(templates, "inquiry"), supervisor, authority="consul", due_date=in_days(2))
    later = (letter.inquiry.due_on + datetime.timedelta(days=1)).isoformat()
    inbox.refuse_next = 1
    call_command("legalisation_inquiry_reminders", today=later, stdout=io.StringIO())
    assert InquiryReminder.objects.count() == 0
    call_command("legalisation_inquiry_reminders", today=later, stdout=io.StringIO())
    assert InquiryReminder.objects.count() == 1


def test_periodic_job_is_contributed():
    from przystan.pluginsys.manager import get_plugin_system

    jobs = [j for found in get_plugin_system().pm.hook.periodic_jobs() for j in found or []]
    assert any(j.command == "legalisation_inquiry_reminders" for j in jobs)


# --------------------------------------------------------------------------- staff journey and access


def test_preview_then_issue_then_download(client, staff_login, templates, supervisor, foreigner):
    case = at_stage(submitted_case(templates, foreigner)[0], "draft_decision")
    staff_login(client, supervisor)
    url = reverse("legalisation-staff:letter-issue", args=[case.number])
    assert client.get(url).status_code == 200
    granted = template(templates, "decision_granted")
    form = {"template": granted.pk, "details": "", "due_date": "", "authority": ""}
    preview = client.post(url, {**form, "action": "preview"})
    assert preview.status_code == 200
    body = preview.content.decode()
    assert "Decyzja nr" in body and case.person_name in body
    assert not Letter.objects.exists()
    issued = client.post(url, {**form, "action": "issue", "version": granted.version})
    assert issued.status_code == 302
    letter = Letter.objects.get()
    case.refresh_from_db()
    assert case.stage == "decision_granted"
    page = client.get(reverse("legalisation-staff:case", args=[case.number])).content.decode()
    assert letter.register_number in page
    pdf = client.get(reverse("legalisation-staff:letter-pdf", args=[case.number, letter.public_id]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf["Cache-Control"] == "private, no-store"
    assert AuditEntry.objects.for_object(letter).filter(action="read").exists()


def test_stale_preview_is_refused(client, staff_login, templates, supervisor, foreigner):
    case, _pin = submitted_case(templates, foreigner)
    staff_login(client, supervisor)
    summons = template(templates, "summons_pay")
    summons.save()  # changed after the officer looked at the preview
    response = client.post(
        reverse("legalisation-staff:letter-issue", args=[case.number]),
        {"template": summons.pk, "due_date": in_days(7).isoformat(), "action": "issue", "version": 1},
    )
    assert response.status_code == 400 and not Letter.objects.exists()


def test_access_matrix_for_letters(
    client, staff_login, templates, other_legal_office, supervisor, officer, foreigner
):
    from plugins.legalisation.models import Team

    case = at_stage(submitted_case(templates, foreigner)[0], "draft_decision")
    letter = issue(case, template(templates, "summons_appear"), supervisor, due_date=in_days(7))
    issue_url = reverse("legalisation-staff:letter-issue", args=[case.number])
    pdf_url = reverse("legalisation-staff:letter-pdf", args=[case.number, letter.public_id])
    edit_url = reverse("legalisation-staff:letter-template", args=[template(templates, "summons_appear").pk])
    list_url = reverse("legalisation-staff:letter-templates")

    # another office's supervisor: 404 on its own host for this office's case and template
    boss_b = make_user(
        "b@drugi.example.gov.pl", kind="staff", roles=("supervisor",), office=other_legal_office
    )
    staff_login(client, boss_b)
    host = {"HTTP_HOST": "drugi.testserver"}
    assert client.get(issue_url, **host).status_code == 404
    assert client.get(pdf_url, **host).status_code == 404
    assert client.get(edit_url, **host).status_code == 404
    client.logout()

    # an officer who does not handle the case: 403 (audited); may not edit templates
    staff_login(client, officer)
    assert client.get(issue_url).status_code == 403
    assert client.get(pdf_url).status_code == 403
    assert client.get(list_url).status_code == 200
    assert client.get(edit_url).status_code == 403
    assert AuditEntry.objects.for_object(case).filter(action="denied").exists()
    # in the case's team: may issue letters but not decisions (approve)
    team = Team.objects.create(office=templates, name="Zespół I")
    team.members.add(officer)
    Case.objects.filter(pk=case.pk).update(team=team)
    assert client.get(issue_url).status_code == 200
    assert "decision_granted" not in client.get(issue_url).content.decode()
    granted = template(templates, "decision_granted")
    refused = client.post(issue_url, {"template": granted.pk, "action": "issue"})
    assert refused.status_code in (400, 403) and not Letter.objects.filter(kind="decision_granted").exists()
    assert client.get(pdf_url).status_code == 200
    client.logout()

    # the foreigner: staff pages are not for her
    client.force_login(foreigner)
    for url in (issue_url, pdf_url, list_url, edit_url):
        assert client.get(url).status_code == 403, url


def test_office_admin_edits_templates(client, staff_login, templates):
    admin = make_user("admin@uw.example.gov.pl", kind="staff", roles=("office_admin",), office=templates)
    staff_login(client, admin)
    assert client.get(reverse("legalisation-staff:letter-templates")).status_code == 200
    response = client.post(
        reverse("legalisation-staff:letter-template-new"),
        {
            "kind": "summons_appear",
            "language": "en",
            "title": "Summons",
            "body": "Dear {applicant_name},",
            "active": "on",
        },
    )
    assert response.status_code == 302
    created = LetterTemplate.objects.get(office=templates, kind="summons_appear", language="en")
    assert created.version == 1 and created.versions.get().saved_by == admin
    duplicate = client.post(
        reverse("legalisation-staff:letter-template-new"),
        {"kind": "summons_appear", "language": "en", "title": "Again", "body": "x", "active": "on"},
    )
    assert duplicate.status_code == 400


def test_dashboard_panel_shows_the_handler_overdue_inquiries(rf, templates, supervisor, foreigner, inbox):
    from plugins.legalisation.letters.panels import overdue_inquiries

    case, _pin = submitted_case(templates, foreigner)
    letter = issue(case, template(templates, "inquiry"), supervisor, authority="police", due_date=in_days(3))
    request = rf.get("/staff/")
    request.user, request.office = supervisor, templates
    assert overdue_inquiries(request) == ""
    Inquiry.objects.filter(pk=letter.inquiry.pk).update(due_on=in_days(-2))
    call_command("legalisation_inquiry_reminders", stdout=io.StringIO())
    with translation.override("pl"):
        html = overdue_inquiries(request)
    assert case.number in html and "Ostatnie przypomnienie" in html
    assert timezone.localdate().strftime("%d.%m.%Y") in html  # the staff date format


def test_a_decision_keeps_no_due_date_and_an_inquiry_authority_only_for_inquiries(
    templates, supervisor, foreigner
):
    case = at_stage(submitted_case(templates, foreigner)[0], "draft_decision")
    decision = issue(
        case, template(templates, "decision_granted"), supervisor, due_date=in_days(14), authority="police"
    )
    assert decision.due_date is None and decision.authority == ""


def test_request_to_supplement_letter_opens_the_request_and_pauses_the_clock(
    templates, supervisor, foreigner
):
    case = at_stage(submitted_case(templates, foreigner)[0], "formal_check")
    letter = issue(
        case,
        template(templates, "request_supplement"),
        supervisor,
        details="Brak zdjęcia.",
        due_date=in_days(7),
    )
    case.refresh_from_db()
    assert case.stage == "supplement_requested" and case.clock_paused
    assert case.supplements.get().text == "Brak zdjęcia." and "Brak zdjęcia." in letter.body


def test_demo_hook_seeds_the_templates_once(legal_office):
    from plugins.legalisation.letters.seed import seed_for_demo

    out = io.StringIO()
    seed_for_demo(legal_office, out)
    seed_for_demo(legal_office, out)
    assert LetterTemplate.objects.filter(office=legal_office).count() == 18
    assert out.getvalue().count("letter templates") == 1


def test_letter_templates_panel_counts_and_links(rf, templates):
    from plugins.legalisation.letters.panels import letter_templates_panel

    request = rf.get("/staff/")
    request.office = templates
    with translation.override("uk"):
        html = letter_templates_panel(request)
    assert "18 шаблонів листів використовуються." in html
    assert reverse("legalisation-staff:letter-templates") in html


def test_summons_for_fingerprints_and_inquiry_move_the_case_when_the_workflow_allows(
    templates, supervisor, foreigner, inbox
):
    case = at_stage(submitted_case(templates, foreigner)[0], "accepted")
    issue(case, template(templates, "summons_fingerprints", "ru"), supervisor, due_date=in_days(10))
    case.refresh_from_db()
    assert case.stage == "summons_fingerprints"
    case = at_stage(case, "formal_check")
    issue(case, template(templates, "inquiry"), supervisor, authority="consul", due_date=in_days(30))
    case.refresh_from_db()
    assert case.stage == "opinions_requested"
    # a second inquiry at that stage is issued without a move
    issue(case, template(templates, "inquiry"), supervisor, authority="police", due_date=in_days(30))
    case.refresh_from_db()
    assert case.stage == "opinions_requested" and case.inquiries.count() == 2


def test_no_decision_on_the_merits_while_a_supplement_is_open_or_an_authority_may_still_answer(
    templates, supervisor, foreigner
):
    """Seen in a user test: a permit was granted with the request to supplement still open and the
    Border Guard's answer not yet due. Now the decision is refused in words and no number is used."""
    from plugins.legalisation.models import Inquiry, SupplementRequest

    case = at_stage(submitted_case(templates, foreigner)[0], "draft_decision")
    today = timezone.localdate()
    request = SupplementRequest.objects.create(
        case=case,
        text="Załącznik nr 1",
        due_date=today + datetime.timedelta(days=7),
        requested_on=today,
        requested_by=supervisor,
    )
    with pytest.raises(ValidationError) as refused:
        issue(case, template(templates, "decision_granted"), supervisor)
    assert (
        translation.gettext(
            "A request to supplement is still open: record the answer first, or leave the application "
            "unexamined if the time has passed."
        )
        in refused.value.messages
    )
    # leaving the application unexamined is exactly what an unanswered request leads to
    SupplementRequest.objects.filter(pk=request.pk).update(answered_on=today)
    inquiry = Inquiry.objects.create(
        case=case,
        authority="border_guard",
        sent_on=today,
        due_on=today + datetime.timedelta(days=30),
        created_by=supervisor,
    )
    with pytest.raises(ValidationError):
        issue(case, template(templates, "decision_refused"), supervisor)
    assert not case.letters.exists()  # nothing issued, no register number used
    Inquiry.objects.filter(pk=inquiry.pk).update(due_on=today - datetime.timedelta(days=1))  # silence
    granted = issue(case, template(templates, "decision_granted"), supervisor)
    assert granted.register_seq == 1
