"""Statistics of the register: tables, inline SVG bar charts and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter
from xml.sax.saxutils import escape

from django.db.models import Count, Q, QuerySet, Sum
from django.utils.translation import gettext as _

from ..models import Centre, PaymentEntry, PaymentList, Person, Stay

AGE_BANDS = ((0, 5), (6, 17), (18, 34), (35, 59), (60, 200))


def _age(born: dt.date, on: dt.date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def persons_by_centre(persons: QuerySet[Person], office: object) -> list[tuple[str, int]]:
    open_stays = Stay.objects.filter(date_to__isnull=True, person__in=persons)
    counts = dict(open_stays.values("centre_id").annotate(n=Count("pk")).values_list("centre_id", "n"))
    rows = [(c.name, counts.get(c.pk, 0)) for c in Centre.objects.filter(office=office)]
    outside = (
        persons.filter(status=Person.Status.ACTIVE).exclude(pk__in=open_stays.values("person_id")).count()
    )
    rows.append((_("outside centres"), outside))
    return rows


def persons_by_nationality(persons: QuerySet[Person]) -> list[tuple[str, int]]:
    rows = persons.values("nationality").annotate(n=Count("pk")).order_by("-n", "nationality")
    return [(r["nationality"] or "—", r["n"]) for r in rows]


def persons_by_age_band(persons: QuerySet[Person], on: dt.date | None = None) -> list[tuple[str, int]]:
    on = on or dt.date.today()
    counter: Counter[str] = Counter()
    labels = [f"{low}–{high}" if high < 200 else f"{low}+" for low, high in AGE_BANDS]
    for born in (
        persons.exclude(date_of_birth__isnull=True)
        .values_list("date_of_birth", flat=True)
        .iterator(chunk_size=5000)
    ):
        age = _age(born, on)
        for label, (low, high) in zip(labels, AGE_BANDS, strict=True):
            if low <= age <= high:
                counter[label] += 1
                break
    return [(label, counter[label]) for label in labels]


def benefits_paid(office: object, months: int = 12) -> list[tuple[str, str, int]]:
    """(month, benefit kind, amount in grosze) of approved and paid lists."""
    rows = (
        PaymentEntry.objects.filter(
            payment_list__office=office,
            payment_list__status__in=(PaymentList.Status.APPROVED, PaymentList.Status.PAID),
        )
        .filter(Q(is_adjustment=False) | Q(approved_at__isnull=False))  # no unapproved corrections
        .values("payment_list__month", "kind")
        .annotate(total=Sum("amount_grosze"))
        .order_by("-payment_list__month", "kind")
    )
    return [(f"{r['payment_list__month']:%Y-%m}", r["kind"], r["total"]) for r in rows][: months * 8]


def occupancy(
    office: object, months: int = 12, today: dt.date | None = None
) -> list[tuple[str, str, int, int]]:
    """(month, centre, residents on the 15th, capacity) for the last ``months`` months."""
    today = today or dt.date.today()
    centres = list(Centre.objects.filter(office=office))
    rows = []
    year, month = today.year, today.month
    days = []
    for _i in range(months):
        days.append(dt.date(year, month, 15))
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    for day in reversed(days):
        counts = dict(
            Stay.objects.filter(centre__in=centres, date_from__lte=day)
            .filter(Q(date_to__isnull=True) | Q(date_to__gte=day))
            .values("centre_id")
            .annotate(n=Count("pk"))
            .values_list("centre_id", "n")
        )
        for centre in centres:
            rows.append((f"{day:%Y-%m}", centre.name, counts.get(centre.pk, 0), centre.capacity))
    return rows


def bar_chart_svg(rows: list[tuple[str, int]], title: str, width: int = 640) -> str:
    """A horizontal bar chart as inline SVG with a title and text labels (readable without colour)."""
    bar_h, gap, label_w = 18, 6, 200
    height = len(rows) * (bar_h + gap) + 30
    top = max([v for _l, v in rows] + [1])
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(title)}" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" class="serce-chart">',
        f"<title>{escape(title)}</title>",
    ]
    for index, (label, value) in enumerate(rows):
        y = 20 + index * (bar_h + gap)
        w = int((width - label_w - 60) * value / top)
        parts.append(f'<text x="0" y="{y + 13}" font-size="12">{escape(str(label))[:30]}</text>')
        parts.append(f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" fill="#1d4f91"></rect>')
        parts.append(f'<text x="{label_w + w + 4}" y="{y + 13}" font-size="12">{value}</text>')
    parts.append("</svg>")
    return "".join(parts)


def to_csv(header: tuple[str, ...], rows: list[tuple]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
