// Verifier demo SPA: Authorization Code + PKCE (S256) with WebCrypto. Tokens live in memory only; the PKCE verifier,
// state and nonce survive the redirect in sessionStorage and are deleted as soon as the code is redeemed.
// DPoP (RFC 9449): the tokens are bound to a P-256 key made by WebCrypto as non-extractable (the page can sign with
// it but never read its private part); it is kept in IndexedDB (a CryptoKey is stored as is, not exported) so that
// it survives the redirect through the login. Every token request and API call carries a proof signed with it.
(() => {
  "use strict";
  const $ = (id) => document.getElementById(id);
  let config;
  let tokens = null; // { access_token, refresh_token, id_token, expires_in } — never persisted

  const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes)))
      .replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const random = (n) => b64url(crypto.getRandomValues(new Uint8Array(n)));
  const sha256 = (text) => crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));

  // ---- DPoP ----
  const DB = "verifier-demo";
  let dpopKey = null; // { privateKey, publicKey, jwk }
  const nonces = {}; // the last DPoP-Nonce of each origin

  function idb(mode, action) {
    return new Promise((resolve, reject) => {
      const open = indexedDB.open(DB, 1);
      open.onupgradeneeded = () => open.result.createObjectStore("keys");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const request = action(open.result.transaction("keys", mode).objectStore("keys"));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      };
    });
  }

  async function loadDpopKey() {
    let pair = await idb("readonly", (store) => store.get("dpop"));
    if (!pair) {
      pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
      await idb("readwrite", (store) => store.put(pair, "dpop"));
    }
    const full = await crypto.subtle.exportKey("jwk", pair.publicKey); // a public key is always exportable
    dpopKey = { privateKey: pair.privateKey, jwk: { crv: full.crv, kty: full.kty, x: full.x, y: full.y } };
  }

  const utf8 = (text) => new TextEncoder().encode(text);
  const b64urlJson = (value) => b64url(utf8(JSON.stringify(value)));

  // RFC 7638 thumbprint: SHA-256 of the required members in lexicographic order (crv, kty, x, y)
  async function jkt() {
    const { crv, kty, x, y } = dpopKey.jwk;
    return b64url(await sha256(JSON.stringify({ crv, kty, x, y })));
  }

  async function dpopProof(method, url, accessToken) {
    const target = new URL(url);
    const claims = { jti: random(16), htm: method, htu: target.origin + target.pathname,
      iat: Math.floor(Date.now() / 1000) };
    if (accessToken) {
      claims.ath = b64url(await sha256(accessToken));
    }
    if (nonces[target.origin]) {
      claims.nonce = nonces[target.origin];
    }
    const input = b64urlJson({ typ: "dpop+jwt", alg: "ES256", jwk: dpopKey.jwk }) + "." + b64urlJson(claims);
    const signature = await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, dpopKey.privateKey, utf8(input));
    return input + "." + b64url(signature); // WebCrypto's ECDSA signature is r||s, as JWS wants
  }

  // Sends with a proof; when the server asks for its nonce (use_dpop_nonce), once more with it.
  async function fetchWithDpop(url, options, accessToken) {
    for (let attempt = 0; ; attempt++) {
      const headers = Object.assign({}, options.headers,
          { DPoP: await dpopProof(options.method || "GET", url, accessToken) });
      const response = await fetch(url, Object.assign({}, options, { headers }));
      const nonce = response.headers.get("DPoP-Nonce");
      if (nonce) {
        nonces[new URL(url).origin] = nonce;
      }
      const challenge = response.headers.get("WWW-Authenticate") || "";
      const wantsNonce = challenge.includes("use_dpop_nonce")
          || (response.status === 400 && (await response.clone().json().catch(() => ({}))).error === "use_dpop_nonce");
      if (!wantsNonce || !nonce || attempt > 0) {
        return response;
      }
    }
  }

  function decodeJwtPayload(jwt) {
    const part = jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const json = decodeURIComponent(atob(part).split("").map((c) =>
        "%" + ("00" + c.charCodeAt(0).toString(16)).slice(-2)).join(""));
    return JSON.parse(json);
  }

  function status(text, isError) {
    $("status").textContent = text;
    $("status").className = isError ? "error" : "";
  }

  function render() {
    const signedIn = tokens !== null;
    $("login").disabled = signedIn;
    $("call-api").disabled = !signedIn;
    $("refresh").disabled = !signedIn || !tokens.refresh_token;
    $("logout").disabled = !signedIn;
    $("token-type").textContent = signedIn ? tokens.token_type : "(not signed in)";
    $("claims").textContent = signedIn && tokens.id_token
        ? JSON.stringify(decodeJwtPayload(tokens.id_token), null, 2) : "(not signed in)";
  }

  async function login() {
    const verifier = random(32);
    const state = random(16);
    const nonce = random(16);
    sessionStorage.setItem("verifier.pkce", JSON.stringify({ verifier, state, nonce }));
    const params = new URLSearchParams({
      response_type: "code",
      client_id: config.client_id,
      redirect_uri: config.redirect_uri,
      scope: config.scope,
      state,
      nonce,
      code_challenge: b64url(await sha256(verifier)),
      code_challenge_method: "S256",
      dpop_jkt: await jkt(), // RFC 9449 section 10: the code can only be redeemed with this key
    });
    window.location.assign(config.authorization_endpoint + "?" + params);
  }

  async function tokenRequest(form) {
    const response = await fetchWithDpop(config.token_endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form),
    });
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.error + ": " + (body.error_description || ""));
    }
    return body;
  }

  async function finishLogin(query) {
    const saved = JSON.parse(sessionStorage.getItem("verifier.pkce") || "null");
    sessionStorage.removeItem("verifier.pkce");
    history.replaceState(null, "", config.redirect_uri);
    if (query.get("error")) {
      throw new Error(query.get("error") + ": " + (query.get("error_description") || ""));
    }
    if (!saved || query.get("state") !== saved.state) {
      throw new Error("state mismatch: the answer is not for the request this page sent");
    }
    if (query.get("iss") !== config.issuer) {
      throw new Error("iss mismatch (RFC 9207): " + query.get("iss"));
    }
    const body = await tokenRequest({
      grant_type: "authorization_code",
      code: query.get("code"),
      redirect_uri: config.redirect_uri,
      client_id: config.client_id,
      code_verifier: saved.verifier,
    });
    const claims = decodeJwtPayload(body.id_token);
    if (claims.nonce !== saved.nonce || claims.iss !== config.issuer || claims.aud.indexOf(config.client_id) < 0) {
      throw new Error("the ID token does not match this login (nonce, iss or aud)");
    }
    tokens = body;
    status("Signed in as " + (claims.preferred_username || claims.sub) + ".");
  }

  async function callApi() {
    // a DPoP-bound token goes with the DPoP scheme and a proof carrying its hash (ath)
    const scheme = tokens.token_type === "DPoP" ? "DPoP " : "Bearer ";
    const response = scheme === "DPoP "
        ? await fetchWithDpop(config.api_url, { headers: { Authorization: scheme + tokens.access_token } },
            tokens.access_token)
        : await fetch(config.api_url, { headers: { Authorization: scheme + tokens.access_token } });
    const text = await response.text();
    $("api").textContent = response.status + " " + text;
    status(response.ok ? "API call succeeded." : "API call failed (" + response.status + ").", !response.ok);
  }

  async function refresh() {
    const body = await tokenRequest({
      grant_type: "refresh_token",
      refresh_token: tokens.refresh_token,
      client_id: config.client_id,
    });
    tokens = Object.assign({}, tokens, body);
    status("Tokens refreshed (the refresh token rotated).");
  }

  // Signs out of the app and of the issuer: revokes the refresh token, then ends the SSO session at the
  // end_session_endpoint (RP-Initiated Logout) with the ID token as hint, which comes back here with our state.
  async function logout() {
    if (tokens.refresh_token) {
      await fetch(config.revocation_endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token: tokens.refresh_token, token_type_hint: "refresh_token",
          client_id: config.client_id }),
      }).catch(() => undefined);
    }
    const state = random(16);
    sessionStorage.setItem("verifier.logout", state);
    const params = new URLSearchParams({
      id_token_hint: tokens.id_token,
      post_logout_redirect_uri: config.post_logout_redirect_uri,
      state,
    });
    tokens = null;
    window.location.assign(config.end_session_endpoint + "?" + params);
  }

  function finishLogout(query) {
    const saved = sessionStorage.getItem("verifier.logout");
    sessionStorage.removeItem("verifier.logout");
    history.replaceState(null, "", config.post_logout_redirect_uri);
    if (!saved || query.get("state") !== saved) {
      throw new Error("state mismatch: this page did not ask to sign out");
    }
    status("Signed out of the app and of the issuer.");
  }

  function guard(action) {
    return () => action().catch((e) => status(e.message, true)).finally(render);
  }

  async function start() {
    config = await (await fetch("config.json")).json();
    await loadDpopKey();
    const query = new URLSearchParams(window.location.search);
    if (query.has("code") || query.has("error")) {
      await finishLogin(query);
    } else if (query.has("state")) {
      finishLogout(query);
    } else {
      status(config.client_id ? "Not signed in." : "No demo client configured (run infra/run-local.sh).",
          !config.client_id);
    }
  }

  $("login").addEventListener("click", guard(login));
  $("call-api").addEventListener("click", guard(callApi));
  $("refresh").addEventListener("click", guard(refresh));
  $("logout").addEventListener("click", guard(logout));
  guard(start)();
})();
