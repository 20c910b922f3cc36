#!/usr/bin/env bash
# Installs the npm dependencies when they are missing or older than the lockfile.
#
# `npm install --no-save` rather than `npm ci`: the lockfile pins every version, but some
# registries do not serve the other platforms' optional binaries (SWC's darwin and win32
# builds, for instance), and `npm ci` then refuses a lockfile that lacks them, while
# `npm install` installs exactly the locked versions and skips what this platform does not need.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  echo "Installing npm dependencies..."
  npm install --no-save --no-audit --no-fund --loglevel=error
fi
