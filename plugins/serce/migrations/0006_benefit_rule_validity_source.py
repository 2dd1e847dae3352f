"""Benefit rules carry a validity range, a source and a "to be confirmed by the office" flag.

Existing rows start "to be confirmed". A row with no end date that started before the 2016 regulation
lost force (7 October 2023) gets that regulation's validity (until 6 October 2023) and its source; the
rows the old demo seed installed (dated 6 October 2023, "Rozporządzenie MSWiA z 6 października 2023 r."
— a wrong name) get the dates the figures were really in force. Then every office with rules gets the
default rows it lacks (the 2016 figures before the 2022 amendment and the draft current figures), never
overlapping a rule it has, all to be confirmed. The data is frozen here (see ``benefit_defaults``).
"""

import datetime as dt

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models
from django.db.models import Q

OLD_SEED_BASIS = "Rozporządzenie MSWiA z 6 października 2023 r."
OLD_SEED_START = dt.date(2023, 10, 6)
LAST_DAY_OLD = dt.date(2023, 10, 6)
SINCE_2016 = dt.date(2016, 3, 26)
AMENDED_2022 = dt.date(2022, 11, 1)
NEW = dt.date(2023, 10, 7)
OLD_ACT = (
    "Rozporządzenie Ministra Spraw Wewnętrznych i Administracji z dnia 19 lutego 2016 r. w sprawie "
    "wysokości pomocy dla cudzoziemców ubiegających się o udzielenie ochrony międzynarodowej"
)
OLD_URL = "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20160000311"
OLD_NOTE = "Utraciło moc 7 października 2023 r. (kwoty historyczne, do sprawdzenia w ISAP)."
MIGRATED_NOTE = (
    "Reguła bez daty końca przeniesiona przy aktualizacji: rozporządzenie z 2016 r. utraciło moc "
    "7 października 2023 r. — sprawdź kwotę i daty i potwierdź."
)
NEW_ACT = (
    "Rozporządzenie Ministra Spraw Wewnętrznych i Administracji w sprawie wysokości pomocy dla "
    "cudzoziemców ubiegających się o udzielenie ochrony międzynarodowej (zastępujące rozporządzenie z 2016 r.)"
)
NEW_NOTE = (
    "Kwota z projektu rozporządzenia (2023); data wejścia w życie i pozycja w Dzienniku Ustaw "
    "niezweryfikowane."
)
CARRIED_NOTE = (
    "Kwota z rozporządzenia z 2016 r., przeniesiona bez weryfikacji; wysokość według nowego "
    "rozporządzenia niezweryfikowana."
)
_old = {
    "legal_basis": OLD_ACT,
    "source_reference": "Dz.U. 2016 poz. 311",
    "source_url": OLD_URL,
    "source_note": OLD_NOTE,
}
_draft = {"legal_basis": NEW_ACT, "source_reference": "", "source_url": "", "source_note": NEW_NOTE}
DEFAULTS = (
    ("food_equivalent", "day", 900, 1, None, SINCE_2016, dt.date(2022, 10, 31), _old),
    (
        "food_equivalent",
        "day",
        1100,
        1,
        None,
        AMENDED_2022,
        LAST_DAY_OLD,
        {**_old, "source_reference": "Dz.U. 2016 poz. 311, zm. Dz.U. 2022 poz. 2071"},
    ),
    ("hygiene", "month", 2000, 1, None, SINCE_2016, LAST_DAY_OLD, _old),
    ("pocket_money", "month", 5000, 1, None, SINCE_2016, LAST_DAY_OLD, _old),
    ("clothing", "once", 14000, 1, None, SINCE_2016, LAST_DAY_OLD, _old),
    ("outside_cash", "day", 2500, 1, 1, SINCE_2016, LAST_DAY_OLD, _old),
    ("outside_cash", "day", 2000, 2, 2, SINCE_2016, LAST_DAY_OLD, _old),
    ("outside_cash", "day", 1500, 3, 3, SINCE_2016, LAST_DAY_OLD, _old),
    ("outside_cash", "day", 1250, 4, None, SINCE_2016, LAST_DAY_OLD, _old),
    ("food_equivalent", "day", 1500, 1, None, NEW, None, _draft),
    ("hygiene", "month", 3000, 1, None, NEW, None, _draft),
    ("outside_cash", "month", 77600, 1, 1, NEW, None, _draft),
    ("outside_cash", "month", 60000, 2, None, NEW, None, _draft),
    ("pocket_money", "month", 5000, 1, None, NEW, None, {**_draft, "source_note": CARRIED_NOTE}),
    ("clothing", "once", 14000, 1, None, NEW, None, {**_draft, "source_note": CARRIED_NOTE}),
)


