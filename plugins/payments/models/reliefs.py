"""Who pays less or nothing: relief rules attached to a fee (data with their legal basis), and a
relief granted on one case (who decided, when and why; audited)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .fees import Fee

#: The sentence a foreigner reads next to a fee, per language and kind of relief.
SENTENCES = {
    "exempt": {
        "pl": "Bez opłaty: {who}.",
        "en": "No fee: {who}.",
        "uk": "Без оплати: {who}.",
        "ru": "Без оплаты: {who}.",
    },
    "reduced": {
        "pl": "Opłata niższa o {percent} %: {who}.",
        "en": "{percent} % less: {who}.",
        "uk": "Оплата менша на {percent} %: {who}.",
        "ru": "Оплата меньше на {percent} %: {who}.",
    },
}


class ReliefKind(models.TextChoices):
    EXEMPT = "exempt", _("exempt (no fee)")
    REDUCED = "reduced", _("reduced")


class FeeRelief(models.Model):
    """One rule "who pays less or nothing" for a fee version, e.g. holders of a valid Karta Polaka."""

    fee = models.ForeignKey(Fee, on_delete=models.CASCADE, related_name="reliefs", verbose_name=_("fee"))
    kind = models.CharField(_("kind"), max_length=10, choices=ReliefKind.choices)
    percent = models.PositiveSmallIntegerField(
        _("reduction (%)"),
        default=100,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("100 for an exemption; 50 for a half-price card."),
    )
    name_pl = models.CharField(_("who (Polish)"), max_length=300)
    name_en = models.CharField(_("who (English)"), max_length=300)
    name_uk = models.CharField(_("who (Ukrainian)"), max_length=300)
    name_ru = models.CharField(_("who (Russian)"), max_length=300)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("fee relief")
        verbose_name_plural = _("fee reliefs")
        ordering = ["fee", "position", "pk"]

    def __str__(self) -> str:
        return f"{self.fee.code}: {self.kind} {self.percent} % ({self.name_pl[:40]})"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.kind == ReliefKind.EXEMPT:
            self.percent = 100
        super().save(*args, **kwargs)

    def name_in(self, language: str) -> str:
        lang = (language or "pl")[:2]
        return getattr(self, f"name_{lang}", "") or self.name_pl

    def sentence(self, language: str) -> str:
        lang = (language or "pl")[:2]
        template = SENTENCES[self.kind].get(lang, SENTENCES[self.kind]["en"])
        return template.format(who=self.name_in(language), percent=self.percent)

    def amount_after(self, amount: int) -> int:
        """What is left to pay of ``amount`` (grosze) with this relief: 0 when exempt."""
        return 0 if self.kind == ReliefKind.EXEMPT else amount * (100 - self.percent) // 100

    def as_dict(self, language: str) -> dict:
        return {
            "kind": self.kind,
            "percent": self.percent,
            "name": self.name_in(language),
            "sentence": self.sentence(language),
            "legal_basis": self.legal_basis,
        }


class CaseFeeRelief(models.Model):
    """A relief granted on one case's fee (the card fee halved, the stamp duty waived for a Karta Polaka
    holder): the amount asked for the case follows it; every grant or withdrawal is audited."""

    office = models.ForeignKey("offices.Office", on_delete=models.CASCADE, related_name="+")
    case_reference = models.CharField(_("case"), max_length=60)
    fee_code = models.SlugField(_("fee"), max_length=50)
    relief = models.ForeignKey(
        FeeRelief, on_delete=models.PROTECT, related_name="+", verbose_name=_("relief")
    )
    note = models.CharField(
        _("reason and document seen"),
        max_length=300,
        help_text=_("E.g. 'student ID card of the University of Warsaw, valid until 30.09.2027'."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    class Meta:
        verbose_name = _("relief on a case")
        verbose_name_plural = _("reliefs on cases")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "case_reference", "fee_code"], name="payments_case_relief_once"
            )
        ]

    def __str__(self) -> str:
        if self.relief_id is None:  # the fees of a case asked about as a whole (the access check)
            return self.case_reference
        return f"{self.case_reference} {self.fee_code}: {self.relief.kind} {self.relief.percent} %"
