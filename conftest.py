"""Shared pytest fixtures live in przystan.testing.fixtures (usable by plugin test suites too)."""

pytest_plugins = ["przystan.testing.fixtures"]
