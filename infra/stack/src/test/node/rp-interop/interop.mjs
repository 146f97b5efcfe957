// oauth4webapi, an OpenID-certified relying-party library, against a running Verifier stack: every flow the stack offers
// a relying party, each answer checked by the library's own (strict) response processing; and openid-client 6 (built
// on it) with its defaults. Prints "ok   <step>" or
// "FAIL <step> <why>" per step, then exits 1 if any step failed. Run by OAuth4WebApiInteropTest, which passes:
// ISSUER, REGISTRY (client-registry's URL), RESOURCE (resource-api's URL, also its API identifier), ADMIN_CLIENT_ID and
// ADMIN_CLIENT_SECRET (a verifier_admin client: registers the clients and the user, removes them at the end).
import * as oauth from 'oauth4webapi';
import * as jose from 'jose';
import * as openidClient from 'openid-client';

const env = process.env;
const insecure = { [oauth.allowInsecureRequests]: true }; // the stack runs on plain HTTP on loopback
const issuer = new URL(env.ISSUER);
const redirect = 'http://127.0.0.1:8123/cb';
let failures = 0;

async function step(name, fn) {
  try {
    const result = await fn();
    console.log('ok   ' + name);
    return result;
  } catch (e) {
    failures++;
    console.log('FAIL ' + name + ': ' + (e.name ?? '') + ' ' + (e.code ?? '') + ' ' + e.message + ' '
      + (e.cause ? JSON.stringify(e.cause).slice(0, 600) : ''));
    return undefined;
  }
}

/** Expects {@code promise} to fail with the OAuth error {@code code} in a response body. */
async function refused(promise, code) {
  try {
    await promise;
  } catch (e) {
    if (e instanceof oauth.ResponseBodyError && e.error === code) return;
    throw e;
  }
  throw new Error('accepted; expected ' + code);
}

const as = await oauth.processDiscoveryResponse(issuer,
  await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...insecure }));
const basic = 'Basic ' + Buffer.from(env.ADMIN_CLIENT_ID + ':' + env.ADMIN_CLIENT_SECRET).toString('base64');
const admin = (await (await fetch(as.token_endpoint, {
  method: 'POST',
  headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
  body: 'grant_type=client_credentials&scope=registry.admin%20users.admin',
})).json()).access_token;
const adminHeaders = { authorization: 'Bearer ' + admin, 'content-type': 'application/json' };
const registered = [];

async function register(metadata) {
  const r = await fetch(env.REGISTRY + '/clients', { method: 'POST', headers: adminHeaders, body: JSON.stringify(metadata) });
  const body = await r.json();
  if (r.status !== 201) throw new Error('registration answered ' + r.status + ' ' + JSON.stringify(body));
  registered.push(body.client_id);
  return body;
}

const user = 'rp-interop-' + Date.now();
const password = 'pw-' + crypto.randomUUID();
{
  const r = await fetch(issuer.href.replace(/\/$/, '') + '/admin/users', {
    method: 'POST', headers: adminHeaders,
    body: JSON.stringify({ username: user, password, name: 'R P', email: user + '@example.com', email_verified: true }),
  });
  if (r.status !== 201) throw new Error('user creation answered ' + r.status + ' ' + await r.text());
}
const scopes = 'openid profile email offline_access notes.read';
const pub = await register({
  client_name: 'rp-interop public', application_type: 'native', redirect_uris: [redirect],
  post_logout_redirect_uris: [redirect], grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'], token_endpoint_auth_method: 'none', scope: scopes,
});
const withQuery = await register({
  client_name: 'rp-interop query', application_type: 'native', redirect_uris: [redirect + '?app=1'],
  grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'none', scope: 'openid',
});
const csj = await register({
  client_name: 'rp-interop client_secret_jwt', redirect_uris: [redirect],
  grant_types: ['authorization_code', 'refresh_token', 'client_credentials'], response_types: ['code'],
  token_endpoint_auth_method: 'client_secret_jwt', scope: scopes, introspection_audiences: [env.RESOURCE],
});
const es = await register({
  client_name: 'rp-interop ES256', redirect_uris: [redirect], grant_types: ['authorization_code'],
  response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic', id_token_signed_response_alg: 'ES256',
  scope: 'openid email',
});
const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
const pkj = await register({
  client_name: 'rp-interop private_key_jwt', redirect_uris: [redirect],
  grant_types: ['authorization_code', 'refresh_token', 'urn:ietf:params:oauth:grant-type:device_code'],
  response_types: ['code'], token_endpoint_auth_method: 'private_key_jwt', token_endpoint_auth_signing_alg: 'ES256',
  jwks: { keys: [{ ...(await jose.exportJWK(keys.publicKey)), kid: 'k1', use: 'sig', alg: 'ES256' }] },
  request_object_signing_alg: 'ES256', scope: scopes,
});

