"""Letters and decisions from templates an office edits, the decision register and outgoing dispatches.

* :class:`LetterTemplate` — the office's current text of one kind of letter in one language; every
  save writes a :class:`LetterTemplateVersion` (an issued letter keeps the version it used).
* :class:`DecisionRegister` — the last decision number per office and year, taken under a row lock
  in the transaction that issues the decision (no gaps, no duplicates).
* :class:`Letter` — an issued letter: the text as rendered, its PDF (private storage), the register
  number of a decision, the inquiry it asks and the dispatches that carried it.
* :class:`Dispatch` — one electronic sending (the letter or a reminder) through ``przystan.dispatch``.
* :class:`InquiryReminder` — a reminder for an overdue inquiry, at most one per inquiry and period.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from przystan.audit.api import audited
from przystan.documents.storage import private_storage

from ..letters.placeholders import validate_placeholders


class LetterKind(models.TextChoices):
    SUMMONS_APPEAR = "summons_appear", _("Summons to appear in person")
    SUMMONS_FINGERPRINTS = "summons_fingerprints", _("Summons to give fingerprints")
    SUMMONS_SUPPLEMENT = "summons_supplement", _("Summons to supplement documents")
    SUMMONS_PAY = "summons_pay", _("Summons to pay")
    REQUEST_SUPPLEMENT = "request_supplement", _("Request to supplement")
    INQUIRY = "inquiry", _("Inquiry to another authority")
    DECISION_GRANTED = "decision_granted", _("Decision: granted")
    DECISION_REFUSED = "decision_refused", _("Decision: refused")
    DECISION_DISCONTINUED = "decision_discontinued", _("Decision: proceedings discontinued")
    DECISION_LEFT_UNEXAMINED = "decision_left_unexamined", _("Decision: left unexamined")


PLACEHOLDER_FIELDS = ("title", "body", "legal_basis", "reasoning", "appeal_instruction")
TEMPLATE_FIELDS = (
    "title",
    "body",
    "legal_basis",
    "reasoning",
    "appeal_instruction",
    "place",
    "signatory",
    "source",
    "effective_from",
)


@audited()
class LetterTemplate(models.Model):
    """The current text of one kind of letter of an office in one language."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind of letter"), max_length=32, choices=LetterKind.choices)
    language = models.CharField(_("language"), max_length=5)
    title = models.CharField(_("title"), max_length=200, validators=[validate_placeholders])
    body = models.TextField(_("body"), validators=[validate_placeholders])
    legal_basis = models.TextField(_("legal basis"), blank=True, validators=[validate_placeholders])
    reasoning = models.TextField(_("reasoning"), blank=True, validators=[validate_placeholders])
    appeal_instruction = models.TextField(
        _("appeal instruction"), blank=True, validators=[validate_placeholders]
    )
    place = models.CharField(_("place"), max_length=80, blank=True)
    signatory = models.CharField(_("signatory"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    effective_from = models.DateField(_("in force from"), null=True, blank=True)
    active = models.BooleanField(_("in use"), default=True)
    version = models.PositiveIntegerField(_("version"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")
        ordering = ["kind", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "kind", "language"], name="legal_letter_template_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.language}) v{self.version}"

    def save(self, *args: object, saved_by: object = None, **kwargs: object) -> None:
        """Save and write the next :class:`LetterTemplateVersion` (every save is a new version).

        Raises ``ValidationError`` (nothing saved) when a text uses an unknown placeholder.
        """
        errors = {}
        for name in PLACEHOLDER_FIELDS:
            try:
                validate_placeholders(getattr(self, name))
            except ValidationError as exc:
                errors[name] = exc.error_list
        if errors:
            raise ValidationError(errors)
        with transaction.atomic():
            if self.pk:
                LetterTemplate.objects.select_for_update().filter(pk=self.pk).first()
            last = (
                LetterTemplateVersion.objects.filter(template_id=self.pk).order_by("-number").first()
                if self.pk
                else None
            )
            self.version = (last.number if last else 0) + 1
            super().save(*args, **kwargs)
            LetterTemplateVersion.objects.create(
                template=self,
                number=self.version,
                saved_by=saved_by,
                **{name: getattr(self, name) for name in TEMPLATE_FIELDS},
            )

    def current_version(self) -> LetterTemplateVersion:
        return self.versions.get(number=self.version)


class LetterTemplateVersion(models.Model):
    """The text of a template as it was saved (never changed afterwards)."""

    template = models.ForeignKey(LetterTemplate, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(max_length=200)
    body = models.TextField()
    legal_basis = models.TextField(blank=True)
    reasoning = models.TextField(blank=True)
    appeal_instruction = models.TextField(blank=True)
    place = models.CharField(max_length=80, blank=True)
    signatory = models.CharField(max_length=200, blank=True)
    source = models.CharField(max_length=300, blank=True)
    effective_from = models.DateField(null=True, blank=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["template", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="legal_letter_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.template_id} v{self.number}"


class DecisionRegister(models.Model):
    """The last decision number of an office in a year (taken under a row lock)."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="legal_decision_register_unique")
        ]

    def __str__(self) -> str:
        return f"{self.office_id}/{self.year}: {self.last}"


def letter_path(instance: Letter, filename: str) -> str:
    return f"legalisation/letters/{instance.public_id.hex[:2]}/{instance.public_id.hex}.pdf"


@audited(sensitive=True, exclude=("pdf",))
class Letter(models.Model):
    """An issued letter or decision of a case."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    office = models.ForeignKey("offices.Office", on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey("legalisation.Case", on_delete=models.PROTECT, related_name="letters")
    template_version = models.ForeignKey(
        LetterTemplateVersion, on_delete=models.PROTECT, related_name="letters"
    )
    kind = models.CharField(_("kind of letter"), max_length=32, choices=LetterKind.choices)
    language = models.CharField(_("language"), max_length=5)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("body"))
    legal_basis = models.TextField(blank=True)
    reasoning = models.TextField(blank=True)
    appeal_instruction = models.TextField(blank=True)
    place = models.CharField(max_length=80, blank=True)
    signatory = models.CharField(max_length=200, blank=True)
    issued_on = models.DateField(_("issued on"))
    due_date = models.DateField(_("due date"), null=True, blank=True)
    register_year = models.PositiveSmallIntegerField(null=True, blank=True)
    register_seq = models.PositiveIntegerField(null=True, blank=True)
    register_number = models.CharField(_("decision number"), max_length=60, blank=True)
    authority = models.CharField(_("authority"), max_length=20, blank=True)
    inquiry = models.OneToOneField(
        "legalisation.Inquiry", null=True, blank=True, on_delete=models.SET_NULL, related_name="letter"
    )
    pdf = models.FileField(upload_to=letter_path, storage=private_storage)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "register_year", "register_seq"],
                condition=models.Q(register_seq__isnull=False),
                name="legal_letter_register_unique",
            )
        ]

    def __str__(self) -> str:
        return self.register_number or f"{self.kind} {self.issued_on}"

    @property
    def is_decision(self) -> bool:
        return self.kind.startswith("decision_")


class DispatchPurpose(models.TextChoices):
    LETTER = "letter", _("Letter")
    REMINDER = "reminder", _("Reminder")


@audited(office_field="")
class Dispatch(models.Model):
    """One electronic sending of a letter (or a reminder) to another authority."""

    letter = models.ForeignKey(
        Letter, null=True, blank=True, on_delete=models.CASCADE, related_name="dispatches"
    )
    inquiry = models.ForeignKey(
        "legalisation.Inquiry", null=True, blank=True, on_delete=models.CASCADE, related_name="dispatches"
    )
    purpose = models.CharField(max_length=10, choices=DispatchPurpose.choices, default="letter")
    recipient = models.CharField(max_length=40)
    adapter = models.CharField(max_length=60, blank=True)
    dispatch_id = models.CharField(max_length=100, blank=True)
    status = models.CharField(max_length=20, default="pending")
    delivered_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.recipient} {self.dispatch_id or self.status}"


class InquiryReminder(models.Model):
    """A reminder of an overdue inquiry: one per inquiry and reminder period (``period`` counts from 0)."""

    inquiry = models.ForeignKey("legalisation.Inquiry", on_delete=models.CASCADE, related_name="reminders")
    period = models.PositiveIntegerField()
    dispatch = models.ForeignKey(Dispatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)
    seen_by_handler_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["inquiry", "period"], name="legal_inquiry_reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.inquiry_id} #{self.period}"
