"""PDF printouts: the register card (with barcode), a residence certificate, a benefit decision, payment lists."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.platypus import Table, TableStyle

from przystan.documents.fonts import BOLD, REGULAR
from przystan.documents.pdf import DocumentBuilder, render_card, render_document

from ..dates import staff_date
from ..models import Benefit, PaymentList, Person
from . import payments, stays


def photo_bytes(person: Person) -> bytes | None:
    """The stored photo of ``person`` (``None`` without one or if the file is gone)."""
    if not person.photo:
        return None
    try:
        with person.photo.open("rb") as handle:
            return handle.read()
    except (OSError, ValueError):
        return None


def person_card(person: Person, language: str = "pl") -> bytes:
    """An ID-1 register card: photo, name in both scripts and the register number as Code128."""
    photo = photo_bytes(person)

    def build(doc: DocumentBuilder) -> None:
        def photo_part(sub: DocumentBuilder) -> None:
            if photo:
                sub.image(photo, width_mm=17, height_mm=21)
            else:
                sub.paragraph(_("no photo"), small=True)

        def data_part(sub: DocumentBuilder) -> None:
            sub.paragraph(f"{person.last_name.upper()} {person.first_name}")
            if person.native_name:
                sub.paragraph(person.native_name, small=True)
            sub.paragraph(
                _("Born %(date)s · %(nationality)s")
                % {"date": staff_date(person.date_of_birth) or "—", "nationality": person.nationality or "—"},
                small=True,
            )

        doc.columns([photo_part, data_part], widths=[0.27, 0.73])
        doc.code128(person.register_number, bar_height_mm=9)

    return render_card(person.office, title=_("Register card"), language=language, build=build)


def residence_certificate(person: Person, language: str = "pl") -> bytes:
    """A certificate that the person lives in a centre (or the latest address outside centres)."""
    stay = stays.current_stay(person)
    address = person.addresses.filter(date_to__isnull=True).first()

    def build(doc: DocumentBuilder) -> None:
        doc.heading(_("Certificate of residence"))
        doc.key_value_table(
            [
                (_("Name"), person.full_name),
                (_("Name in the original script"), person.native_name or "—"),
                (_("Date of birth"), staff_date(person.date_of_birth) or "—"),
                (_("Nationality"), person.nationality or "—"),
                (_("Register number"), person.register_number),
                (_("Pobyt v.2 identifier"), person.pobyt_id or "—"),
            ]
        )
        if stay:
            doc.paragraph(
                _("The person lives in %(centre)s, %(address)s, since %(date)s.")
                % {
                    "centre": stay.centre.name,
                    "address": stay.centre.address,
                    "date": staff_date(stay.date_from),
                }
            )
        elif address:
            doc.paragraph(
                _("The person receives assistance outside a centre and lives at %(address)s since %(date)s.")
                % {"address": address, "date": staff_date(address.date_from)}
            )
        else:
            doc.paragraph(_("The person does not live in a centre at present."))
        doc.paragraph(_("Issued on %(date)s.") % {"date": staff_date(dt.date.today())})
        doc.signature_line()

    return render_document(
        person.office,
        title=_("Certificate of residence"),
        language=language,
        build=build,
        reference=person.register_number,
    )


def benefit_decision(benefit: Benefit, language: str = "pl") -> bytes:
    """A decision granting a social benefit (the body of the administrative decision)."""
    person = benefit.person

    def build(doc: DocumentBuilder) -> None:
        doc.heading(_("Decision on social assistance"))
        if benefit.decision_number:
            doc.paragraph(_("Decision no. %(number)s") % {"number": benefit.decision_number})
        doc.paragraph(
            _(
                "Under the Act of 13 June 2003 on granting protection to foreigners in the territory of the "
                "Republic of Poland, the Head of the Office for Foreigners grants the following assistance to:"
            )
        )
        doc.key_value_table(
            [
                (_("Name"), person.full_name),
                (_("Date of birth"), staff_date(person.date_of_birth) or "—"),
                (_("Register number"), person.register_number),
                (_("Benefit"), benefit.get_kind_display()),
                (
                    _("Period"),
                    f"{staff_date(benefit.date_from)} – {staff_date(benefit.date_to) or _('until further notice')}",
                ),
                (_("Payment day of the month"), benefit.payment_day),
                (
                    _("Amount"),
                    f"{payments.zl(benefit.amount_grosze)} zł"
                    if benefit.amount_grosze is not None
                    else _("according to the benefit rules in force"),
                ),
            ]
        )
        doc.paragraph(
            _(
                "An appeal may be lodged with the Refugee Board through the Head of the Office within 14 days."
            ),
            small=True,
        )
        doc.signature_line()

    return render_document(
        person.office,
        title=_("Decision on social assistance"),
        language=language,
        build=build,
        reference=benefit.decision_number or person.register_number,
    )


def payment_list_pdf(payment_list: PaymentList, language: str = "pl") -> bytes:
    """The payment list as a table (plain cells: fast for thousands of rows) with totals and signatures."""
    sums = payments.totals(payment_list)
    rows = (
        payment_list.entries.select_related("person")
        .order_by("person__last_name", "person__first_name", "id")
        .values_list(
            "person__register_number",
            "person__last_name",
            "person__first_name",
            "kind",
            "days",
            "amount_grosze",
            "is_adjustment",
            "approved_at",
        )
    )

    def build(doc: DocumentBuilder) -> None:
        where = payment_list.centre.name if payment_list.centre_id else _("persons outside centres")
        doc.heading(_("Payment list of social benefits"))
        if not payment_list.is_locked and payments.rule_problems(payment_list):
            doc.paragraph(
                _("Draft: amounts from rules to be confirmed by the office — not for payment."), small=False
            )
        doc.key_value_table(
            [
                (_("Month"), f"{payment_list.month:%Y-%m}"),
                (_("Centre"), where),
                (_("Status"), payment_list.get_status_display()),
                (_("Payment date"), staff_date(payment_list.payment_date) or "—"),
                (_("Persons"), sums["persons"]),
                (_("Total"), f"{payments.zl(sums['total'])} zł"),
            ]
        )
        header = [
            _("No."),
            _("Register number"),
            _("Name"),
            _("Benefit"),
            _("Days"),
            _("Amount (zł)"),
            _("Signature"),
        ]
        widths = [doc.width * w for w in (0.06, 0.17, 0.30, 0.17, 0.06, 0.12, 0.12)]
        chunk: list[list[str]] = []
        for index, (number, last, first, kind, days, amount, adj, approved) in enumerate(
            rows.iterator(chunk_size=2000), 1
        ):
            label = kind + ((" *" if approved else " **") if adj else "")
            chunk.append(
                [str(index), number, f"{last} {first}"[:40], label, str(days or ""), payments.zl(amount), ""]
            )
            if len(chunk) == CHUNK_ROWS:
                doc.add(_entries_table(header, chunk, widths))
                chunk = []
        doc.add(_entries_table(header, chunk, widths))
        doc.paragraph(_("* adjustment entry"), small=True)
        if sums["pending_count"]:
            doc.paragraph(
                _("** adjustment awaiting approval by a second person, not included in the total"),
                small=True,
            )
        doc.spacer()
        doc.paragraph(_("Prepared by: %(name)s") % {"name": _user_name(payment_list.prepared_by)})
        doc.paragraph(_("Approved by: %(name)s") % {"name": _user_name(payment_list.approved_by)})

    return render_document(
        payment_list.office,
        title=_("Payment list of social benefits"),
        language=language,
        build=build,
        reference=payment_list.reference,
    )


CHUNK_ROWS = 200  # a long list is many small tables: reportlab splits each one cheaply


def _entries_table(header: list[str], chunk: list[list[str]], widths: list[float]) -> Table:
    table = Table([header, *chunk], colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("FONTNAME", (0, 0), (-1, 0), BOLD),
                ("FONTSIZE", (0, 0), (-1, -1), 7.5),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                ("ALIGN", (4, 1), (5, -1), "RIGHT"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def _user_name(user: Any) -> str:
    if user is None:
        return "—"
    return user.get_full_name() or user.email or str(user)
