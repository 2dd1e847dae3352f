"""E-mails in Ukrainian and Russian open with a salutation ending in "!" and a sentence with a capital letter.

English (and Polish) letters run "Hello,<blank line>your visit ...": a comma, then lowercase. Carried over
into Ukrainian or Russian that reads as an error («Здравствуйте,» … «ваш визит»); there the salutation
takes an exclamation mark and the letter starts a new sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from przystan.notifications.rendering import render_message

ROOT = Path(__file__).resolve().parent.parent
TYPES = sorted(
    {
        path.parent.name
        for base in ("platform", "plugins", "cms_content")
        for path in (ROOT / base).rglob("templates/notifications/*/body.txt")
    }
)
CONTEXT = {
    "full_name": "Olena Shevchenko",
    "person_name": "Olena Shevchenko",
    "office": "UW Testowy",
    "office_name": "UW Testowy",
    "sent_by": "Anna Nowak",
    "case_number": "WSC-II-S.6151.1.2026",
    "number": "WSC-II-S.6151.1.2026",
    "reference": "P-2026-0001",
    "service": "Odciski palców",
    "date": "12.01.2027",
    "time": "10:30",
    "valid_days": 3,
    "valid_hours": 24,
    "what": "paczki żywnościowe",  # typed by staff, in lowercase and often in Polish
    "where": "magazyn ośrodka",
    "from_date": "15.01.2027",
}


def test_there_are_e_mails_with_a_salutation():
    assert len(TYPES) >= 15


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["uk", "ru"])
@pytest.mark.parametrize("type_key", TYPES)
def test_salutation_ends_with_an_exclamation_mark_and_the_letter_starts_with_a_capital(type_key, language):
    english = render_message(type_key, "email", "en", CONTEXT).body
    if not english.startswith("Hello"):
        pytest.skip("no salutation in this message")
    body = render_message(type_key, "email", language, CONTEXT).body
    salutation, _, rest = body.partition("\n\n")
    first = rest.lstrip()
    assert salutation.strip().endswith("!"), salutation
    assert first[:1].isupper(), first[:80]
