"""The resident's photo from serce is printed on the card."""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image
from pypdf import PdfReader

from plugins.hotel.admission import admit
from plugins.hotel.cards import issue_card, render_cards
from plugins.hotel.models import Bed

from .conftest import make_person
from .zbar import pdf_barcodes

pytestmark = pytest.mark.django_db


def test_the_photo_is_on_the_card(hotel_office, centres, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    a, _b = centres
    person = make_person(hotel_office, "Olena", "Shevchenko")
    buffer = io.BytesIO()
    Image.new("RGB", (300, 400), (200, 120, 60)).save(buffer, format="JPEG")
    person.photo.save("olena.jpg", ContentFile(buffer.getvalue()), save=True)
    admit(centre=a, assignments=[(person, Bed.objects.filter(centre=a).first())], user=None)
    card = issue_card(person, a, None)
    pdf = render_cards(hotel_office, [card])
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    images = list(page.images)
    assert len(images) == 1 and images[0].image.size == (300, 400)
    assert "no photo" not in page.extract_text()
    assert pdf_barcodes(pdf) == [{("CODE128", card.number), ("QRCODE", card.number)}]


def test_card_carries_the_title_in_the_residents_language(hotel_office, centres):
    a, _b = centres
    person = make_person(hotel_office, "Olena", "Shevchenko", language="uk", first_name_native="Олена")
    card = issue_card(person, a, None)
    reader = PdfReader(io.BytesIO(render_cards(hotel_office, [card])))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Посвідчення мешканця" in text and "Олена" in text
