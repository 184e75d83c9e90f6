#!/bin/sh
# Makes `docker compose` answer on a host with only docker-compose v1: installs
# compose-v2-shim.sh as a Docker CLI plugin (system-wide as root, else for this user).
# Does nothing when `docker compose` works already or docker-compose is missing.
set -eu
if docker compose version >/dev/null 2>&1; then exit 0; fi
command -v docker-compose >/dev/null 2>&1 || { echo "install-compose-shim: no docker-compose (apt-get install docker-compose)" >&2; exit 1; }
if [ "$(id -u)" = 0 ]; then dir=/usr/local/lib/docker/cli-plugins; else dir=$HOME/.docker/cli-plugins; fi
mkdir -p "$dir"
install -m 0755 "$(dirname "$0")/compose-v2-shim.sh" "$dir/docker-compose"
echo "install-compose-shim: $dir/docker-compose -> $(command -v docker-compose) ($(docker compose version --short 2>/dev/null || docker compose version))"
