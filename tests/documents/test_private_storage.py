"""Personal-data files are stored apart from public media and have no URL."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import FileField

from przystan.documents.storage import private_storage


def personal_data_file_fields() -> list[FileField]:
    """Every file field of the plugins (all of them hold personal data: attachments, photos, receipts)."""
    return [
        field
        for model in apps.get_models()
        if model._meta.app_label in {"serce", "hotel", "legalisation", "payments", "queue_booking"}
        for field in model._meta.get_fields()
        if isinstance(field, FileField)
    ]


def test_plugin_file_fields_use_the_private_storage():
    fields = personal_data_file_fields()
    assert fields, "expected the plugins' attachment/photo/receipt fields"
    for field in fields:
        where = f"{field.model.__name__}.{field.name}"
        assert getattr(field, "_storage_callable", None) is private_storage, where


def test_private_files_live_outside_media_root_and_have_no_url(tmp_path):
    storage = private_storage()
    location = Path(storage.location).resolve()
    media = Path(settings.MEDIA_ROOT).resolve()
    assert media not in location.parents and location != media
    name = storage.save("checks/passport-scan.txt", ContentFile(b"personal data"))
    try:
        assert (location / name).read_bytes() == b"personal data"
        with pytest.raises(ValueError):
            storage.url(name)  # nothing can link to it; access-checked views stream it
    finally:
        storage.delete(name)
