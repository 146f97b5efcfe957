set -a; . ./data/secrets.env; set +a
ADMIN_TOKEN=$(curl -s -u "$VERIFIER_ADMIN_CLIENT_ID:$VERIFIER_ADMIN_CLIENT_SECRET" \
  -d grant_type=client_credentials -d 'scope=registry.admin users.admin' \
  http://localhost:9001/token | jq -r .access_token)
b64url() { base64 | tr '+/' '-_' | tr -d '=\n'; }
#---
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out rp-key.pem 2>/dev/null
N=$(openssl rsa -in rp-key.pem -noout -modulus | cut -d= -f2 | xxd -r -p | b64url)
JWKS=$(jq -nc --arg n "$N" '{keys:[{kty:"RSA",use:"sig",alg:"RS256",kid:"rp-1",n:$n,e:"AQAB"}]}')
echo "$JWKS" | cut -c1-80
#---
jq -n --argjson jwks "$JWKS" '{client_name:"My web app", application_type:"web",
    redirect_uris:["http://localhost:8080/callback"],
    grant_types:["authorization_code","refresh_token","client_credentials"], response_types:["code"],
    token_endpoint_auth_method:"client_secret_jwt", token_endpoint_auth_signing_alg:"HS256",
    request_object_signing_alg:"RS256", request_uris:["http://localhost:8081/request.jwt"],
    jwks:$jwks, scope:"openid profile notes.read"}' > web-client.json
curl -s -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  --data @web-client.json http://localhost:9002/clients | tee web.json | jq 'del(.jwks)'
CLIENT_ID=$(jq -r .client_id web.json); CLIENT_SECRET=$(jq -r .client_secret web.json)
#---
client_assertion() {   # an HS256 JWT signed with the client secret (RFC 7523); $1: aud, default the token endpoint
  local now header claims aud=${1:-http://localhost:9001/token}
  now=$(date +%s)
  header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
  claims=$(jq -nc --arg c "$CLIENT_ID" --arg aud "$aud" --argjson now "$now" \
    --arg jti "$(head -c 16 /dev/urandom | b64url)" \
    '{iss:$c, sub:$c, aud:$aud, jti:$jti, iat:$now, exp:($now + 60)}' | b64url)
  printf '%s.%s.%s' "$header" "$claims" \
    "$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -hmac "$CLIENT_SECRET" -binary | b64url)"
}
ASSERTION=$(client_assertion)
curl -s -d grant_type=client_credentials -d scope=notes.read \
  -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
  --data-urlencode "client_assertion=$ASSERTION" http://localhost:9001/token | jq .
#---
curl -s -d grant_type=client_credentials -d scope=notes.read \
  -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
  --data-urlencode "client_assertion=$ASSERTION" http://localhost:9001/token | jq .
#---
CODE_VERIFIER=$(head -c 32 /dev/urandom | b64url)
CODE_CHALLENGE=$(printf '%s' "$CODE_VERIFIER" | openssl dgst -sha256 -binary | b64url)
STATE=$(head -c 16 /dev/urandom | b64url); NONCE=$(head -c 16 /dev/urandom | b64url)
request_object() {   # a request object signed RS256 with the registered key rp-1
  local now header claims
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"oauth-authz-req+jwt","kid":"rp-1"}' | b64url)
  claims=$(jq -nc --arg c "$CLIENT_ID" --argjson now "$now" --arg cc "$CODE_CHALLENGE" --arg st "$STATE" \
    --arg nonce "$NONCE" --arg jti "$(head -c 16 /dev/urandom | b64url)" \
    '{iss:$c, aud:"http://localhost:9000", client_id:$c, response_type:"code",
      redirect_uri:"http://localhost:8080/callback", scope:"openid profile notes.read", state:$st, nonce:$nonce,
      code_challenge:$cc, code_challenge_method:"S256", iat:$now, nbf:$now, exp:($now + 300), jti:$jti}' | b64url)
  printf '%s.%s.%s' "$header" "$claims" \
    "$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -sign rp-key.pem -binary | b64url)"
}
mkdir -p request-objects && request_object > request-objects/request.jwt
(cd request-objects && exec python3 -m http.server 8081 --bind 127.0.0.1 > /dev/null 2>&1) & SERVER=$!
sleep 1
#---
rm -f cookies.txt
curl -s -c cookies.txt -b cookies.txt -o login.html -w '%{http_code} %{redirect_url}\n' -G http://localhost:9000/authorize \
  --data-urlencode "client_id=$CLIENT_ID" --data-urlencode response_type=code --data-urlencode scope=openid \
  --data-urlencode request_uri=http://localhost:8081/request.jwt
