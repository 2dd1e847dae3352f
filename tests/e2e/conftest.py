"""Fixtures of the staff journeys: the demo office with its data (``demo``)."""

from .test_staff_day import demo  # noqa: F401  (fixture)
