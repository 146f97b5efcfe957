set -a; . ./data/secrets.env; set +a
ADMIN_TOKEN=$(curl -s -u "$VERIFIER_ADMIN_CLIENT_ID:$VERIFIER_ADMIN_CLIENT_SECRET" \
  -d grant_type=client_credentials -d 'scope=registry.admin users.admin' \
  http://localhost:9001/token | jq -r .access_token)
echo "$ADMIN_TOKEN"
#---
curl -s -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d '{"client_name":"My SPA","application_type":"web",
       "redirect_uris":["http://localhost:8080/callback"],
       "post_logout_redirect_uris":["http://localhost:8080/signed-out"],
       "grant_types":["authorization_code","refresh_token"],"response_types":["code"],
       "token_endpoint_auth_method":"none","scope":"openid profile email offline_access notes.read"}' \
  http://localhost:9002/clients | tee spa.json | jq .
CLIENT_ID=$(jq -r .client_id spa.json)
#---
curl -s -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
  -d '{"username":"alice","password":"correct horse battery staple","name":"Alice Example",
       "email":"alice@example.com","email_verified":true}' \
  http://localhost:9000/admin/users | jq .
#---
b64url() { base64 | tr '+/' '-_' | tr -d '=\n'; }
CODE_VERIFIER=$(head -c 32 /dev/urandom | b64url)
CODE_CHALLENGE=$(printf '%s' "$CODE_VERIFIER" | openssl dgst -sha256 -binary | b64url)
STATE=$(head -c 16 /dev/urandom | b64url)
NONCE=$(head -c 16 /dev/urandom | b64url)
echo "verifier=$CODE_VERIFIER challenge=$CODE_CHALLENGE"
#---
rm -f cookies.txt
curl -s -c cookies.txt -b cookies.txt -o login.html -w '%{http_code} %{content_type}\n' \
  -G http://localhost:9000/authorize \
  --data-urlencode response_type=code --data-urlencode "client_id=$CLIENT_ID" \
  --data-urlencode redirect_uri=http://localhost:8080/callback \
  --data-urlencode 'scope=openid profile email offline_access notes.read' \
  --data-urlencode "state=$STATE" --data-urlencode "nonce=$NONCE" \
  --data-urlencode "code_challenge=$CODE_CHALLENGE" --data-urlencode code_challenge_method=S256
grep -o '<h1>.*</h1>' login.html
#---
field() { grep -o "name=\"$1\" value=\"[^\"]*\"" "$2" | sed 's/.*value="\(.*\)"/\1/'; }
curl -s -c cookies.txt -b cookies.txt -o consent.html -w '%{http_code}\n' \
  --data-urlencode "interaction=$(field interaction login.html)" \
  --data-urlencode "csrf_token=$(field csrf_token login.html)" \
  --data-urlencode username=alice --data-urlencode 'password=correct horse battery staple' \
  http://localhost:9000/login
grep -o '<li>[^<]*</li>' consent.html
#---
curl -s -c cookies.txt -b cookies.txt -o /dev/null -w '%{http_code} %{redirect_url}\n' \
  --data-urlencode "interaction=$(field interaction consent.html)" \
  --data-urlencode "csrf_token=$(field csrf_token consent.html)" \
  --data-urlencode decision=approve \
  http://localhost:9000/consent | tee redirect.txt
CODE=$(grep -o 'code=[^& ]*' redirect.txt | cut -d= -f2)
#---
curl -s -d grant_type=authorization_code --data-urlencode "code=$CODE" \
  --data-urlencode redirect_uri=http://localhost:8080/callback \
  --data-urlencode "client_id=$CLIENT_ID" --data-urlencode "code_verifier=$CODE_VERIFIER" \
  http://localhost:9001/token | tee tokens.json | jq .
ACCESS_TOKEN=$(jq -r .access_token tokens.json)
REFRESH_TOKEN=$(jq -r .refresh_token tokens.json)
#---
jwt_part() { cut -d. -f"$2" <<< "$1" | tr '_-' '/+' | base64 -d 2>/dev/null; echo; }
jwt_part "$ACCESS_TOKEN" 1 | jq -c .
jwt_part "$ACCESS_TOKEN" 2 | jq .
jwt_part "$(jq -r .id_token tokens.json)" 2 | jq -c '{iss, aud, sub, nonce, azp, at_hash, auth_time}'
#---
curl -s -H "Authorization: Bearer $ACCESS_TOKEN" http://localhost:9003/api/me | jq .
curl -s -H "Authorization: Bearer $ACCESS_TOKEN" http://localhost:9000/userinfo | jq .
#---
curl -s -d grant_type=refresh_token --data-urlencode "refresh_token=$REFRESH_TOKEN" \
  --data-urlencode "client_id=$CLIENT_ID" http://localhost:9001/token | tee refreshed.json | jq 'del(.id_token)'
#---
curl -s -d grant_type=refresh_token --data-urlencode "refresh_token=$REFRESH_TOKEN" \
  --data-urlencode "client_id=$CLIENT_ID" http://localhost:9001/token | jq .
curl -s -d grant_type=refresh_token --data-urlencode "refresh_token=$(jq -r .refresh_token refreshed.json)" \
  --data-urlencode "client_id=$CLIENT_ID" http://localhost:9001/token | jq .
#---
curl -s -o /dev/null -w '%{http_code}\n' --data-urlencode "token=$(jq -r .refresh_token refreshed.json)" \
  --data-urlencode token_type_hint=refresh_token --data-urlencode "client_id=$CLIENT_ID" http://localhost:9001/revoke
#---
jwt_part "$(jq -r .id_token tokens.json)" 2 | jq -c '{sub, sid}'
curl -s -c cookies.txt -b cookies.txt -o /dev/null -w '%{http_code} %{redirect_url}\n' \
  -G http://localhost:9000/logout \
  --data-urlencode "id_token_hint=$(jq -r .id_token tokens.json)" \
  --data-urlencode post_logout_redirect_uri=http://localhost:8080/signed-out \
  --data-urlencode state=bye-123
#---
curl -s -c cookies.txt -b cookies.txt -o /dev/null -w '%{http_code} %{redirect_url}\n' \
  -G http://localhost:9000/authorize \
  --data-urlencode response_type=code --data-urlencode "client_id=$CLIENT_ID" \
  --data-urlencode redirect_uri=http://localhost:8080/callback --data-urlencode scope=openid \
  --data-urlencode "state=$STATE" --data-urlencode "nonce=$NONCE" --data-urlencode prompt=none \
  --data-urlencode "code_challenge=$CODE_CHALLENGE" --data-urlencode code_challenge_method=S256
#---
curl -s -d grant_type=authorization_code --data-urlencode "code=$CODE" \
  --data-urlencode redirect_uri=http://localhost:8080/callback \
  --data-urlencode "client_id=$CLIENT_ID" --data-urlencode "code_verifier=$CODE_VERIFIER" \
  http://localhost:9001/token | jq .
