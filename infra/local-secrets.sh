#!/usr/bin/env bash
# Sourced by the launchers: secrets from the environment first, else generated once into a file (mode 600) and kept.
# load_local_secrets FILE exports VERIFIER_SECRETS_KEY, VERIFIER_ADMIN_CLIENT_ID / _SECRET,
# VERIFIER_AUTHORIZE_CLIENT_ID / _SECRET and VERIFIER_EVENT_KEYS.

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
  # secrets added by later releases are appended to an existing file (it keeps its other values)
  grep -q '^VERIFIER_AUTHORIZE_CLIENT_ID=' "$file" || {
    echo "VERIFIER_AUTHORIZE_CLIENT_ID=authorize-service"
    echo "VERIFIER_AUTHORIZE_CLIENT_SECRET=$(random_b64url)"
  } >> "$file"
  grep -q '^VERIFIER_EVENT_KEYS=' "$file" || echo "VERIFIER_EVENT_KEYS=ev1:$(random_b64url)" >> "$file"
  while IFS='=' read -r key value; do
    [ -n "$key" ] || continue
    if [ -z "${!key:-}" ]; then export "$key=$value"; fi
  done < "$file"
}

# least privilege: each service gets only the secrets it needs (the bootstrap admin secret only client-registry,
# authorize-service's client secret client-registry and authorize-service, the event keys authorize and token)
unset_for() {
  case $1 in
    client-registry) echo "-u VERIFIER_EVENT_KEYS" ;;
    token-service) echo "-u VERIFIER_ADMIN_CLIENT_ID -u VERIFIER_ADMIN_CLIENT_SECRET -u VERIFIER_AUTHORIZE_CLIENT_ID -u VERIFIER_AUTHORIZE_CLIENT_SECRET" ;;
    authorize-service) echo "-u VERIFIER_ADMIN_CLIENT_ID -u VERIFIER_ADMIN_CLIENT_SECRET" ;;
    *) echo "-u VERIFIER_ADMIN_CLIENT_ID -u VERIFIER_ADMIN_CLIENT_SECRET -u VERIFIER_AUTHORIZE_CLIENT_ID -u VERIFIER_AUTHORIZE_CLIENT_SECRET -u VERIFIER_EVENT_KEYS" ;;
  esac
}
