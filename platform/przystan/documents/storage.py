"""Private file storage for personal data: application attachments, photos, receipts, decisions.

Files there have no URL: ``MEDIA_URL`` (public CMS images and documents) never reaches them, in the
demo or behind a production web server. A view that checks per-record access and audits the read
streams them (``FieldFile.open()``). Configure the location with ``PRIVATE_MEDIA_ROOT`` or replace
the ``"private"`` entry of ``STORAGES`` (an S3 bucket without public access, say).
"""

from __future__ import annotations

from django.core.files.storage import FileSystemStorage, Storage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """A file-system storage whose files cannot be linked to."""

    def url(self, name: str | None) -> str:
        raise ValueError("Files in the private storage have no URL; stream them from an access-checked view.")


def private_storage() -> Storage:
    """The storage for personal-data files (a callable, so fields and migrations name it, not a path)."""
    return storages["private"]
