#!/usr/bin/env bash
# Sourced by the launchers: secrets from the environment first, else generated once into a file (mode 600) and kept.
# load_local_secrets FILE exports VERIFIER_SECRETS_KEY, VERIFIER_ADMIN_CLIENT_ID and VERIFIER_ADMIN_CLIENT_SECRET.

random_b64url() { head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }

load_local_secrets() {
  local file=$1 key value
  if [ ! -f "$file" ]; then
    umask 077
    {
      echo "VERIFIER_SECRETS_KEY=local1:$(random_b64url)"
      echo "VERIFIER_ADMIN_CLIENT_ID=verifier-admin"
      echo "VERIFIER_ADMIN_CLIENT_SECRET=$(random_b64url)"
    } > "$file"
    chmod 600 "$file"
    umask 022
  fi
  while IFS='=' read -r key value; do
    [ -n "$key" ] || continue
    if [ -z "${!key:-}" ]; then export "$key=$value"; fi
  done < "$file"
}
