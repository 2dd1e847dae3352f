"""The pluggy markers of the ``przystan`` project. Plugins decorate hooks with :data:`hookimpl`."""

import pluggy

PROJECT = "przystan"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)
