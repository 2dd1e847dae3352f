"""Forms of the payments plugin (errors are translated; what was typed is kept)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import CaseFeeRelief, Currency, Fee, FeeRelief, RefundGround
from .models.payments import format_pln


class PayForm(forms.Form):
    fees = forms.MultipleChoiceField(label=_("Fees to pay"), widget=forms.CheckboxSelectMultiple)
    email = forms.EmailField(label=_("Your e-mail address"), help_text=_("We send the receipt there."))
    name = forms.CharField(label=_("Your full name"), max_length=100, required=False)
    case_reference = forms.CharField(
        label=_("Case number (if you pay for a case)"),
        max_length=60,
        required=False,
        help_text=_("As printed on your filing receipt, e.g. WSC-II-S.6151.12345.2026."),
    )
    case_pin = forms.CharField(
        label=_("Case PIN"),
        max_length=20,
        required=False,
        help_text=_("Needed when you give a case number; it is on your filing receipt."),
    )
    website = forms.CharField(required=False, label=_("Leave this field empty"))  # honeypot
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, fees: dict[str, Fee], language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["fees"].choices = [
            (code, f"{fee.name_in(language)} — {format_pln(fee.amount_grosze)}")
            for code, fee in sorted(fees.items())
        ]
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("case_reference") and not data.get("case_pin"):
            self.add_error("case_pin", _("Give the case PIN printed on your filing receipt."))
        return data


class FeeForm(forms.ModelForm):
    """The fee catalogue form; the amount is typed in złote (stored in grosze)."""

    amount = forms.DecimalField(
        label=_("Amount (zł)"),
        min_value=Decimal("0.01"),
        decimal_places=2,
        max_digits=9,
        localize=True,
        help_text=_("In złote; for a fee set in euro (currency: euro), the amount in euro."),
    )

    class Meta:
        model = Fee
        fields = [
            "code",
            "name_pl",
            "name_en",
            "name_uk",
            "name_ru",
            "currency",
            "legal_basis",
            "source",
            "payee",
            "exemptions",
            "valid_from",
            "valid_until",
        ]
        widgets = {
            "valid_from": forms.DateInput(attrs={"type": "date"}),
            "valid_until": forms.DateInput(attrs={"type": "date"}),
        }

    field_order = ["code", "name_pl", "name_en", "name_uk", "name_ru", "amount"]

    def __init__(self, *args: Any, office: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.office = office
        self.fields["currency"].required = False  # złoty unless a fee is set in euro
        if self.instance.pk:
            self.initial.setdefault(
                "amount", (Decimal(self.instance.amount_grosze) / 100).quantize(Decimal("0.01"))
            )

    def clean_currency(self) -> str:
        return self.cleaned_data.get("currency") or Currency.PLN

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("amount") is not None:
            self.instance.amount_grosze = int(data["amount"] * 100)
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("The end of validity cannot be before its start."))
        clash = Fee.objects.filter(office=self.instance.office, code=data.get("code"), valid_from=start)
        if start and clash.exclude(pk=self.instance.pk).exists():
            self.add_error("valid_from", _("This fee already has a version valid from this day."))
        return data


class FeeReliefForm(forms.ModelForm):
    class Meta:
        model = FeeRelief
        fields = ["kind", "percent", "name_pl", "name_en", "name_uk", "name_ru", "legal_basis", "position"]


FeeReliefFormSet = forms.inlineformset_factory(Fee, FeeRelief, form=FeeReliefForm, extra=1, can_delete=True)


class CaseReliefForm(forms.Form):
    """A finance or case officer grants a relief on one fee of a case (the reason is required)."""

    relief = forms.ModelChoiceField(label=_("Relief"), queryset=FeeRelief.objects.none())
    note = forms.CharField(
        label=CaseFeeRelief._meta.get_field("note").verbose_name,
        help_text=CaseFeeRelief._meta.get_field("note").help_text,
        max_length=300,
    )

    def __init__(self, *args: Any, fee: Fee, language: str, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"relief-{fee.code}")
        super().__init__(*args, **kwargs)
        self.fields["relief"].queryset = fee.reliefs.all()
        self.fields["relief"].label_from_instance = lambda relief: relief.sentence(language)


class RefundForm(forms.Form):
    # localized: "12,50" as a Polish officer types it (and "12.50")
    amount = forms.DecimalField(
        label=_("Amount to refund (zł)"),
        min_value=Decimal("0.01"),
        decimal_places=2,
        max_digits=9,
        localize=True,
    )
    reason = forms.CharField(label=_("Reason"), max_length=300, widget=forms.Textarea(attrs={"rows": 2}))
    ground = forms.ChoiceField(
        label=_("Ground"), choices=RefundGround.choices, initial=RefundGround.OTHER, required=False
    )
    filed_on = forms.DateField(
        label=_("Application filed on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        help_text=_("Needed after a refusal or a discontinuation when the payment names no case."),
    )

    def clean_ground(self) -> str:
        return self.cleaned_data.get("ground") or RefundGround.OTHER

    @property
    def amount_grosze(self) -> int:
        return int(self.cleaned_data["amount"] * 100)


class StatementForm(forms.Form):
    file = forms.FileField(label=_("Bank statement (CSV or MT940)"))


class ReportForm(forms.Form):
    """The day of the daily report: a date input (ISO value, as browsers need for ``type=date``)
    showing the day asked for, today in the office's time zone by default."""

    day = forms.DateField(
        label=_("Day"),
        # a date input takes only YYYY-MM-DD: a localised value ("04.12.2026") would leave it empty
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
        required=False,
    )

    def __init__(self, data: Any = None, **kwargs: Any) -> None:
        raw = (data.get("day") or "").strip() if data else ""
        data = {"day": raw} if raw else None  # no day asked for: the form shows today
        for fmt in self.base_fields["day"].input_formats:
            try:  # a day typed the Polish way is shown back in the input's own format
                data = {"day": datetime.datetime.strptime(raw, fmt).date().isoformat()}
                break
            except ValueError:
                continue
        super().__init__(data, **kwargs)
        self.fields["day"].initial = timezone.localdate()

    def day_or_today(self) -> datetime.date:
        return (self.cleaned_data.get("day") if self.is_valid() else None) or timezone.localdate()
