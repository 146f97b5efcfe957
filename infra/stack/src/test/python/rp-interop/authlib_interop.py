#!/usr/bin/python3
# Authlib (Debian's python3-authlib 1.2.0, with python3-requests and python3-jwcrypto) as a relying party and a
# resource server against a running Verifier stack: each flow driven and each answer checked with Authlib's own
# machinery, by hand only where Authlib has no API (RFC 9207 iss, PAR, device authorization, RFC 9068 typ, challenges).
# Prints "ok   <step>" or "FAIL <step>: <why>" per step, then exits 1 if any step failed. Run with /usr/bin/python3 by
# the stack's Java interop test, which passes: ISSUER, REGISTRY (client-registry's URL), RESOURCE (resource-api's URL,
# also its API identifier), ADMIN_CLIENT_ID and ADMIN_CLIENT_SECRET (a verifier_admin client: registers the clients
# and the user, removes them at the end).
import os
import re
import sys
import time
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import requests
from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session, OAuthError
from authlib.jose import JsonWebKey, JsonWebToken
from authlib.oauth2.rfc7523 import ClientSecretJWT, PrivateKeyJWT
from authlib.oidc.core import CodeIDToken, UserInfo
from authlib.oidc.discovery import OpenIDProviderMetadata

os.environ.setdefault('AUTHLIB_INSECURE_TRANSPORT', '1')  # the stack runs on plain HTTP; Authlib's metadata checks
ISSUER, REGISTRY, RESOURCE = (os.environ[k].rstrip('/') for k in ('ISSUER', 'REGISTRY', 'RESOURCE'))
REDIRECT = 'http://127.0.0.1:8123/cb'
SCOPES = 'openid profile email offline_access notes.read'
GRANTS = ['authorization_code', 'refresh_token', 'client_credentials']
LEEWAY = 30
jwt = JsonWebToken(['RS256', 'ES256'])  # what the server signs ID and access tokens with
failures = 0


def step(name, fn, *args):
    global failures
    try:
        result = fn(*args)
        print('ok   ' + name, flush=True)
        return result
    except Exception as e:  # every failure is reported, then the next step runs
        failures += 1
        print('FAIL %s: %s %s' % (name, type(e).__name__, e), flush=True)
        return None


def require(condition, why):
    if not condition:
        raise AssertionError(why)


def refused(fn, code):
    """Expects an Authlib call to raise OAuthError with the OAuth error code (from the JSON error body)."""
    try:
        fn()
    except OAuthError as e:
        require(e.error == code, 'error %s (%s), expected %s' % (e.error, e.description, code))
        return
    raise AssertionError('accepted, expected ' + code)


def discovery():
    meta = requests.get(ISSUER + '/.well-known/openid-configuration').json()
    checked = OpenIDProviderMetadata(meta)
    for key in checked.REGISTRY_KEYS:  # all of Authlib's checks but one SHOULD: 'none' for request objects
        if key != 'request_object_signing_alg_values_supported':
            getattr(checked, 'validate_' + key)()
    require(meta['issuer'] == ISSUER, 'issuer ' + meta['issuer'])
    for key in ('userinfo_endpoint', 'introspection_endpoint', 'revocation_endpoint', 'end_session_endpoint',
                'pushed_authorization_request_endpoint', 'device_authorization_endpoint'):
        require(meta.get(key), 'no ' + key)
    require('S256' in meta['code_challenge_methods_supported'], 'no S256')
    require(meta.get('authorization_response_iss_parameter_supported') is True, 'no RFC 9207 iss')
    return meta


meta = step('discovery', discovery)
if not meta:
    sys.exit(1)
TOKEN, AUTHORIZE = meta['token_endpoint'], meta['authorization_endpoint']
server_keys = JsonWebKey.import_key_set(requests.get(meta['jwks_uri']).json())
admin = OAuth2Session(os.environ['ADMIN_CLIENT_ID'], os.environ['ADMIN_CLIENT_SECRET'],
                      token_endpoint_auth_method='client_secret_basic', scope='registry.admin users.admin')
