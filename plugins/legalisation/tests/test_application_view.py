"""Officers see the electronic application: answers by section with labels and formatted values,
attachment type checks (magic bytes) and previews, signatures, the filing confirmation, the staff PDF
(text and barcode read back) and the counter page (scan or type the number, checklist, saved check)."""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from PIL import Image

from plugins.legalisation.electronic import (
    attachment_checks,
    check_attachment,
    format_value,
    grouped_answers,
    signatures,
)
from plugins.legalisation.fields import FieldSpec
from plugins.legalisation.models import CounterCheck
from przystan.audit.models import AuditEntry
from przystan.testing.factories import make_user

from .electronic_data import CYRILLIC_PURPOSE, MOS_NUMBER, POLISH_STREET, UPO, electronic_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def mos_case(legal_office, foreigner, officer):
    return electronic_case(legal_office, foreigner, assignee=officer)


def attachment(case, kind):
    return case.application.attachments.get(kind=kind)


# ------------------------------------------------------------------ grouping and formatting


def test_answers_are_grouped_as_on_the_form_with_labels_and_formatted_values(mos_case):
    with translation.override("pl"):
        sections = grouped_answers(mos_case.application)
        titles = [s.title for s in sections]
        assert titles == ["Dane osobowe", "Adres i kontakt", "Praca", "Inne dane z wniosku"]
        personal = {a.name: a for a in sections[0].answers}
        assert personal["birth_date"].label == "Data urodzenia"  # a label, not the field name
        assert personal["birth_date"].value == "12 kwietnia 1990"  # one date format, in words
        assert personal["fathers_name"].value == "—"
        work = {a.name: a.value for a in sections[2].answers}
        assert work["employment_start"] == "1 lutego 2026"
        assert work["monthly_salary"].replace("\xa0", " ") == "6 500"
        contact = {a.name: a.value for a in sections[1].answers}
        assert contact["street"] == POLISH_STREET
        other = {a.label: a.value for a in sections[3].answers}
        assert other["Mos reference note"] == "Дані з MOS"  # unknown to every form: its name
        assert other["Cel pobytu"] == CYRILLIC_PURPOSE  # a field of another type's form: its label
    with translation.override("uk"):
        sections = grouped_answers(mos_case.application)
        assert sections[0].title == "Персональні дані"
        assert {a.name: a.value for a in sections[0].answers}["birth_date"] == "12 квітня 1990"


def test_choices_are_shown_in_words_and_booleans_as_yes_no():
    spec = FieldSpec("marital", "Stan cywilny", kind="choice", choices=(("married", "w związku małżeńskim"),))
    assert format_value(spec, "married") == "w związku małżeńskim"
    with translation.override("en"):
        assert format_value(FieldSpec("flag", "Flag"), True) == "yes"


def test_signatures_in_words(mos_case):
    with translation.override("en"):
        found = signatures(mos_case.application)
    assert [s.kind for s in found] == ["Qualified electronic signature", "Trusted profile (profil zaufany)"]
    assert found[0].valid and not found[1].valid
    assert found[0].signed_at == "30 November 2026, 10:15"  # office time zone (Warsaw, UTC+1)


# ------------------------------------------------------------------ type checks


def test_type_check_flags_a_declared_type_that_the_content_contradicts(mos_case):
    with translation.override("en"):
        photo = check_attachment(attachment(mos_case, "photo"))
        passport = check_attachment(attachment(mos_case, "passport_copy"))
        contract = check_attachment(attachment(mos_case, "contract"))
        insurance = check_attachment(attachment(mos_case, "insurance"))
    assert photo.ok and contract.ok
    assert passport.problem == "Declared as PDF document, but the content is a PNG image."
    assert "not a PDF, JPEG or PNG file" in insurance.problem and not insurance.previewable
    with translation.override("pl"):
        assert "ale zawartość to" in check_attachment(attachment(mos_case, "passport_copy")).problem


