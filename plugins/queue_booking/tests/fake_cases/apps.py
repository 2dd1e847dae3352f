from przystan.pluginsys.metadata import PluginAppConfig


class FakeCasesConfig(PluginAppConfig):
    default = True
    name = "plugins.queue_booking.tests.fake_cases"
    label = "qb_fake_cases"
    plugin_slug = "fake_cases"
    plugin_name = "Fake cases"
    plugin_version = "1.0.0"
    plugin_description = "Test-only case module"
