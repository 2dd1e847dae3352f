"""Przystań plugin system (pluggy): hook specifications, metadata, registries and the manager.

Everything a plugin contributes enters through hooks declared in :mod:`przystan.pluginsys.hookspecs`.
"""