admin.fetch_token(TOKEN, grant_type='client_credentials')
registered = []
rsa_key = JsonWebKey.generate_key('RSA', 2048, is_private=True, options={'kid': 'rsa'})
ec_key = JsonWebKey.generate_key('EC', 'P-256', is_private=True, options={'kid': 'ec'})
USER = 'authlib-interop-%d' % time.time_ns()
PASSWORD = 'pw-' + generate_token(24)


def register(kind, method, **metadata):
    metadata = dict({'client_name': 'authlib interop ' + kind, 'redirect_uris': [REDIRECT], 'response_types': ['code'],
                     'post_logout_redirect_uris': [REDIRECT], 'token_endpoint_auth_method': method, 'scope': SCOPES,
                     'grant_types': GRANTS}, **metadata)
    r = admin.post(REGISTRY + '/clients', json=metadata)
    require(r.status_code == 201, 'registration answered %s %s' % (r.status_code, r.text))
    registered.append(r.json()['client_id'])
    return dict(metadata, **r.json())


def jwks(key, alg):
    return {'keys': [dict(key.as_dict(is_private=False), use='sig', alg=alg)]}


def session(client, scope=SCOPES, jwt_auth=None):
    """An OAuth2Session authenticating as the client registered, at /token, /introspect and /revoke alike."""
    method = client['token_endpoint_auth_method']
    if method == 'private_key_jwt':
        secret = {'RS256': rsa_key, 'ES256': ec_key}[client['token_endpoint_auth_signing_alg']]
    else:
        secret = client.get('client_secret')
    s = OAuth2Session(client['client_id'], secret, token_endpoint_auth_method=method,
                      revocation_endpoint_auth_method=method, scope=scope, redirect_uri=REDIRECT,
                      code_challenge_method='S256')
    if method == 'client_secret_jwt':
        s.register_client_auth_method(jwt_auth or ClientSecretJWT(TOKEN))
    elif method == 'private_key_jwt':
        s.register_client_auth_method(PrivateKeyJWT(TOKEN, alg=client['token_endpoint_auth_signing_alg']))
    return s


def browse(url, browser):
    """A minimal browser: cookies kept, redirects followed, the login and consent forms posted."""
    at, r = url, browser.get(url, allow_redirects=False)
    for _ in range(12):
        if r.is_redirect:
            at = urljoin(at, r.headers['Location'])
            if at.startswith(REDIRECT):
                return at
            r = browser.get(at, allow_redirects=False)
            continue
        page = r.text
        require(r.status_code == 200, 'page %s at %s: %s' % (r.status_code, at, page[:300]))
        action = re.search(r'<form[^>]*action="([^"]+)"', page)
        require(action, 'no form at %s: %s' % (at, page[:300]))
        form = re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', page)
        form = [(k, v.replace('&amp;', '&')) for k, v in form]
        if 'type="password"' in page:
            form += [('username', USER), ('password', PASSWORD)]
        elif 'action="/consent"' in page:
            form.append(('decision', 'approve'))
        at = urljoin(at, action.group(1).replace('&amp;', '&'))
        r = browser.post(at, data=form, headers={'Origin': '{0.scheme}://{0.netloc}'.format(urlsplit(ISSUER))},
                         allow_redirects=False)
    raise AssertionError('never redirected back to the client')


def id_token(client, token, nonce):
    claims = jwt.decode(token['id_token'], server_keys, claims_cls=CodeIDToken, claims_options={
        'iss': {'essential': True, 'value': ISSUER}, 'aud': {'essential': True, 'value': client['client_id']},
        'nonce': {'essential': True}, 'at_hash': {'essential': True},
    }, claims_params={'nonce': nonce, 'client_id': client['client_id'], 'access_token': token['access_token']})
    claims.validate(leeway=LEEWAY)
    alg = client.get('id_token_signed_response_alg', 'RS256')
    require(claims.header['alg'] == alg, 'ID token signed %s, registered %s' % (claims.header['alg'], alg))
    return claims


