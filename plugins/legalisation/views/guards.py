"""The staff pages' guard is the core's :func:`przystan.access.staff_guard`."""

from przystan.access import staff_guard

__all__ = ["staff_guard"]
