"""Nothing internal reaches a reader: the demo's public pages in Ukrainian and Russian show no internal code
(``temp_work``, ``passport_copy``, a stage or fee code) and no amount in grosze (``44000`` for 440 zł).

The walk starts at the portal's home page and the plugins' public entry points, adds the pages only a
link from an e-mail or a form reaches (every demo case's status by number and PIN, a booking's own page,
a checkout), and follows every same-site link it finds. The code vocabulary is collected, not listed:
every model field's choices, the case stages, application types and document kinds, the office's fee and
service codes. A code with an underscore fails on any page; a code that is an English word (``filing``)
fails when it stands in a Ukrainian or Russian page's text.
"""

from __future__ import annotations

import html
import re
from collections import deque
from urllib.parse import urldefrag, urlparse

import pytest
from django.apps import apps
from django.db import models

pytestmark = pytest.mark.django_db  # the code vocabulary reads the fee and service rows too

LANGUAGES = ("uk", "ru")
ENTRY_POINTS = (
    "/",
    "/legalisation/",
    "/legalisation/apply/",
    "/legalisation/status/",
    "/booking/",
    "/payments/",
)
SKIP = re.compile(
    r"^/(staff|admin|accounts|api|static|media|documents|cms|django-admin|__)|\.(pdf|ics|json|csv)$"
)
MAX_PAGES = 250
#: Latin words that are names, not codes, wherever they appear (a code that is also a brand or a term).
NOT_CODES = frozenset({"mos", "pesel", "blik", "cukr", "email"})
DEMO_PIN = "12345678"


def _choice_values() -> set[str]:
    values: set[str] = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            for value, label in getattr(field, "flatchoices", None) or ():
                if isinstance(value, str):
                    values.add(value)
                if isinstance(label, str) and isinstance(value, str) and label == value:
                    values.add(value)
    return values


def _plugin_codes() -> set[str]:
    from plugins.legalisation.application_types import TYPES
    from plugins.legalisation.stages import STAGE_CODES
    from plugins.payments.models import Fee
    from plugins.queue_booking.models import ServiceType

    codes = set(STAGE_CODES)
    for kind in TYPES:
        codes.add(kind.code)
        codes.update(attachment.code for attachment in kind.attachments)
        codes.update(section.code for section in kind.sections)
        for spec in kind.all_fields:
            codes.add(spec.name)
            codes.update(value for value, _label in spec.choices)
    codes.update(Fee.objects.values_list("code", flat=True))
    codes.update(ServiceType.objects.values_list("code", flat=True))
    return codes