def code_flow(client, s, par=False, request_object=False):
    """Authorization code with PKCE S256 (Authlib's), plainly, through PAR, or as a signed request object."""
    verifier, nonce = generate_token(48), generate_token(20)
    extra = {'prompt': 'consent'} if 'offline_access' in s.scope.split() else {}
    url, state = s.create_authorization_url(AUTHORIZE, code_verifier=verifier, nonce=nonce, **extra)
    params = dict(parse_qsl(urlsplit(url).query))
    if request_object:
        now = int(time.time())
        claims = dict(params, iss=client['client_id'], aud=ISSUER, iat=now, exp=now + 300, jti=generate_token(20))
        params = {'client_id': client['client_id'],
                  'request': JsonWebToken(['RS256']).encode({'alg': 'RS256'}, claims, rsa_key).decode()}
    if par:  # Authlib has no PAR client: the parameters posted with the session's own client authentication
        r = s.post(meta['pushed_authorization_request_endpoint'], data=params, withhold_token=True,
                   auth=s.client_auth(s.token_endpoint_auth_method))
        require(r.status_code == 201, 'PAR answered %s %s' % (r.status_code, r.text[:300]))
        params = {'client_id': client['client_id'], 'request_uri': r.json()['request_uri']}
    browser = requests.Session()
    back = browse(AUTHORIZE + '?' + urlencode(params), browser)
    iss = dict(parse_qsl(urlsplit(back).query)).get('iss')
    require(iss == ISSUER, 'RFC 9207 iss %r in %s' % (iss, back))
    token = s.fetch_token(TOKEN, authorization_response=back, code_verifier=verifier, state=state)
    claims = id_token(client, token, nonce) if 'openid' in s.scope.split() else None
    return {'session': s, 'token': token, 'claims': claims, 'back': back, 'verifier': verifier, 'browser': browser}


def access_token(token, client):
    """RFC 9068 as a resource server checks it: typ at+jwt, signature, iss, aud = the resource, exp."""
    claims = jwt.decode(token, server_keys, claims_options={
        'iss': {'essential': True, 'value': ISSUER}, 'aud': {'essential': True, 'value': RESOURCE},
        'exp': {'essential': True}, 'client_id': {'essential': True, 'value': client['client_id']}})
    claims.validate(leeway=LEEWAY)
    require(claims.header.get('typ', '').lower() in ('at+jwt', 'application/at+jwt'), 'typ %s' % claims.header)
    return claims


def resource_api(s):
    r = s.get(RESOURCE + '/api/me')
    require(r.status_code == 200, 'resource-api %s %s' % (r.status_code, r.headers.get('WWW-Authenticate')))


def userinfo(flow):
    r = flow['session'].get(meta['userinfo_endpoint'])
    require(r.status_code == 200, 'userinfo %s %s' % (r.status_code, r.text[:200]))
    info = UserInfo(r.json())
    require(info['sub'] == flow['claims']['sub'] and info['email'] == USER + '@example.com', str(dict(info)))


def refresh(flow):
    s, old = flow['session'], flow['token']['refresh_token']
    new = s.refresh_token(TOKEN)
    require(new.get('refresh_token') not in (None, old), 'refresh token not rotated')
    refused(lambda: s.refresh_token(TOKEN, refresh_token=old), 'invalid_grant')


def refresh_revoked(client):
    """A refresh token of its own (the rotation step's reuse revoked that family), revoked, then refused."""
    s = code_flow(client, session(client, scope='openid offline_access'))['session']
    revoke(s, s.token['refresh_token'], 'refresh_token')
    refused(lambda: s.refresh_token(TOKEN), 'invalid_grant')


