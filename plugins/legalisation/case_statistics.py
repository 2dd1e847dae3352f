"""Case statistics of one office's department: counts by stage and type, processing times against the
legal deadlines, officers' workload; the CSV export and the bar charts' geometry.

Figures are over the office's cases filed in the chosen period (all when no period) and of the chosen
type. A case is decided on the day of its first move to a stage at or after the decision
(:data:`.deadlines.DONE`); its processing time is the days from filing to that day; it is decided on
time when that day is not after its legal deadline (the stored one, which stopped at the decision —
:mod:`.deadlines`). Decided cases are never overdue; an open case is overdue when its deadline passed.
"""

from __future__ import annotations

import csv
import datetime
import io
import statistics as stats
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.db.models import Count, Min, OuterRef, Q, Subquery
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .application_types import TYPES, type_name
from .deadlines import DONE
from .models import Case, StageChange
from .stages import STAGES, stage_name


class StatisticsFilter(forms.Form):
    date_from = forms.DateField(
        label=gettext_lazy("Filed from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=gettext_lazy("Filed until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    type = forms.ChoiceField(label=gettext_lazy("Application type"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All types")), *((t.code, t.name) for t in TYPES)]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            raise forms.ValidationError(_("The end of the period must not be before its start."))
        return data


@dataclass
class Row:
    code: str
    label: str
    count: int


@dataclass
class Processing:
    """Processing times of one application type against its legal deadline."""

    code: str
    label: str
    decided: int
    median_days: float | None
    on_time: int
    with_deadline: int
    overdue_now: int

    @property
    def on_time_share(self) -> float | None:
        return 100 * self.on_time / self.with_deadline if self.with_deadline else None


@dataclass
class Workload:
    label: str
    open: int
    overdue: int


@dataclass
class Figures:
    total: int
    by_stage: list[Row]
    by_type: list[Row]
    open: int
    decided: int
    median_days: float | None
    decided_with_deadline: int
    on_time: int
    overdue_now: int
    workload: list[Workload] = field(default_factory=list)
    processing: list[Processing] = field(default_factory=list)

    @property
    def on_time_share(self) -> float | None:
        """Percentage of decided cases (with a running deadline) decided on or before it."""
        if not self.decided_with_deadline:
            return None
        return 100 * self.on_time / self.decided_with_deadline


def office_cases(office: Any, date_from: Any = None, date_to: Any = None, type_code: str = "") -> Any:
    cases = Case.objects.filter(office=office)
    if date_from:
        cases = cases.filter(filed_at__gte=date_from)
    if date_to:
        cases = cases.filter(filed_at__lte=date_to)
    if type_code:
        cases = cases.filter(application_type=type_code)
    return cases


def compute(
    office: Any,
    *,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    type_code: str = "",
    today: datetime.date | None = None,
) -> Figures:
    today = today or timezone.localdate()
    cases = office_cases(office, date_from, date_to, type_code)
    decided_at = (
        StageChange.objects.filter(case=OuterRef("pk"), new_stage__in=DONE)
        .values("case")
        .annotate(first=Min("at"))
        .values("first")
    )
    # counts in the database (an office has hundreds of thousands of cases); only the decided cases'
    # dates come to Python, for the median and the on-time share
    by_stage = Counter({r["stage"]: r["n"] for r in cases.values("stage").annotate(n=Count("id")).order_by()})
    by_type = Counter(
        {
            r["application_type"]: r["n"]
            for r in cases.values("application_type").annotate(n=Count("id")).order_by()
        }
    )
    open_cases = cases.exclude(stage__in=DONE)
    late = Q(legal_deadline__lt=today)
    open_by_officer: Counter[Any] = Counter()
    overdue_by_officer: Counter[Any] = Counter()
    for r in (
        open_cases.values("assignee_id").annotate(n=Count("id"), late=Count("id", filter=late)).order_by()
    ):
        open_by_officer[r["assignee_id"]] += r["n"]
        overdue_by_officer[r["assignee_id"]] += r["late"]
    overdue_now = sum(overdue_by_officer.values())
    decided_rows = (
        cases.filter(stage__in=DONE)
        .annotate(decided_at=Subquery(decided_at))
        .filter(decided_at__isnull=False)
        .values_list("application_type", "filed_at", "legal_deadline", "decided_at")
    )
    decided_by_type = Counter(
        {
            r["application_type"]: r["n"]
            for r in cases.filter(stage__in=DONE)
            .values("application_type")
            .annotate(n=Count("id"))
            .order_by()
        }
    )
    overdue_by_type = Counter(
        {
            r["application_type"]: r["n"]
            for r in open_cases.filter(late).values("application_type").annotate(n=Count("id")).order_by()
        }
    )
    decided_count = sum(decided_by_type.values())
    durations: list[int] = []
    with_deadline = on_time = 0
    per_type: dict[str, list[int]] = {}
    per_type_deadline: Counter[str] = Counter()
    per_type_on_time: Counter[str] = Counter()
    for code, filed, deadline, decided_at in decided_rows.iterator(chunk_size=5000):
        decided = timezone.localdate(decided_at)
        durations.append((decided - filed).days)
        per_type.setdefault(code, []).append((decided - filed).days)
        if deadline:
            with_deadline += 1
            on_time += decided <= deadline
            per_type_deadline[code] += 1
            per_type_on_time[code] += decided <= deadline
    processing = [
        Processing(
            t.code,
            str(t.name),
            decided_by_type[t.code],
            float(stats.median(per_type[t.code])) if per_type.get(t.code) else None,
            per_type_on_time[t.code],
            per_type_deadline[t.code],
            overdue_by_type[t.code],
        )
        for t in TYPES
        if by_type[t.code]
    ]
    known_stages = [s.code for s in STAGES]
    stage_rows = [Row(code, stage_name(code), by_stage[code]) for code in known_stages if by_stage[code]]
    stage_rows += [Row(code, code, n) for code, n in by_stage.items() if code not in known_stages]
    type_rows = [Row(t.code, str(t.name), by_type[t.code]) for t in TYPES if by_type[t.code]]
    return Figures(
        total=sum(by_stage.values()),
        by_stage=stage_rows,
        by_type=type_rows,
        open=sum(open_by_officer.values()),
        decided=decided_count,
        median_days=float(stats.median(durations)) if durations else None,
        decided_with_deadline=with_deadline,
        on_time=on_time,
        overdue_now=overdue_now,
        workload=_workload(open_by_officer, overdue_by_officer),
        processing=processing,
    )


def _workload(open_by: Counter[Any], overdue_by: Counter[Any]) -> list[Workload]:
    from django.contrib.auth import get_user_model

    users = {u.pk: u for u in get_user_model().objects.filter(pk__in=[k for k in open_by if k])}
    rows = []
    for pk, count in open_by.items():
        if pk is None:
            continue
        user = users.get(pk)
        label = (user.get_full_name() or user.email) if user else "—"
        rows.append(Workload(label, count, overdue_by[pk]))
    rows.sort(key=lambda w: (-w.open, w.label))
    if open_by.get(None):
        rows.append(Workload(_("Not assigned"), open_by[None], overdue_by[None]))
    return rows


def number(value: float | None, digits: int = 1) -> str:
    """``12,5`` in Polish (Ukrainian, Russian), ``12.5`` in English; ``—`` for no value."""
    if value is None:
        return "—"
    return formats.number_format(round(value, digits), digits, use_l10n=True)


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: float  # percent of the plot width


def bars(rows: list[Row], height: int = 28) -> list[Bar]:
    """Geometry of a horizontal bar chart (drawn by ``_bar_chart.html``): widths relative to the largest."""
    top = max((r.count for r in rows), default=0) or 1
    return [Bar(r.label, r.count, i * height, round(100 * r.count / top, 2)) for i, r in enumerate(rows)]


def to_csv(figures: Figures, *, period: str, type_label: str) -> bytes:
    """The figures as CSV for a spreadsheet: UTF-8 with a BOM, ``;`` between columns, decimal comma in
    Polish (the active language's number format)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_("Case statistics"), period, type_label])
    writer.writerow([])
    writer.writerow([_("Figure"), _("Value")])
    writer.writerow([_("Cases"), figures.total])
    writer.writerow([_("Open cases"), figures.open])
    writer.writerow([_("Decided cases"), figures.decided])
    writer.writerow([_("Median processing time (days)"), number(figures.median_days)])
    writer.writerow([_("Decided on time (%)"), number(figures.on_time_share)])
    writer.writerow([_("Overdue now"), figures.overdue_now])
    writer.writerow([])
    writer.writerow([_("Stage"), _("Cases")])
    writer.writerows([row.label, row.count] for row in figures.by_stage)
    writer.writerow([])
    writer.writerow([_("Application type"), _("Cases")])
    writer.writerows([row.label, row.count] for row in figures.by_type)
    writer.writerow([])
    writer.writerow(
        [
            _("Application type"),
            _("Decided cases"),
            _("Median processing time (days)"),
            _("Decided on time (%)"),
            _("Overdue now"),
        ]
    )
    writer.writerows(
        [p.label, p.decided, number(p.median_days), number(p.on_time_share), p.overdue_now]
        for p in figures.processing
    )
    writer.writerow([])
    writer.writerow([_("Officer"), _("Open cases"), _("Overdue")])
    writer.writerows([w.label, w.open, w.overdue] for w in figures.workload)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def describe_period(date_from: datetime.date | None, date_to: datetime.date | None) -> str:
    def day(value: datetime.date) -> str:
        return formats.date_format(value, "SHORT_DATE_FORMAT")

    if date_from and date_to:
        return _("filed %(start)s – %(end)s") % {"start": day(date_from), "end": day(date_to)}
    if date_from:
        return _("filed from %(start)s") % {"start": day(date_from)}
    if date_to:
        return _("filed until %(end)s") % {"end": day(date_to)}
    return _("all periods")


def describe_type(code: str) -> str:
    return type_name(code) if code else _("All types")
