from django.db import migrations

from przystan.audit import triggers


class Migration(migrations.Migration):
    """Refuse UPDATE and DELETE of audit rows in the database itself (PostgreSQL and SQLite)."""

    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(triggers.install, triggers.uninstall, elidable=False)]
