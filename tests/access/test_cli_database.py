"""Every ``przystan`` command uses one database: ``plugins`` and ``manage`` read what ``demo`` writes.

Each command runs in its own process (as from the shell) with a temporary ``PRZYSTAN_VAR_DIR`` and no
``DATABASE_URL``. The demo's migrations and data loading are replaced by writing one marker row into
whatever database the command opened (the real demo takes minutes; ``tests/core/test_commands.py``
runs it whole); the other commands must find that row.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

DEMO = textwrap.dedent(
    """
    from przystan import cli

    def write_marker(*args, **kwargs):
        from django.db import connection
        with connection.cursor() as cursor:
            cursor.execute("CREATE TABLE IF NOT EXISTS cli_marker (written_by varchar(20))")
            cursor.execute("INSERT INTO cli_marker VALUES ('demo')")

    class Summary:
        def banner(self, url):
            return "banner"

    real_setup = cli._setup

    def setup_then_stand_in(*args):
        real_setup(*args)  # the command's own settings and database choice
        import django.core.management as management
        import przystan.demo.loader as loader
        import przystan.offices.enablement as enablement
        management.call_command = write_marker
        loader.load_demo = lambda stdout: Summary()
        enablement.assert_stored_enablements_valid = lambda: None

    cli._setup = setup_then_stand_in
    cli.main(["demo", "--no-serve"])
    """
)

READ_MARKER = (
    "from django.db import connection; cursor = connection.cursor(); "
    "cursor.execute('SELECT written_by FROM cli_marker'); print('marker:', cursor.fetchone()[0])"
)

PLUGINS = textwrap.dedent(
    f"""
    from przystan.cli import main
    main(["plugins"])
    {READ_MARKER}
    """
)


def run(var_dir: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(PRZYSTAN_VAR_DIR=str(var_dir), PYTHONPATH=f"{ROOT / 'platform'}{os.pathsep}{ROOT}")
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_plugins_and_manage_read_the_database_the_demo_wrote(tmp_path: Path) -> None:
    run(tmp_path, "-c", DEMO)
    databases = sorted(p.name for p in tmp_path.glob("*.sqlite3"))
    assert len(databases) == 1, databases

    assert "marker: demo" in run(tmp_path, "-c", PLUGINS)
    shell = run(tmp_path, "-m", "przystan.cli", "manage", "shell", "-c", READ_MARKER)
    assert "marker: demo" in shell
    assert sorted(p.name for p in tmp_path.glob("*.sqlite3")) == databases  # no second database appeared
