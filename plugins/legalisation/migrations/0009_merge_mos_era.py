from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("legalisation", "0008_filing_routes"),
        ("legalisation", "0008_deadline_rules"),
        ("legalisation", "0008_counter_check"),
        ("legalisation", "0008_letters"),
        ("legalisation", "0008_mos_intake"),
    ]

    operations = []