def internal_codes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(codes with an underscore — never shown, plain-word codes — never shown in a uk/ru text)."""
    codes = {c for c in _choice_values() | _plugin_codes() if re.fullmatch(r"[a-z][a-z0-9_]+", c)}
    codes -= NOT_CODES
    snake = sorted((c for c in codes if "_" in c), key=len, reverse=True)
    words = sorted((c for c in codes if "_" not in c and len(c) >= 4), key=len, reverse=True)

    def token(names: list[str]) -> re.Pattern[str]:
        return re.compile(r"(?<![\w/.@-])(" + "|".join(map(re.escape, names)) + r")(?![\w/@-]|\.\w)")

    return token(snake), token(words)


def grosze_amounts() -> re.Pattern[str] | None:
    """Every amount in grosze the demo stored (fees, payments, benefits), as a number standing alone."""
    amounts: set[int] = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.IntegerField) and "grosze" in field.name:
                amounts.update(model.objects.values_list(field.name, flat=True).distinct())
    numbers = sorted({str(a) for a in amounts if a and a >= 1000 and a % 100 == 0}, key=len, reverse=True)
    if not numbers:
        return None
    # not part of a longer number, an IBAN's group of digits or a decimal amount
    return re.compile(r"(?<![\d,.])(?<!\d )(" + "|".join(numbers) + r")(?![\d,.]|\s\d)|\b\d+\s?gr\b")


def visible_text(page: str) -> str:
    page = re.sub(r"(?is)<(script|style|template)\b.*?</\1>", " ", page)
    page = re.sub(r"(?s)<!--.*?-->", " ", page)
    attributes = " ".join(re.findall(r'(?:aria-label|title|placeholder|alt)="([^"]*)"', page))
    return html.unescape(re.sub(r"<[^>]+>", " ", page) + " " + attributes)


def links(page: str) -> list[str]:
    found = []
    for href in re.findall(r'href="([^"]+)"', page):
        href = urldefrag(html.unescape(href))[0]
        parsed = urlparse(href)
        if parsed.scheme or parsed.netloc or not href.startswith("/"):
            continue
        found.append(href)
    return found


def _extra_pages(client, language: str) -> list[tuple[str, str]]:
    """Pages a link in a letter or a form leads to: (where, html)."""
    from django.core.cache import cache

    from plugins.legalisation.application_types import TYPES
    from plugins.legalisation.models import Case
    from plugins.payments.models import Checkout
    from plugins.queue_booking.models import Booking
    from plugins.queue_booking.services.booking import manage_token

    pages = []
    for kind in TYPES:  # an application of every type filed here, step by step (the foreigner is logged in)
        response = client.post(f"/legalisation/apply/{kind.code}/", follow=True)
        step = (
            re.search(r"/legalisation/applications/([0-9a-f-]{36})/step/", response.redirect_chain[-1][0])
            if response.redirect_chain
            else None
        )
        if step is None:
            continue
        for index in range(len(kind.sections) + 2):
            response = client.get(f"/legalisation/applications/{step[1]}/step/{index}/", follow=True)
            if response.status_code != 200:
                break
            pages.append((f"application {kind.code} step {index}", response.content.decode()))
    for case in Case.objects.order_by("number"):
        cache.clear()  # the status form is rate limited per address; the walk asks for every demo case
        response = client.post(
            "/legalisation/status/", {"number": case.number, "pin": DEMO_PIN, "website": ""}, follow=True
        )
        if response.status_code == 200:
            pages.append((f"status of {case.number} ({case.stage})", response.content.decode()))
    for booking in Booking.objects.order_by("pk")[:5]:
        response = client.get(f"/booking/visit/{manage_token(booking)}/")
        if response.status_code == 200:
            pages.append((f"booking {booking.pk}", response.content.decode()))
    for checkout in Checkout.objects.order_by("pk"):
        response = client.get(f"/payments/checkout/{checkout.token}/", follow=True)
        if response.status_code == 200:
            pages.append((f"checkout {checkout.pk}", response.content.decode()))
    return pages


def walk(client, language: str) -> tuple[list[tuple[str, str]], list[str]]:
    """(every page reached as (where, html), the links that answered with an error)."""
    from django.contrib.auth import get_user_model

    from przystan.demo.loader import DEMO_PUBLIC

    client.force_login(get_user_model().objects.get(email=DEMO_PUBLIC["foreigner"][0]))
    client.cookies["django_language"] = language
    queue = deque([*ENTRY_POINTS, f"/{language}/"])
    seen: set[str] = set(queue)
    pages, broken = [], []
    while queue and len(pages) < MAX_PAGES:
        url = queue.popleft()
        response = client.get(url, follow=True)
        if response.status_code >= 500 or response.status_code == 404:
            broken.append(f"{url}: {response.status_code}")
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        page = response.content.decode()
        pages.append((url, page))
        for href in links(page):
            other_language = re.match(r"^/(pl|en|uk|ru)/", href)
            if href in seen or SKIP.search(href) or (other_language and other_language[1] != language):
                continue
            seen.add(href)
            queue.append(href)
    return pages + _extra_pages(client, language), broken


@pytest.fixture
def demo_site(client):
    from przystan.testing.staff_day import load_demo_for_live_server

    load_demo_for_live_server()
    return client


def test_public_pages_in_ukrainian_and_russian_show_no_codes_and_no_grosze(demo_site):
    snake, words = internal_codes()
    grosze = grosze_amounts()
    problems: list[str] = []
    walked = 0
    for language in LANGUAGES:
        pages, _broken = walk(demo_site, language)
        walked += len(pages)
        for where, page in pages:
            # a web address written out (the accessibility declaration names the site) is not a code
            text = re.sub(r"\b[a-z][a-z0-9+.-]*://\S+", " ", visible_text(page))
            for pattern, kind in ((snake, "code"), (words, "code"), (grosze, "grosze")):
                if pattern is None:
                    continue
                for hit in sorted({m.group(0) for m in pattern.finditer(text)}):
                    start = text.find(hit)
                    context = " ".join(text[max(0, start - 60) : start + 60].split())
                    problems.append(f"[{language}] {where}: {kind} {hit!r} in …{context}…")
    assert walked >= 40, f"only {walked} pages were reached"
    assert problems == [], f"{len(problems)} problems:\n" + "\n".join(problems)


def test_the_detectors_catch_codes_and_grosze_but_not_names_or_ibans():
    snake, words = internal_codes()
    assert snake.search("Тип заяви: temp_work.")
    assert snake.search("Документ passport_copy")
    assert words.search("Етап: filed")
    assert not words.search("увійдіть через login.gov.pl")
    pattern = re.compile(r"(?<![\d,.])(?<!\d )(44000)(?![\d,.]|\s\d)|\b\d+\s?gr\b")
    assert pattern.search("Сума: 44000")
    assert pattern.search("Сума: 440 gr")
    assert not pattern.search("440,00 zł")
    assert not pattern.search("PL61 1090 44000 0712")
