"""The form of the office's closures screen: one day off with its names in four languages and source."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from .closures import statutory_holidays
from .models import OfficeClosure

CANCEL, KEEP = "cancel", "keep"


class OfficeClosureForm(forms.ModelForm):
    """``impact`` (what plugins say the day would affect) is set by the view after the date is known;
    when anything is affected the staff member must say what happens to it (``bookings``)."""

    bookings = forms.ChoiceField(
        label=_("What happens to the visits already booked on that day"),
        choices=[
            (CANCEL, _("Cancel them and tell the persons (they can book another day)")),
            (KEEP, _("Keep them: staff will move them by hand")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )

    class Meta:
        model = OfficeClosure
        fields = ["date", "kind", "name_pl", "name_en", "name_uk", "name_ru", "source"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args: Any, office: Any, impact_of: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.office = office
        self.impact_of = impact_of  # date -> list of {"label", "count"}
        self.impact: list[dict[str, Any]] = []
        for code in ("en", "uk", "ru"):
            self.fields[f"name_{code}"].required = True  # shown on public pages in every language

    def clean_date(self) -> datetime.date:
        day = self.cleaned_data["date"]
        shown = formats.date_format(day, "DATE_FORMAT")
        if OfficeClosure.objects.filter(office=self.office, date=day).exists():
            raise forms.ValidationError(
                _("The office already has a day off on %(date)s; remove that one first to change it."),
                code="duplicate",
                params={"date": shown},
            )
        holiday = statutory_holidays(day, day, translation.get_language()).get(day)
        if holiday:
            raise forms.ValidationError(
                _("%(date)s is a statutory holiday (%(name)s): the office is closed on it anyway."),
                code="statutory",
                params={"date": shown, "name": holiday},
            )
        self.impact = [item for item in self.impact_of(day) if item.get("count")]
        if day < timezone.localdate() and self.impact:
            raise forms.ValidationError(
                _(
                    "%(date)s has passed and visits took place or were booked on it; a past day cannot be closed."
                ),
                code="past_with_bookings",
                params={"date": shown},
            )
        return day

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.impact and not cleaned.get("bookings") and "date" in cleaned:
            self.add_error(
                "bookings",
                forms.ValidationError(
                    _("Visits are booked on that day: choose whether to cancel them or keep them."),
                    code="choose",
                ),
            )
        return cleaned

    @property
    def cancel_bookings(self) -> bool:
        return self.cleaned_data.get("bookings") == CANCEL
