# shellcheck shell=bash
# Functions that install what Przystań needs on a machine with only Python 3.12 and Debian tools.

find_python312() {
  local candidate
  for candidate in "${PRZYSTAN_PYTHON:-}" python3.12 /usr/bin/python3.12 /usr/local/bin/python3.12 \
                   "$HOME"/.pyenv/versions/3.12*/bin/python3.12; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 12)' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  echo "Przystań needs Python 3.12 (python3.12 not found on PATH)." >&2
  return 1
}

ensure_python_env() {
  export UV_PYTHON_DOWNLOADS=never
  local python stamp
  python="$(find_python312)"
  if [ ! -x .tools/bin/uv ]; then
    echo "Installing uv into .tools/ …" >&2
    "$python" -m venv .tools
    .tools/bin/pip install --quiet --disable-pip-version-check uv
  fi
  stamp=".venv/.przystan-lock-$(sha256sum uv.lock pyproject.toml | sha256sum | cut -c1-16)"
  if [ ! -e "$stamp" ]; then
    echo "Installing Python dependencies (uv sync --frozen) …" >&2
    .tools/bin/uv sync --frozen --extra dev --python "$python" --quiet
    rm -f .venv/.przystan-lock-*
    touch "$stamp"
  fi
}

ensure_system_packages() {
  # Debian packages used by the tests: Chromium (Playwright drives it), zbar (barcode decoding),
  # poppler-utils (pdftotext/pdftoppm), gettext (msgfmt), DejaVu fonts.
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
  [ -e /usr/lib/x86_64-linux-gnu/libzbar.so.0 ] || [ -n "$(ls /usr/lib/*/libzbar.so.0 2>/dev/null)" ] || missing+=(libzbar0)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]} — install them with: sudo apt-get install ${missing[*]}" >&2
    return 1
  fi
  echo "Installing Debian packages: ${missing[*]} …" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
