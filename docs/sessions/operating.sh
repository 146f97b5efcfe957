for port in 9000 9001 9002 9003; do
  curl -s "http://localhost:$port/health/readiness" | jq -c '{name, status, db: .details.jdbc.status, kafka: .details.kafka.status}'
done
#---
curl -s http://localhost:9001/health | jq -c '{status, checks: (.details | map_values(.status))}'
curl -s http://localhost:9001/prometheus | grep -E '^verifier_' | head -8
#---
set -a; . ./data/secrets.env; set +a
KEYS_TOKEN=$(curl -s -u "$VERIFIER_ADMIN_CLIENT_ID:$VERIFIER_ADMIN_CLIENT_SECRET" \
  -d grant_type=client_credentials -d scope=keys.admin http://localhost:9001/token | jq -r .access_token)
cut -d. -f2 <<< "$KEYS_TOKEN" | tr '_-' '/+' | base64 -d 2>/dev/null | jq -c '{aud, scope}'
ADMIN_TOKEN=$(curl -s -u "$VERIFIER_ADMIN_CLIENT_ID:$VERIFIER_ADMIN_CLIENT_SECRET" \
  -d grant_type=client_credentials -d 'scope=registry.admin users.admin' \
  http://localhost:9001/token | jq -r .access_token)
#---
curl -s http://localhost:9001/jwks | jq -c '.keys[] | {kid, alg, use}'
#---
curl -s -X POST -H "Authorization: Bearer $KEYS_TOKEN" http://localhost:9001/admin/keys/rotate | jq .
#---
curl -s http://localhost:9001/jwks | jq -c '.keys[] | {kid, alg, use}'
#---
COMPROMISED=$(curl -s http://localhost:9001/jwks | jq -r '.keys[] | select(.alg == "RS256") | .kid' | head -1)
curl -s -X POST -H "Authorization: Bearer $KEYS_TOKEN" "http://localhost:9001/admin/keys/$COMPROMISED/revoke" \
  | jq -c '.keys[] | {kid, alg, state}'
curl -s http://localhost:9001/jwks | jq -r '.keys[].kid' | grep -c "^$COMPROMISED$"
#---
WEB=$(jq -r .client_id web.json)
curl -s -X POST -H "Authorization: Bearer $ADMIN_TOKEN" "http://localhost:9002/clients/$WEB/secret" \
  | tee web-rotated.json | jq '{client_id, client_secret, client_secret_expires_at}'
#---
b64url() { base64 | tr '+/' '-_' | tr -d '=\n'; }
client_assertion() {   # client_assertion CLIENT_ID SECRET: an HS256 client_secret_jwt assertion
  local now header claims
  now=$(date +%s)
  header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
  claims=$(jq -nc --arg c "$1" --argjson now "$now" --arg jti "$(head -c 16 /dev/urandom | b64url)" \
    '{iss:$c, sub:$c, aud:"http://localhost:9001/token", jti:$jti, iat:$now, exp:($now + 60)}' | b64url)
  printf '%s.%s.%s' "$header" "$claims" \
    "$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -hmac "$2" -binary | b64url)"
}
for secret in "$(jq -r .client_secret web.json)" "$(jq -r .client_secret web-rotated.json)"; do
  curl -s -d grant_type=client_credentials -d scope=notes.read \
    -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
    --data-urlencode "client_assertion=$(client_assertion "$WEB" "$secret")" \
    http://localhost:9001/token | jq -c '{error, token_type, scope}'
done
