"""Offices that installed the first standard catalogue get the corrected one (Dec 2026): rows left
untouched by the office are closed the day before and followed by corrected versions, new fees
(CUKR stamp duty, Schengen visa extension in euro, short stay for an exceptional personal situation,
change of another decision) and the relief and no-refund rules are added. Payments keep the rows
valid on their day; rows the office edited are left alone."""

from django.db import migrations


def upgrade(apps, schema_editor):
    from plugins.payments.defaults import install_standard_fees

    Fee = apps.get_model("payments", "Fee")
    FeeRelief = apps.get_model("payments", "FeeRelief")
    RefundRule = apps.get_model("payments", "RefundRule")
    Office = apps.get_model("offices", "Office")
    for office in Office.objects.filter(pk__in=Fee.objects.values("office_id")):
        install_standard_fees(office, models=(Fee, FeeRelief, RefundRule))


class Migration(migrations.Migration):
    dependencies = [("payments", "0004_fee_sources_reliefs_refund_rules")]

    operations = [migrations.RunPython(upgrade, migrations.RunPython.noop)]
