"""PDF documents of the hotel base: admission documents and the transfer report."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from plugins.serce.dates import staff_date
from plugins.serce.models import Person
from plugins.serce.nationalities import nationality_name
from przystan.documents.pdf import DocumentBuilder, render_document

from .models import Placement, Transfer
from .scanning import absence_days


def _date(value: Any) -> str:
    return timezone.localtime(value).strftime("%d.%m.%Y %H:%M") if value else ""


def admission_pdf(office: Any, placement: Placement, language: str) -> bytes:
    """The admission document of one person, in ``language`` (Polish and the person's own language)."""
    person, bed, centre = placement.person, placement.bed, placement.centre

    def build(doc: DocumentBuilder) -> None:
        doc.heading(_("Admission to a reception centre"))
        doc.key_value_table(
            [
                (_("Name"), f"{person.last_name.upper()} {person.first_name}"),
                (_("Register number"), person.register_number),
                (
                    _("Date of birth"),
                    person.date_of_birth.strftime("%d.%m.%Y") if person.date_of_birth else "—",
                ),
                (_("Nationality"), nationality_name(person.nationality)),
                (_("Centre"), f"{centre.name}, {centre.address}"),
                (_("Building, room and bed"), f"{bed.room.building.name}, {bed.room.number}, {bed.label}"),
                (_("Admitted"), _date(placement.admitted_at)),
            ]
        )
        doc.heading(_("Rules of the stay"), level=2)
        doc.paragraph(
            _("You receive an ID card of the centre. Show it when you enter or leave and at every meal.")
        )
        doc.paragraph(_("Meals are served three times a day in the dining room; each meal is issued once."))
        doc.paragraph(
            _(
                "Tell the staff before you leave for longer. An absence of more than %(days)d days is reported."
            )
            % {"days": absence_days(office)}
        )
        doc.paragraph(_("Keep your room tidy and respect the quiet hours from 22:00 to 6:00."))
        doc.signature_line(_("Signature of the resident"))
        doc.signature_line(_("Signature of the staff member"))

    return render_document(
        office,
        title=gettext_lazy("Admission to a reception centre"),
        language=language,
        build=build,
        reference=f"PRZ/{placement.pk:06d}",
    )


def choice_label(relation: str, field: str, value: str) -> str:
    """The label of a serce choice (e.g. the medical filter result) in the active language."""
    if not value or value == "missing":
        return _("not recorded")
    model = Person._meta.get_field(relation).related_model
    return str(dict(model._meta.get_field(field).choices).get(value, value))


def transfer_report_pdf(
    office: Any, transfer: Transfer, language: str = "pl", *, health_notes: bool = True
) -> bytes:
    """The electronic transfer report as a document (stored with the transfer at departure).

    ``health_notes=False`` leaves out the free-text medical and accommodation notes (for staff who
    may not read health data; the medical filter result and special needs stay, placement needs them).
    """
    languages = dict(Person.Language.choices)

    def build(doc: DocumentBuilder) -> None:
        doc.heading(_("Transfer report"))
        doc.key_value_table(
            [
                (_("Reference"), transfer.reference),
                (
                    pgettext("transfer", "From"),
                    f"{transfer.from_centre.name}, {transfer.from_centre.address}",
                ),
                (_("To"), f"{transfer.to_centre.name}, {transfer.to_centre.address}"),
                (_("Reason for the transfer"), transfer.reason),
                (_("Requested"), _date(transfer.requested_at)),
                (_("Approved"), _date(transfer.approved_at)),
                (_("Departed"), _date(transfer.departed_at)),
            ]
        )
        for member in transfer.report.get("members", []):
            doc.heading(member["name"], level=2)
            doc.key_value_table(
                [
                    (_("Register number"), member["register_number"]),
                    (_("Pobyt v.2 identifier"), member["pobyt_id"] or "—"),
                    (_("Date of birth"), staff_date(member["date_of_birth"]) or "—"),
                    (_("Nationality"), nationality_name(member["nationality"])),
                    (_("Language"), str(languages.get(member["language"], member["language"] or "—"))),
                    (
                        _("Medical filter"),
                        choice_label("medical_filters", "result", member["medical_filter"]),
                    ),
                    (_("Medical filter date"), staff_date(member["medical_filter_date"]) or "—"),
                    *([(_("Medical notes"), member["medical_notes"] or "—")] if health_notes else []),
                    (_("Special needs"), "; ".join(member["special_needs"]) or "—"),
                    (_("Needs an accessible room"), _("yes") if member["accessible_room"] else _("no")),
                    *(
                        [(_("Notes for the accommodation"), member["accommodation_notes"] or "—")]
                        if health_notes
                        else []
                    ),
                    (
                        _("Food"),
                        choice_label("food_arrangements", "mode", member["food"])
                        if member["food_label"]
                        else _("meals in the centre"),
                    ),
                    (_("Diet"), member["diet"] or "—"),
                ]
            )
        doc.signature_line(_("Handed over by"))

    return render_document(
        office,
        title=gettext_lazy("Transfer report"),
        language=language,
        build=build,
        reference=transfer.reference,
    )
