from przystan.pluginsys.metadata import PluginAppConfig


class ThrowawayConfig(PluginAppConfig):
    default = True
    name = "tests.throwaway_plugin"
    label = "throwaway_plugin"
    plugin_slug = "throwaway"
    plugin_name = "Throwaway"
    plugin_version = "1.0.0"
    plugin_description = "Test-only plugin"
    plugin_requires = ("serce",)
    plugin_config_schema = {
        "type": "object",
        "properties": {"greeting": {"type": "string", "minLength": 2}},
        "required": ["greeting"],
        "additionalProperties": False,
    }
