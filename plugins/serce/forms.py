"""Forms of the register's editors (one per area model) and of the import, payment and notice pages."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .dates import staff_date
from .models import (
    Address,
    Benefit,
    BenefitRule,
    Centre,
    FoodArrangement,
    Household,
    IdentityDocument,
    MedicalFilter,
    Person,
    SchoolEnrolment,
    SchoolSupply,
    SpecialNeed,
    Stay,
)
from .models.benefits import COST_KINDS
from .services.notices import KINDS


class ZlotyField(forms.DecimalField):
    """An amount typed and shown in złoty (``123,45``), kept in grosze (``12345``) on the model."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        for name in ("max_value", "min_value", "max_digits", "decimal_places"):
            kwargs.pop(name, None)
        kwargs.setdefault("label", _("amount (zł)"))
        super().__init__(*args, min_value=0, max_digits=12, decimal_places=2, localize=True, **kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value // 100},{value % 100:02d}"
        return super().prepare_value(value)

    def clean(self, value: Any) -> int | None:
        amount = super().clean(value)
        return None if amount is None else int((amount * 100).to_integral_value())

    def has_changed(self, initial: Any, data: Any) -> bool:
        """Compared in grosze (the initial value is the model's), so ``65,00`` is no change of 6500."""
        try:
            return self.clean(data) != initial
        except forms.ValidationError:
            return True


PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _dates(*names: str) -> dict[str, Any]:
    return dict.fromkeys(names, DATE)


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "first_name",
            "last_name",
            "first_name_native",
            "last_name_native",
            "name_variants",
            "date_of_birth",
            "place_of_birth",
            "nationality",
            "sex",
            "pobyt_id",
            "language",
            "phone",
            "email",
            "photo",
            "household_role",
            "status",
            "notes",
        ]
        widgets = {
            **_dates("date_of_birth"),
            "name_variants": forms.Textarea(attrs={"rows": 2}),
            "photo": forms.FileInput,  # the photo has no URL (private storage); it is shown by a view
        }

    def __init__(self, *args: Any, centres: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if centres is not None:  # staff of centres register new residents of one of their centres
            self.fields["centre"] = forms.ModelChoiceField(
                label=_("Resident of the centre"), queryset=centres, empty_label=None
            )

    def clean_nationality(self) -> str:
        return (self.cleaned_data.get("nationality") or "").upper()

    def clean_photo(self) -> Any:
        photo = self.cleaned_data.get("photo")
        if photo and getattr(photo, "size", 0) > PHOTO_MAX_BYTES:
            raise forms.ValidationError(_("The photo is larger than 5 MB."))
        if photo and hasattr(photo, "content_type"):
            if PurePath(photo.name).suffix.lower() not in PHOTO_TYPES:
                raise forms.ValidationError(_("Choose a JPEG or PNG photo."))
        return photo


class CentreForm(forms.ModelForm):
    class Meta:
        model = Centre
        fields = [
            "code",
            "name",
            "kind",
            "street",
            "postal_code",
            "city",
            "capacity",
            "phone",
            "email",
            "active",
        ]

    def validate_unique(self) -> None:
        super().validate_unique()
        code = self.cleaned_data.get("code")
        duplicate = Centre.objects.filter(office=self.instance.office, code=code).exclude(pk=self.instance.pk)
        if code and duplicate.exists():
            self.add_error("code", _("Another centre of the office has this code."))


class BenefitRuleForm(forms.ModelForm):
    """A rule's amount, family sizes, validity and source. Saving a change of what the rule says
    (amount, unit, sizes, dates, source) makes it "to be confirmed by the office" again."""

    #: Fields whose change needs a new confirmation.
    SUBSTANCE = (
        "kind",
        "unit",
        "amount_grosze",
        "family_size_min",
        "family_size_max",
        "valid_from",
        "valid_until",
        "legal_basis",
        "source_reference",
        "source_url",
        "source_note",
    )

    class Meta:
        model = BenefitRule
        fields = [
            "kind",
            "unit",
            "amount_grosze",
            "family_size_min",
            "family_size_max",
            "valid_from",
            "valid_until",
            "legal_basis",
            "source_reference",
            "source_url",
            "source_note",
        ]
        widgets = {**_dates("valid_from", "valid_until"), "source_note": forms.Textarea(attrs={"rows": 2})}
        field_classes = {"amount_grosze": ZlotyField}
        labels = {"amount_grosze": _("amount (zł)")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # tickets to interviews and doctors are reimbursed at their cost: no rule sets their amount
        self.fields["kind"].choices = [c for c in self.fields["kind"].choices if c[0] not in COST_KINDS]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        low, high = data.get("family_size_min"), data.get("family_size_max")
        if low is not None and high is not None and high < low:
            self.add_error("family_size_max", _("The upper family size cannot be below the lower one."))
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("The end date cannot be before the start date."))
        elif start and low is not None and data.get("kind"):
            clash = self._overlapping(data["kind"], low, high, start, end)
            if clash is not None:
                self.add_error(
                    None,
                    _(
                        "Another rule for this benefit and family size is valid in the same period "
                        "(%(rule)s, from %(start)s). End that rule first, so only one rule is valid on any day."
                    )
                    % {"rule": clash, "start": staff_date(clash.valid_from)},
                )
        return data

    def _overlapping(self, kind: str, low: int, high: int | None, start: Any, end: Any) -> BenefitRule | None:
        others = BenefitRule.objects.filter(office=self.instance.office, kind=kind).exclude(
            pk=self.instance.pk
        )
        others = others.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=start))
        if end is not None:
            others = others.filter(valid_from__lte=end)
        others = others.filter(Q(family_size_max__isnull=True) | Q(family_size_max__gte=low))
        if high is not None:
            others = others.filter(family_size_min__lte=high)
        return others.order_by("valid_from").first()

    def save(self, commit: bool = True) -> BenefitRule:
        rule = super().save(commit=False)
        if not rule.pk or any(name in self.changed_data for name in self.SUBSTANCE):
            rule.to_confirm, rule.confirmed_by, rule.confirmed_at = True, None, None
            rule.changed_at = timezone.now()
        if commit:
            rule.save()
        return rule


