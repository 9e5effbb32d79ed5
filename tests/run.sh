#!/usr/bin/env bash
# Install what the tests need on a fresh machine, then run every check: lint, types, the whole suite.
# This is the README's test command; .ci/run calls it as it is.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -e ".[test]"

if ! command -v "${MAPGEN_CHROMIUM:-/usr/bin/chromium}" >/dev/null 2>&1; then
  echo "tests/run.sh: installing Debian's chromium for the browser tests"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

python3 -m ruff check mapgen tests geodata
python3 -m ruff format --check mapgen tests geodata
python3 -m mypy
python3 -m pytest "$@"
