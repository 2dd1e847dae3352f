from django.apps import AppConfig


class PluginSystemConfig(AppConfig):
    name = "przystan.pluginsys"
    label = "pluginsys"
    verbose_name = "Przystań plugin system"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers system checks)
        from .manager import get_plugin_system

        get_plugin_system()  # built once, at start: bad plugins fail here, naming the plugin
