"""Settlements remember whether the payer's confirmation was queued (now done by the follow-up task)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("payments", "0001_initial")]

    operations = [
        # existing settlements queued their e-mail in the settling transaction: mark them done
        migrations.AddField(
            model_name="settlement", name="payer_notified", field=models.BooleanField(default=True)
        ),
        migrations.AlterField(
            model_name="settlement", name="payer_notified", field=models.BooleanField(default=False)
        ),
    ]
