"""Short formats of uk: the platform's staff format (see :mod:`przystan.formats`)."""

from przystan.formats import SHORT_DATE_FORMAT, SHORT_DATETIME_FORMAT

__all__ = ["SHORT_DATE_FORMAT", "SHORT_DATETIME_FORMAT"]
