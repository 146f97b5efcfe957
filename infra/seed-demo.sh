#!/usr/bin/env bash
# Sourced by run-local.sh: registers resource-api as an API (its scopes notes.read and notes.write), the demo SPA's
# public client and a demo user through the real admin APIs, once.
# Needs client-registry, token-service and authorize-service up, and VERIFIER_ADMIN_CLIENT_ID/SECRET.
# Sets DEMO_CLIENT_ID, DEMO_USERNAME, DEMO_PASSWORD (kept in the file given to seed_demo).

json_field() { # json_field NAME < json  -> the string value of the first "NAME":"value"
  grep -o "\"$1\" *: *\"[^\"]*\"" | head -n 1 | sed 's/.*: *"\(.*\)"/\1/'
}

admin_token() {
  curl -fsS -u "$VERIFIER_ADMIN_CLIENT_ID:$VERIFIER_ADMIN_CLIENT_SECRET" \
    -d grant_type=client_credentials -d "scope=registry.admin users.admin" \
    http://localhost:9001/token | json_field access_token
}

# resource-api's API (identifier http://localhost:9003) unless it is registered already: clients may hold its scopes
seed_resource_api() {
  local token=$1
  if curl -fsS -H "Authorization: Bearer $token" "http://localhost:9002/apis?identifier=http://localhost:9003" \
      | grep -q '"id"'; then
    return 0
  fi
  curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H "Content-Type: application/json" -d '{
    "identifier":"http://localhost:9003","name":"resource-api (sample notes)",
    "scopes":[{"value":"notes.read","description":"Read your notes"},
              {"value":"notes.write","description":"Write notes"}],
    "allow_client_credentials":true,"allow_user_tokens":true}' http://localhost:9002/apis \
    || { echo "could not register resource-api as an API" >&2; return 1; }
}

seed_demo() {
  local file=$1
  local token
  token=$(admin_token) || { echo "could not get an admin token from token-service" >&2; return 1; }
  seed_resource_api "$token" || return 1
  if [ -f "$file" ]; then
    # shellcheck source=/dev/null
    . "$file"
    local existing
    if existing=$(curl -fsS -H "Authorization: Bearer $token" "http://localhost:9002/clients/$DEMO_CLIENT_ID"); then
      # registered before the demo logged out through the end_session_endpoint: register it again
      if printf '%s' "$existing" | grep -q post_logout_redirect_uris; then
        return 0
      fi
      echo "The demo client in $file has no post_logout_redirect_uris; registering it again."
    else
      echo "The demo client in $file is gone; registering it again."
    fi
  fi
  local client user
  client=$(curl -fsS -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
    -d '{"client_name":"Verifier demo SPA","application_type":"web",
         "redirect_uris":["http://localhost:9003/demo/"],
         "post_logout_redirect_uris":["http://localhost:9003/demo/"],
         "grant_types":["authorization_code","refresh_token"],"response_types":["code"],
         "token_endpoint_auth_method":"none","scope":"openid profile email offline_access notes.read"}' \
    http://localhost:9002/clients) || { echo "could not register the demo client" >&2; return 1; }
  DEMO_CLIENT_ID=$(printf '%s' "$client" | json_field client_id)
  DEMO_USERNAME=demo
  DEMO_PASSWORD=$(head -c 12 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
  curl -fsS -o /dev/null -X DELETE -H "Authorization: Bearer $token" \
    "http://localhost:9000/admin/users/$DEMO_USERNAME" 2>/dev/null || true
  user=$(curl -fsS -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
    -d "{\"username\":\"$DEMO_USERNAME\",\"password\":\"$DEMO_PASSWORD\",\"name\":\"Demo User\",
         \"given_name\":\"Demo\",\"family_name\":\"User\",\"email\":\"demo@example.com\",\"email_verified\":true}" \
    http://localhost:9000/admin/users) || { echo "could not create the demo user" >&2; return 1; }
  [ -n "$user" ] || true
  umask 077
  printf 'DEMO_CLIENT_ID=%s\nDEMO_USERNAME=%s\nDEMO_PASSWORD=%s\n' "$DEMO_CLIENT_ID" "$DEMO_USERNAME" "$DEMO_PASSWORD" > "$file"
  umask 022
}
