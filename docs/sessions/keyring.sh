set -a; . ./data/secrets.env; set +a
READ_TOKEN=$(curl -s -u "$VERIFIER_ADMIN_CLIENT_ID:$VERIFIER_ADMIN_CLIENT_SECRET" \
  -d grant_type=client_credentials -d 'scope=registry.admin registry.read' \
  http://localhost:9001/token | jq -r .access_token)
WEB=$(jq -r .client_id web.json)
curl -s -H "Authorization: Bearer $READ_TOKEN" "http://localhost:9002/clients/$WEB" | jq -r .secret_ciphertext | cut -d. -f1,2
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
curl -s -d grant_type=client_credentials -d scope=notes.read \
  -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
  --data-urlencode "client_assertion=$(client_assertion "$WEB" "$(jq -r .client_secret web-rotated.json)")" \
  http://localhost:9001/token | jq -c '{error, token_type, scope}'
