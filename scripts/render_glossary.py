"""Write docs/glossary/README.md from docs/glossary/terms.toml (tests/test_glossary.py checks it is current).

Usage: python scripts/render_glossary.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1] / "platform")]

from przystan.testing.glossary import README_FILE, render_markdown  # noqa: E402


def main() -> None:
    README_FILE.write_text(render_markdown(), encoding="utf-8")
    print(f"wrote {README_FILE}")


if __name__ == "__main__":
    main()
