#!/bin/sh
# Runs a command after making sure node_modules is installed (fresh clone).
# `npm ci` can fail here when the lockfile lists optional packages for other
# platforms that the registry does not carry; `npm install` then works and
# leaves the lockfile unchanged.
set -e
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ]; then
  echo "certgate: installing dependencies (first run)..." >&2
  npm ci --no-audit --no-fund || npm install --no-audit --no-fund
fi
export PATH="$PWD/node_modules/.bin:$PATH" NX_NO_CLOUD=true NX_DAEMON=false NX_USE_LOCAL=true
# exec: the command takes this shell's place, so a signal sent to it reaches the command
# and its exit status is the command's. (npm's own `sh -c` above does not exec: see
# docs/operations.md, "Stopping".)
exec "$@"
