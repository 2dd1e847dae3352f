"""Staff pages through HTTP: per-centre access, audit of denials and sensitive reads, forms, gating."""

from __future__ import annotations

import pytest
from django.test import Client

from plugins.hotel.admission import admit
from plugins.hotel.cards import issue_card
from plugins.hotel.models import Bed, Placement, Referral, Transfer
from plugins.hotel.transfers import approve, request_transfer
from przystan.audit.models import AuditEntry

from .conftest import make_family

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_a(centre_staff, centres, staff_login):
    user = centre_staff("alfa@example.com", centres[0])
    client = Client()
    staff_login(client, user)
    return client


@pytest.fixture
def staff_b(centre_staff, centres, staff_login):
    user = centre_staff("beta@example.com", centres[1])
    client = Client()
    staff_login(client, user)
    return client


def test_centre_staff_see_their_centre_only(staff_a, centres):
    a, b = centres
    index = staff_a.get("/staff/hotel/")
    assert index.status_code == 200
    assert a.name in index.content.decode() and b.name not in index.content.decode()
    assert staff_a.get(f"/staff/hotel/centres/{a.pk}/").status_code == 200
    assert staff_a.get(f"/staff/hotel/centres/{b.pk}/").status_code == 403
    assert staff_a.get(f"/staff/hotel/centres/{b.pk}/scan/").status_code == 403
    assert AuditEntry.objects.filter(action="denied", reason="hotel.centre:edit").exists()


def test_referral_admission_cards_and_scan_through_the_pages(staff_a, hotel_office, centres):
    a, _b = centres
    family = make_family(hotel_office)
    page = staff_a.get(f"/staff/hotel/persons/{family[0].pk}/referral/")
    assert page.status_code == 200 and "w jednym pokoju rodzinnym" in page.content.decode()
    response = staff_a.post(f"/staff/hotel/persons/{family[0].pk}/referral/", {"refer": a.pk})
    referral = Referral.objects.get(person=family[0])
    assert response.status_code == 302 and f"referral={referral.pk}" in response["Location"]
    form = staff_a.get(response["Location"])
    assert form.status_code == 200
    beds = list(Bed.objects.filter(centre=a, room__number="101").order_by("label"))
    data = {f"bed_{p.pk}": b.pk for p, b in zip(family, beds, strict=False)}
    done = staff_a.post(response["Location"], data)
    assert done.status_code == 302
    assert Placement.objects.filter(person__in=family, ended_at__isnull=True).count() == 3
    referral.refresh_from_db()
    assert referral.status == Referral.Status.ADMITTED

    # a bed taken meanwhile: clear error, what was chosen is kept
    other = make_family(hotel_office, last="Melnyk", size=1)[0]
    taken = staff_a.post(
        f"/staff/hotel/centres/{a.pk}/admit/?person={other.pk}", {f"bed_{other.pk}": beds[0].pk}
    )
    assert taken.status_code == 409 and "zostało właśnie zajęte" in taken.content.decode()
    assert f'value="{beds[0].pk}" selected' in taken.content.decode()

    staff_a.post(f"/staff/hotel/persons/{family[0].pk}/cards/")
    card_pdf = staff_a.get(f"/staff/hotel/persons/{family[0].pk}/cards.pdf")
    assert card_pdf.status_code == 200 and card_pdf["Content-Type"] == "application/pdf"
    number = family[0].hotel_cards.get().number
    ok = staff_a.post(
        f"/staff/hotel/centres/{a.pk}/scan/", {"code": number, "action": "meal", "meal": "dinner"}
    )
    blocked = staff_a.post(
        f"/staff/hotel/centres/{a.pk}/scan/", {"code": number, "action": "meal", "meal": "dinner"}
    )
    assert ok.status_code == 200 and blocked.status_code == 409
    assert "ZABLOKOWANO" in blocked.content.decode() and "kolacja" in blocked.content.decode()
    recent = blocked.content.decode().split('class="recent"')[1].split("</ul>")[0]
    assert "(kolacja)" in recent and "(dinner)" not in recent  # the meal's name, not its code
    for url in (
        f"/staff/hotel/centres/{a.pk}/history/",
        "/staff/hotel/statistics/",
        "/staff/hotel/transfers/",
        f"/staff/hotel/persons/{family[0].pk}/",
        f"/staff/hotel/placements/{Placement.objects.filter(person=family[0]).get().pk}/admission-uk.pdf",
    ):
        assert staff_a.get(url).status_code == 200, url


