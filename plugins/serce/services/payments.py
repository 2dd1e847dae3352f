"""Monthly payment lists computed from the benefit rules (amounts are data, see :class:`BenefitRule`).

Per benefit and month the days in scope are the days of the benefit's period that the person spent
in the list's centre (a centre list) or outside every centre (the list for people outside centres):

* ``per day`` rules: days × amount;
* ``per month`` rules: amount × days / days of the month (rounded to the grosz);
* ``one-off`` rules: the full amount in the month the benefit starts, if the person is in scope then;
* tickets to interviews and doctors (``travel``): their cost (the benefit's fixed amount), once.

Each day is paid at the rule for the benefit kind and the household size valid on that day (a month
in which a rule ends and the next starts gives an entry per rule), unless the benefit carries a fixed
amount. A day without a valid rule stops the computation with a message naming the benefit and the
date (:class:`MissingRules`) — never a silent old amount. Rules not yet confirmed by the office may
be used in a draft (shown as such), but the list goes for approval only when every rule it uses is
confirmed and unchanged since the list was computed. A draft list may be regenerated; a submitted
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
from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Benefit, BenefitKind, BenefitRule, Centre, PaymentEntry, PaymentList, Person, Stay
from ..models.benefits import COST_KINDS

CENTRE_KINDS = (
    BenefitKind.FOOD_EQUIVALENT,
    BenefitKind.POCKET_MONEY,
    BenefitKind.HYGIENE,
    BenefitKind.CLOTHING,
    BenefitKind.TRAVEL,
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
    """Benefit rules of an office overlapping a period, looked up by kind, family size and day."""

    def __init__(self, office: Any, start: dt.date, end: dt.date | None = None) -> None:
        end = end or start
        rules = BenefitRule.objects.filter(office=office, valid_from__lte=end).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gte=start)
        )
        self.by_kind: dict[str, list[BenefitRule]] = defaultdict(list)
        for rule in rules.order_by("-valid_from", "-pk"):
            self.by_kind[rule.kind].append(rule)

    def rule(self, kind: str, family_size: int, on: dt.date | None = None) -> BenefitRule | None:
        """The rule for ``kind`` and ``family_size`` valid on ``on`` (the newest one if several)."""
        for rule in self.by_kind.get(kind, []):
            if rule.covers(family_size) and (on is None or rule.is_valid_on(on)):
                return rule
        return None

    def pieces(
        self, kind: str, family_size: int, period: Interval
    ) -> list[tuple[Interval, BenefitRule | None]]:
        """``period`` cut where a rule for the kind and family size starts or ends, with the rule of
        each piece (``None``: no rule valid then)."""
        starts = {period[0]}
        for rule in self.by_kind.get(kind, []):
            if not rule.covers(family_size):
                continue
            if period[0] < rule.valid_from <= period[1]:
                starts.add(rule.valid_from)
            if rule.valid_until is not None and period[0] <= rule.valid_until < period[1]:
                starts.add(rule.valid_until + dt.timedelta(days=1))
        ordered = sorted(starts)
        ends = [d - dt.timedelta(days=1) for d in ordered[1:]] + [period[1]]
        return [((a, b), self.rule(kind, family_size, a)) for a, b in zip(ordered, ends, strict=True)]


class MissingRules(ValidationError):
    """No rule is valid for some benefits in the month: the list is not computed (never an old amount)."""

    def __init__(self, gaps: dict[tuple[str, int], dt.date]) -> None:
        from ..dates import staff_date

        self.gaps = gaps
        kinds = dict(BenefitKind.choices)
        items = [
            _("%(benefit)s for a family of %(size)s from %(date)s")
            % {"benefit": kinds.get(kind, kind), "size": size, "date": staff_date(day)}
            for (kind, size), day in sorted(gaps.items(), key=lambda item: (item[1], item[0]))
        ]
        super().__init__(
            _(
                "No benefit rule is valid for: %(items)s. Add the rule for that date on the Benefit rules "
                "screen (or ask the office to); the list was not computed."
            )
            % {"items": "; ".join(items)}
        )


def family_sizes(household_ids: set[int]) -> dict[int, int]:
    """Members (not closed) per household."""
    return dict(
        Person.objects.filter(household_id__in=household_ids)
        .exclude(status=Person.Status.CLOSED)
        .values("household_id")
        .annotate(n=Count("pk"))
        .values_list("household_id", "n")
    )


def family_size_of(person: Person) -> int:
    return family_sizes({person.household_id}).get(person.household_id, 1) if person.household_id else 1


def rule_for(benefit: Benefit, on: dt.date, size: int | None = None) -> BenefitRule | None:
    """The rule that sets the amount of ``benefit`` on ``on`` (``None``: none valid that day)."""
    size = family_size_of(benefit.person) if size is None else size
    return RuleBook(benefit.person.office, on).rule(benefit.kind, size, on)


def _amount(amount: int, unit: str, days: int, days_in_month: int) -> int:
    if unit == BenefitRule.Unit.PER_DAY:
        return amount * days
    return round(amount * days / days_in_month)


def compute_entries(office: Any, centre: Centre | None, month: dt.date) -> list[PaymentEntry]:
    """Unsaved entries of the list for ``centre`` (``None``: outside centres) and ``month``.

    Each day is paid at the rule valid on that day: a month in which a rule ends or starts gives one
    entry per rule. Raises :class:`MissingRules` when a benefit has no rule on some of its days.
    """
    first, last = month_bounds(month)
    kinds = CENTRE_KINDS if centre is not None else OUTSIDE_KINDS
    rules = RuleBook(office, first, last)
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
    sizes = family_sizes({b.person.household_id for b in benefits if b.person.household_id})
    days_in_month = (last - first).days + 1
    entries: list[PaymentEntry] = []
    gaps: dict[tuple[str, int], dt.date] = {}

    def add(benefit: Benefit, rule: BenefitRule | None, days: int | None, total: int) -> None:
        if total:
            entries.append(
                PaymentEntry(
                    person=benefit.person,
                    benefit=benefit,
                    kind=benefit.kind,
                    rule=rule,
                    days=days or None,
                    amount_grosze=total,
                )
            )

    for benefit in benefits:
        period = _intersect((benefit.date_from, benefit.date_to or last), (first, last))
        if period is None:
            continue
        person_stays = stays_by_person.get(benefit.person_id, [])
        if centre is not None:
            scope = [i for c, s in person_stays if c == centre.pk if (i := _intersect(period, s))]
        else:
            scope = _subtract(period, [s for _c, s in person_stays])
        if _days(scope) == 0:
            continue
        starts_here = first <= benefit.date_from <= last and any(
            s <= benefit.date_from <= e for s, e in scope
        )
        if benefit.kind in COST_KINDS:  # tickets to interviews and doctors: the cost, once
            if starts_here and benefit.amount_grosze:
                add(benefit, None, 0, benefit.amount_grosze)
            continue
        size = sizes.get(benefit.person.household_id, 1) if benefit.person.household_id else 1
        fixed = benefit.amount_grosze
        for piece, rule in rules.pieces(benefit.kind, size, period):
            days = _days([i for s in scope if (i := _intersect(piece, s))])
            if days == 0:
                continue
            if rule is None and fixed is None:
                gaps.setdefault((benefit.kind, size), piece[0])
                continue
            unit = rule.unit if rule else BenefitRule.Unit.PER_MONTH
            amount = fixed if fixed is not None else rule.amount_grosze
            used = None if fixed is not None else rule
            if unit == BenefitRule.Unit.ONE_OFF:
                if starts_here and piece[0] <= benefit.date_from <= piece[1]:
                    add(benefit, used, 0, amount)
                continue
            add(benefit, used, days, _amount(amount, unit, days, days_in_month))
    if gaps:
        raise MissingRules(gaps)
    return entries


def rule_problems(payment_list: PaymentList) -> list[str]:
    """Why the amounts of ``payment_list`` may not go for approval: a rule it uses is not confirmed by
    the office, or was changed after the list was computed (then the list must be regenerated)."""
    problems = []
    entries = payment_list.entries.filter(is_adjustment=False, rule__isnull=False)
    unconfirmed = (
        BenefitRule.objects.filter(pk__in=entries.values("rule_id"))
        .filter(Q(to_confirm=True) | Q(confirmed_at__isnull=True))
        .order_by("kind", "family_size_min", "valid_from")
    )
    for rule in unconfirmed:
        problems.append(
            _("The rule “%(rule)s” (valid from %(start)s) is to be confirmed by the office.")
            % {"rule": rule, "start": rule_start(rule)}
        )
    stale = entries.filter(rule__changed_at__gt=F("created_at")).exists()
    if stale:
        problems.append(
            _("A rule the list uses was changed after the list was computed: regenerate the list.")
        )
    return problems


def rule_start(rule: BenefitRule) -> str:
    from ..dates import staff_date

    return staff_date(rule.valid_from)


def require_confirmed_rules(payment_list: PaymentList) -> None:
    problems = rule_problems(payment_list)
    if problems:
        raise ValidationError(
            [_("The list cannot go for approval with amounts not confirmed by the office."), *problems]
        )


#: Benefits are paid by the 15th of each month (for the month; the 2016 regulation, § 5 ust. 2).
PAYMENT_BY_DAY = 15


def payment_date(office: Any, month: dt.date) -> dt.date:
    """The list's payment date: the office's configured day, never later than the 15th."""
    from przystan.offices.enablement import plugin_config

    day = (plugin_config(office, "serce") or {}).get("benefit_payment_day", PAYMENT_BY_DAY)
    return month.replace(day=max(1, min(int(day), PAYMENT_BY_DAY)))


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
    require_confirmed_rules(payment_list)
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
    require_confirmed_rules(payment_list)
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
