"""Every translatable string exists in pl, uk and ru, and the compiled catalogues match the sources."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(
    path
    for base in ("platform", "plugins", "cms_content")
    for path in (ROOT / base).rglob("locale/*/LC_MESSAGES/django.po")
)
TRANSLATED = ("pl", "uk", "ru")


def test_there_are_catalogues_for_every_language():
    languages = {path.parts[-3] for path in CATALOGUES}
    assert set(TRANSLATED) | {"en"} <= languages


@pytest.mark.parametrize(
    "po_path", [p for p in CATALOGUES if p.parts[-3] in TRANSLATED], ids=lambda p: str(p.relative_to(ROOT))
)
def test_catalogue_is_complete_and_compiled(po_path):
    po = polib.pofile(str(po_path))
    untranslated = [e.msgid for e in po if not e.obsolete and not e.translated()]
    assert untranslated == [], f"{len(untranslated)} untranslated: {untranslated[:5]}"
    fuzzy = [e.msgid for e in po if "fuzzy" in e.flags and not e.obsolete]
    assert fuzzy == []
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), "compile the catalogue (compilemessages)"
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(mo_path)) if not e.msgid_plural}
    for entry in po:
        if entry.obsolete or entry.msgid_plural:
            continue
        key = (entry.msgctxt, entry.msgid)
        assert compiled.get(key) == entry.msgstr, f".mo out of date for {key!r}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_apps_do_not_translate_the_same_string_differently(language):
    """Django merges every app's catalogue into one: the first app wins a msgid for the whole site.

    Two apps giving one msgid different translations means one of them shows the other's words
    (a benefit "paid out" where a fee was "paid"); give the string a context (pgettext) or agree.
    """
    seen: dict[tuple[str | None, str], tuple[str, str]] = {}
    conflicts = []
    for po_path in (p for p in CATALOGUES if p.parts[-3] == language):
        app = str(po_path.relative_to(ROOT)).split("/locale/")[0]
        for entry in polib.pofile(str(po_path)):
            if entry.obsolete or not entry.msgstr:
                continue
            key = (entry.msgctxt, entry.msgid)
            first = seen.setdefault(key, (app, entry.msgstr))
            if first[1] != entry.msgstr:
                conflicts.append(f"{key!r}: {first[0]} {first[1]!r} vs {app} {entry.msgstr!r}")
    assert conflicts == []


# The glossary's checks (the office is never «уряд», residence permits are about living, the card's one
# name, stamp duty, the stage names...) are in tests/test_glossary.py, driven by docs/glossary/terms.toml.