grep -o '<h1>.*</h1>' login.html
kill $SERVER
#---
field() { grep -o "name=\"$1\" value=\"[^\"]*\"" "$2" | sed 's/.*value="\(.*\)"/\1/'; }
curl -s -c cookies.txt -b cookies.txt -o consent.html -w '%{http_code}\n' \
  --data-urlencode "interaction=$(field interaction login.html)" \
  --data-urlencode "csrf_token=$(field csrf_token login.html)" \
  --data-urlencode username=alice --data-urlencode 'password=correct horse battery staple' \
  http://localhost:9000/login
curl -s -c cookies.txt -b cookies.txt -o /dev/null -w '%{http_code} %{redirect_url}\n' \
  --data-urlencode "interaction=$(field interaction consent.html)" \
  --data-urlencode "csrf_token=$(field csrf_token consent.html)" --data-urlencode decision=approve \
  http://localhost:9000/consent | tee redirect.txt
CODE=$(grep -o 'code=[^& ]*' redirect.txt | cut -d= -f2)
#---
curl -s -d grant_type=authorization_code --data-urlencode "code=$CODE" \
  --data-urlencode redirect_uri=http://localhost:8080/callback --data-urlencode "code_verifier=$CODE_VERIFIER" \
  -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
  --data-urlencode "client_assertion=$(client_assertion)" http://localhost:9001/token | jq .
#---
CODE_VERIFIER=$(head -c 32 /dev/urandom | b64url)
CODE_CHALLENGE=$(printf '%s' "$CODE_VERIFIER" | openssl dgst -sha256 -binary | b64url)
STATE=$(head -c 16 /dev/urandom | b64url); NONCE=$(head -c 16 /dev/urandom | b64url)
curl -s -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
  --data-urlencode "client_assertion=$(client_assertion http://localhost:9000)" \
  --data-urlencode "request=$(request_object)" http://localhost:9000/par | tee par.json | jq .
#---
curl -s -c cookies.txt -b cookies.txt -o /dev/null -w '%{http_code} %{redirect_url}\n' -G http://localhost:9000/authorize \
  --data-urlencode "client_id=$CLIENT_ID" --data-urlencode "request_uri=$(jq -r .request_uri par.json)" | tee redirect.txt
CODE=$(grep -o 'code=[^& ]*' redirect.txt | cut -d= -f2)
curl -s -d grant_type=authorization_code --data-urlencode "code=$CODE" \
  --data-urlencode redirect_uri=http://localhost:8080/callback --data-urlencode "code_verifier=$CODE_VERIFIER" \
  -d client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer \
  --data-urlencode "client_assertion=$(client_assertion)" http://localhost:9001/token | jq -c '{token_type, scope, expires_in}'
curl -s -o error.html -w '%{http_code}\n' -G http://localhost:9000/authorize \
  --data-urlencode "client_id=$CLIENT_ID" --data-urlencode "request_uri=$(jq -r .request_uri par.json)"
grep -o '<p[^>]*>[^<]*</p>' error.html
#---
curl -s -o error.html -w '%{http_code}\n' -G http://localhost:9000/authorize \
  --data-urlencode response_type=code --data-urlencode "client_id=$CLIENT_ID" \
  --data-urlencode redirect_uri=http://localhost:8080/callback --data-urlencode 'scope=openid profile' \
  --data-urlencode "state=$STATE" --data-urlencode "code_challenge=$CODE_CHALLENGE" \
  --data-urlencode code_challenge_method=S256
grep -o '<p[^>]*>[^<]*</p>' error.html
#---
curl -s -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials -d scope=notes.read \
  http://localhost:9001/token | jq .
