"""ID cards: the number is the person's register number and the card version (``SE0000000018-02``).

The barcode (Code128) and the QR code on the card both carry that number, so a scan gives the
person's identifier; reissuing a card invalidates the previous number (only valid cards scan).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from plugins.serce.models import Centre, Person
from plugins.serce.services.printouts import photo_bytes
from przystan.documents.pdf import DocumentBuilder, render_card

from .models import IdCard


def card_number(person: Person, version: int) -> str:
    return f"{person.register_number}-{version:02d}"


def issue_card(person: Person, centre: Centre, user: Any) -> IdCard:
    """A new valid card for ``person``; their previous card (if any) stops being valid."""
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=person.pk).first()
        IdCard.objects.filter(person=person, revoked_at__isnull=True).update(revoked_at=timezone.now())
        version = (IdCard.objects.filter(person=person).aggregate(v=Max("version"))["v"] or 0) + 1
        return IdCard.objects.create(
            person=person, centre=centre, number=card_number(person, version), version=version, issued_by=user
        )


def valid_card(person: Person) -> IdCard | None:
    return IdCard.objects.filter(person=person, revoked_at__isnull=True).first()


def render_cards(office: Any, cards: Sequence[IdCard]) -> bytes:
    """One card-size page (ID-1) per card: photo, name (both scripts), centre, number, Code128 and QR.

    The card is Polish; its title is repeated in the resident's language when that is not Polish.
    """

    def build(doc: DocumentBuilder) -> None:
        for index, card in enumerate(cards):
            if index:
                doc.page_break()
            person = card.person
            photo = photo_bytes(person)

            def photo_part(sub: DocumentBuilder, photo: bytes | None = photo) -> None:
                if photo:
                    sub.image(photo, width_mm=17, height_mm=21)
                else:
                    sub.paragraph(_("no photo"), small=True)

            def data_part(sub: DocumentBuilder, card: IdCard = card, person: Person = person) -> None:
                sub.heading(f"{person.last_name.upper()} {person.first_name}", level=2)
                if person.native_name:
                    sub.paragraph(person.native_name, small=True)
                if person.language and person.language != "pl":
                    with translation.override(person.language):  # the card's title in the resident's language
                        sub.paragraph(str(_("Resident ID card")), small=True)
                if person.date_of_birth:
                    sub.paragraph(
                        _("Born: %(date)s") % {"date": person.date_of_birth.strftime("%d.%m.%Y")}, small=True
                    )
                sub.paragraph(card.centre.name, small=True)
                sub.paragraph(_("Card %(number)s") % {"number": card.number}, small=True)

            def qr_part(sub: DocumentBuilder, card: IdCard = card) -> None:
                sub.qr(card.number, size_mm=17, align="RIGHT")

            doc.columns([photo_part, data_part, qr_part], widths=[0.24, 0.52, 0.24])
            doc.spacer(1)
            doc.code128(card.number, bar_height_mm=7, module_mm=0.3, human_readable=False, align="CENTER")

    title = _("Resident ID card")
    return render_card(
        office, title=title, language="pl", build=build, reference=cards[0].number if cards else None
    )
