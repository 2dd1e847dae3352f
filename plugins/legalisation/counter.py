"""At the counter: find a case by the scanned or typed number, compare the originals with the
checklist of the type's required documents and save the result as a :class:`CounterCheck` (audited)."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .electronic import required_documents
from .models import CounterCheck, CounterStatus

NOTE_LENGTH = 1000


def normalise_number(raw: str) -> str:
    """What a scanner or a person typed, as a case number: upper case, without spaces and control
    characters (some scanners send a prefix or a tab)."""
    return re.sub(r"[\s\x00-\x1f]+", "", raw or "").upper()[:40]


def checklist(case: Any, data: Any = None) -> list[dict[str, Any]]:
    """The type's required documents, each with what was ticked (from ``data``: ``status_<code>``,
    ``note_<code>``) so a form with an error keeps what was entered."""
    have = set(case.attachments.values_list("kind", flat=True))
    rows = []
    for code, label in required_documents(case.application_type):
        rows.append(
            {
                "code": code,
                "label": label,
                "attached": code in have,
                "status": (data.get(f"status_{code}", "") if data is not None else ""),
                "note": (data.get(f"note_{code}", "") if data is not None else "")[:NOTE_LENGTH],
            }
        )
    return rows


def record_check(case: Any, user: Any, data: Any) -> CounterCheck:
    """Save the comparison or raise a translated :class:`ValidationError` (nothing saved): every
    document is marked "original seen" or "missing", and a missing one needs a note."""
    rows = checklist(case, data)
    errors = []
    for row in rows:
        if row["status"] not in CounterStatus.values:
            errors.append(_("Mark “%(document)s” as original seen or missing.") % {"document": row["label"]})
        elif row["status"] == CounterStatus.MISSING and not row["note"].strip():
            errors.append(
                _("Write a note for the missing “%(document)s” (what the person will bring, or why).")
                % {"document": row["label"]}
            )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return CounterCheck.objects.create(
            office_id=case.office_id,
            case=case,
            checked_by=user,
            items=[{"code": r["code"], "status": r["status"], "note": r["note"].strip()} for r in rows],
            note=(data.get("note", "") or "").strip()[:NOTE_LENGTH],
        )


def check_rows(check: CounterCheck, labels: dict[str, str]) -> list[tuple[str, str, str]]:
    """(document, status in words, note) of a saved check."""
    words = dict(CounterStatus.choices)
    return [
        (
            labels.get(i.get("code", ""), i.get("code", "")),
            str(words.get(i.get("status"), "")),
            i.get("note", ""),
        )
        for i in check.items
    ]
