// node-oidc-provider 9.x configured as the peer of infra/bench.sh: one process, in-memory store, the same flows as
// Verifier's benchmark (public client with PKCE and rotating refresh tokens, a confidential client_credentials client,
// introspection, JWT access tokens signed RS256 for one API, a login form with a password check, first-party: no
// consent page). Usage: node server.mjs PORT PASSWORD ; prints "peer ready" when listening. Loopback only.
import * as crypto from 'node:crypto';
import * as http from 'node:http';
import * as querystring from 'node:querystring';

import Provider from 'oidc-provider';

const port = Number(process.argv[2] || 3000);
const password = process.argv[3] || 'bench-password';
const issuer = `http://localhost:${port}`;
const api = 'http://localhost:9003';

const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'peer-1', use: 'sig', alg: 'RS256' };
const salt = crypto.randomBytes(16);
const passwordHash = crypto.scryptSync(password, salt, 32, { N: 1024 }); // cheap, like the lowered Verifier cost

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'peer-spa', token_endpoint_auth_method: 'none', application_type: 'web',
      redirect_uris: ['http://localhost:9003/demo/'], grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'], scope: 'openid profile offline_access notes.read',
    },
    {
      client_id: 'peer-cc', client_secret: 'peer-cc-secret-0123456789abcdef0123456789abcdef',
      token_endpoint_auth_method: 'client_secret_basic', grant_types: ['client_credentials'], response_types: [],
      redirect_uris: [], scope: 'notes.read',
    },
  ],
  jwks: { keys: [jwk] },
  scopes: ['openid', 'profile', 'offline_access', 'notes.read'],
  claims: { openid: ['sub'], profile: ['name'] },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    revocation: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => api,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ scope: 'notes.read', audience: api, accessTokenFormat: 'jwt',
        accessTokenTTL: 300, jwt: { sign: { alg: 'RS256' } } }),
    },
  },
  pkce: { required: () => true },
  ttl: { AccessToken: 300, AuthorizationCode: 60, IdToken: 300, RefreshToken: 86400, Interaction: 600,
    Session: 3600, Grant: 86400, ClientCredentials: 300 },
  findAccount: async (ctx, sub) => ({ accountId: sub, claims: async () => ({ sub, name: 'Bench User' }) }),
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  // first-party: every requested scope is granted without a consent page (as Verifier's first-party clients)
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    const grant = grantId ? await ctx.oidc.provider.Grant.find(grantId)
      : new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(ctx.oidc.params.scope || 'openid');
    grant.addResourceScope(api, 'notes.read');
    await grant.save();
    return grant;
  },
});
provider.proxy = false;

const loginPage = (uid) => `<!doctype html><title>Sign in</title><form method="post" action="/interaction/${uid}/login">
<input name="username"><input name="password" type="password"><button>Sign in</button></form>`;

async function interaction(req, res) {
  const path = req.url.split('?')[0];
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'GET' && details.prompt.name === 'login') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(loginPage(details.uid));
    return;
  }
  if (req.method === 'POST' && path.endsWith('/login')) {
    const body = querystring.parse(await new Promise((resolve) => {
      let data = '';
      req.on('data', (chunk) => { data += chunk; });
      req.on('end', () => resolve(data));
    }));
    const ok = typeof body.password === 'string'
      && crypto.timingSafeEqual(crypto.scryptSync(body.password, salt, 32, { N: 1024 }), passwordHash);
    if (!ok) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(loginPage(details.uid));
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: String(body.username) } },
      { mergeWithLastSubmission: false });
    return;
  }
  // any other prompt (consent): granted, first-party
  const grant = details.grantId ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ clientId: details.params.client_id, accountId: details.session.accountId });
  grant.addOIDCScope(details.params.scope || 'openid');
  grant.addResourceScope(api, 'notes.read');
  await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } },
    { mergeWithLastSubmission: true });
}

const callback = provider.callback();
http.createServer((req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interaction(req, res).catch((err) => {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(String(err && err.message));
    });
  } else {
    callback(req, res);
  }
}).listen(port, '127.0.0.1', () => console.log(`peer ready: node-oidc-provider ${issuer}`));
