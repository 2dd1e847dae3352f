"""The legal deadlines of cases as data: how long per application type, what starts the clock, and the
statutory periods during which the deadlines do not run (suspensions). Seeded by migration
``0008_deadline_rules`` with their source and effective date; an office adds its own rows (overrides)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def application_type_choices() -> list[tuple[str, str]]:
    from ..application_types import TYPES

    return [("", _("Any type without its own rule")), *((t.code, t.name) for t in TYPES)]


class DeadlineUnit(models.TextChoices):
    DAYS = "days", _("days")
    MONTHS = "months", _("months")


class DeadlineRule(models.Model):
    """How long an office has to decide a case of one application type, in force from ``effective_from``.

    ``office`` empty = the rule for every office; an office's own row wins over it. The clock starts on
    the last of the events ticked (KPA art. 35 § 5 and the act on foreigners count from the day the
    application is complete). A blank ``application_type`` is the fallback for types without a rule.
    """

    office = models.ForeignKey(
        "offices.Office",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("office"),
        help_text=_("Empty: the rule for every office."),
    )
    application_type = models.CharField(
        _("application type"), max_length=32, blank=True, choices=application_type_choices
    )
    length = models.PositiveSmallIntegerField(_("length"))
    unit = models.CharField(_("unit"), max_length=8, choices=DeadlineUnit.choices, default=DeadlineUnit.DAYS)
    starts_on_filing = models.BooleanField(_("counts from filing"), default=True)
    starts_on_appearance = models.BooleanField(
        _("counts from the personal appearance (fingerprints)"), default=False
    )
    starts_on_documents = models.BooleanField(
        _("counts from complete formal requirements and documents"), default=False
    )
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    source = models.CharField(_("source"), max_length=500)
    effective_from = models.DateField(_("in force from"))
    verify = models.BooleanField(
        _("to be verified"), default=False, help_text=_("The figure is not yet confirmed in the act.")
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("deadline rule")
        verbose_name_plural = _("deadline rules")
        ordering = ["application_type", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "application_type", "effective_from"],
                name="legal_deadline_rule_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application_type or '*'}: {self.length} {self.get_unit_display()}"

    @property
    def clock_events(self) -> tuple[str, ...]:
        """The case dates whose last one starts the clock (names used by :mod:`..deadlines`)."""
        names = []
        if self.starts_on_filing:
            names.append("filed")
        if self.starts_on_documents:
            names.append("documents")
        if self.starts_on_appearance:
            names.append("fingerprints")
        return tuple(names)

    def clean(self) -> None:
        if not self.clock_events:
            raise ValidationError(_("Tick at least one event that starts the clock."))
        if not self.length:
            raise ValidationError({"length": _("The length must be at least 1.")})


class SuspensionPeriod(models.Model):
    """A period, set by statute, during which the deadlines of some application types do not run.

    Days from ``starts_on`` to ``ends_on`` (both included) are not counted, as a pause of the clock.
    ``application_types`` empty = every type.
    """

    office = models.ForeignKey(
        "offices.Office",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("office"),
        help_text=_("Empty: the period applies to every office."),
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until (inclusive)"))
    application_types = models.JSONField(
        _("application types"),
        default=list,
        blank=True,
        help_text=_("Codes of the application types; empty: every type."),
    )
    legal_basis = models.CharField(_("legal basis"), max_length=300)
    source = models.CharField(_("source"), max_length=500)
    verify = models.BooleanField(_("to be verified"), default=False)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("suspension of deadlines")
        verbose_name_plural = _("suspensions of deadlines")
        ordering = ["starts_on"]

    def __str__(self) -> str:
        return f"{self.starts_on} – {self.ends_on}: {self.legal_basis}"

    def applies_to(self, type_code: str) -> bool:
        return not self.application_types or type_code in self.application_types

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end must not be before the start.")})
        from ..application_types import TYPES_BY_CODE

        codes = self.application_types or []
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            raise ValidationError(
                {"application_types": _('A list of application type codes, e.g. ["temp_work"].')}
            )
        unknown = [c for c in codes if c not in TYPES_BY_CODE]
        if unknown:
            raise ValidationError(
                {"application_types": _("Unknown application type: %s") % ", ".join(unknown)}
            )

    @property
    def pause(self) -> tuple[datetime.date, datetime.date]:
        """As a clock pause: from the first day to the day after the last (the clock runs again then)."""
        return self.starts_on, self.ends_on + datetime.timedelta(days=1)
