# Sourced by scripts/start and scripts/test: make .venv with the locked dependencies.
# Needs only Python 3.11+ with venv and pip. Re-installs only when the lock file changes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "LEMS Companion needs Python 3.11 or newer; set PYTHON=/path/to/python3.11" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  echo "Creating .venv ..." >&2
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.lems-installed
wanted=$(cat requirements.lock pyproject.toml | "$PYTHON" -c 'import hashlib,sys; print(hashlib.sha256(sys.stdin.buffer.read()).hexdigest())')
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
  echo "Installing the locked dependencies (first run takes a minute or two) ..." >&2
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  # The lock pins every package, development tools included; the app itself goes in editable.
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
  echo "$wanted" > "$stamp"
fi
