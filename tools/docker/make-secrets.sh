#!/usr/bin/env bash
# Writes what docker-compose.yml reads from CERTGATE_SECRETS_DIR (default
# .certgate/docker): the master key (encrypts every private key at rest), the admin
# token, one NATS password per service, and auth.conf for the NATS server (those
# passwords plus the KV subjects of CERTGATE_TENANT, default `default`).
# Existing secrets are kept — a new master key would make every stored private key
# unreadable — so re-running it only rewrites auth.conf (e.g. for another tenant).
#
# The folder is 0700 (only its owner on the host gets in); the files inside are 0444
# because Compose bind-mounts them and the services run as uid 1000 in their containers.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${CERTGATE_SECRETS_DIR:-.certgate/docker}
tenant=${CERTGATE_TENANT:-default}
[[ "$tenant" =~ ^[a-z0-9]([a-z0-9-]{0,46}[a-z0-9])?$ ]] || { echo "make-secrets: bad CERTGATE_TENANT '$tenant'" >&2; exit 2; }
mkdir -p "$dir" && chmod 0700 "$dir"

secret() {
  local file=$dir/$1
  if [ ! -s "$file" ]; then
    (umask 077; head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$file")
    echo "make-secrets: wrote $file"
  fi
  chmod 0444 "$file"
}
secret master-key
secret admin-token
services=(identity keystore flow-runtime ingress console)
for s in "${services[@]}"; do secret "nats-$s.pass"; done

kv() { printf 'KV_%s: "$KV.certgate_%s_%s.>"\n' "$1" "$tenant" "$2"; }
{
  echo "# Written by tools/docker/make-secrets.sh for tenant '$tenant'; included by the NATS config."
  for s in "${services[@]}"; do
    var=$(echo "$s" | tr 'a-z-' 'A-Z_')_PASS
    printf '%s: "%s"\n' "$var" "$(cat "$dir/nats-$s.pass")"
  done
  kv IDENTITY identity; kv OPERATORS operators; kv KEYSTORE keystore; kv ALERT_STATE alert-state; kv FLOWS flows; kv INGRESS ingress
} >"$dir/auth.conf.new"
chmod 0444 "$dir/auth.conf.new" && mv -f "$dir/auth.conf.new" "$dir/auth.conf"
echo "make-secrets: $dir ready for tenant '$tenant'"