def test_the_receiving_centre_sees_the_report_once_approved(
    staff_a, staff_b, hotel_office, centres, supervisor, staff_login
):
    a, b = centres
    family = make_family(hotel_office, size=2)
    admit(
        centre=a,
        assignments=list(zip(family, Bed.objects.filter(centre=a, room__number="101"), strict=False)),
        user=None,
    )
    issue_card(family[0], a, None)
    transfer = request_transfer(
        person=family[0], from_centre=a, to_centre=b, reason="closer to school", user=None
    )
    assert staff_b.get(f"/staff/hotel/transfers/{transfer.pk}/").status_code == 403
    assert staff_a.post(f"/staff/hotel/transfers/{transfer.pk}/approve/").status_code == 403
    boss = Client()
    staff_login(boss, supervisor)
    assert boss.post(f"/staff/hotel/transfers/{transfer.pk}/approve/").status_code == 302
    page = staff_b.get(f"/staff/hotel/transfers/{transfer.pk}/")
    assert page.status_code == 200 and "KOVALENKO Andrii" in page.content.decode()
    assert staff_b.post(f"/staff/hotel/transfers/{transfer.pk}/depart/").status_code == 403
    assert AuditEntry.objects.for_object(transfer).filter(action="read").exists()
    staff_a.post(f"/staff/hotel/transfers/{transfer.pk}/depart/")
    transfer.refresh_from_db()
    assert transfer.status == Transfer.Status.IN_TRANSIT
    pdf = staff_b.get(f"/staff/hotel/transfers/{transfer.pk}/report.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_approval_needs_the_permission(centre_staff, staff_login, hotel_office, centres):
    a, b = centres
    client = Client()
    staff_login(client, centre_staff("junior@example.com", a))
    family = make_family(hotel_office, size=1)
    admit(centre=a, assignments=[(family[0], Bed.objects.filter(centre=a).first())], user=None)
    transfer = request_transfer(person=family[0], from_centre=a, to_centre=b, reason="x", user=None)
    assert client.post(f"/staff/hotel/transfers/{transfer.pk}/approve/").status_code == 403
    transfer.refresh_from_db()
    assert transfer.status == Transfer.Status.REQUESTED
    approve(transfer, None)


def test_hotel_pages_are_404_where_the_plugin_is_disabled(staff_a, hotel_office, enable_plugin):
    enable_plugin(hotel_office, "hotel", enabled=False)
    assert staff_a.get("/staff/hotel/").status_code == 404


def test_blocking_a_bed_and_adding_a_room(staff_a, centres):
    a, _b = centres
    bed = Bed.objects.filter(centre=a).first()
    staff_a.post(f"/staff/hotel/centres/{a.pk}/bed/{bed.pk}/block/", {"reason": "broken"})
    bed.refresh_from_db()
    assert bed.blocked and bed.blocked_reason == "broken"
    staff_a.post(
        f"/staff/hotel/centres/{a.pk}/rooms/", {"building": "B", "number": "1", "beds": 3, "accessible": "on"}
    )
    assert Bed.objects.filter(centre=a, room__building__name="B", room__accessible=True).count() == 3


def test_the_board_flags_residents_absent_longer_than_configured(
    staff_a, hotel_office, centres, enable_plugin
):
    import datetime

    from django.utils import timezone

    a, _b = centres
    person = make_family(hotel_office, last="Absent", size=1)[0]
    placement = admit(centre=a, assignments=[(person, Bed.objects.filter(centre=a).first())], user=None)[0]
    Placement.objects.filter(pk=placement.pk).update(last_seen_at=timezone.now() - datetime.timedelta(days=4))
    assert 'class="tag warn"' in staff_a.get(f"/staff/hotel/centres/{a.pk}/").content.decode()
    enable_plugin(hotel_office, "hotel", config={"absence_after_days": 5})
    assert 'class="tag warn"' not in staff_a.get(f"/staff/hotel/centres/{a.pk}/").content.decode()


def test_an_office_admin_gives_a_user_access_to_a_centre(hotel_office, centres, user_factory, staff_login):
    from plugins.hotel.access import can_work

    a, _b = centres
    admin = user_factory("admin@example.com", kind="staff", roles=("office_admin",), office=hotel_office)
    newcomer = user_factory("nowy@example.com", kind="staff", roles=("centre_staff",), office=hotel_office)
    client = Client()
    staff_login(client, admin)
    assert client.get(f"/staff/hotel/centres/{a.pk}/staff/").status_code == 200
    client.post(f"/staff/hotel/centres/{a.pk}/staff/", {"user": newcomer.pk, "work": "1"})
    assert can_work(newcomer, a) and not can_work(newcomer, centres[1])
    entry = AuditEntry.objects.filter(action="update", actor=admin).latest("pk")
    assert entry.changes["work_in_centre"] == ["nowy@example.com: False", "nowy@example.com: True"]
    client.post(f"/staff/hotel/centres/{a.pk}/staff/", {"user": newcomer.pk})
    assert not can_work(newcomer, a)
    other = Client()
    staff_login(other, newcomer)
    assert other.get(f"/staff/hotel/centres/{a.pk}/staff/").status_code == 403


def test_statistics_with_charts_and_csv_of_own_centres_only(staff_a, centres, hotel_office):
    a, b = centres
    family = make_family(hotel_office)
    beds = Bed.objects.filter(centre=a, room__number="101").order_by("label")
    admit(centre=a, assignments=list(zip(family, beds, strict=False)), user=None)
    page = staff_a.get("/staff/hotel/statistics/").content.decode()
    assert page.count("<svg") == 2 and a.name in page and b.name not in page
    response = staff_a.get("/staff/hotel/statistics.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = response.content.decode("utf-8-sig").splitlines()
    assert len(rows) == 2 and rows[1].startswith(a.name + ";")
