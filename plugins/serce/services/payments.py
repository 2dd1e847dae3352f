"""Monthly payment lists computed from the benefit rules (amounts are data, see :class:`BenefitRule`).

Per benefit and month the days in scope are the days of the benefit's period that the person spent
in the list's centre (a centre list) or outside every centre (the list for people outside centres):

* ``per day`` rules: days × amount;
* ``per month`` rules: amount × days / days of the month (rounded to the grosz);
* ``one-off`` rules: the full amount in the month the benefit starts, if the person is in scope then.

The amount comes from the rule for the benefit kind and the household size valid on the first day of
the month, unless the benefit carries a fixed amount. A draft list may be regenerated; a submitted
list is approved by a second person; approved lists are locked and corrected by adjustment entries.
An adjustment is itself approved by a second person (never the one who entered it) before it counts
in the totals or is paid: the four-eyes rule holds for corrections as for the list.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
from collections import defaultdict
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Benefit, BenefitKind, BenefitRule, Centre, PaymentEntry, PaymentList, Person, Stay

CENTRE_KINDS = (
    BenefitKind.FOOD_EQUIVALENT,
    BenefitKind.POCKET_MONEY,
    BenefitKind.HYGIENE,
    BenefitKind.CLOTHING,
)
OUTSIDE_KINDS = (BenefitKind.OUTSIDE_CASH, BenefitKind.CLOTHING, BenefitKind.TRAVEL)

Interval = tuple[dt.date, dt.date]

#: Entries that count: the list's own entries and adjustments approved by a second person.
COUNTED = Q(is_adjustment=False) | Q(approved_at__isnull=False)


def month_bounds(month: dt.date) -> Interval:
    first = month.replace(day=1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _intersect(a: Interval, b: Interval) -> Interval | None:
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return (start, end) if start <= end else None


def _days(intervals: list[Interval]) -> int:
    return sum((end - start).days + 1 for start, end in intervals)


def _subtract(base: Interval, holes: list[Interval]) -> list[Interval]:
    pieces = [base]
    for hole in holes:
        next_pieces = []
        for start, end in pieces:
            if hole[1] < start or hole[0] > end:
                next_pieces.append((start, end))
                continue
            if hole[0] > start:
                next_pieces.append((start, hole[0] - dt.timedelta(days=1)))
            if hole[1] < end:
                next_pieces.append((hole[1] + dt.timedelta(days=1), end))
        pieces = next_pieces
    return pieces


class RuleBook:
    """Benefit rules of an office valid on a day, looked up by kind and family size."""

    def __init__(self, office: Any, on: dt.date) -> None:
        rules = BenefitRule.objects.filter(office=office, valid_from__lte=on).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        )
        self.by_kind: dict[str, list[BenefitRule]] = defaultdict(list)
        for rule in rules.order_by("-valid_from"):
            self.by_kind[rule.kind].append(rule)

    def rule(self, kind: str, family_size: int) -> BenefitRule | None:
        for rule in self.by_kind.get(kind, []):
            if rule.family_size_min <= family_size and (
                rule.family_size_max is None or family_size <= rule.family_size_max
            ):
                return rule
        return None


def compute_entries(office: Any, centre: Centre | None, month: dt.date) -> list[PaymentEntry]:
    """Unsaved entries of the list for ``centre`` (``None``: outside centres) and ``month``."""
    first, last = month_bounds(month)
    kinds = CENTRE_KINDS if centre is not None else OUTSIDE_KINDS
    rules = RuleBook(office, first)
    benefits = (
        Benefit.objects.filter(person__office=office, kind__in=kinds, date_from__lte=last)
        .filter(Q(date_to__isnull=True) | Q(date_to__gte=first))
        .exclude(person__status=Person.Status.CLOSED)
    )
    if centre is not None:
        in_centre = Stay.objects.filter(centre=centre, date_from__lte=last).filter(
            Q(date_to__isnull=True) | Q(date_to__gte=first)
        )
        benefits = benefits.filter(person_id__in=in_centre.values("person_id"))
    benefits = list(
        benefits.select_related("person").order_by("person__last_name", "person__first_name", "pk")
    )
    person_ids = {b.person_id for b in benefits}
    stays_by_person: dict[int, list[tuple[int, Interval]]] = defaultdict(list)
    for person_id, centre_id, start, end in (
        Stay.objects.filter(person_id__in=person_ids, date_from__lte=last)
        .filter(Q(date_to__isnull=True) | Q(date_to__gte=first))
        .values_list("person_id", "centre_id", "date_from", "date_to")
    ):
        stays_by_person[person_id].append((centre_id, (start, end or last)))
    household_ids = {b.person.household_id for b in benefits if b.person.household_id}
    sizes = dict(
        Person.objects.filter(household_id__in=household_ids)
        .exclude(status=Person.Status.CLOSED)
        .values("household_id")
        .annotate(n=Count("pk"))
        .values_list("household_id", "n")
    )
    days_in_month = (last - first).days + 1
    entries = []
    for benefit in benefits:
        period = _intersect((benefit.date_from, benefit.date_to or last), (first, last))
        if period is None:
            continue
        person_stays = stays_by_person.get(benefit.person_id, [])
        if centre is not None:
            scope = [i for c, s in person_stays if c == centre.pk if (i := _intersect(period, s))]
        else:
            scope = _subtract(period, [s for _c, s in person_stays])
        days = _days(scope)
        if days == 0:
            continue
        family_size = sizes.get(benefit.person.household_id, 1) if benefit.person.household_id else 1
        rule = rules.rule(benefit.kind, family_size)
        unit = rule.unit if rule else BenefitRule.Unit.PER_MONTH
        amount = (
            benefit.amount_grosze
            if benefit.amount_grosze is not None
            else (rule.amount_grosze if rule else None)
        )
        if amount is None:
            continue
        if unit == BenefitRule.Unit.PER_DAY:
            total = amount * days
        elif unit == BenefitRule.Unit.PER_MONTH:
            total = round(amount * days / days_in_month)
        else:
            starts_here = first <= benefit.date_from <= last and any(
                s <= benefit.date_from <= e for s, e in scope
            )
            if not starts_here:
                continue
            total, days = amount, 0
        if total:
            entries.append(
                PaymentEntry(
                    person=benefit.person,
                    benefit=benefit,
                    kind=benefit.kind,
                    days=days or None,
                    amount_grosze=total,
                )
            )
    return entries


def payment_date(office: Any, month: dt.date) -> dt.date:
    from przystan.offices.enablement import plugin_config

    day = (plugin_config(office, "serce") or {}).get("benefit_payment_day", 15)
    return month.replace(day=min(int(day), 28))


@transaction.atomic
def generate(office: Any, centre: Centre | None, month: dt.date, user: Any) -> PaymentList:
    """Create or regenerate the draft list; an approved or paid list is refused (use adjustments)."""
    month = month.replace(day=1)
    payment_list = (
        PaymentList.objects.select_for_update()
        .filter(office=office, centre=centre, month=month)
        .order_by("pk")
        .first()
    )
    if payment_list is not None and payment_list.status != PaymentList.Status.DRAFT:
        raise ValidationError(
            _("The list for this month is already %(status)s; correct it with adjustment entries.")
            % {"status": payment_list.get_status_display()}
        )
    if payment_list is None:
        payment_list = PaymentList.objects.create(
            office=office,
            centre=centre,
            month=month,
            prepared_by=user,
            payment_date=payment_date(office, month),
        )
    else:
        payment_list.entries.all().delete()
        payment_list.prepared_by = user
        payment_list.save(update_fields=["prepared_by"])
    entries = compute_entries(office, centre, month)
    for entry in entries:
        entry.payment_list = payment_list
        entry.created_by = user
    PaymentEntry.objects.bulk_create(entries, batch_size=2000)
    return payment_list


def submit(payment_list: PaymentList, user: Any) -> None:
    """Submit the draft for approval; who prepared it (generated its entries) stays recorded."""
    if payment_list.status != PaymentList.Status.DRAFT:
        raise ValidationError(_("Only a draft list can be submitted for approval."))
    payment_list.status = PaymentList.Status.SUBMITTED
    payment_list.submitted_at = timezone.now()
    payment_list.save()


def took_part(payment_list: PaymentList, user: Any) -> bool:
    """Whether ``user`` prepared the list or entered any of its entries (so may not approve it)."""
    if payment_list.prepared_by_id == user.pk:
        return True
    return payment_list.entries.filter(is_adjustment=False, created_by=user).exists()


def approve(payment_list: PaymentList, user: Any) -> None:
    """The second person approves: never the one who prepared the list (or entered its entries)."""
    if payment_list.status != PaymentList.Status.SUBMITTED:
        raise ValidationError(_("Only a submitted list can be approved."))
    if took_part(payment_list, user):
        raise PermissionDenied(_("A list must be approved by someone other than the person who prepared it."))
    payment_list.status = PaymentList.Status.APPROVED
    payment_list.approved_by = user
    payment_list.approved_at = timezone.now()
    payment_list.save()


def return_to_draft(payment_list: PaymentList, user: Any) -> None:
    if payment_list.status != PaymentList.Status.SUBMITTED:
        raise ValidationError(_("Only a submitted list can be returned for changes."))
    payment_list.status = PaymentList.Status.DRAFT
    payment_list.save()


@transaction.atomic
def mark_paid(payment_list: PaymentList, user: Any) -> int:
    """Mark the approved list (and any later adjustments) paid; returns how many entries were settled."""
    if payment_list.status not in (PaymentList.Status.APPROVED, PaymentList.Status.PAID):
        raise ValidationError(_("Only an approved list can be marked paid."))
    now = timezone.now()
    settled = payment_list.entries.filter(COUNTED, paid_at__isnull=True).update(paid_at=now)
    payment_list.status = PaymentList.Status.PAID
    payment_list.paid_by = user
    payment_list.paid_at = now
    payment_list.save()
    return settled


@transaction.atomic
def adjust(
    payment_list: PaymentList,
    entry: PaymentEntry | None,
    person: Person,
    amount_grosze: int,
    reason: str,
    user: Any,
) -> PaymentEntry:
    """Record a correction as a new entry (positive or negative); the original entries never change.

    The adjustment waits for a second person's approval (:func:`approve_adjustment`) before it counts.
    """
    if not payment_list.is_locked:
        raise ValidationError(_("A draft list is corrected by regenerating it."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for the correction."))
    if amount_grosze == 0:
        raise ValidationError(_("The correction amount cannot be zero."))
    adjustment = PaymentEntry(
        payment_list=payment_list,
        person=person,
        benefit=entry.benefit if entry else None,
        kind=entry.kind if entry else "adjustment",
        amount_grosze=amount_grosze,
        is_adjustment=True,
        adjusts=entry,
        reason=reason.strip(),
        created_by=user,
    )
    adjustment.save()
    return adjustment


def approve_adjustment(entry: PaymentEntry, user: Any, request: Any = None) -> PaymentEntry:
    """The second person approves a correction: never the one who entered it (a refusal is audited).

    The approval is a change of the (audited) entry, so who approved it and when is in its history.
    """
    from przystan.audit.api import record_denied

    if entry.is_adjustment and entry.created_by_id == user.pk:
        record_denied(user, "serce.benefit:approve (four eyes)", entry, request=request)
        raise PermissionDenied(
            _("An adjustment must be approved by someone other than the person who entered it.")
        )
    with transaction.atomic():
        entry = PaymentEntry.objects.select_for_update().get(pk=entry.pk)
        if not entry.is_adjustment:
            raise ValidationError(_("Only an adjustment entry is approved separately."))
        if entry.approved_at is not None:
            raise ValidationError(_("This adjustment is already approved."))
        entry.approved_by = user
        entry.approved_at = timezone.now()
        entry.save(update_fields=["approved_by", "approved_at"])
    return entry


def totals(payment_list: PaymentList) -> dict[str, int]:
    """Sums in grosze; adjustments awaiting approval are only in ``pending``."""
    agg = payment_list.entries.aggregate(
        total=Sum("amount_grosze", filter=COUNTED),
        adjustments=Sum("amount_grosze", filter=Q(is_adjustment=True, approved_at__isnull=False)),
        pending=Sum("amount_grosze", filter=Q(is_adjustment=True, approved_at__isnull=True)),
        pending_count=Count("pk", filter=Q(is_adjustment=True, approved_at__isnull=True)),
        unpaid=Sum("amount_grosze", filter=COUNTED & Q(paid_at__isnull=True)),
        persons=Count("person", distinct=True),
    )
    return {k: v or 0 for k, v in agg.items()}


def zl(grosze: int) -> str:
    sign = "-" if grosze < 0 else ""
    grosze = abs(grosze)
    return f"{sign}{grosze // 100:,}".replace(",", " ") + f",{grosze % 100:02d}"


CSV_HEADER = (
    "register_number",
    "pobyt_id",
    "last_name",
    "first_name",
    "benefit",
    "days",
    "amount_pln",
    "adjustment",
    "reason",
    "paid_at",
    "adjustment_approved",
)


def export_csv(payment_list: PaymentList) -> bytes:
    """UTF-8 (with BOM for spreadsheets), semicolon-separated, one row per entry."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(CSV_HEADER)
    rows = payment_list.entries.select_related("person").order_by(
        "person__last_name", "person__first_name", "id"
    )
    for e in rows.iterator(chunk_size=2000):
        writer.writerow(
            (
                e.person.register_number,
                e.person.pobyt_id,
                e.person.last_name,
                e.person.first_name,
                e.kind,
                e.days or "",
                f"{e.amount_grosze / 100:.2f}",
                "1" if e.is_adjustment else "0",
                e.reason,
                e.paid_at.isoformat() if e.paid_at else "",
                ("1" if e.approved_at else "0") if e.is_adjustment else "",
            )
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
