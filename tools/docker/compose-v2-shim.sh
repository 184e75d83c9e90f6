#!/bin/sh
# `docker compose` (v2) for a host that only has docker-compose v1 (Debian's 1.29): a
# Docker CLI plugin that hands every command to docker-compose. Tools that call v2, such
# as Testcontainers' DockerComposeEnvironment, then work unchanged; docker-compose.yml
# is written for both. Installed by tools/docker/install-compose-shim.sh.
if [ "$1" = docker-cli-plugin-metadata ]; then
  printf '{"SchemaVersion":"0.1.0","Vendor":"certgate","Version":"v1-shim","ShortDescription":"docker-compose v1 behind docker compose"}\n'
  exit 0
fi
# The CLI calls a plugin as `<plugin> compose <args>`.
[ "$1" = compose ] && shift
for v1 in /usr/bin/docker-compose /usr/local/bin/docker-compose; do
  [ -x "$v1" ] && exec "$v1" "$@"
done
echo "docker compose shim: docker-compose (v1) not found" >&2
exit 127
