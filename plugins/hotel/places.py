"""Free places: beds that are neither blocked nor occupied, per centre and across the country."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from plugins.serce.models import Centre

from .models import Bed, Placement


def open_placements() -> QuerySet[Placement]:
    return Placement.objects.filter(ended_at__isnull=True)


def free_beds() -> QuerySet[Bed]:
    """Beds that can be assigned now (not blocked, room not blocked, nobody in them)."""
    occupied = open_placements().filter(bed=OuterRef("pk"))
    return Bed.objects.filter(blocked=False, room__blocked=False).exclude(Exists(occupied))


@dataclass(frozen=True)
class Occupancy:
    centre: Centre
    beds: int
    blocked: int
    occupied: int

    @property
    def free(self) -> int:
        return max(self.beds - self.blocked - self.occupied, 0)

    @property
    def rate(self) -> int:
        usable = self.beds - self.blocked
        return round(100 * self.occupied / usable) if usable else 0


def occupancy(centres: Iterable[Centre]) -> list[Occupancy]:
    """Beds, blocked, occupied and free places per centre (three grouped queries)."""
    centres = list(centres)
    ids = [c.pk for c in centres]
    beds = dict(
        Bed.objects.filter(centre_id__in=ids)
        .values_list("centre_id")
        .annotate(n=Count("pk"))
        .values_list("centre_id", "n")
    )
    occupied_now = open_placements().filter(bed=OuterRef("pk"))
    blocked = dict(
        Bed.objects.filter(centre_id__in=ids)
        .filter(Q(blocked=True) | Q(room__blocked=True))
        .exclude(Exists(occupied_now))
        .values_list("centre_id")
        .annotate(n=Count("pk"))
        .values_list("centre_id", "n")
    )
    occupied = dict(
        open_placements()
        .filter(centre_id__in=ids)
        .values_list("centre_id")
        .annotate(n=Count("pk"))
        .values_list("centre_id", "n")
    )
    return [
        Occupancy(
            centre=c, beds=beds.get(c.pk, 0), blocked=blocked.get(c.pk, 0), occupied=occupied.get(c.pk, 0)
        )
        for c in centres
    ]


def national_occupancy() -> Occupancy | None:
    """All active centres of the country (every office) added up; ``None`` when there are none."""
    rows = occupancy(Centre.objects.filter(active=True))
    if not rows:
        return None
    return Occupancy(
        centre=rows[0].centre,
        beds=sum(r.beds for r in rows),
        blocked=sum(r.blocked for r in rows),
        occupied=sum(r.occupied for r in rows),
    )
