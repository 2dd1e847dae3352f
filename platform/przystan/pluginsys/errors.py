"""Errors raised while loading plugins; each message names the plugin and the problem."""

from django.core.exceptions import ImproperlyConfigured


class PluginError(ImproperlyConfigured):
    """A plugin cannot be loaded or is misconfigured."""
