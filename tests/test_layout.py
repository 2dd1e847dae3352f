"""Layout guard: the repository keeps the shape the architecture brief requires."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGINS = ("serce", "hotel", "legalisation", "payments", "queue_booking")


def test_platform_is_a_plain_folder_not_a_package():
    assert (ROOT / "platform" / "przystan" / "__init__.py").exists()
    assert not (ROOT / "platform" / "__init__.py").exists(), "platform/ shadows the stdlib module"


def test_required_top_level_exists():
    for name in (
        "platform/manage.py",
        "plugins/__init__.py",
        "cms_content",
        "tests",
        "pyproject.toml",
        "README.md",
        ".ci/run",
        "uv.lock",
    ):
        assert (ROOT / name).exists(), name


def test_each_plugin_is_a_django_app_with_hooks():
    for slug in PLUGINS:
        assert (ROOT / "plugins" / slug / "apps.py").exists(), slug
        assert (ROOT / "plugins" / slug / "hooks.py").exists(), slug


def test_core_never_imports_a_plugin():
    offenders = []
    for path in (ROOT / "platform" / "przystan").rglob("*.py"):
        if "testing" in path.parts:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import plugins", "from plugins")):
                offenders.append(f"{path.relative_to(ROOT)}: {stripped}")
    assert offenders == []