/** A minimal browser: a cookie jar, the server's redirects followed, the login and consent forms posted. */
async function browse(url) {
  const jar = new Map();
  const send = async (target, init = {}) => {
    const cookie = [...jar].map(([k, v]) => k + '=' + v).join('; ');
    const r = await fetch(target, { ...init, headers: { ...(init.headers || {}), cookie }, redirect: 'manual' });
    for (const c of r.headers.getSetCookie()) {
      const pair = c.split(';')[0];
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    return r;
  };
  let at = new URL(url);
  let r = await send(at);
  for (let i = 0; i < 12; i++) {
    if (r.status >= 300 && r.status < 400) {
      const next = new URL(r.headers.get('location'), at);
      if (next.href.startsWith(redirect)) return next;
      at = next;
      r = await send(next);
      continue;
    }
    const page = await r.text();
    if (r.status !== 200) throw new Error('page ' + r.status + ' at ' + at + ': ' + page.slice(0, 300));
    const action = /<form[^>]*action="([^"]+)"/.exec(page);
    if (!action) throw new Error('no form at ' + at + ': ' + page.slice(0, 300));
    const form = new URLSearchParams();
    for (const m of page.matchAll(/type="hidden" name="([^"]+)" value="([^"]*)"/g)) form.append(m[1], m[2].replaceAll('&amp;', '&'));
    if (page.includes('type="password"')) {
      form.append('username', user);
      form.append('password', password);
    } else if (page.includes('action="/consent"')) {
      form.append('decision', 'approve');
    }
    at = new URL(action[1].replaceAll('&amp;', '&'), at);
    r = await send(at, {
      method: 'POST', body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: issuer.origin },
    });
  }
  throw new Error('never redirected back to the client');
}

/** Retries once with the server's DPoP nonce when it asks for one (RFC 9449 §8). */
async function withNonce(dpop, send, process) {
  try {
    return await process(await send());
  } catch (e) {
    if (dpop && oauth.isDPoPNonceError(e)) return process(await send());
    throw e;
  }
}

/** The authorization code flow with PKCE, by plain parameters, a request object (JAR), PAR, or both. */
async function codeFlow(client, auth, { scope = scopes, par = false, jar = false, dpop, extra = {}, redirectUri = redirect } = {}) {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  let params = new URLSearchParams({
    client_id: client.client_id, redirect_uri: redirectUri, response_type: 'code', scope, state, nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', ...extra,
  });
  if (scope.includes('offline_access')) params.set('prompt', 'consent');
  if (jar) {
    params = new URLSearchParams({ client_id: client.client_id,
      request: await oauth.issueRequestObject(as, client, params, { key: keys.privateKey, kid: 'k1' }) });
  }
  if (par) {
    const pushed = await withNonce(dpop,
      () => oauth.pushedAuthorizationRequest(as, client, auth, params, { DPoP: dpop, ...insecure }),
      r => oauth.processPushedAuthorizationResponse(as, client, r));
    params = new URLSearchParams({ client_id: client.client_id, request_uri: pushed.request_uri });
  }
  const back = await browse(as.authorization_endpoint + '?' + params);
  const callback = oauth.validateAuthResponse(as, client, back, state);
  const tokens = await withNonce(dpop,
    () => oauth.authorizationCodeGrantRequest(as, client, auth, callback, redirectUri, verifier, { DPoP: dpop, ...insecure }),
    r => oauth.processAuthorizationCodeResponse(as, client, r, { expectedNonce: nonce, requireIdToken: scope.includes('openid') }));
  return { tokens, callback, verifier, back };
}