def _overlapping(rule_model, office_id, kind, low, high, start, end):
    found = rule_model.objects.filter(office_id=office_id, kind=kind).filter(
        Q(valid_until__isnull=True) | Q(valid_until__gte=start)
    )
    found = found.filter(Q(family_size_max__isnull=True) | Q(family_size_max__gte=low))
    if end is not None:
        found = found.filter(valid_from__lte=end)
    if high is not None:
        found = found.filter(family_size_min__lte=high)
    return found


def date_and_source_existing_rules(apps, schema_editor):
    rule_model = apps.get_model("serce", "BenefitRule")
    offices = set()
    for rule in rule_model.objects.all():
        offices.add(rule.office_id)
        rule.to_confirm, rule.confirmed_by_id, rule.confirmed_at = True, None, None
        if rule.valid_until is None and rule.valid_from <= LAST_DAY_OLD:
            old_seed = rule.valid_from == OLD_SEED_START and rule.legal_basis == OLD_SEED_BASIS
            if old_seed:  # the old demo seed: the dates the figures were really in force
                rule.valid_from = AMENDED_2022 if rule.kind == "food_equivalent" else SINCE_2016
            rule.valid_until = LAST_DAY_OLD
            if old_seed or not rule.legal_basis:
                rule.legal_basis = OLD_ACT
            amended = rule.kind == "food_equivalent" and rule.valid_from >= AMENDED_2022
            rule.source_reference = rule.source_reference or (
                "Dz.U. 2016 poz. 311, zm. Dz.U. 2022 poz. 2071" if amended else "Dz.U. 2016 poz. 311"
            )
            rule.source_url = rule.source_url or OLD_URL
            rule.source_note = MIGRATED_NOTE
        rule.save()
    for office_id in sorted(offices):
        for kind, unit, grosze, low, high, start, end, source in DEFAULTS:
            if _overlapping(rule_model, office_id, kind, low, high, start, end).exists():
                continue
            rule_model.objects.create(
                office_id=office_id,
                kind=kind,
                unit=unit,
                amount_grosze=grosze,
                family_size_min=low,
                family_size_max=high,
                valid_from=start,
                valid_until=end,
                to_confirm=True,
                **source,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("offices", "0001_initial"),
        ("serce", "0005_private_storage"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField(model_name="benefitrule", old_name="valid_to", new_name="valid_until"),
        migrations.AddField(
            model_name="benefitrule",
            name="confirmed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="confirmed at"),
        ),
        migrations.AddField(
            model_name="benefitrule",
            name="confirmed_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="confirmed by",
            ),
        ),
        migrations.AddField(
            model_name="benefitrule",
            name="source_note",
            field=models.TextField(
                blank=True, help_text="For example: a draft, not verified.", verbose_name="note on the source"
            ),
        ),
        migrations.AddField(
            model_name="benefitrule",
            name="source_reference",
            field=models.CharField(
                blank=True,
                help_text="For example: Dz.U. 2016 poz. 311.",
                max_length=120,
                verbose_name="Dz.U. position",
            ),
        ),
        migrations.AddField(
            model_name="benefitrule",
            name="source_url",
            field=models.URLField(blank=True, max_length=300, verbose_name="link to the act"),
        ),
        migrations.AddField(
            model_name="benefitrule",
            name="to_confirm",
            field=models.BooleanField(
                default=True,
                help_text="Payment lists using the rule cannot be submitted for approval until it is confirmed.",
                verbose_name="to be confirmed by the office",
            ),
        ),
        migrations.AddField(
            model_name="benefitrule",
            name="changed_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                help_text="Set when the amount, dates or source change (not by a confirmation).",
                verbose_name="amount or validity changed at",
            ),
        ),
        migrations.AlterField(
            model_name="benefitrule",
            name="valid_until",
            field=models.DateField(
                blank=True,
                help_text="Empty: until further notice.",
                null=True,
                verbose_name="valid until (inclusive)",
            ),
        ),
        migrations.AddField(
            model_name="paymententry",
            name="rule",
            field=models.ForeignKey(
                blank=True,
                help_text="The rule the amount was computed from (empty: a fixed amount or an adjustment).",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="serce.benefitrule",
                verbose_name="benefit rule",
            ),
        ),
        migrations.AlterField(
            model_name="benefitrule",
            name="legal_basis",
            field=models.CharField(
                blank=True,
                help_text="The act that sets the amount.",
                max_length=300,
                verbose_name="legal act",
            ),
        ),
        migrations.AddConstraint(
            model_name="benefitrule",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("valid_until__isnull", True),
                    ("valid_until__gte", models.F("valid_from")),
                    _connector="OR",
                ),
                name="serce_rule_dates_ordered",
            ),
        ),
        migrations.RunPython(date_and_source_existing_rules, migrations.RunPython.noop),
    ]