def test_the_upo_from_mos_is_a_confirmation_not_a_suspicious_file(mos_case):
    """Seen in the demo and a user test: the UPO (XML) MOS delivers was flagged "do not open"."""
    from plugins.legalisation.electronic import attachment_labels

    from .electronic_data import add_file

    upo = add_file(
        mos_case.application, "mos_upo", "upo.xml", b'<?xml version="1.0"?><UPO/>', "application/xml"
    )
    bad = add_file(mos_case.application, "mos_upo", "upo.xml", b"MZ\x90\x00", "application/xml")
    with translation.override("en"):
        assert check_attachment(upo).ok and not check_attachment(upo).previewable
        assert not check_attachment(bad).ok  # not XML or JSON: still flagged
        assert (
            attachment_labels(mos_case.application_type)["mos_upo"] == "Confirmation of filing from MOS (UPO)"
        )


# ------------------------------------------------------------------ case page


def test_case_page_shows_the_application_to_its_handler(client, staff_login, mos_case, officer):
    staff_login(client, officer)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("legalisation-staff:case", args=[mos_case.number]))
    html = page.content.decode()
    assert page.status_code == 200
    for text in (
        "Personal data",
        "Date of birth",
        "12 April 1990",
        POLISH_STREET,
        CYRILLIC_PURPOSE,
        "Declared as PDF document, but the content is a PNG image.",
        "Qualified electronic signature",
        "NOT valid",
        UPO,
        MOS_NUMBER,
        reverse("legalisation-staff:preview", args=[attachment(mos_case, "photo").public_id]),
        reverse("legalisation-staff:application-pdf", args=[mos_case.number]),
    ):
        assert text in html, text
    # no preview for content that is not a recognised document
    assert (
        reverse("legalisation-staff:preview", args=[attachment(mos_case, "insurance").public_id]) not in html
    )


def test_queue_officer_sees_the_case_but_not_the_application(client, staff_login, mos_case, legal_office):
    queue = make_user(
        "kolejka@uw.example.gov.pl", kind="staff", roles=("queue_officer",), office=legal_office
    )
    staff_login(client, queue)
    html = client.get(reverse("legalisation-staff:case", args=[mos_case.number])).content.decode()
    assert mos_case.number in html and POLISH_STREET not in html and UPO not in html


# ------------------------------------------------------------------ previews


def test_previews_render_images_and_the_first_pdf_page_and_are_audited(
    client, staff_login, mos_case, officer
):
    staff_login(client, officer)
    for kind in ("photo", "contract", "passport_copy"):
        found = attachment(mos_case, kind)
        response = client.get(reverse("legalisation-staff:preview", args=[found.public_id]))
        assert response.status_code == 200, kind
        assert response["Content-Type"] == "image/png"
        assert response["Cache-Control"] == "private, no-store"
        with Image.open(io.BytesIO(response.content)) as image:
            assert max(image.size) <= 360
            if kind == "contract":  # pdftoppm drew the page: the black square is there
                assert image.convert("L").getextrema()[0] < 50
        assert (
            AuditEntry.objects.for_object(mos_case)
            .filter(action="read", reason=f"attachment preview {found.public_id}")
            .exists()
        )
    bad = attachment(mos_case, "insurance")
    assert client.get(reverse("legalisation-staff:preview", args=[bad.public_id])).status_code == 404


def test_preview_denied_to_officer_outside_the_team_and_to_another_office(
    client, staff_login, mos_case, legal_office, other_legal_office
):
    url = reverse("legalisation-staff:preview", args=[attachment(mos_case, "photo").public_id])
    stranger = make_user("inny@uw.example.gov.pl", kind="staff", roles=("officer",), office=legal_office)
    staff_login(client, stranger)
    assert client.get(url).status_code == 403
    assert AuditEntry.objects.for_object(mos_case).filter(action="denied", actor=stranger).exists()
    client.logout()
    boss_b = make_user(
        "b@drugi.example.gov.pl", kind="staff", roles=("supervisor",), office=other_legal_office
    )
    staff_login(client, boss_b)
    assert client.get(url, HTTP_HOST="drugi.testserver").status_code == 404
    assert AuditEntry.objects.for_object(mos_case).filter(action="denied", actor=boss_b).exists()
    assert not AuditEntry.objects.filter(action="read", actor__in=[stranger, boss_b]).exists()


# ------------------------------------------------------------------ staff PDF