def revoke(s, token, hint):
    r = s.revoke_token(meta['revocation_endpoint'], token=token, token_type_hint=hint)
    require(r.status_code == 200, 'revocation answered %s %s' % (r.status_code, r.text[:200]))


def introspect(s, token, active=True):
    r = s.introspect_token(meta['introspection_endpoint'], token=token, token_type_hint='access_token')
    require(r.status_code == 200 and r.json().get('active') is active, 'introspection %s %s' % (r.status_code, r.text))


def revoked(s, token):
    revoke(s, token, 'access_token')
    introspect(s, token, active=False)


def end_session(flow):
    url = meta['end_session_endpoint'] + '?' + urlencode({
        'id_token_hint': flow['token']['id_token'], 'post_logout_redirect_uri': REDIRECT, 'state': 'bye'})
    back = browse(url, flow['browser'])
    require(dict(parse_qsl(urlsplit(back).query)).get('state') == 'bye', 'back without state: ' + back)


def error_redirect(client):
    url, state = session(client, scope='openid no.such.scope').create_authorization_url(
        AUTHORIZE, code_verifier=generate_token(48))
    location = requests.get(url, allow_redirects=False).headers.get('Location', '')
    answer = dict(parse_qsl(urlsplit(location).query))  # Authlib does not read error callbacks
    require(location.startswith(REDIRECT) and answer.get('error') == 'invalid_scope' and answer.get('state') == state
            and answer.get('iss') == ISSUER, 'redirect ' + location)


def code_twice(client):
    flow = code_flow(client, session(client, scope='openid offline_access'))
    s = flow['session']
    refused(lambda: s.fetch_token(TOKEN, authorization_response=flow['back'], code_verifier=flow['verifier']),
            'invalid_grant')
    r = s.get(meta['userinfo_endpoint'])  # still the tokens of the first use
    require(r.status_code == 401, 'userinfo accepted the first access token: %s' % r.status_code)
    refused(lambda: s.refresh_token(TOKEN, refresh_token=flow['token']['refresh_token']), 'invalid_grant')


def client_credentials(client, s):
    token = s.fetch_token(TOKEN, grant_type='client_credentials', scope='notes.read')
    require('refresh_token' not in token and 'id_token' not in token, 'extra tokens: %s' % sorted(token))
    access_token(token['access_token'], client)
    return token


def endpoint_aud(client):
    """Stock ClientSecretJWT without token_endpoint: aud is the URL posted to (/token, /introspect, /revoke)."""
    s = session(client, scope='notes.read', jwt_auth=ClientSecretJWT())
    token = s.fetch_token(TOKEN, grant_type='client_credentials')['access_token']
    introspect(s, token)
    revoked(s, token)


def device(client):
    s = session(client, scope='openid notes.read')
    r = s.post(meta['device_authorization_endpoint'], data={'client_id': client['client_id'], 'scope': s.scope},
               withhold_token=True, auth=s.client_auth(s.token_endpoint_auth_method))
    require(r.status_code == 200, 'device authorization answered %s %s' % (r.status_code, r.text[:200]))
    refused(lambda: s.fetch_token(TOKEN, grant_type='urn:ietf:params:oauth:grant-type:device_code',
                                  device_code=r.json()['device_code']), 'authorization_pending')


def wrong_secret(client, method):
    s = OAuth2Session(client['client_id'], 'wrong-' + generate_token(8), token_endpoint_auth_method=method)
    seen = []
    s.register_compliance_hook('access_token_response', lambda resp: seen.append(resp) or resp)
    refused(lambda: s.fetch_token(TOKEN, grant_type='client_credentials'), 'invalid_client')
    challenge = seen[0].headers.get('WWW-Authenticate', '')
    require(seen[0].status_code == 401, 'status %s' % seen[0].status_code)
    require(method != 'client_secret_basic' or challenge.startswith('Basic realm='), 'challenge %r' % challenge)


