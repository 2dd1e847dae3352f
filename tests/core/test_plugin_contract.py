"""The plugin contract: every hook documented, registries reject duplicates, bad plugins fail naming themselves."""

import inspect

import pytest

from przystan.pluginsys import hookspecs
from przystan.pluginsys.contributions import MenuItem, UrlContribution
from przystan.pluginsys.errors import PluginError
from przystan.pluginsys.manager import DISCOVERY_HOOKS, PluginSystem, get_plugin_system
from przystan.pluginsys.registries import DuplicateContribution, Registry
from przystan.testing.plugins import build_system, entry_point

SHIPPED = {"serce", "hotel", "legalisation", "payments", "queue_booking"}


def hookspec_functions():
    return [
        obj
        for name, obj in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(obj, "przystan_spec")
    ]


def test_hooks_exist():
    names = {f.__name__ for f in hookspec_functions()}
    assert set(DISCOVERY_HOOKS) <= names
    assert {"demo_data", "case_status_changed", "fee_catalogue", "payment_request"} <= names


@pytest.mark.parametrize("func", hookspec_functions(), ids=lambda f: f.__name__)
def test_every_hook_is_documented(func):
    doc = inspect.getdoc(func) or ""
    assert len(doc) >= 40, f"hook {func.__name__} needs a docstring saying what implementations return"
    assert "return" in doc.lower(), f"hook {func.__name__}: say what implementations return"


def test_shipped_plugins_are_installed_with_metadata():
    system = get_plugin_system()
    assert SHIPPED <= set(system.plugins)
    for slug in SHIPPED:
        meta = system.plugins[slug]
        assert meta.name and meta.version and meta.description
        assert meta.module == f"plugins.{slug}"
        assert meta.config_schema.get("type") == "object"
    assert system.plugins["hotel"].requires == ("serce",)
    assert system.dependents("serce") == ["hotel"]


def test_manager_is_built_once():
    assert get_plugin_system() is get_plugin_system()


def test_registry_rejects_duplicate_names_naming_both_plugins():
    registry = Registry("admin menu item", MenuItem)
    registry.register(MenuItem("reports", label="A", url="/a/", plugin="alpha"))
    with pytest.raises(
        DuplicateContribution,
        match="Plugin 'beta' registers admin menu item 'reports', already registered by plugin 'alpha'",
    ):
        registry.register(MenuItem("reports", label="B", url="/b/", plugin="beta"))


def test_registry_rejects_wrong_contribution_type():
    registry = Registry("admin menu item", MenuItem)
    with pytest.raises(TypeError, match="expected MenuItem"):
        registry.register(UrlContribution("x", prefix="x", patterns=[], plugin="alpha"))


def test_second_plugin_claiming_a_taken_slug_fails_at_start():
    with pytest.raises(PluginError, match="Plugin 'serce'.*already taken"):
        build_system(extra=[entry_point("serce", "plugins.serce")])


def test_plugin_with_missing_requirement_fails_at_start():
    with pytest.raises(PluginError, match="Plugin 'throwaway' requires 'serce', which is not installed"):
        PluginSystem.build([entry_point("throwaway", "tests.throwaway_plugin")])


def test_entry_point_whose_app_is_not_installed_fails_naming_it(tmp_path, monkeypatch):
    package = tmp_path / "stray_plugin"
    package.mkdir()
    (package / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(PluginError, match="Plugin 'stray'.*not in INSTALLED_APPS"):
        PluginSystem.build([entry_point("stray", "stray_plugin")])


def test_duplicate_url_namespace_from_two_plugins_fails_at_start(monkeypatch):
    import tests.throwaway_plugin.hooks as throwaway_hooks
    from przystan.pluginsys.markers import hookimpl

    @hookimpl
    def urls():
        return [UrlContribution("staff", prefix="elsewhere", patterns=[])]  # "staff" belongs to the core

    monkeypatch.setattr(throwaway_hooks, "urls", urls)
    with pytest.raises(
        DuplicateContribution,
        match="Plugin 'throwaway' registers URL namespace 'staff', already registered by plugin 'core.web'",
    ):
        build_system(extra=[entry_point("throwaway", "tests.throwaway_plugin")])


def test_unknown_hook_implementation_is_rejected(tmp_path, monkeypatch):
    import tests.throwaway_plugin.hooks as throwaway_hooks
    from przystan.pluginsys.markers import hookimpl

    @hookimpl
    def no_such_hook():
        return []

    monkeypatch.setattr(throwaway_hooks, "no_such_hook", no_such_hook, raising=False)
    with pytest.raises(PluginError, match="Plugin 'throwaway'.*no_such_hook"):
        build_system(extra=[entry_point("throwaway", "tests.throwaway_plugin")])
