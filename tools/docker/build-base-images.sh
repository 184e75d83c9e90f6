#!/usr/bin/env bash
# Makes the base images the Dockerfiles and docker-compose.yml name — node:20-bookworm-slim
# and a NATS image (certgate/nats:local, also tagged nats:2.10-alpine) — so that the very
# same files build and run on a host that cannot pull from a registry.
#
#   tools/docker/build-base-images.sh            pull when a registry answers, else build stand-ins
#   tools/docker/build-base-images.sh --offline  build stand-ins without trying to pull
#   tools/docker/build-base-images.sh --force    rebuild stand-ins that already exist
#                                     (--force=nats or --force=node: only that one)
#
# Stand-ins: the Node image is Debian bookworm (debootstrap --variant=minbase, ~35 s) with
# this host's `node` and npm copied in and a `node` user (uid 1000) as in the official
# image; the NATS image is Debian's nats-server binary with only the files `ldd` lists,
# its entrypoint the server itself (Testcontainers' NATS module passes server flags), plus
# a static busybox for `wget`, the healthcheck the official alpine image also allows.
# Needs root (debootstrap), debootstrap, nats-server, node and apt-get on this host.
set -euo pipefail

NODE_IMAGE=${NODE_IMAGE:-node:20-bookworm-slim}
NATS_IMAGE=${CERTGATE_NATS_IMAGE:-certgate/nats:local}
NATS_COMPAT_TAG=${NATS_COMPAT_TAG:-nats:2.10-alpine}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# docker 20.10's own client matches the daemon Debian ships; a newer client on PATH needs
# DOCKER_BUILDKIT=0 for `docker build`.
DOCKER=${DOCKER:-$(command -v /usr/bin/docker || command -v docker)}
offline=false force_node=false force_nats=false
for arg in "$@"; do
  case "$arg" in
    --offline) offline=true ;;
    --force) force_node=true force_nats=true ;;
    --force=node) force_node=true ;;
    --force=nats) force_nats=true ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

say() { echo "build-base-images: $*"; }
have_image() { "$DOCKER" image inspect "$1" >/dev/null 2>&1; }
try_pull() { ! $offline && timeout 30 "$DOCKER" pull -q "$1" >/dev/null 2>&1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Copies a binary and every library it loads (paths as `ldd` prints them) into a root.
copy_with_libs() {
  local root=$1 bin=$2 dest=$3
  install -D -m 0755 "$bin" "$root$dest"
  ldd "$bin" | grep -oE '/[^ ]+' | sort -u | while read -r lib; do
    install -D -m 0755 "$(readlink -f "$lib")" "$root$lib"
  done
}

build_node() {
  local node_bin npm_dir root=$work/node-root
  node_bin=$(readlink -f "$(command -v node)")
  npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  say "debootstrap --variant=minbase bookworm ($MIRROR)"
  debootstrap --variant=minbase bookworm "$root" "$MIRROR" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  # What the official slim image also leaves out: docs, man pages, apt lists and caches.
  rm -rf "$root"/usr/share/{doc,man,info,locale}/* "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/* \
         "$root"/var/cache/debconf/*-old "$root"/var/log/*.log "$root"/var/log/apt/*
  install -m 0755 "$node_bin" "$root/usr/local/bin/node"
  mkdir -p "$root/usr/local/lib/node_modules"
  cp -a "$npm_dir" "$root/usr/local/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
  # The official image's user: uid/gid 1000, home /home/node.
  chroot "$root" groupadd --gid 1000 node
  chroot "$root" useradd --uid 1000 --gid node --shell /bin/bash --create-home node
  tar -C "$root" --numeric-owner -c . | "$DOCKER" import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c "ENV NODE_VERSION=$("$node_bin" -p 'process.versions.node')" \
    -c 'CMD ["node"]' \
    -m "stand-in for $NODE_IMAGE: debootstrap minbase bookworm + host node $("$node_bin" -v)" \
    - "$NODE_IMAGE" >/dev/null
}

build_nats() {
  local bin root=$work/nats-root
  bin=$(command -v nats-server || echo /usr/sbin/nats-server)
  [ -x "$bin" ] || { echo "nats-server not found (apt-get install nats-server)" >&2; exit 1; }
  # /nats-server as in the official images.
  copy_with_libs "$root" "$(readlink -f "$bin")" /nats-server
  mkdir -p "$root/usr/sbin" "$root/etc" "$root/tmp" "$root/data"
  ln -s /nats-server "$root/usr/sbin/nats-server"
  chmod 1777 "$root/tmp"
  # busybox-static, unpacked without installing it here: `wget` for the healthcheck.
  (cd "$work" && apt-get download -q busybox-static >/dev/null 2>&1) \
    || { apt-get update -qq >/dev/null 2>&1 && (cd "$work" && apt-get download -q busybox-static >/dev/null); }
  dpkg-deb -x "$work"/busybox-static_*.deb "$work/busybox"
  mkdir -p "$root/bin"
  install -m 0755 "$work/busybox/bin/busybox" "$root/bin/busybox"
  for applet in sh wget; do ln -s busybox "$root/bin/$applet"; done
  printf 'root:x:0:0:root:/:/nats-server\nnats:x:1000:1000:nats:/data:/nats-server\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnats:x:1000:\n' >"$root/etc/group"
  tar -C "$root" --numeric-owner --owner=0 --group=0 -c . | "$DOCKER" import \
    -c 'ENTRYPOINT ["/nats-server"]' -c 'CMD ["--jetstream"]' -c 'EXPOSE 4222 6222 8222' \
    -m "stand-in for nats: Debian nats-server $("$bin" --version | awk '{print $2}')" \
    - "$NATS_IMAGE" >/dev/null
}

start=$(date +%s)
if have_image "$NODE_IMAGE" && ! $force_node; then
  say "$NODE_IMAGE present"
elif try_pull "$NODE_IMAGE"; then
  say "pulled $NODE_IMAGE"
else
  build_node
  say "built stand-in $NODE_IMAGE ($(( $(date +%s) - start )) s)"
fi

if have_image "$NATS_IMAGE" && ! $force_nats; then
  say "$NATS_IMAGE present"
elif try_pull "$NATS_COMPAT_TAG"; then
  "$DOCKER" tag "$NATS_COMPAT_TAG" "$NATS_IMAGE"
  say "pulled $NATS_COMPAT_TAG as $NATS_IMAGE"
else
  build_nats
  say "built stand-in $NATS_IMAGE"
fi
# docker-compose.yml names nats:2.10-alpine: point it at the stand-in, unless it is a
# real (pulled) image.
if ! have_image "$NATS_COMPAT_TAG" || [[ "$("$DOCKER" image inspect -f '{{.Comment}}' "$NATS_COMPAT_TAG")" == stand-in* ]]; then
  "$DOCKER" tag "$NATS_IMAGE" "$NATS_COMPAT_TAG"
fi
say "done in $(( $(date +%s) - start )) s: $("$DOCKER" image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E "^($NODE_IMAGE|$NATS_IMAGE|$NATS_COMPAT_TAG) " | tr '\n' ' ')"
