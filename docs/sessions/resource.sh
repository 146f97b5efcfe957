set -a; . ./data/secrets.env; set +a
ADMIN_TOKEN=$(curl -s -u "$VERIFIER_ADMIN_CLIENT_ID:$VERIFIER_ADMIN_CLIENT_SECRET" \
  -d grant_type=client_credentials -d 'scope=registry.admin users.admin' \
  http://localhost:9001/token | jq -r .access_token)
curl -s -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d '{"client_name":"Notes API","grant_types":["client_credentials"],
       "token_endpoint_auth_method":"client_secret_basic","scope":"notes.read",
       "introspection_audiences":["http://localhost:9003"]}' \
  http://localhost:9002/clients > notes-api.json
RS_ID=$(jq -r .client_id notes-api.json); RS_SECRET=$(jq -r .client_secret notes-api.json)
TOKEN=$(curl -s -u "$RS_ID:$RS_SECRET" -d grant_type=client_credentials -d scope=notes.read \
  http://localhost:9001/token | jq -r .access_token)
cut -d. -f2 <<< "$TOKEN" | tr '_-' '/+' | base64 -d 2>/dev/null | jq -c '{iss, aud, scope, client_id}'
#---
curl -s http://localhost:9000/.well-known/openid-configuration | jq -c '{issuer, jwks_uri}'
curl -s http://localhost:9001/jwks | jq -c '.keys[0] | {kty, kid, alg, use}'
#---
curl -s -w ' %{http_code}\n' -H "Authorization: Bearer $TOKEN" http://localhost:9003/api/notes
curl -s -w ' %{http_code}\n' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"text":"hello"}' http://localhost:9003/api/notes
#---
curl -s -w ' %{http_code}\n' -H "Authorization: Bearer $TOKEN" http://localhost:9002/clients/$RS_ID
#---
curl -s -w ' %{http_code}\n' -H "Authorization: Bearer $(jq -r .id_token tokens.json)" http://localhost:9003/api/me
#---
curl -s -u "$RS_ID:$RS_SECRET" --data-urlencode "token=$TOKEN" http://localhost:9001/introspect | jq .
curl -s -o /dev/null -w '%{http_code}\n' -u "$RS_ID:$RS_SECRET" --data-urlencode "token=$TOKEN" \
  http://localhost:9001/revoke
curl -s -u "$RS_ID:$RS_SECRET" --data-urlencode "token=$TOKEN" http://localhost:9001/introspect | jq .
curl -s -w ' %{http_code}\n' -H "Authorization: Bearer $TOKEN" http://localhost:9003/api/notes
