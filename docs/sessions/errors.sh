set -a; . ./data/secrets.env; set +a
ADMIN_TOKEN=$(curl -s -u "$VERIFIER_ADMIN_CLIENT_ID:$VERIFIER_ADMIN_CLIENT_SECRET" \
  -d grant_type=client_credentials -d 'scope=registry.admin users.admin' \
  http://localhost:9001/token | jq -r .access_token)
SPA=$(jq -r .client_id spa.json)
#---
curl -s -o error.html -w '%{http_code}\n' \
  'http://localhost:9000/authorize?response_type=code&client_id=no-such-client&redirect_uri=http://localhost:8080/callback'
grep -o '<p[^>]*>[^<]*</p>' error.html
#---
curl -s -o /dev/null -w '%{http_code} %{redirect_url}\n' \
  "http://localhost:9000/authorize?response_type=code&client_id=$SPA&redirect_uri=http://localhost:8080/callback&scope=openid&state=s1"
#---
curl -s -i -d grant_type=password -d client_id=$SPA http://localhost:9001/token | grep -i -E '^HTTP|^cache-control|^\{'
#---
curl -s -i -u "$VERIFIER_ADMIN_CLIENT_ID:wrong-secret" -d grant_type=client_credentials \
  http://localhost:9001/token | grep -i -E '^HTTP|^www-authenticate|^\{'
#---
curl -s -i http://localhost:9003/api/me | grep -i -E '^HTTP|^www-authenticate|^\{'
curl -s -i -H "Authorization: Bearer $ADMIN_TOKEN" http://localhost:9003/api/me | grep -i -E '^HTTP|^www-authenticate|^\{'
#---
curl -s -i -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d '{"client_name":"bad","redirect_uris":["http://app.example.com/cb"],"token_endpoint_auth_method":"none"}' \
  http://localhost:9002/clients | grep -i -E '^HTTP|^\{'
curl -s -i -H "Authorization: Bearer $ADMIN_TOKEN" http://localhost:9002/clients/no-such-client | grep -i -E '^HTTP|^\{'
#---
curl -s -i -X POST http://localhost:9001/admin/keys/rotate | grep -i -E '^HTTP|^www-authenticate|^\{'
curl -s -i -X POST -H "Authorization: Bearer $ADMIN_TOKEN" http://localhost:9001/admin/keys/rotate | grep -i -E '^HTTP|^\{'
#---
curl -s -i --data-urlencode "token=$ADMIN_TOKEN" --data-urlencode "client_id=$SPA" \
  http://localhost:9001/introspect | grep -i -E '^HTTP|^\{'
#---
curl -s -i -d client_id=no-such-client -d response_type=code http://localhost:9000/par | grep -i -E '^HTTP|^\{'
