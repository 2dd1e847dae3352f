"""Every public form that collects personal data shows the GDPR art. 13 notice, built from the office.

The forms are discovered, not listed: every public URL pattern of the installation (plugins and core,
``exposure`` public or both, not staff-only) is a test case, and so is every live page of the demo
portal. A route with parameters is tried with records from the demo (``SAMPLES``) or is declared to
have no form collecting data (``WITHOUT_FORM``, with the reason) — so a new public route fails here
until someone decides, and a new form without ``{% privacy_notice %}`` fails too. The notice must name
the office as controller and its data protection officer, and rest on art. 6(1)(e) or (c), not consent.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from django.db import transaction
from django.test import Client

from przystan.pluginsys.manager import get_plugin_system
from przystan.profiles import Exposure

NOT_DATA_INPUTS = {"hidden", "submit", "button", "checkbox", "radio", "reset", "image", "search"}
HONEYPOTS = {"website"}


class _Forms(HTMLParser):
    """POST forms of a page and whether each has a field a person types or uploads data into."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self._open: dict[str, Any] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "form" and a.get("method", "get").lower() == "post":
            self._open = {"action": a.get("action", ""), "fields": []}
        elif self._open is not None and tag in ("input", "textarea"):
            kind = "textarea" if tag == "textarea" else a.get("type", "text").lower()
            if kind not in NOT_DATA_INPUTS and a.get("name") not in HONEYPOTS:
                self._open["fields"].append(a.get("name", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self._open is not None:
            self.forms.append(self._open)
            self._open = None


def personal_data_forms(page: str) -> list[dict[str, Any]]:
    """The POST forms of ``page`` that collect something typed or uploaded (not just buttons or choices)."""
    parser = _Forms()
    parser.feed(page)
    return [form for form in parser.forms if form["fields"]]


def notices(page: str) -> list[str]:
    return re.findall(r'<section class="privacy-notice".*?</section>', page, flags=re.S)


# ------------------------------------------------------------------------------------------ the routes


def _walk(patterns: Any, prefix: str) -> Iterator[tuple[str, Any]]:
    from django.urls import URLPattern, URLResolver

    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def public_routes() -> list[str]:
    """Every URL pattern a foreigner, an employer or a visitor may open (not internal, not staff-only)."""
    from przystan import access

    routes = []
    for contribution in get_plugin_system().registry("urls"):
        if contribution.exposure is Exposure.INTERNAL:
            continue
        for route, callback in _walk(contribution.patterns, f"{contribution.prefix.strip('/')}/"):
            entry = access.access_entry(callback)
            if entry is not None and not getattr(entry, "staff", False):
                routes.append(route)
    return routes


#: Public routes with parameters that show no form collecting personal data, and why.
WITHOUT_FORM = {
    "accounts/verify/<str:token>/": "confirms the e-mail address from the link; no form",
    "accounts/mfa/enrol/<str:token>/": "staff enrolment of a second factor (staff accounts only)",
    "booking/visit/<str:token>/": "the visit's page: a cancel button only",
    "booking/visit/<str:token>/visit.ics": "a calendar file",
    "booking/visit/<str:token>/cancel/": "POST target of the cancel button",
    "booking/visit/<str:token>/reschedule/": "choosing another time (radio buttons); no new data",
    "booking/offer/<str:token>/": "accepting a held time: one button",
    "booking/rounds/<int:pk>/draw.json": "the published draw as data",
    "legalisation/apply/<slug:type_code>/": "POST target that starts a draft; its form is the step page",
    "legalisation/mos/<slug:type_code>/": "a guide to filing in MOS; no form",
    "legalisation/mos/<slug:type_code>/checklist/": "a checklist of documents (checkboxes); nothing about the person",
    "legalisation/applications/<uuid:public_id>/validate/": "JSON validation of the step form",
    "legalisation/applications/<uuid:public_id>/attachments/": "POST target of the attachments step",
    "legalisation/applications/<uuid:public_id>/attachments/<uuid:attachment_id>/delete/": "POST target",
    "legalisation/applications/<uuid:public_id>/submit/": "POST target of the summary step",
    "legalisation/applications/<uuid:public_id>/submitted/": "confirmation page",
    "legalisation/applications/<uuid:public_id>/pdf/": "the application as PDF",
    "legalisation/cases/<str:number>/supplements/<uuid:request_id>/": "POST target of the case page's form",
    "legalisation/cases/<str:number>/supplements/<uuid:request_id>/letter.pdf": "a letter as PDF",
    "legalisation/cases/<str:number>/annex/": "POST target of the case page's annex form",
    "legalisation/cases/<str:number>/new-pin/": "POST target of a button on the case page",
    "legalisation/cases/<str:number>/proof-of-filing.pdf": "a PDF",
    "legalisation/cases/<str:number>/receipts/<int:receipt_id>/": "a receipt",
    "legalisation/attachments/<uuid:attachment_id>/": "a file download",
    "payments/checkout/<str:token>/": "choosing how to pay: buttons only (the data were given on the pay form)",
    "payments/checkout/<str:token>/<str:reference>/transfer/": "transfer details",
    "payments/checkout/<str:token>/<str:reference>/receipt/": "a receipt",
    "payments/<slug:provider>/start/<str:token>/<str:reference>/": "redirect to the payment operator",
    "payments/<slug:provider>/return/<str:token>/<str:reference>/": "return from the payment operator",
    "payments/<slug:provider>/notify/": "the operator's callback",
    "payments/<slug:provider>/refund-notify/": "the operator's callback",
}


#: Public routes whose forms are only for staff accounts (their data are the employer's, under labour law).
STAFF_FORMS = {
    "accounts/mfa/setup/": "enrolling a staff member's second factor",
    "accounts/mfa/verify/": "a staff member's second factor at log-in",
    "accounts/mfa/enrolment-codes/": "a staff member's backup codes",
}


def _samples() -> dict[str, Callable[[Any], list[str]]]:
    """Public routes with parameters that show a form → URLs from the demo to try them with."""

    def service_codes(demo: Any) -> list[str]:
        from plugins.queue_booking.models import ServiceType

        return sorted(set(ServiceType.objects.filter(office=demo.office).values_list("code", flat=True)))

    def rounds(demo: Any) -> list[str]:
        from django.utils import timezone

        from plugins.queue_booking.models import AllocationRound, ServiceType, Slot
        from plugins.queue_booking.services.rounds import create_round

        now = timezone.now()
        found = AllocationRound.objects.filter(
            office=demo.office, opens_at__lte=now, closes_at__gt=now
        ).first()
        if found is None:
            service = ServiceType.objects.filter(office=demo.office).first()
            found = create_round(
                demo.office,
                service,
                title="Runda testowa",
                opens_at=now - timezone.timedelta(hours=1),
                closes_at=now + timezone.timedelta(days=1),
                slots=Slot.objects.none(),
            )
        return [f"booking/rounds/{found.pk}/"]

    def steps(demo: Any) -> list[str]:
        from plugins.legalisation.models import Application

        draft = Application.objects.create(
            office=demo.office, applicant=demo.foreigner, type_code="invitation"
        )
        return [f"legalisation/applications/{draft.public_id}/step/{index}/" for index in (0, 1)]

    def cases(demo: Any) -> list[str]:
        from plugins.legalisation.models import Case

        case = Case.objects.filter(office=demo.office, applicant=demo.foreigner).order_by("pk").first()
        return [f"legalisation/cases/{case.number}/"] if case else []

    def password_reset(demo: Any) -> list[str]:
        from django.contrib.auth.tokens import default_token_generator
        from django.utils.encoding import force_bytes
        from django.utils.http import urlsafe_base64_encode

        uid = urlsafe_base64_encode(force_bytes(demo.foreigner.pk))
        return [f"accounts/password-reset/{uid}/{default_token_generator.make_token(demo.foreigner)}/"]

    return {
        "booking/<slug:code>/": lambda demo: [f"booking/{code}/" for code in service_codes(demo)],
        "booking/waiting-list/<slug:code>/": lambda demo: [
            f"booking/waiting-list/{code}/" for code in service_codes(demo)
        ],
        "booking/rounds/<int:pk>/": rounds,
        "legalisation/applications/<uuid:public_id>/step/<int:index>/": steps,
        "legalisation/cases/<str:number>/": cases,
        "accounts/password-reset/<uidb64>/<token>/": password_reset,
    }


SAMPLES = _samples()


class Demo:
    def __init__(self, office: Any, foreigner: Any) -> None:
        self.office = office
        self.foreigner = foreigner


@pytest.fixture(scope="module")
def demo(django_db_setup: Any, django_db_blocker: Any) -> Iterator[Demo]:
    import io

    from django.contrib.auth import get_user_model
    from django.core.cache import cache

    from przystan.demo.loader import load_demo

    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        loaded = load_demo(stdout=io.StringIO())
        foreigner = get_user_model().objects.filter(kind="foreigner").order_by("pk").first()
        yield Demo(loaded.office, foreigner)
        transaction.set_rollback(True)


def _clients(demo: Demo) -> list[tuple[str, Client]]:
    host = demo.office.site.hostname
    anonymous = Client(HTTP_HOST=host)
    signed_in = Client(HTTP_HOST=host)
    signed_in.force_login(demo.foreigner)
    for client in (anonymous, signed_in):
        client.cookies["django_language"] = "en"
    return [("anonymous", anonymous), ("foreigner", signed_in)]


def _check(demo: Demo, url: str, page: str) -> list[str]:
    """What is wrong with the notices of ``page`` (nothing when it has no form collecting data)."""
    forms = personal_data_forms(page)
    if not forms:
        return []
    found = notices(page)
    if not found:
        fields = sorted({name for form in forms for name in form["fields"]})
        return [f"{url}: a form collecting {fields} without a privacy notice ({{% privacy_notice %}})"]
    problems = []
    office = demo.office
    for notice in found:
        text = html.unescape(notice)
        for label, value in (("controller", office.name), ("DPO e-mail", office.dpo_email)):
            if value not in text:
                problems.append(f"{url}: the notice does not name the {label} ({value})")
        if not re.search(r"6\(1\)\((e|c)\)", text):
            problems.append(f"{url}: the notice gives no art. 6(1)(e)/(c) basis")
        if re.search(r"\bconsent\b", text, flags=re.I):
            problems.append(f"{url}: the notice mentions consent")
    return problems


@pytest.mark.django_db
@pytest.mark.parametrize("route", public_routes())
def test_every_public_form_shows_the_privacy_notice(route: str, demo: Demo) -> None:
    if route in STAFF_FORMS:
        return
    if "<" in route:
        if route in WITHOUT_FORM:
            return
        assert route in SAMPLES, (
            f"/{route} is a new public route with parameters: add a sampler to SAMPLES so its form is "
            "checked, or list it in WITHOUT_FORM with the reason it collects no personal data"
        )
        urls = SAMPLES[route](demo)
        assert urls, f"/{route}: the demo has no record to try it with"
    else:
        urls = [route]
    problems: list[str] = []
    checked = 0
    for url in urls:
        for who, client in _clients(demo):
            response = client.get("/" + url, follow=True)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            checked += 1
            problems += [f"{who}: {p}" for p in _check(demo, url, response.content.decode())]
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_every_portal_page_with_a_form_shows_the_notice_and_the_contact_page_has_one(demo: Demo) -> None:
    from wagtail.models import Page

    home = demo.office.site.root_page
    client = _clients(demo)[0][1]
    problems: list[str] = []
    contact_pages = 0
    for root in home.get_translations(inclusive=True):
        for page in Page.objects.live().descendant_of(root, inclusive=True).specific():
            body = client.get(page.url).content.decode()
            problems += _check(demo, page.url, body)
            if type(page).__name__ == "ContactPage":
                contact_pages += 1
                if 'data-privacy-clause="cms_content.correspondence"' not in body:
                    problems.append(f"{page.url}: the contact page has no notice on correspondence")
    assert contact_pages == 4  # pl, en, uk, ru
    assert not problems, "\n".join(problems)


def test_a_form_without_a_notice_is_found() -> None:
    page = (
        '<form method="post"><input type="hidden" name="csrfmiddlewaretoken">'
        '<input name="website"><label>Name <input name="full_name"></label><button>Send</button></form>'
        '<form method="post"><button>Cancel</button></form><form method="get"><input name="q"></form>'
    )
    assert [form["fields"] for form in personal_data_forms(page)] == [["full_name"]]
    assert _check(Demo(None, None), "x/", page) == [
        "x/: a form collecting ['full_name'] without a privacy notice ({% privacy_notice %})"
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pl", "en", "uk", "ru"])
def test_footers_show_the_data_protection_officer(demo: Demo, language: str) -> None:
    client = _clients(demo)[0][1]
    client.cookies["django_language"] = language
    home = demo.office.site.root_page.get_translations(inclusive=True).get(locale__language_code=language)
    for url in (home.url, "/accounts/signup/", "/booking/"):
        body = html.unescape(client.get(url, follow=True).content.decode())
        footer = body[body.index("<footer") :]
        assert demo.office.dpo_email in footer and demo.office.dpo_name in footer, url
        assert "ochrona-danych-osobowych" in footer, f"{url}: no link to the privacy page"
        # once: the portal's footer links it in its list already (it was listed twice)
        assert footer.count("ochrona-danych-osobowych/") == 1, f"{url}: the privacy page linked twice"


# ------------------------------------------------------------------------ the privacy page and the clauses

LANGUAGES = ("pl", "en", "uk", "ru")


def _page_of(demo: Demo, model_name: str, language: str) -> Any:
    from cms_content import models

    home = demo.office.site.root_page.get_translations(inclusive=True).get(locale__language_code=language)
    return getattr(models, model_name).objects.live().descendant_of(home).get()


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_privacy_page_gives_every_section_of_art_13_per_purpose(demo: Demo, language: str) -> None:
    from django.utils import translation

    from przystan.offices.privacy_notices import office_notices

    page = _page_of(demo, "PrivacyPage", language)
    client = _clients(demo)[0][1]
    body = html.unescape(client.get(page.url).content.decode())
    office = demo.office
    for fact in (
        office.name,
        office.street,
        office.dpo_email,
        office.dpo_phone,
        "ul. Stawki 2, 00-193 Warszawa",
    ):
        assert fact in body, fact
    with translation.override(language):
        expected = office_notices(office, language)
        titles = [n.title for n in expected]
    assert {n.name for n in expected} >= {
        "accounts.account",
        "queue_booking.visit",
        "queue_booking.waiting_list",
        "queue_booking.allocation_round",
        "legalisation.application",
        "legalisation.case",
        "payments.payment",
        "cms_content.correspondence",
    }
    for notice in expected:
        assert f'data-privacy-clause="{notice.name}"' in body
    for title in titles:
        assert html.unescape(title) in body
    # one section per purpose with the art. 13/14 items: purpose, basis, data, source, recipients,
    # transfers, retention, obligation, automated decisions, rights
    assert body.count('<dl class="privacy-facts">') == len(expected)
    assert "17(3)(b)" in body or "17 ust. 3 lit. b" in body  # no erasure of a public-task record
    if language != "pl":
        assert re.search(r"[\u0400-\u04ff]", body) if language in ("uk", "ru") else "controller" in body


@pytest.mark.django_db
def test_the_privacy_page_leaves_out_the_clauses_of_a_disabled_plugin(demo: Demo) -> None:
    from przystan.offices.enablement import forget_enablement, set_enabled
    from przystan.offices.privacy_notices import office_notices

    set_enabled(demo.office, "payments", enabled=False)
    forget_enablement(demo.office)
    try:
        names = {n.name for n in office_notices(demo.office, "pl")}
        assert "payments.payment" not in names and "queue_booking.visit" in names
    finally:
        set_enabled(demo.office, "payments", enabled=True)
        forget_enablement(demo.office)


@pytest.mark.django_db
def test_the_office_words_a_notice_itself_and_the_form_shows_it(demo: Demo) -> None:
    from przystan.audit.models import AuditEntry
    from przystan.offices.models import PrivacyNoticeText

    text = PrivacyNoticeText.objects.create(
        office=demo.office,
        clause="payments.payment",
        language="en",
        retention="Kept for 6 years under the office's filing plan (JRWA category B6).",
    )
    client = _clients(demo)[0][1]
    body = html.unescape(client.get("/payments/").content.decode())
    assert "Kept for 6 years under the office's filing plan (JRWA category B6)." in body
    assert "act on accounting, art. 74" not in body  # the default retention text is replaced
    assert "stamp duty" in body  # the other texts keep the clause's default
    assert AuditEntry.objects.filter(object_id=str(text.pk), changes__retention__isnull=False).exists()


def test_a_clause_resting_on_consent_is_refused() -> None:
    from przystan.pluginsys.contributions import PrivacyClause

    with pytest.raises(ValueError, match="consent"):
        PrivacyClause(
            "x.form",
            title="t",
            purpose="p",
            bases=("consent",),
            legal_acts="",
            data="",
            recipients="",
            retention="",
            obligation="",
        )


# ------------------------------------------------------------------------ the accessibility declaration

#: What the Ministry's technical conditions v2.0 (31 July 2024) require in every declaration, per language.
DECLARATION = {
    "pl": ("ustawą z dnia 4 kwietnia 2019", "samooceny", "Rzecznik", "7 dni", "2 miesiące", "PJM"),
    "en": ("act of 4 April 2019", "self-assessment", "Ombudsman", "7 days", "2 months", "PJM"),
    "uk": ("закону від 4 квітня 2019", "самооцінки", "Уповноваженого", "7 днів", "2 місяців", "PJM"),
    "ru": ("законом от 4 апреля 2019", "самооценки", "Уполномоченному", "7 дней", "2 месяцев", "PJM"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_accessibility_declaration_has_every_required_section(demo: Demo, language: str) -> None:
    page = _page_of(demo, "AccessibilityDeclarationPage", language)
    client = _clients(demo)[0][1]
    client.cookies["django_language"] = language
    body = html.unescape(client.get(page.url).content.decode())
    ids = (
        "a11y-url",  # the website it covers
        "a11y-publish-date",
        "a11y-update-date",
        "a11y-status",  # compliance status and non-accessible content
        "a11y-create-date",  # prepared on
        "a11y-review-date",  # next review by 31 March
        "a11y-feedback",
        "a11y-kontakt-osoba",
        "a11y-kontakt-email",
        "a11y-kontakt-telefon",
        "a11y-procedure",
        "a11y-architecture",
        "a11y-sign-language",
        "a11y-apps",
    )
    missing = [i for i in ids if f'id="{i}"' not in body]
    assert missing == []
    assert demo.office.name in body
    assert "31.03.2027" in body or "2027-03-31" in body or "31/03/2027" in body
    assert page.contact_email in body and page.contact_phone in body and page.contact_name in body
    assert "ul. Przykładowa 1" in body and "ul. Wzorcowa 8" in body
    assert body.count('class="a11y-building"') == 2
    for phrase in DECLARATION[language]:
        assert phrase in body, phrase
    assert body.count("<li><strong>") >= 2  # the non-accessible content with reasons


def test_the_review_is_due_by_the_next_31_march() -> None:
    import datetime as dt

    from cms_content.models.statements import next_review_deadline

    assert next_review_deadline(dt.date(2026, 3, 27)) == dt.date(2027, 3, 31)
    assert next_review_deadline(dt.date(2026, 1, 10)) == dt.date(2027, 3, 31)  # 2026's review is done
    assert next_review_deadline(dt.date(2026, 9, 1)) == dt.date(2027, 3, 31)
