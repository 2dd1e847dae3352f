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
    compiled = {e.msgid: e.msgstr for e in polib.mofile(str(mo_path)) if not e.msgid_plural}
    for entry in po:
        if entry.obsolete or entry.msgid_plural:
            continue
        assert compiled.get(entry.msgid) == entry.msgstr, f".mo out of date for {entry.msgid!r}"
