"""The notices page counts recipients and queued messages with the language's plural forms."""

import datetime as dt

import pytest
from django.urls import reverse

from plugins.serce.access import assign_to_centre
from plugins.serce.services.notices import SCHOOL_SUPPLIES_AVAILABLE
from plugins.serce.services.stays import admit

from .factories import make_person

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "send_to_one", "queued_one"),
    [
        ("pl", "Wyślij do 1 osoby", "Zakolejkowano 1 wiadomość."),
        ("uk", "Надіслати 1 особі", "Поставлено в чергу 1 повідомлення."),
        ("ru", "Отправить 1 получателю", "Поставлено в очередь 1 сообщение."),
        ("en", "Send to 1 person", "1 message was queued."),
    ],
)
def test_one_recipient_is_one_person_and_one_message(
    client, serce_office, centres, staff, staff_login, language, send_to_one, queued_one
):
    grupa, _ = centres
    admit(
        make_person(serce_office, "Olena", "Shevchenko", phone="+48501200300", language="uk"),
        grupa,
        dt.date(2026, 1, 1),
    )
    worker = staff("notice@example.gov.pl", "social_worker")
    worker.preferred_language = language
    worker.save(update_fields=["preferred_language"])
    assign_to_centre(worker, grupa)
    staff_login(client, worker)
    form = {
        "notice_type": SCHOOL_SUPPLIES_AVAILABLE,
        "centre": grupa.pk,
        "where": "świetlica",
        "from_date": "2026-09-01",
        "send_sms": "on",
    }
    page = client.post(reverse("serce:notices"), {**form, "preview": "1"}).content.decode()
    assert send_to_one in page
    response = client.post(reverse("serce:notices"), {**form, "send": "1"}, follow=True)
    assert queued_one in response.content.decode()
