"""The ``przystan`` command: ``demo``, ``plugins``, ``roles``, ``worker``, ``scheduler`` and ``manage`` (any Django command)."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys

DEMO_HOST = "127.0.0.1"
DEMO_PORT = 8000


def _setup(settings_module: str = "przystan.settings.dev") -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module)
    import django

    django.setup()


def cmd_demo(args: argparse.Namespace) -> int:
    # The database is the settings' one (DATABASE_URL, default: SQLite in PRZYSTAN_VAR_DIR), the same for
    # every command: `plugins`, `manage`, `worker` and `scheduler` read what the demo wrote.
    _setup()
    from django.core.management import call_command

    from przystan.demo.loader import load_demo
    from przystan.offices.enablement import assert_stored_enablements_valid

    print("Przystań demo: preparing the database…", flush=True)
    call_command("migrate", interactive=False, verbosity=0)
    summary = load_demo(stdout=sys.stdout)
    assert_stored_enablements_valid()
    url = f"http://{args.host}:{args.port}"
    print(summary.banner(url), flush=True)
    if args.no_serve:
        return 0
    # Notifications and other jobs go through the database task queue: run a worker beside the server,
    # and the scheduler for periodic jobs (slot generation, reconciliation, scheduled publishing).
    helpers = [
        subprocess.Popen([sys.executable, "-m", "przystan.cli", command], env=os.environ.copy())
        for command in ("worker", "scheduler")
    ]
    print(
        f"Background worker and scheduler started (pids {', '.join(str(h.pid) for h in helpers)}).",
        flush=True,
    )
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop the helpers too when terminated
    try:
        call_command("runserver", f"{args.host}:{args.port}", use_reloader=False, use_threading=True)
    finally:
        for helper in helpers:
            helper.terminate()
        for helper in helpers:
            helper.wait(timeout=10)
    return 0


def cmd_plugins(args: argparse.Namespace) -> int:
    _setup()
    from przystan.offices.models import Office, PluginEnablement
    from przystan.pluginsys.manager import get_plugin_system

    system = get_plugin_system()
    print("Installed plugins:")
    for slug in system.slugs:
        meta = system.plugins[slug]
        requires = f" (requires: {', '.join(meta.requires)})" if meta.requires else ""
        print(f"  {slug:<15} {meta.version:<8} {meta.name}{requires}")
        print(f"  {'':<15} {'':<8} {meta.description}")
    try:
        offices = list(Office.objects.order_by("code"))
    except Exception as exc:  # noqa: BLE001 - database not migrated yet
        print(f"\nPer-office enablement unavailable: {exc}")
        return 0
    print("\nPer-office enablement:")
    if not offices:
        print("  (no offices yet)")
    rows = {(row.office_id, row.plugin): row for row in PluginEnablement.objects.all()}
    for office in offices:
        states = []
        for slug in system.slugs:
            row = rows.get((office.pk, slug))
            states.append(f"{slug}={'on' if row and row.enabled else 'off'}")
        print(f"  {office.code:<15} {' '.join(states)}")
    return 0


def cmd_roles(args: argparse.Namespace) -> int:
    """Print the access policy: one row per role and resource, with its actions and scope."""
    _setup()
    from przystan.access.report import policy_text

    print(policy_text(markdown=args.markdown))
    return 0


def cmd_worker(args: argparse.Namespace) -> int:
    _setup(os.environ.get("DJANGO_SETTINGS_MODULE", "przystan.settings.dev"))
    from django.core.management import call_command

    options = list(args.rest)
    if not any(option.startswith("--queue-name") for option in options):
        options = ["--queue-name", "*", *options]  # every queue (default, notifications, plugins' own)
    call_command("db_worker", *options)
    return 0


def cmd_scheduler(args: argparse.Namespace) -> int:
    _setup(os.environ.get("DJANGO_SETTINGS_MODULE", "przystan.settings.dev"))
    from django.core.management import call_command

    call_command("run_periodic_jobs", *args.rest)
    return 0


def cmd_manage(args: argparse.Namespace) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "przystan.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["przystan manage", *args.rest])
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="przystan", description="Przystań platform command")
    sub = parser.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="create a demo database (SQLite), load demo data and serve it")
    demo.add_argument("--host", default=DEMO_HOST)
    demo.add_argument("--port", type=int, default=DEMO_PORT)
    demo.add_argument("--no-serve", action="store_true", help="prepare the demo and exit")
    demo.set_defaults(func=cmd_demo)
    plugins = sub.add_parser("plugins", help="list installed plugins and per-office enablement")
    plugins.set_defaults(func=cmd_plugins)
    roles = sub.add_parser(
        "roles", help="print the access policy (role × plugin × resource × action × scope)"
    )
    roles.add_argument("--markdown", action="store_true", help="as a Markdown table (for the README)")
    roles.set_defaults(func=cmd_roles)
    worker = sub.add_parser("worker", help="run the background task worker (db_worker)")
    worker.add_argument("rest", nargs=argparse.REMAINDER)
    worker.set_defaults(func=cmd_worker)
    scheduler = sub.add_parser("scheduler", help="run the periodic jobs when due (run_periodic_jobs)")
    scheduler.add_argument("rest", nargs=argparse.REMAINDER)
    scheduler.set_defaults(func=cmd_scheduler)
    manage = sub.add_parser("manage", help="run a Django management command")
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # options for `worker`/`manage` are passed on (argparse's REMAINDER misses leading ones)
        if not hasattr(args, "rest"):
            parser.error(f"unrecognized arguments: {' '.join(unknown)}")
        args.rest = [*args.rest, *unknown]
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