def pdf_text_and_codes(pdf: bytes) -> tuple[str, set[tuple[str, str]]]:
    from pyzbar.pyzbar import decode

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "doc.pdf"
        source.write_bytes(pdf)
        text = subprocess.run(
            ["pdftotext", str(source), "-"], capture_output=True, text=True, check=True
        ).stdout
        subprocess.run(["pdftoppm", "-r", "300", "-png", str(source), str(Path(tmp) / "p")], check=True)
        codes = set()
        for image_path in sorted(Path(tmp).glob("p*.png")):
            with Image.open(image_path) as image:
                codes |= {(c.type, c.data.decode("ascii")) for c in decode(image.convert("L"))}
    return text, codes


def test_staff_pdf_carries_answers_checks_signatures_confirmation_and_barcode(
    client, staff_login, mos_case, officer
):
    staff_login(client, officer)
    client.cookies["django_language"] = "pl"
    response = client.get(reverse("legalisation-staff:application-pdf", args=[mos_case.number]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text, codes = pdf_text_and_codes(response.content)
    flat = " ".join(text.split())
    for expected in (
        "Dane osobowe",
        "Żółkiewskiego",
        "Zakład Łączności",
        "Навчання в університеті",
        "12 kwietnia 1990",
        "PNG",
        UPO,
        MOS_NUMBER,
        "Olena Shevchenko",
    ):
        assert expected in flat, expected
    assert ("CODE128", mos_case.number) in codes
    assert (
        AuditEntry.objects.for_object(mos_case).filter(action="read", reason="staff application PDF").exists()
    )


def test_staff_pdf_denied_outside_the_scope(client, staff_login, mos_case, legal_office, foreigner):
    stranger = make_user("inny@uw.example.gov.pl", kind="staff", roles=("officer",), office=legal_office)
    staff_login(client, stranger)
    assert (
        client.get(reverse("legalisation-staff:application-pdf", args=[mos_case.number])).status_code == 403
    )
    client.logout()
    client.force_login(foreigner)
    assert (
        client.get(reverse("legalisation-staff:application-pdf", args=[mos_case.number])).status_code == 403
    )


# ------------------------------------------------------------------ counter


def test_counter_finds_the_case_by_scan_and_by_typed_number(client, staff_login, mos_case, officer):
    staff_login(client, officer)
    url = reverse("legalisation-staff:counter")
    client.cookies["django_language"] = "en"
    empty = client.get(url)
    assert empty.status_code == 200 and b"autofocus" in empty.content
    # a scanner types the code (sometimes with a prefix control character) and Enter submits the form
    scanned = client.get(url, {"number": f"\x02{mos_case.number}\r"})
    typed = client.get(url, {"number": f" {mos_case.number.lower()} "})
    for response in (scanned, typed):
        html = response.content.decode()
        assert response.status_code == 200
        assert POLISH_STREET in html and "Documents checklist" in html
        assert "Photograph (35 × 45 mm)" in html and "Employment contract" in html
        assert 'name="status_photo"' in html
        # the field is empty and focused again, so the next printout can be scanned at once
        assert '<input id="id_number" name="number" autocomplete="off" autofocus' in html
    assert AuditEntry.objects.for_object(mos_case).filter(action="read", reason="counter").count() == 2


def test_counter_unknown_and_forbidden_numbers_get_the_same_message(
    client, staff_login, mos_case, legal_office, other_legal_office, other_foreigner
):
    from .conftest import submitted_case

    other_case, _pin = submitted_case(other_legal_office, other_foreigner)
    stranger = make_user("inny@uw.example.gov.pl", kind="staff", roles=("officer",), office=legal_office)
    staff_login(client, stranger)
    client.cookies["django_language"] = "uk"
    url = reverse("legalisation-staff:counter")
    answers = {}
    for label, number in (
        ("unknown", "TESTOWY-2026-999999"),
        ("team", mos_case.number),
        ("office", other_case.number),
    ):
        response = client.get(url, {"number": number})
        assert response.status_code == 404, label
        html = response.content.decode()
        assert POLISH_STREET not in html
        answers[label] = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html.replace(number, "N"))
    assert answers["unknown"] == answers["team"] == answers["office"]
    assert "Справу з номером" in answers["unknown"]
    assert AuditEntry.objects.for_object(mos_case).filter(action="denied", actor=stranger).exists()
    assert AuditEntry.objects.for_object(other_case).filter(action="denied", actor=stranger).exists()


def test_counter_check_is_validated_saved_audited_and_shown_on_the_case(
    client, staff_login, mos_case, officer
):
    staff_login(client, officer)
    client.cookies["django_language"] = "en"
    url = reverse("legalisation-staff:counter-check", args=[mos_case.number])
    partial = client.post(url, {"status_photo": "seen", "status_contract": "missing"})
    assert partial.status_code == 400
    html = partial.content.decode()
    assert "Mark “Copy of all passport pages” as original seen or missing." in html
    assert "Write a note for the missing “Employment contract”" in html
    assert 'value="seen" checked' in html  # what was ticked is kept
    assert not CounterCheck.objects.exists()
    data = {
        "status_photo": "seen",
        "status_passport_copy": "seen",
        "status_contract": "missing",
        "note_contract": "Przyniesie oryginał umowy jutro",
        "status_insurance": "seen",
        "note": "Paszport okazany",
    }
    saved = client.post(url, data)
    assert saved.status_code == 302 and saved["Location"].endswith(f"?number={mos_case.number}")
    check = CounterCheck.objects.get()
    assert check.case == mos_case and check.checked_by == officer
    assert [i["code"] for i in check.missing] == ["contract"]
    assert AuditEntry.objects.for_object(check).filter(action="create", office=mos_case.office).exists()
    page = client.get(reverse("legalisation-staff:case", args=[mos_case.number]))
    html = page.content.decode()
    assert "Przyniesie oryginał umowy jutro" in html and "Checks at the counter" in html


def test_counter_check_outside_the_scope_is_refused(client, staff_login, mos_case, legal_office, foreigner):
    url = reverse("legalisation-staff:counter-check", args=[mos_case.number])
    stranger = make_user("inny@uw.example.gov.pl", kind="staff", roles=("officer",), office=legal_office)
    staff_login(client, stranger)
    assert client.post(url, {"status_photo": "seen"}).status_code == 404
    client.logout()
    client.force_login(foreigner)
    assert client.get(reverse("legalisation-staff:counter")).status_code == 403
    assert client.post(url, {"status_photo": "seen"}).status_code == 403
    assert not CounterCheck.objects.exists()


def test_new_pages_access_matrix(client, staff_login, mos_case, legal_office, supervisor, officer, foreigner):
    pages = [
        reverse("legalisation-staff:counter"),
        reverse("legalisation-staff:application-pdf", args=[mos_case.number]),
        reverse("legalisation-staff:preview", args=[attachment(mos_case, "photo").public_id]),
    ]
    for url in pages:
        assert client.get(url).status_code == 302, url  # anonymous → sign in
    queue = make_user(
        "kolejka@uw.example.gov.pl", kind="staff", roles=("queue_officer",), office=legal_office
    )
    expected = {officer: 200, supervisor: 200, queue: 403}
    for user, status in expected.items():
        client.logout()
        staff_login(client, user)
        for url in pages:
            assert client.get(url).status_code == status, (user.email, url)
    client.logout()
    client.force_login(foreigner)
    for url in pages:
        assert client.get(url).status_code == 403, url


def test_demo_case_has_an_electronic_application_once(legal_office, foreigner):
    import io as _io

    from plugins.legalisation.demo import load
    from plugins.legalisation.demo_electronic import load_electronic
    from plugins.legalisation.models import Application, Case

    foreigner.email = "olena.shevchenko@example.com"
    foreigner.save()
    for _ in range(2):
        load(legal_office, _io.StringIO())
        load_electronic(legal_office, _io.StringIO())
    case = Case.objects.get(mos_number=f"MOS-DEMO-{legal_office.pk}-001")
    application = Application.objects.get(case=case)
    assert application.attachments.count() == 4 and len(application.signatures) == 2
    with translation.override("en"):
        problems = [c.problem for c in attachment_checks(application) if c.problem]
    assert problems == ["Declared as PDF document, but the content is a JPEG image."]
