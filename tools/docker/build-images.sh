#!/usr/bin/env bash
# Builds every certgate image: the base images (or their offline stand-ins, see
# build-base-images.sh), then certgate/<service>:local from tools/docker/<service>.Dockerfile
# — the images docker-compose.yml runs. Safe to re-run: unchanged layers come from cache.
#
#   tools/docker/build-images.sh [--offline]
#
# Dependencies inside the image build: `npm ci` from the registry when a container can
# reach it; otherwise (no registry, or one behind a proxy whose CA only the host trusts)
# the host's installed node_modules are staged as .docker-deps/node_modules.tar (removed
# afterwards) and the Dockerfiles take them instead. CERTGATE_DOCKER_DEPS=registry|host
# forces one.
set -euo pipefail
cd "$(dirname "$0")/../.."
DOCKER=${DOCKER:-$(command -v /usr/bin/docker || command -v docker)}
NODE_IMAGE=${NODE_IMAGE:-node:20-bookworm-slim}
SERVICES=(identity keystore flow-runtime ingress console)
say() { echo "build-images: $*"; }
start=$(date +%s)

tools/docker/build-base-images.sh "$@"

deps=${CERTGATE_DOCKER_DEPS:-auto}
if [ "$deps" = auto ]; then
  deps=host
  if [[ " $* " != *" --offline "* ]] && timeout 30 "$DOCKER" run --rm "$NODE_IMAGE" \
       npm ping --fetch-retries=0 --fetch-timeout=10000 >/dev/null 2>&1; then
    deps=registry
  fi
fi
cleanup() { rm -rf .docker-deps; }
trap cleanup EXIT
if [ "$deps" = host ]; then
  [ -f node_modules/.package-lock.json ] || { echo "build-images: no registry from containers and no node_modules here: run npm install first" >&2; exit 1; }
  say "dependencies: this host's node_modules (a container cannot reach the npm registry)"
  # One tar file: the build context and the COPY cache key are read far faster than
  # the ~27,000 files themselves.
  rm -rf .docker-deps && mkdir .docker-deps
  tar -cf .docker-deps/node_modules.tar node_modules
else
  say "dependencies: npm registry"
fi

# The legacy builder of docker 20.10 (a newer client defaults to BuildKit, which this
# daemon may lack).
export DOCKER_BUILDKIT=${DOCKER_BUILDKIT:-0}
for service in "${SERVICES[@]}"; do
  t=$(date +%s)
  "$DOCKER" build -q --build-arg NODE_IMAGE="$NODE_IMAGE" -f "tools/docker/$service.Dockerfile" -t "certgate/$service:local" . >/dev/null
  say "certgate/$service:local ($(( $(date +%s) - t )) s, $("$DOCKER" image inspect -f '{{.Size}}' "certgate/$service:local" | awk '{printf "%.0f MB", $1/1e6}'))"
done
say "done in $(( $(date +%s) - start )) s"
