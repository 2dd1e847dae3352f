"""Move the plain-text DRF tokens (``rest_framework.authtoken``) into hashed, expiring ``ApiToken`` rows.

A migrated token keeps working for accounts that are not staff until the public lifetime from now
(30 days by default); it was issued without a second factor, so a staff account's is refused. The
plain-text keys are deleted.
"""

import datetime as dt
import hashlib

from django.conf import settings
from django.db import migrations
from django.utils import timezone


def forwards(apps, schema_editor):
    Token = apps.get_model("authtoken", "Token")
    ApiToken = apps.get_model("api", "ApiToken")
    lifetime = dt.timedelta(seconds=getattr(settings, "PRZYSTAN_API_TOKEN_PUBLIC_SECONDS", 30 * 24 * 3600))
    now = timezone.now()
    ApiToken.objects.bulk_create(
        ApiToken(
            key_hash=hashlib.sha256(token.key.encode()).hexdigest(),
            user_id=token.user_id,
            created_at=token.created,
            expires_at=now + lifetime,
            mfa_verified=False,
        )
        for token in Token.objects.all()
    )
    Token.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_initial"),
        ("authtoken", "0004_alter_tokenproxy_options"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