const none = oauth.None();
const first = await step('public client: authorization code + PKCE, ID token validated', () => codeFlow(pub, none));
if (first) {
  const { tokens } = first;
  const claims = oauth.getValidatedIdTokenClaims(tokens);
  await step('ID token carries auth_time and sid', async () => {
    if (!claims.auth_time || !claims.sid) throw new Error(JSON.stringify(claims));
  });
  await step('userinfo', async () => {
    const info = await oauth.processUserInfoResponse(as, pub, claims.sub,
      await oauth.userInfoRequest(as, pub, tokens.access_token, insecure));
    if (info.email !== user + '@example.com') throw new Error(JSON.stringify(info));
  });
  await step('access token validated as an RFC 9068 resource server', async () => {
    const request = new Request(env.RESOURCE + '/api/me', { headers: { authorization: 'Bearer ' + tokens.access_token } });
    const at = await oauth.validateJwtAccessToken(as, request, env.RESOURCE, insecure);
    if (at.client_id !== pub.client_id || at.sub !== claims.sub) throw new Error(JSON.stringify(at));
  });
  const rotated = await step('refresh with rotation', async () => {
    const next = await oauth.processRefreshTokenResponse(as, pub,
      await oauth.refreshTokenGrantRequest(as, pub, none, tokens.refresh_token, insecure));
    if (!next.refresh_token || next.refresh_token === tokens.refresh_token) throw new Error('not rotated');
    return next;
  });
  await step('the rotated-out refresh token refused (invalid_grant)', async () => refused(oauth.processRefreshTokenResponse(
    as, pub, await oauth.refreshTokenGrantRequest(as, pub, none, tokens.refresh_token, insecure)), 'invalid_grant'));
  await step('revocation by a public client', async () => oauth.processRevocationResponse(
    await oauth.revocationRequest(as, pub, none, (rotated ?? tokens).refresh_token, insecure)));
  await step('end_session_endpoint with id_token_hint and post_logout_redirect_uri', async () => {
    const url = new URL(as.end_session_endpoint);
    url.searchParams.set('id_token_hint', tokens.id_token);
    url.searchParams.set('post_logout_redirect_uri', redirect);
    url.searchParams.set('state', 'bye');
    const r = await fetch(url, { redirect: 'manual' });
    if (r.status >= 400) throw new Error(r.status + ' ' + (await r.text()).slice(0, 200));
  });
}

await step('an error redirect carries iss (RFC 9207) and the error', async () => {
  const state = oauth.generateRandomState();
  const params = new URLSearchParams({ client_id: pub.client_id, redirect_uri: redirect, response_type: 'code',
    scope: 'openid no.such.scope', state, code_challenge_method: 'S256',
    code_challenge: await oauth.calculatePKCECodeChallenge(oauth.generateRandomCodeVerifier()) });
  const r = await fetch(as.authorization_endpoint + '?' + params, { redirect: 'manual' });
  const location = r.headers.get('location');
  if (!location) throw new Error('no redirect: ' + r.status);
  try {
    oauth.validateAuthResponse(as, pub, new URL(location), state);
  } catch (e) {
    if (e instanceof oauth.AuthorizationResponseError && e.error === 'invalid_scope') return;
    throw e;
  }
  throw new Error('no error in ' + location);
});

await step('a code used twice: invalid_grant, and the tokens of its first use revoked', async () => {
  const { tokens, callback, verifier } = await codeFlow(pub, none, { scope: 'openid offline_access' });
  await refused(oauth.processAuthorizationCodeResponse(as, pub,
    await oauth.authorizationCodeGrantRequest(as, pub, none, callback, redirect, verifier, insecure)), 'invalid_grant');
  await refused(oauth.processRefreshTokenResponse(as, pub,
    await oauth.refreshTokenGrantRequest(as, pub, none, tokens.refresh_token, insecure)), 'invalid_grant');
});

await step('a registered redirect URI with a query keeps it; unknown and optional parameters are accepted', async () => {
  const { back } = await codeFlow(withQuery, none, { scope: 'openid', redirectUri: redirect + '?app=1',
    extra: { display: 'popup', ui_locales: 'de', login_hint: user, acr_values: 'urn:example:unknown', unknown_param: 'x' } });
  if (back.searchParams.get('app') !== '1') throw new Error(back.href);
});

const csjAuth = oauth.ClientSecretJwt(csj.client_secret);
await step('client_secret_jwt: authorization code flow', () => codeFlow(csj, csjAuth));
await step('client_secret_jwt: pushed authorization request (PAR)', () => codeFlow(csj, csjAuth, { par: true }));
const cc = await step('client_secret_jwt: client_credentials', async () => oauth.processClientCredentialsResponse(as, csj,
  await oauth.clientCredentialsGrantRequest(as, csj, csjAuth, new URLSearchParams({ scope: 'notes.read' }), insecure)));
