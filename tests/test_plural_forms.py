"""Plural forms: every catalogue of a language uses one Plural-Forms header, and every plural msgid renders
translated for 1, 2, 5 and 21 in pl, uk and ru.

Django keeps catalogues with different plural equations apart and looks a plural form up by the index the
catalogue's own equation gives; a catalogue that declares four forms but has two (or whose equation
disagrees with its translations) makes ``ngettext`` miss and fall back to English — the lock-out page
said "blocked after 5 failed attempts" in Ukrainian and Russian.
"""

import re
from pathlib import Path

import polib
import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(
    path
    for base in ("platform", "plugins", "cms_content")
    for path in (ROOT / base).rglob("locale/*/LC_MESSAGES/django.po")
)
TRANSLATED = ("pl", "uk", "ru")
NUMBERS = (1, 2, 5, 21)

#: The gettext-standard three-form headers (GNU gettext manual, "Plural forms"; pl as in Django's catalogue
#: before the CLDR fraction form was added — the same numbers either way, integers being all we count).
PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);",
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2);",
    "uk": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
}

#: Which form a number takes (what the header says, spelled out so the test does not trust the header).
FORM = {
    "pl": lambda n: 0 if n == 1 else 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2,
    "uk": lambda n: (
        0 if n % 10 == 1 and n % 100 != 11 else 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2
    ),
    "ru": lambda n: (
        0 if n % 10 == 1 and n % 100 != 11 else 1 if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14 else 2
    ),
}

#: (language, msgctxt, msgid) whose translation is the English text by nature (a bare number or a code);
#: keep it small and say why for each entry.
SAME_AS_ENGLISH: frozenset[tuple[str, str | None, str]] = frozenset()

PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def _language(path: Path) -> str:
    return path.parts[-3]


def _plural_entries():
    """One (msgctxt, msgid, msgid_plural) per plural string anywhere, with the app that declares it."""
    seen = {}
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)):
            if entry.msgid_plural and not entry.obsolete:
                app = str(path.relative_to(ROOT)).split("/locale/")[0]
                seen.setdefault((entry.msgctxt, entry.msgid, entry.msgid_plural), app)
    return sorted(seen.items(), key=lambda item: (item[1], item[0][1]))


PLURAL_ENTRIES = _plural_entries()


def test_there_are_plural_strings_to_check():
    assert len(PLURAL_ENTRIES) >= 10


@pytest.mark.parametrize("language", sorted(PLURAL_FORMS))
def test_one_plural_forms_header_per_language(language):
    headers = {}
    for path in (p for p in CATALOGUES if _language(p) == language):
        header = polib.pofile(str(path)).metadata.get("Plural-Forms", "")
        headers[str(path.relative_to(ROOT))] = header.strip()
    wrong = {path: header for path, header in headers.items() if header != PLURAL_FORMS[language]}
    assert wrong == {}


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_plural_entry_has_all_forms_and_no_more(language):
    problems = []
    for path in (p for p in CATALOGUES if _language(p) == language):
        for entry in polib.pofile(str(path)):
            if not entry.msgid_plural or entry.obsolete:
                continue
            forms = entry.msgstr_plural
            if sorted(forms) != [0, 1, 2] or not all(forms[i].strip() for i in forms):
                problems.append(f"{path.relative_to(ROOT)}: {entry.msgid!r} has forms {forms!r}")
    assert problems == []


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize(
    ("key", "app"), PLURAL_ENTRIES, ids=[f"{app}:{key[1][:40]}" for key, app in PLURAL_ENTRIES]
)
def test_plural_string_renders_translated(language, key, app):
    """ngettext/npgettext as the site runs them (all catalogues merged) give the language's form, never English."""
    msgctxt, msgid, msgid_plural = key
    catalogue = polib.pofile(str(ROOT / app / "locale" / language / "LC_MESSAGES" / "django.po"))
    entry = catalogue.find(msgid, msgctxt=msgctxt) if msgctxt else catalogue.find(msgid)
    assert entry is not None and entry.msgid_plural == msgid_plural, f"{app} has no {language} entry"
    names = set(PLACEHOLDER.findall(msgid_plural))
    problems = []
    with translation.override(language):
        for n in NUMBERS:
            if msgctxt:
                rendered = translation.npgettext(msgctxt, msgid, msgid_plural, n)
            else:
                rendered = translation.ngettext(msgid, msgid_plural, n)
            if not rendered.strip():
                problems.append(f"{n}: empty")
            elif rendered in (msgid, msgid_plural) and (language, msgctxt, msgid) not in SAME_AS_ENGLISH:
                problems.append(f"{n}: English {rendered!r}")
            elif rendered != entry.msgstr_plural.get(FORM[language](n)):
                problems.append(f"{n}: {rendered!r} is not form {FORM[language](n)}")
            try:
                rendered % {name: n for name in names}
            except (KeyError, TypeError, ValueError) as error:
                problems.append(f"{n}: placeholders broken ({error!r})")
    assert problems == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "attempts", "minutes"),
    [
        ("uk", "після 5 невдалих спроб", "через 15 хвилин"),
        ("ru", "после 5 неудачных попыток", "через 15 минут"),
        ("pl", "po 5 nieudanych próbach", "za 15 minut"),
    ],
)
def test_lock_out_page_counts_attempts_and_minutes_in_the_visitors_language(
    client, user_factory, language, attempts, minutes
):
    from django.core.cache import cache

    from przystan.testing.factories import PASSWORD

    cache.clear()
    user_factory(email="anna@example.com")
    for _ in range(5):
        client.post("/accounts/login/", {"username": "anna@example.com", "password": "wrong"})
    locked = client.post(
        "/accounts/login/",
        {"username": "anna@example.com", "password": PASSWORD},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    cache.clear()
    assert locked.status_code == 429
    content = locked.content.decode()
    assert attempts in content and minutes in content
    assert "failed attempts" not in content and "minutes." not in content
