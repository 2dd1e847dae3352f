"""A residence case: its stage, legal clock, parties and history."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from przystan.audit.api import AuditedManager
from przystan.documents.storage import private_storage

from ..application_types import type_choices
from ..stages import stage_choices


class Team(models.Model):
    """A team of officers of one office; officers see the cases of their teams."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=100)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="legal_teams", blank=True)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        unique_together = [("office", "name")]

    def __str__(self) -> str:
        return self.name


class CaseCounter(models.Model):
    """The last case number given per office and year (taken under a row lock)."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        unique_together = [("office", "year")]

    def __str__(self) -> str:
        return f"{self.office_id}/{self.year}: {self.last}"


class CaseSource(models.TextChoices):
    """Where the application of a case was filed (the route the law prescribes for its type)."""

    PORTAL = "portal", _("Filed online in Przystań")
    MOS = "mos", _("Filed in MOS")
    PAPER = "paper", _("Filed on paper at the office")


class Case(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT, related_name="+")
    number = models.CharField(_("case number"), max_length=40, unique=True)
    pin_hash = models.CharField(_("status PIN (stored as a hash)"), max_length=64)
    mos_number = models.CharField(_("MOS number"), max_length=40, blank=True)
    source = models.CharField(
        _("filed through"),
        max_length=12,
        choices=CaseSource.choices,
        default=CaseSource.PORTAL,
        db_default="portal",
    )
    application_type = models.CharField(_("application type"), max_length=32, choices=type_choices)
    stage = models.CharField(_("stage"), max_length=32, default="filed", choices=stage_choices)
    person_name = models.CharField(_("name"), max_length=200)
    person_name_search = models.CharField(max_length=200, editable=False, default="")
    # the same words from the last one (the surname of "given names surname"), for a prefix search by surname
    person_surname_search = models.CharField(max_length=200, editable=False, default="", db_default="")
    passport_number = models.CharField(_("passport number"), max_length=20, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    person_key = models.CharField(max_length=64)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    language = models.CharField(_("language"), max_length=5, default="pl", choices=settings.LANGUAGES)
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="legal_cases",
        verbose_name=_("applicant's account"),
    )
    employer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="legal_employee_cases",
        verbose_name=_("employer's account"),
    )
    employer_tax_id = models.CharField(_("employer NIP"), max_length=10, blank=True)
    employer_annex_required = models.BooleanField(_("employer's annex required"), default=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="legal_assigned_cases",
        verbose_name=_("assignee"),
    )
    team = models.ForeignKey(
        Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="cases", verbose_name=_("team")
    )
    filed_at = models.DateField(_("filed on"))
    documents_complete_at = models.DateField(_("documents complete on"), null=True, blank=True)
    fingerprints_at = models.DateField(_("fingerprints taken on"), null=True, blank=True)
    legal_deadline = models.DateField(_("legal deadline"), null=True, blank=True)
    clock_paused = models.BooleanField(_("deadline paused"), default=False)
    file_location = models.CharField(_("paper file location"), max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AuditedManager()

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["legal_deadline", "id"]
        permissions = [("supervise_case", "Can see and reassign every case of the office")]
        indexes = [
            models.Index(fields=["office", "stage", "legal_deadline", "id"], name="legal_case_office_stage"),
            models.Index(fields=["office", "legal_deadline", "id"], name="legal_case_office_deadline"),
            models.Index(fields=["office", "assignee", "legal_deadline"], name="legal_case_office_assignee"),
            models.Index(fields=["office", "passport_number"], name="legal_case_passport"),
            models.Index(fields=["office", "person_name_search"], name="legal_case_name"),
            models.Index(
                fields=["person_name_search"],
                opclasses=["varchar_pattern_ops"],
                name="legal_case_name_prefix",
            ),
            models.Index(
                fields=["person_surname_search"],
                opclasses=["varchar_pattern_ops"],
                name="legal_case_surname_prefix",
            ),
            models.Index(fields=["person_key"], name="legal_case_person_key"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "mos_number"],
                condition=~models.Q(mos_number=""),
                name="legal_case_unique_mos_number",
            )
        ]

    def __str__(self) -> str:
        return self.number

    def save(self, *args, **kwargs) -> None:
        self.person_name_search, self.person_surname_search = name_search_keys(self.person_name)
        super().save(*args, **kwargs)


def name_search_keys(name: str) -> tuple[str, str]:
    """``("olena shevchenko", "shevchenko olena")``: lower-cased words, and from the last word on."""
    words = (name or "").lower().split()
    return " ".join(words), " ".join(words[-1:] + words[:-1])


class StageChange(models.Model):
    """One transition of a case (the audit log records the case change too)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="stage_changes")
    old_stage = models.CharField(max_length=32, blank=True)
    new_stage = models.CharField(max_length=32)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.old_stage} → {self.new_stage}"


class PinReset(models.Model):
    """A new status-check PIN was issued (the old one stopped working); also the per-case rate limit."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="pin_resets")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    channels = models.CharField(max_length=40)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["case", "at"], name="legal_pin_reset_case_at")]

    def __str__(self) -> str:
        return f"{self.case_id}: {self.at}"


def receipt_path(instance: CaseReceipt, filename: str) -> str:
    return f"legalisation/receipts/{instance.case.public_id.hex}-{uuid.uuid4().hex}.pdf"


class CaseReceipt(models.Model):
    """A payment receipt sent by the payments plugin through ``payment_settled``."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="receipts")
    reference = models.CharField(max_length=80, unique=True)
    fee_codes = models.JSONField(default=list)
    amount_grosze = models.PositiveIntegerField()
    paid_at = models.DateTimeField(null=True, blank=True)
    pdf = models.FileField(upload_to=receipt_path, storage=private_storage)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.reference


class PinGuard(models.Model):
    """Wrong status-check PINs for one case, counted whatever address they come from.

    After ``LEGALISATION_PIN_MAX_FAILURES`` wrong PINs within ``LEGALISATION_PIN_FAILURE_WINDOW``
    seconds the case's PIN check is locked until ``locked_until`` (``LEGALISATION_PIN_LOCK_SECONDS``);
    the right PIN is refused too until then (``plugins.legalisation.pins.check_status_pin``).
    """

    case = models.OneToOneField(Case, on_delete=models.CASCADE, primary_key=True, related_name="pin_guard")
    failures = models.PositiveIntegerField(default=0)
    window_started_at = models.DateTimeField(null=True, blank=True)
    locked_until = models.DateTimeField(null=True, blank=True)
    locks = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.case_id}: {self.failures} failures, locked until {self.locked_until}"