def resource_challenge(token, expected):
    s = OAuth2Session(token={'access_token': token, 'token_type': 'Bearer'}) if token else requests.Session()
    r = s.get(RESOURCE + '/api/me')
    challenge = r.headers.get('WWW-Authenticate', '')
    require(r.status_code == 401 and re.fullmatch(expected, challenge), '%s %r' % (r.status_code, challenge))


try:
    r = admin.post(ISSUER + '/admin/users', json={'username': USER, 'password': PASSWORD, 'name': 'Auth Lib',
                                                  'email': USER + '@example.com', 'email_verified': True})
    require(r.status_code == 201, 'user creation answered %s %s' % (r.status_code, r.text))
    public = register('public', 'none', application_type='native', grant_types=['authorization_code', 'refresh_token'])
    confidential = {
        'client_secret_basic': register('basic', 'client_secret_basic'),
        'client_secret_post': register('post', 'client_secret_post'),
        'client_secret_jwt': register('jwt', 'client_secret_jwt'),
        'private_key_jwt RS256': register(
            'RS256', 'private_key_jwt', token_endpoint_auth_signing_alg='RS256', jwks=jwks(rsa_key, 'RS256'),
            request_object_signing_alg='RS256', grant_types=GRANTS + ['urn:ietf:params:oauth:grant-type:device_code']),
        'private_key_jwt ES256': register(
            'ES256', 'private_key_jwt', token_endpoint_auth_signing_alg='ES256', jwks=jwks(ec_key, 'ES256'),
            id_token_signed_response_alg='ES256'),
    }

    first = step('public: code flow with PKCE S256, ID token validated', code_flow, public, session(public))
    if first:
        step('public: userinfo', userinfo, first)
        step('public: access token is an RFC 9068 JWT', access_token, first['token']['access_token'], public)
        step('public: resource-api /api/me', resource_api, first['session'])
        step('public: refresh with rotation, old refresh token invalid_grant', refresh, first)
        step('public: end_session redirects back with state', end_session, first)
    step('public: revocation of a refresh token', refresh_revoked, public)
    step('error redirect carries error and iss (RFC 9207)', error_redirect, public)
    step('code used twice: invalid_grant, first tokens revoked', code_twice, public)

    for label, client in confidential.items():
        step(label + ': code flow, ID token validated', code_flow, client, session(client))
        s = session(client, scope='notes.read')
        cc = step(label + ': client_credentials', client_credentials, client, s)
        if cc:
            step(label + ': introspection', introspect, s, cc['access_token'])
            step(label + ': revocation', revoked, s, cc['access_token'])

    jwt_client, rs_client = confidential['client_secret_jwt'], confidential['private_key_jwt RS256']
    step('client_secret_jwt with aud = introspection/revocation endpoint', endpoint_aud, jwt_client)
    step('PAR with client_secret_jwt', code_flow, jwt_client, session(jwt_client), True)
    step('PAR with private_key_jwt', code_flow, rs_client, session(rs_client), True)
    step('signed request object (RS256) by value', code_flow, rs_client, session(rs_client), False, True)
    step('device authorization: authorization_pending', device, rs_client)
    step('wrong secret (Basic): 401 invalid_client with Basic challenge', wrong_secret,
         confidential['client_secret_basic'], 'client_secret_basic')
    step('wrong secret (post): 401 invalid_client', wrong_secret,
         confidential['client_secret_post'], 'client_secret_post')
    step('resource-api without token: bare Bearer challenge', resource_challenge, None, r'Bearer( realm="[^"]*")?')
    step('resource-api with a bad token: invalid_token', resource_challenge, 'not-a-token',
         r'Bearer .*error="invalid_token".*')
finally:
    admin.delete(ISSUER + '/admin/users/' + USER)
    for client_id in registered:
        admin.delete(REGISTRY + '/clients/' + client_id)
print('%d step(s) failed' % failures if failures else 'all steps passed')
sys.exit(1 if failures else 0)
