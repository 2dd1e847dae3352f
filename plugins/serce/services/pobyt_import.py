"""Import of persons from a Pobyt v.2 export (CSV or JSON); the format is documented in the README.

* Records are matched on ``pobyt_id`` within the office: a re-import updates, never duplicates.
* A field changed in SERCE since the last import, that the export now also changes, is a **conflict**:
  the local value is kept and the conflict reported.
* A record without a known ``pobyt_id`` that has the same name and date of birth as a person already
  registered with another ``pobyt_id`` is a possible duplicate: it is reported, not imported.
* A person with that name and date of birth but no ``pobyt_id`` yet is linked (gets the identifier).
* Invalid rows are reported with their row number; the other rows are imported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import Centre, Household, IdentityDocument, ImportRun, Person
from ..search_keys import search_key
from . import stays

FORMAT_NAME = "pobyt-v2-persons"
PERSON_FIELDS = (
    "last_name",
    "first_name",
    "last_name_native",
    "first_name_native",
    "date_of_birth",
    "place_of_birth",
    "sex",
    "nationality",
    "language",
    "phone",
    "email",
)
COLUMNS = (
    "pobyt_id",
    *PERSON_FIELDS,
    "document_kind",
    "document_number",
    "household_ref",
    "household_role",
    "centre_code",
    "stay_from",
)
REQUIRED = ("pobyt_id", "last_name", "first_name", "date_of_birth")
SEX_CODES = {"F": "F", "K": "F", "M": "M", "U": "U", "X": "U", "": "U"}


class ImportFormatError(ValueError):
    """The file as a whole cannot be read (wrong format, missing columns)."""


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)


def parse(data: bytes, file_format: str) -> list[dict[str, str]]:
    """Rows of a CSV (UTF-8, comma or semicolon, header row) or JSON export as dicts of strings."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFormatError(_("The file is not UTF-8 text.")) from None
    if file_format == "json":
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ImportFormatError(_("The file is not valid JSON: %(error)s") % {"error": exc}) from None
        if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME:
            raise ImportFormatError(
                _('The JSON file must be an object with "format": "%(name)s".') % {"name": FORMAT_NAME}
            )
        persons = payload.get("persons")
        if not isinstance(persons, list):
            raise ImportFormatError(_('The JSON file has no "persons" list.'))
        return [{k: "" if v is None else str(v) for k, v in (p or {}).items()} for p in persons]
    dialect = csv.excel
    first_line = text.split("\n", 1)[0]
    if first_line.count(";") > first_line.count(","):
        dialect = csv.excel
        reader = csv.DictReader(io.StringIO(text), delimiter=";")
    else:
        reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise ImportFormatError(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


def _clean(row: dict[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in REQUIRED:
        if not row.get(name, "").strip():
            raise ValueError(_("%(field)s is required.") % {"field": name})
    for name in PERSON_FIELDS:
        values[name] = row.get(name, "").strip()
    try:
        values["date_of_birth"] = dt.date.fromisoformat(values["date_of_birth"])
    except ValueError:
        raise ValueError(_("date_of_birth must be a date in the form YYYY-MM-DD.")) from None
    sex = values["sex"].upper()
    if sex not in SEX_CODES:
        raise ValueError(_("sex must be F, M or U."))
    values["sex"] = SEX_CODES[sex]
    values["nationality"] = values["nationality"].upper()[:3]
    language = values["language"].lower() or "en"
    if language not in dict(Person.Language.choices):
        language = "en"
    values["language"] = language
    return values


def import_rows(
    office: Any, rows: list[dict[str, str]], *, user: Any = None, filename: str = "", file_format: str = "csv"
) -> ImportRun:
    """Import ``rows`` into ``office``'s register and record the run (counts, conflicts, errors)."""
    result = ImportResult()
    seen: set[str] = set()
    centres = {c.code: c for c in Centre.objects.filter(office=office)}
    households: dict[str, Household] = {}
    for number, row in enumerate(rows, start=2 if file_format == "csv" else 1):
        pobyt_id = row.get("pobyt_id", "").strip()
        try:
            if pobyt_id in seen:
                raise ValueError(_("The identifier %(id)s appears twice in the file.") % {"id": pobyt_id})
            values = _clean(row)
            seen.add(pobyt_id)
            with transaction.atomic():
                _import_one(office, pobyt_id, values, row, result, centres, households, number)
        except ValueError as exc:
            result.errors.append({"row": number, "pobyt_id": pobyt_id, "error": str(exc)})
        except ValidationError as exc:
            result.errors.append({"row": number, "pobyt_id": pobyt_id, "error": "; ".join(exc.messages)})
    return ImportRun.objects.create(
        office=office,
        filename=filename[:200],
        file_format=file_format,
        created_by=user if getattr(user, "is_authenticated", False) else None,
        created=result.created,
        updated=result.updated,
        unchanged=result.unchanged,
        conflicts=result.conflicts,
        errors=result.errors,
    )


def _import_one(
    office: Any,
    pobyt_id: str,
    values: dict[str, Any],
    row: dict[str, str],
    result: ImportResult,
    centres: dict[str, Centre],
    households: dict[str, Household],
    number: int,
) -> None:
    person = Person.objects.select_for_update().filter(office=office, pobyt_id=pobyt_id).first()
    if person is None:
        same = Person.objects.filter(office=office, date_of_birth=values["date_of_birth"]).filter(
            search_key__startswith=search_key(values["first_name"], values["last_name"])
        )
        twin = same.exclude(pobyt_id="").first()
        if twin is not None:
            result.conflicts.append(
                {
                    "row": number,
                    "pobyt_id": pobyt_id,
                    "field": "pobyt_id",
                    "local": twin.pobyt_id,
                    "incoming": pobyt_id,
                    "person": twin.register_number,
                    "message": _("Possible duplicate of a person registered under another Pobyt identifier."),
                }
            )
            return
        person = same.filter(pobyt_id="").first()
    snapshot = dict(person.pobyt_snapshot or {}) if person is not None else {}
    incoming = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in values.items()}
    if person is None:
        person = Person(office=office, pobyt_id=pobyt_id, **values)
        created = True
    else:
        created = False
        person.pobyt_id = pobyt_id
        for name, new in values.items():
            local = getattr(person, name)
            local_text = local.isoformat() if isinstance(local, dt.date) else (local or "")
            if local_text == incoming[name]:
                continue
            edited_locally = name in snapshot and snapshot[name] != local_text
            if edited_locally:
                result.conflicts.append(
                    {
                        "row": number,
                        "pobyt_id": pobyt_id,
                        "field": name,
                        "local": local_text,
                        "incoming": incoming[name],
                        "person": person.register_number,
                        "message": _("Changed in SERCE since the last import; the local value was kept."),
                    }
                )
                continue
            setattr(person, name, new)
    changed = created or _has_changes(person)
    person.pobyt_snapshot = incoming
    household_ref = row.get("household_ref", "").strip()
    if household_ref:
        household = (
            households.get(household_ref)
            or Household.objects.filter(office=office, reference=household_ref).first()
        )
        if household is None:
            household = Household.objects.create(office=office, reference=household_ref)
        households[household_ref] = household
        if person.household_id != household.pk:
            person.household = household
            changed = True
        role = row.get("household_role", "").strip()
        if role in dict(Person.HouseholdRole.choices) and person.household_role != role:
            person.household_role = role
            changed = True
    person.save()
    document_number = row.get("document_number", "").strip().upper()
    if document_number:
        kind = row.get("document_kind", "").strip() or IdentityDocument.Kind.OTHER
        if kind not in dict(IdentityDocument.Kind.choices):
            kind = IdentityDocument.Kind.OTHER
        _doc, doc_created = IdentityDocument.objects.get_or_create(
            person=person, number=document_number, defaults={"kind": kind}
        )
        changed = changed or doc_created
    centre_code = row.get("centre_code", "").strip()
    if centre_code:
        centre = centres.get(centre_code)
        if centre is None:
            raise ValueError(_("Unknown centre code %(code)s.") % {"code": centre_code})
        current = stays.current_stay(person)
        if current is None or current.centre_id != centre.pk:
            try:
                start = (
                    dt.date.fromisoformat(row.get("stay_from", "").strip())
                    if row.get("stay_from")
                    else dt.date.today()
                )
            except ValueError:
                raise ValueError(_("stay_from must be a date in the form YYYY-MM-DD.")) from None
            stays.admit(person, centre, start, source="pobyt")
            changed = True
    if created:
        result.created += 1
    elif changed:
        result.updated += 1
    else:
        result.unchanged += 1


def _has_changes(person: Person) -> bool:
    stored = Person.objects.filter(pk=person.pk).values(*PERSON_FIELDS, "pobyt_id").first() or {}
    return any(stored.get(name) != getattr(person, name) for name in stored)
