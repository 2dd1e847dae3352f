"""Which centre to direct a person (or family) to: a ranked suggestion with the reason.

Only rooms a family may use count (women-only rooms for women only, isolation rooms only for whom the
medical filter requires isolation, accessible rooms when someone needs one). A centre that cannot take
the whole family is listed last with the reason. Among the others the score prefers: the whole family
in one room (a family room best), a centre that runs the medical filter for those without a result,
and more free places (spreading occupancy).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from plugins.serce.models import Centre, Person

from .family import needs_of
from .models import HotelCentre
from .places import free_beds
from .register_data import register_data


@dataclass(frozen=True)
class Needs:
    family_size: int
    all_women: bool
    accessible: bool
    isolation: bool
    filter_missing: bool

    @classmethod
    def of(cls, persons: Sequence[Person]) -> Needs:
        medical = [register_data(p) for p in persons]
        return cls(
            family_size=len(persons),
            all_women=all(p.sex == Person.Sex.FEMALE for p in persons),
            accessible=any(needs_of(p).accessible_room for p in persons),
            isolation=any(m.isolation for m in medical),
            filter_missing=any(m.filter_unfinished for m in medical),
        )


@dataclass
class Option:
    centre: Centre
    free: int
    suitable: int
    feasible: bool
    score: int = 0
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "centre": self.centre.pk,
            "name": self.centre.name,
            "free": self.free,
            "suitable": self.suitable,
            "feasible": self.feasible,
            "score": self.score,
            "reasons": self.reasons,
        }

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


def _room_usable(room: dict, needs: Needs) -> bool:
    if room["women_only"] and not needs.all_women:
        return False
    if needs.isolation != room["isolation"]:
        return False
    if needs.accessible and not room["accessible"]:
        return False
    return True


def rank(centres: Iterable[Centre], needs: Needs) -> list[Option]:
    """Options for every centre, best first (feasible ones before the rest)."""
    centres = list(centres)
    medical = set(
        HotelCentre.objects.filter(centre__in=centres, runs_medical_filter=True).values_list(
            "centre_id", flat=True
        )
    )
    rooms: dict[int, dict[int, dict]] = defaultdict(dict)
    free_total: dict[int, int] = defaultdict(int)
    rows = (
        free_beds()
        .filter(centre__in=centres)
        .values(
            "centre_id",
            "room_id",
            "room__family_room",
            "room__accessible",
            "room__women_only",
            "room__isolation",
        )
    )
    for row in rows:
        free_total[row["centre_id"]] += 1
        room = rooms[row["centre_id"]].setdefault(
            row["room_id"],
            {
                "free": 0,
                "family_room": row["room__family_room"],
                "accessible": row["room__accessible"],
                "women_only": row["room__women_only"],
                "isolation": row["room__isolation"],
            },
        )
        room["free"] += 1

    options = []
    for centre in centres:
        usable = [r for r in rooms[centre.pk].values() if _room_usable(r, needs)]
        suitable = sum(r["free"] for r in usable)
        option = Option(
            centre=centre,
            free=free_total[centre.pk],
            suitable=suitable,
            feasible=suitable >= needs.family_size,
        )
        if not option.feasible:
            option.reasons.append(
                ngettext(
                    "only %(count)d suitable free place for %(size)d persons",
                    "only %(count)d suitable free places for %(size)d persons",
                    suitable,
                )
                % {"count": suitable, "size": needs.family_size}
            )
            options.append(option)
            continue
        score = 100
        if needs.family_size > 1:
            together = [r for r in usable if r["free"] >= needs.family_size]
            if any(r["family_room"] for r in together):
                score += 40
                option.reasons.append(_("the whole family fits in one family room"))
            elif together:
                score += 25
                option.reasons.append(_("the whole family fits in one room"))
            else:
                option.reasons.append(_("the family would be split between rooms"))
        if needs.isolation:
            option.reasons.append(_("free isolation room (medical filter requires isolation)"))
        if needs.accessible:
            option.reasons.append(_("accessible room for special needs"))
        if needs.all_women and any(r["women_only"] for r in usable):
            score += 5
            option.reasons.append(_("women-only room available"))
        if needs.filter_missing:
            if centre.pk in medical:
                score += 30
                option.reasons.append(
                    _("the centre runs the medical filter, which has not been completed yet")
                )
            else:
                score -= 10
        score += min(suitable, 60) // 3
        option.reasons.append(
            ngettext("%(count)d suitable free place", "%(count)d suitable free places", suitable)
            % {"count": suitable}
        )
        option.score = score
        options.append(option)
    options.sort(key=lambda o: (not o.feasible, -o.score, -o.suitable, o.centre.name))
    return options