class HouseholdForm(forms.ModelForm):
    class Meta:
        model = Household
        fields = ["reference", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


class HouseholdMemberForm(forms.Form):
    register_number = forms.CharField(label=_("Register number"), max_length=16)
    role = forms.ChoiceField(label=_("role in household"), choices=Person.HouseholdRole.choices)


class StayForm(forms.ModelForm):
    class Meta:
        model = Stay
        fields = ["centre", "date_from", "date_to", "room", "notes"]
        widgets = _dates("date_from", "date_to")

    def __init__(self, *args: Any, office: Any = None, centres: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = (
            centres if centres is not None else Centre.objects.filter(office=office)
        )


AREA_FORMS: dict[str, dict[str, type[forms.ModelForm]]] = {}


def _form(model: type, fields: list[str], dates: tuple[str, ...] = ()) -> type[forms.ModelForm]:
    options = {"model": model, "fields": fields, "widgets": _dates(*dates)}
    if "amount_grosze" in fields:  # amounts are typed in złoty
        options["field_classes"] = {"amount_grosze": ZlotyField}
        options["labels"] = {"amount_grosze": _("fixed amount (zł)")}
    meta = type("Meta", (), options)
    return type(f"{model.__name__}Form", (forms.ModelForm,), {"Meta": meta})


AREA_FORMS = {
    "stays": {"stay": StayForm},
    "addresses": {
        "address": _form(
            Address,
            ["street", "postal_code", "city", "date_from", "date_to", "notes"],
            ("date_from", "date_to"),
        )
    },
    "benefits": {
        "benefit": _form(
            Benefit,
            ["kind", "amount_grosze", "date_from", "date_to", "payment_day", "decision_number", "notes"],
            ("date_from", "date_to"),
        )
    },
    "education": {
        "schoolenrolment": _form(
            SchoolEnrolment,
            [
                "school_year",
                "school_name",
                "school_city",
                "grade",
                "enrolled_on",
                "left_on",
                "polish_lessons",
                "notes",
            ],
            ("enrolled_on", "left_on"),
        ),
        "schoolsupply": _form(
            SchoolSupply,
            ["school_year", "items", "status", "available_from", "issued_on"],
            ("available_from", "issued_on"),
        ),
    },
    "food": {
        "foodarrangement": _form(
            FoodArrangement, ["mode", "diet", "diet_notes", "date_from", "date_to"], ("date_from", "date_to")
        )
    },
    "medical": {
        "medicalfilter": _form(
            MedicalFilter,
            ["examined_on", "place", "interview_done", "lab_tests_done", "xray_done", "result", "notes"],
            ("examined_on",),
        ),
        "specialneed": _form(SpecialNeed, ["category", "description", "since", "until"], ("since", "until")),
    },
    "personal": {
        "identitydocument": _form(
            IdentityDocument,
            ["kind", "number", "issued_by", "issued_on", "valid_until"],
            ("issued_on", "valid_until"),
        )
    },
}


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Pobyt v.2 export (CSV or JSON)"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not (name.endswith(".csv") or name.endswith(".json")):
            raise forms.ValidationError(_("Choose a .csv or .json file."))
        if upload.size > 50 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 50 MB."))
        return upload


class GenerateListForm(forms.Form):
    month = forms.DateField(
        label=_("Month"), widget=forms.DateInput(attrs={"type": "month"}), input_formats=["%Y-%m", "%Y-%m-%d"]
    )
    centre = forms.ModelChoiceField(
        label=_("Centre"),
        queryset=Centre.objects.none(),
        required=False,
        empty_label=_("Persons outside centres"),
    )

    def __init__(self, *args: Any, office: Any = None, centres: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = (
            centres if centres is not None else Centre.objects.filter(office=office)
        )
        if centres is not None:  # staff of centres prepare their centres' lists only
            self.fields["centre"].required = True
            self.fields["centre"].empty_label = None


class AdjustmentForm(forms.Form):
    entry = forms.IntegerField(widget=forms.HiddenInput, required=False)
    person = forms.CharField(label=_("Register number"), max_length=16)
    amount = forms.DecimalField(
        label=_("Correction (zł, negative to reduce)"), max_digits=10, decimal_places=2
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))

    def clean_amount(self) -> Any:
        amount = self.cleaned_data["amount"]
        if amount == 0:
            raise forms.ValidationError(_("The correction amount cannot be zero."))
        return amount


class NoticeForm(forms.Form):
    notice_type = forms.ChoiceField(label=_("Notice"), choices=[(k, v.label) for k, v in KINDS.items()])
    centre = forms.ModelChoiceField(
        label=_("Centre"), queryset=Centre.objects.none(), required=False, empty_label=_("All")
    )
    outside = forms.BooleanField(label=_("Only persons outside centres"), required=False)
    nationality = forms.CharField(label=_("Nationality (ISO code)"), max_length=3, required=False)
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All"))] + list(Person.Language.choices), required=False
    )
    with_children = forms.BooleanField(label=_("Only parents of children"), required=False)
    send_sms = forms.BooleanField(label=_("SMS"), required=False, initial=True)
    send_email = forms.BooleanField(label=_("E-mail"), required=False, initial=True)
    new_date = forms.DateField(label=_("New payment date"), required=False, widget=DATE)
    month = forms.CharField(label=_("Month (for example 2026-12)"), max_length=7, required=False)
    what = forms.CharField(label=_("What can be collected"), max_length=100, required=False)
    where = forms.CharField(label=_("Where"), max_length=100, required=False)
    from_date = forms.DateField(label=_("From"), required=False, widget=DATE)

    def __init__(self, *args: Any, centres: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["centre"].queryset = centres if centres is not None else Centre.objects.none()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind = KINDS.get(data.get("notice_type", ""))
        if kind:
            for name in kind.placeholders:
                if not data.get(name):
                    self.add_error(name, _("This notice needs this field."))
        if not data.get("send_sms") and not data.get("send_email"):
            raise forms.ValidationError(_("Choose SMS, e-mail or both."))
        return data

    def message_context(self) -> dict[str, str]:
        kind = KINDS[self.cleaned_data["notice_type"]]
        return {name: str(self.cleaned_data[name]) for name in kind.placeholders}

    def channels(self) -> tuple[str, ...]:
        return tuple(
            c for c, flag in (("sms", "send_sms"), ("email", "send_email")) if self.cleaned_data.get(flag)
        )
