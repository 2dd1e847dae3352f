"""Fill msgstr in an app's .po files from a JSON file {msgid: {"pl": ..., "uk": ..., "ru": ...}}.

Usage: python scripts/fill_translations.py <app_dir> <translations.json>
Reports msgids that still lack a translation; removes fuzzy flags of filled entries.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import polib


def fill(app_dir: Path, table: dict[str, dict[str, str]]) -> list[str]:
    missing = []
    for lang in ("pl", "uk", "ru", "en"):
        po_path = app_dir / "locale" / lang / "LC_MESSAGES" / "django.po"
        if not po_path.exists():
            continue
        po = polib.pofile(str(po_path))
        po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
        if lang in ("uk", "ru"):
            po.metadata["Plural-Forms"] = (
                "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
                "(n%100<10 || n%100>=20) ? 1 : 2);"
            )
        elif lang == "pl":
            po.metadata["Plural-Forms"] = (
                "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : 2);"
            )
        for entry in po:
            if entry.obsolete:
                continue
            translations = table.get(entry.msgid, {})
            if lang == "en":
                continue
            value = translations.get(lang)
            if value is None:
                if not entry.msgstr and not any(entry.msgstr_plural.values()):
                    missing.append(f"{lang}: {entry.msgid}")
                continue
            if entry.msgid_plural:
                forms = value if isinstance(value, list) else [value] * 3
                entry.msgstr_plural = dict(enumerate(forms))
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        po.save()
        po.save_as_mofile(str(po_path.with_suffix(".mo")))
    return missing


if __name__ == "__main__":
    target = Path(sys.argv[1])
    data = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
    gaps = fill(target, data)
    for gap in gaps:
        print("missing", gap)
    sys.exit(1 if gaps else 0)
