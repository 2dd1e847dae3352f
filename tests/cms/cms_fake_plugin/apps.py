from przystan.pluginsys.metadata import PluginAppConfig


class CmsFakeConfig(PluginAppConfig):
    default = True
    name = "tests.cms.cms_fake_plugin"
    label = "cms_fake_plugin"
    plugin_slug = "cmsfake"
    plugin_name = "CMS fake"
    plugin_version = "1.0.0"
    plugin_description = "Test-only plugin answering fee_catalogue, application_types and procedure_actions"