if (cc) {
  await step('introspection', async () => {
    const answer = await oauth.processIntrospectionResponse(as, csj,
      await oauth.introspectionRequest(as, csj, csjAuth, cc.access_token, insecure));
    if (!answer.active) throw new Error(JSON.stringify(answer));
  });
  await step('revocation by a confidential client', async () => oauth.processRevocationResponse(
    await oauth.revocationRequest(as, csj, csjAuth, cc.access_token, insecure)));
}

await step('ES256 ID token (id_token_signed_response_alg) with client_secret_basic', async () => {
  const { tokens } = await codeFlow({ ...es, id_token_signed_response_alg: 'ES256' },
    oauth.ClientSecretBasic(es.client_secret), { scope: 'openid email' });
  if (oauth.getValidatedIdTokenClaims(tokens).email !== user + '@example.com') throw new Error('no email claim');
});

const pkjAuth = oauth.PrivateKeyJwt({ key: keys.privateKey, kid: 'k1' });
await step('private_key_jwt: signed request object (JAR)', () => codeFlow(pkj, pkjAuth, { jar: true }));
await step('private_key_jwt: signed request object pushed (PAR + JAR)', () => codeFlow(pkj, pkjAuth, { jar: true, par: true }));
const dpop = oauth.DPoP(pkj, await oauth.generateKeyPair('ES256'));
const bound = await step('DPoP: code flow through PAR, tokens bound to the key', async () => {
  const { tokens } = await codeFlow(pkj, pkjAuth, { par: true, dpop });
  if (tokens.token_type.toLowerCase() !== 'dpop') throw new Error('token_type ' + tokens.token_type);
  return tokens;
});
if (bound) {
  await step('DPoP: userinfo', () => withNonce(dpop,
    () => oauth.userInfoRequest(as, pkj, bound.access_token, { DPoP: dpop, ...insecure }),
    r => oauth.processUserInfoResponse(as, pkj, oauth.skipSubjectCheck, r)));
  await step('DPoP: refresh', () => withNonce(dpop,
    () => oauth.refreshTokenGrantRequest(as, pkj, pkjAuth, bound.refresh_token, { DPoP: dpop, ...insecure }),
    r => oauth.processRefreshTokenResponse(as, pkj, r)));
  await step('DPoP: resource-api', async () => {
    const r = await oauth.protectedResourceRequest(bound.access_token, 'GET', new URL(env.RESOURCE + '/api/me'),
      undefined, undefined, { DPoP: dpop, ...insecure });
    if (r.status !== 200) throw new Error(r.status + ' ' + r.headers.get('www-authenticate'));
  });
}
// openid-client 6 sends client_secret_post when it is given a secret; the registry's default method is
// client_secret_basic: the same secret, accepted either way
await step('openid-client 6 with its defaults (client_secret_post) for a client_secret_basic client', async () => {
  const basic = await register({
    client_name: 'rp-interop openid-client', grant_types: ['client_credentials'], scope: 'notes.read',
  });
  if (basic.token_endpoint_auth_method !== 'client_secret_basic') throw new Error(basic.token_endpoint_auth_method);
  const config = await openidClient.discovery(issuer, basic.client_id, basic.client_secret, undefined,
    { execute: [openidClient.allowInsecureRequests] });
  const tokens = await openidClient.clientCredentialsGrant(config, { scope: 'notes.read' });
  await oauth.validateJwtAccessToken(as, new Request(env.RESOURCE + '/api/me', {
    headers: { authorization: 'Bearer ' + tokens.access_token } }), env.RESOURCE, insecure);
});
await step('device authorization grant: started, then authorization_pending', async () => {
  const device = await oauth.processDeviceAuthorizationResponse(as, pkj, await oauth.deviceAuthorizationRequest(as, pkj,
    pkjAuth, new URLSearchParams({ scope: 'openid notes.read' }), insecure));
  await refused(oauth.processDeviceCodeResponse(as, pkj,
    await oauth.deviceCodeGrantRequest(as, pkj, pkjAuth, device.device_code, insecure)), 'authorization_pending');
});

await fetch(issuer.href.replace(/\/$/, '') + '/admin/users/' + user, { method: 'DELETE', headers: adminHeaders });
for (const id of registered) await fetch(env.REGISTRY + '/clients/' + id, { method: 'DELETE', headers: adminHeaders });
console.log(failures ? failures + ' step(s) failed' : 'all steps passed');
process.exit(failures ? 1 : 0);
