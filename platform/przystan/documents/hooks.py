"""Core hooks of przystan.documents (registered as the always-enabled plugin core.documents)."""

from przystan.pluginsys.markers import hookimpl  # noqa: F401
