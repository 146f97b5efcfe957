package dev.verifier.stack.discovery;

import static dev.verifier.stack.discovery.RelyingParty.REDIRECT_URI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.verifier.stack.support.Admin;
import dev.verifier.stack.support.VerifierStack;
import dev.verifier.stack.support.VerifierStack.Database;
import dev.verifier.stack.support.VerifierStack.Service;
import dev.verifier.testsupport.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every value the discovery document advertises, driven against the real stack: for each list in the document one
 * test walks its values and makes one request per value that only succeeds when that value really works (a value
 * without a driver here fails the test, so a new advertised value needs its test), and the boolean features and
 * endpoints are each used once. Runs once per database (subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AdvertisedValuesContract {

    static final String PASSWORD = "correct horse battery staple";
    static final String USER_SCOPES = "openid profile email address phone offline_access";

    abstract Database database();

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    VerifierStack stack;
    Admin admin;
    JsonNode discovery;
    String username;
    /** One registered client per token endpoint authentication method. */
    final Map<String, Admin.Registered> byAuthMethod = new HashMap<>();
    final RSAKey rsa = generateRsa();
    final Map<String, ECKey> ecKeys = new HashMap<>();
    URI tokenEndpoint;

    @BeforeAll
    void registerEverything() throws Exception {
        stack = VerifierStack.on(database());
        admin = new Admin(stack);
        discovery = get(stack.issuer().resolve("/.well-known/openid-configuration"));
        tokenEndpoint = URI.create(discovery.path("token_endpoint").asText());
        for (Curve curve : List.of(Curve.P_256, Curve.P_384, Curve.P_521)) {
            ecKeys.put(curve.getName(), new ECKeyGenerator(curve).keyID("ec-" + curve.getName()).generate());
        }
        List<Map<String, Object>> publicKeys = new ArrayList<>();
        publicKeys.add(rsa.toPublicJWK().toJSONObject());
        ecKeys.values().forEach(k -> publicKeys.add(k.toPublicJWK().toJSONObject()));
        for (String method : List.of("none", "client_secret_basic", "client_secret_post", "client_secret_jwt",
                "private_key_jwt")) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("client_name", "Advertised values " + method);
            metadata.put("redirect_uris", List.of(REDIRECT_URI));
            metadata.put("token_endpoint_auth_method", method);
            boolean confidential = !method.equals("none");
            metadata.put("grant_types", confidential
                    ? List.of("authorization_code", "refresh_token", "client_credentials")
                    : List.of("authorization_code", "refresh_token"));
            metadata.put("response_types", List.of("code"));
            metadata.put("scope", USER_SCOPES + (confidential ? " notes.read" : ""));
            metadata.put("verifier_first_party", true);
            if (method.equals("private_key_jwt")) {
                metadata.put("jwks", Map.of("keys", publicKeys));
            }
            byAuthMethod.put(method, admin.registerClient(metadata));
        }
        username = "adv-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("password", PASSWORD);
        user.put("name", "Ada Advertised");
        user.put("given_name", "Ada");
        user.put("family_name", "Advertised");
        user.put("middle_name", "M");
        user.put("nickname", "ada");
        user.put("profile", "https://people.example/ada");
        user.put("picture", "https://people.example/ada.png");
        user.put("website", "https://ada.example");
        user.put("gender", "female");
        user.put("birthdate", "1990-01-02");
        user.put("zoneinfo", "Europe/Berlin");
        user.put("locale", "de-DE");
        user.put("email", username + "@example.com");
        user.put("email_verified", true);
        user.put("phone_number", "+49 30 1234567");
        user.put("phone_number_verified", true);
        user.put("address", Map.of("formatted", "1 Main St, Springfield", "street_address", "1 Main St",
                "locality", "Springfield", "postal_code", "12345", "country", "DE"));
        admin.createUser(user);
    }

    // ---- helpers ----

    JsonNode get(URI uri) throws Exception {
        return RelyingParty.getJson(uri);
    }

    List<String> advertised(String field) {
        JsonNode values = discovery.path(field);
        assertTrue(values.isArray() && values.size() > 0, field + " is advertised: " + discovery);
        List<String> list = new ArrayList<>();
        values.forEach(v -> list.add(v.asText()));
        return list;
    }

    Browser browser() {
        return new Browser(stack.issuer().toString());
    }

    String clientId(String method) {
        return byAuthMethod.get(method).clientId();
    }

    ClientAuthentication auth(String method, String alg) throws Exception {
        Admin.Registered client = byAuthMethod.get(method);
        ClientID id = new ClientID(client.clientId());
        return switch (method) {
            case "client_secret_basic" -> new ClientSecretBasic(id, new Secret(client.clientSecret()));
            case "client_secret_post" -> new ClientSecretPost(id, new Secret(client.clientSecret()));
            case "client_secret_jwt" -> RelyingParty.clientSecretJwt(client.clientId(), client.clientSecret(),
                    alg == null ? "HS256" : alg, stack.issuer());
            case "private_key_jwt" -> privateKeyJwt(id, alg == null ? "RS256" : alg);
            default -> throw new AssertionError("no client authentication for " + method);
        };
    }

    PrivateKeyJWT privateKeyJwt(ClientID id, String alg) throws Exception {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(alg);
        if (alg.startsWith("ES")) {
            ECKey key = ecKeys.get(Curve.forJWSAlgorithm(algorithm).iterator().next().getName());
            return new PrivateKeyJWT(id, stack.issuer(), algorithm, key.toECPrivateKey(), key.getKeyID(), null);
        }
        return new PrivateKeyJWT(id, stack.issuer(), algorithm, rsa.toRSAPrivateKey(), rsa.getKeyID(), null);
    }

    /** A code for {@code method}'s client by a browser in which the user logs in (or has a session). */
    Map<String, String> authorize(Browser browser, String clientId, String scope, CodeVerifier verifier,
                                  Map<String, String> extra) {
        Map<String, String> params = RelyingParty.codeRequest(clientId, scope, verifier);
        params.putAll(extra);
        Map<String, String> response = RelyingParty.authorize(browser, params, username, PASSWORD);
        assertEquals(stack.issuer().toString(), response.get("iss"), "RFC 9207 iss: " + response);
        assertEquals("st-1", response.get("state"), response.toString());
        return response;
    }

    OIDCTokenResponse token(ClientAuthentication auth, String publicClientId, AuthorizationGrant grant, Scope scope)
            throws Exception {
        TokenRequest request = auth != null ? new TokenRequest(tokenEndpoint, auth, grant, scope)
                : new TokenRequest(tokenEndpoint, new ClientID(publicClientId), grant, scope);
        TokenResponse response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toJSONObject()
                .toString());
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    /** The whole code flow for the client of {@code method}: the tokens, the ID token checked by Nimbus. */
    OIDCTokenResponse codeFlow(Browser browser, String method, String alg, Map<String, String> extra)
            throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        Map<String, String> response = authorize(browser, clientId(method), USER_SCOPES, verifier, extra);
        assertNotNull(response.get("code"), response.toString());
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(response.get("code")),
                URI.create(REDIRECT_URI), verifier);
        OIDCTokenResponse tokens = method.equals("none") ? token(null, clientId(method), grant, null)
                : token(auth(method, alg), null, grant, null);
        idToken(tokens, clientId(method), JWSAlgorithm.RS256);
        return tokens;
    }

    IDTokenClaimsSet idToken(OIDCTokenResponse tokens, String clientId, JWSAlgorithm alg) throws Exception {
        JWKSet keys = JWKSet.parse(get(URI.create(discovery.path("jwks_uri").asText())).toString());
        return new IDTokenValidator(new Issuer(stack.issuer().toString()), new ClientID(clientId), alg, keys)
                .validate(tokens.getOIDCTokens().getIDToken(), new Nonce("n-1"));
    }

    JsonNode userinfo(BearerAccessToken token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.issuer().resolve("/userinfo"))
                .header("Authorization", token.toAuthorizationHeader()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    static AssertionError notDriven(String field, String value) {
        return new AssertionError(field + " advertises " + value + " but no test here drives it: add one");
    }

    // ---- one test per advertised list ----

    @Test
    void everyListInTheDocumentHasItsTestHere() {
        Set<String> driven = Set.of("response_types_supported", "response_modes_supported", "grant_types_supported",
                "subject_types_supported", "id_token_signing_alg_values_supported", "scopes_supported",
                "claims_supported", "token_endpoint_auth_methods_supported",
                "token_endpoint_auth_signing_alg_values_supported",
                "introspection_endpoint_auth_methods_supported",
                "introspection_endpoint_auth_signing_alg_values_supported",
                "revocation_endpoint_auth_methods_supported", "revocation_endpoint_auth_signing_alg_values_supported",
                "code_challenge_methods_supported", "prompt_values_supported", "ui_locales_supported",
                "acr_values_supported", "request_object_signing_alg_values_supported",
                "dpop_signing_alg_values_supported");
        discovery.fieldNames().forEachRemaining(field -> {
            if (discovery.path(field).isArray()) {
                assertTrue(driven.contains(field), field + " is advertised but no test here drives its values");
            }
        });
    }

    @Test
    void responseTypesAndModes() throws Exception {
        for (String type : advertised("response_types_supported")) {
            if (!type.equals("code")) {
                throw notDriven("response_types_supported", type);
            }
            codeFlow(browser(), "none", null, Map.of("response_type", type));
        }
        Browser browser = browser();
        for (String mode : advertised("response_modes_supported")) {
            switch (mode) {
                case "query", "form_post" -> {
                    OIDCTokenResponse tokens = codeFlow(browser, "none", null, Map.of("response_mode", mode));
                    assertNotNull(tokens.getOIDCTokens().getAccessToken());
                }
                default -> throw notDriven("response_modes_supported", mode);
            }
        }
        Browser.Page formPost = browser.get(RelyingParty.url(withExtra(RelyingParty.codeRequest(clientId("none"),
                "openid", new CodeVerifier()), Map.of("response_mode", "form_post"))));
        assertTrue(formPost.location().isEmpty() && formPost.body().contains("<form method=\"post\""),
                "form_post answers a page, never a redirect: " + formPost.body());
    }

    static Map<String, String> withExtra(Map<String, String> params, Map<String, String> extra) {
        params.putAll(extra);
        return params;
    }

    @Test
    void grantTypes() throws Exception {
        for (String grant : advertised("grant_types_supported")) {
            switch (grant) {
                case "authorization_code" -> codeFlow(browser(), "none", null, Map.of());
                case "refresh_token" -> {
                    RefreshToken refresh = codeFlow(browser(), "none", null, Map.of()).getOIDCTokens()
                            .getRefreshToken();
                    assertNotNull(refresh, "offline_access gives a refresh token");
                    assertNotNull(token(null, clientId("none"), new RefreshTokenGrant(refresh), null)
                            .getOIDCTokens().getAccessToken());
                }
                case "client_credentials" -> {
                    TokenRequest request = new TokenRequest(tokenEndpoint, auth("client_secret_basic", null),
                            new ClientCredentialsGrant(), new Scope("notes.read"));
                    TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
                    assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject()
                            .toJSONObject().toString());
                }
                case DeviceGrantDriver.GRANT -> {
                    String device = admin.registerClient(Map.of("client_name", "Advertised values device",
                            "grant_types", List.of(DeviceGrantDriver.GRANT), "token_endpoint_auth_method", "none",
                            "scope", "openid")).clientId();
                    TokenResponse response = DeviceGrantDriver.approvedTokens(discovery, stack.issuer(), device,
                            username, PASSWORD);
                    assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject()
                            .toJSONObject().toString());
                }
                default -> throw notDriven("grant_types_supported", grant);
            }
        }
    }

    @Test
    void tokenEndpointAuthMethodsAndAlgorithms() throws Exception {
        Browser browser = browser();
        for (String method : advertised("token_endpoint_auth_methods_supported")) {
            switch (method) {
                case "none", "client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt" ->
                        codeFlow(browser, method, null, Map.of());
                default -> throw notDriven("token_endpoint_auth_methods_supported", method);
            }
        }
        for (String alg : advertised("token_endpoint_auth_signing_alg_values_supported")) {
            String method = alg.startsWith("HS") ? "client_secret_jwt" : "private_key_jwt";
            if (!Set.of("HS", "RS", "PS", "ES").contains(alg.substring(0, 2))) {
                throw notDriven("token_endpoint_auth_signing_alg_values_supported", alg);
            }
            codeFlow(browser, method, alg, Map.of());
        }
    }

    @Test
    void introspectionAndRevocationAuthMethodsAndAlgorithms() throws Exception {
        BearerAccessToken someToken = new BearerAccessToken("not-a-token-" + UUID.randomUUID());
        for (String method : advertised("introspection_endpoint_auth_methods_supported")) {
            if (!byAuthMethod.containsKey(method) || method.equals("none")) {
                throw notDriven("introspection_endpoint_auth_methods_supported", method);
            }
            assertInactive(auth(method, null), someToken, method);
        }
        for (String alg : advertised("introspection_endpoint_auth_signing_alg_values_supported")) {
            assertInactive(auth(alg.startsWith("HS") ? "client_secret_jwt" : "private_key_jwt", alg), someToken, alg);
        }
        URI revoke = URI.create(discovery.path("revocation_endpoint").asText());
        for (String method : advertised("revocation_endpoint_auth_methods_supported")) {
            if (!byAuthMethod.containsKey(method)) {
                throw notDriven("revocation_endpoint_auth_methods_supported", method);
            }
            var request = method.equals("none") ? new TokenRevocationRequest(revoke, new ClientID(clientId(method)),
                    someToken) : new TokenRevocationRequest(revoke, auth(method, null), someToken);
            assertEquals(200, request.toHTTPRequest().send().getStatusCode(), method);
        }
        for (String alg : advertised("revocation_endpoint_auth_signing_alg_values_supported")) {
            var request = new TokenRevocationRequest(revoke,
                    auth(alg.startsWith("HS") ? "client_secret_jwt" : "private_key_jwt", alg), someToken);
            assertEquals(200, request.toHTTPRequest().send().getStatusCode(), alg);
        }
        var wrong = new TokenRevocationRequest(revoke, new ClientSecretBasic(new ClientID(clientId(
                "client_secret_basic")), new Secret("wrong-secret")), someToken).toHTTPRequest().send();
        assertEquals(401, wrong.getStatusCode(), "the authentication is really checked");
    }

    void assertInactive(ClientAuthentication auth, BearerAccessToken token, String what) throws Exception {
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                URI.create(discovery.path("introspection_endpoint").asText()), auth, token).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> what + ": "
                + response.toErrorResponse().getErrorObject().toJSONObject());
        assertFalse(response.toSuccessResponse().isActive(), what);
    }

    @Test
    void idTokenSigningAlgorithms() throws Exception {
        for (String alg : advertised("id_token_signing_alg_values_supported")) {
            if (!alg.equals("RS256") && !alg.equals("ES256")) {
                throw notDriven("id_token_signing_alg_values_supported", alg);
            }
            String clientId = admin.registerClient(Map.of("client_name", "ID token " + alg,
                    "redirect_uris", List.of(REDIRECT_URI), "token_endpoint_auth_method", "none",
                    "grant_types", List.of("authorization_code"), "response_types", List.of("code"),
                    "scope", "openid", "verifier_first_party", true, "id_token_signed_response_alg", alg)).clientId();
            CodeVerifier verifier = new CodeVerifier();
            Map<String, String> response = authorize(browser(), clientId, "openid", verifier, Map.of());
            OIDCTokenResponse tokens = token(null, clientId, new AuthorizationCodeGrant(
                    new AuthorizationCode(response.get("code")), URI.create(REDIRECT_URI), verifier), null);
            assertEquals(alg, ((SignedJWT) tokens.getOIDCTokens().getIDToken()).getHeader().getAlgorithm().getName());
            idToken(tokens, clientId, JWSAlgorithm.parse(alg));
        }
    }

    /** A registered API's scope (resource-api's): a client holding it gets a token for that API with that scope. */
    void apiScopeGrantsATokenForItsApi(String scope) throws Exception {
        Admin.Registered registered = admin.registerClient(Map.of("client_name", "API scope " + scope,
                "grant_types", List.of("client_credentials"), "token_endpoint_auth_method", "client_secret_basic",
                "scope", scope));
        String clientId = registered.clientId();
        TokenResponse response = TokenResponse.parse(new TokenRequest(tokenEndpoint, new ClientSecretBasic(
                new ClientID(clientId), new Secret(registered.clientSecret())), new ClientCredentialsGrant(),
                new Scope(scope)).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> scope + ": " + response.toErrorResponse().getErrorObject()
                .toJSONObject());
        SignedJWT token = SignedJWT.parse(response.toSuccessResponse().getTokens().getAccessToken().getValue());
        assertEquals(List.of(stack.url(Service.RESOURCE).toString().replaceAll("/$", "")),
                token.getJWTClaimsSet().getAudience(), scope + ": the token is for the API owning the scope");
        assertEquals(scope, token.getJWTClaimsSet().getStringClaim("scope"));
    }

    @Test
    void scopesClaimsAcrAndSubjectTypes() throws Exception {
        OIDCTokenResponse tokens = codeFlow(browser(), "none", null, Map.of());
        Set<String> granted = Set.of(tokens.getOIDCTokens().getAccessToken().getScope().toStringList()
                .toArray(String[]::new));
        JsonNode userinfo = userinfo(tokens.getOIDCTokens().getBearerAccessToken());
        for (String scope : advertised("scopes_supported")) {
            switch (scope) {
                case "openid" -> assertTrue(userinfo.hasNonNull("sub"));
                case "profile" -> assertEquals("Ada Advertised", userinfo.path("name").asText());
                case "email" -> assertEquals(username + "@example.com", userinfo.path("email").asText());
                case "address" -> assertEquals("Springfield", userinfo.path("address").path("locality").asText());
                case "phone" -> assertEquals("+49 30 1234567", userinfo.path("phone_number").asText());
                case "offline_access" -> assertNotNull(tokens.getOIDCTokens().getRefreshToken());
                case "notes.read", "notes.write" -> {
                    apiScopeGrantsATokenForItsApi(scope);
                    continue;
                }
                default -> throw notDriven("scopes_supported", scope);
            }
            assertTrue(granted.contains(scope), scope + " granted: " + granted);
        }
        IDTokenClaimsSet idToken = idToken(tokens, clientId("none"), JWSAlgorithm.RS256);
        for (String claim : advertised("claims_supported")) {
            assertTrue(userinfo.has(claim) || idToken.getClaim(claim) != null,
                    claim + " is advertised but neither userinfo nor the ID token carries it: " + userinfo);
        }
        for (String acr : advertised("acr_values_supported")) {
            OIDCTokenResponse withAcr = codeFlow(browser(), "none", null, Map.of("acr_values", acr));
            IDTokenClaimsSet claims = idToken(withAcr, clientId("none"), JWSAlgorithm.RS256);
            assertEquals(acr, claims.getACR().getValue());
            assertEquals(List.of("pwd"), claims.getStringListClaim("amr"));
            OIDCTokenResponse essential = codeFlow(browser(), "none", null, Map.of("claims",
                    "{\"id_token\": {\"acr\": {\"essential\": true, \"values\": [\"" + acr + "\"]}}}"));
            assertEquals(acr, idToken(essential, clientId("none"), JWSAlgorithm.RS256).getACR().getValue());
        }
        for (String type : advertised("subject_types_supported")) {
            if (!type.equals("public")) {
                throw notDriven("subject_types_supported", type);
            }
            IDTokenClaimsSet other = idToken(codeFlow(browser(), "client_secret_basic", null, Map.of()),
                    clientId("client_secret_basic"), JWSAlgorithm.RS256);
            assertEquals(idToken.getSubject(), other.getSubject(), "public: one sub for every client");
        }
    }

    @Test
    void pkcePromptsAndPageLanguages() throws Exception {
        for (String method : advertised("code_challenge_methods_supported")) {
            if (!method.equals("S256")) {
                throw notDriven("code_challenge_methods_supported", method);
            }
            CodeVerifier verifier = new CodeVerifier();
            Map<String, String> response = authorize(browser(), clientId("none"), "openid", verifier, Map.of());
            TokenResponse wrong = OIDCTokenResponseParser.parse(new TokenRequest(tokenEndpoint,
                    new ClientID(clientId("none")), new AuthorizationCodeGrant(new AuthorizationCode(
                    response.get("code")), URI.create(REDIRECT_URI), new CodeVerifier()), null).toHTTPRequest()
                    .send());
            assertFalse(wrong.indicatesSuccess(), "S256 is checked");
        }
        Browser browser = browser();
        codeFlow(browser, "none", null, Map.of());
        for (String prompt : advertised("prompt_values_supported")) {
            Browser.Page page = browser.get(RelyingParty.url(withExtra(RelyingParty.codeRequest(clientId("none"),
                    "openid", new CodeVerifier()), Map.of("prompt", prompt))));
            switch (prompt) {
                case "none" -> assertNotNull(RelyingParty.response(page).get("code"), "the session answers");
                case "login", "select_account" -> assertTrue(page.isLoginPage(), prompt + ": " + page.body());
                case "consent" -> assertTrue(page.isConsentPage(), "even for a first-party client: " + page.body());
                default -> throw notDriven("prompt_values_supported", prompt);
            }
        }
        for (String locale : advertised("ui_locales_supported")) {
            Browser.Page login = browser().get(RelyingParty.url(withExtra(RelyingParty.codeRequest(clientId("none"),
                    "openid", new CodeVerifier()), Map.of("ui_locales", locale))));
            assertTrue(login.isLoginPage(), login.body());
            assertEquals(locale, login.headers().firstValue("Content-Language").orElse(null));
        }
    }

    @Test
    void requestObjectsParAndTheOtherFeatures() throws Exception {
        String clientId = clientId("private_key_jwt");
        for (String alg : advertised("request_object_signing_alg_values_supported")) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("client_id", clientId);
            params.put("request", requestObject(clientId, alg));
            Browser.Page login = browser().get(RelyingParty.url(params));
            assertTrue(login.isLoginPage(), alg + ": " + login.body());
        }
        assertTrue(discovery.path("request_parameter_supported").asBoolean());
        assertTrue(discovery.path("claims_parameter_supported").asBoolean());
        OIDCTokenResponse withClaims = codeFlow(browser(), "none", null, Map.of("claims",
                "{\"id_token\": {\"email\": null}, \"userinfo\": {\"name\": {\"essential\": true}}}"));
        assertEquals(username + "@example.com", idToken(withClaims, clientId("none"), JWSAlgorithm.RS256)
                .getStringClaim("email"));

        HttpResponse<String> pushed = http.send(HttpRequest.newBuilder(
                        URI.create(discovery.path("pushed_authorization_request_endpoint").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(RelyingParty.codeRequest(clientId("none"), "openid",
                        new CodeVerifier())))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, pushed.statusCode(), pushed.body());
        Map<String, String> byReference = new LinkedHashMap<>();
        byReference.put("client_id", clientId("none"));
        byReference.put("request_uri", json.readTree(pushed.body()).path("request_uri").asText());
        assertTrue(browser().get(RelyingParty.url(byReference)).isLoginPage());

        HttpResponse<String> logout = http.send(HttpRequest.newBuilder(
                URI.create(discovery.path("end_session_endpoint").asText())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, logout.statusCode(), "the sign-out confirmation page: " + logout.body());
        assertTrue(discovery.path("authorization_response_iss_parameter_supported").asBoolean(),
                "iss is checked on every response above");
    }

    /** RFC 9449: a client_credentials token with a DPoP proof signed with each advertised algorithm is DPoP-bound. */
    @Test
    void dpopSigningAlgorithms() throws Exception {
        Admin.Registered client = byAuthMethod.get("client_secret_basic");
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((client.clientId() + ":"
                + client.clientSecret()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Curve> curves = Map.of("ES256", Curve.P_256, "ES384", Curve.P_384, "ES512", Curve.P_521);
        for (String alg : advertised("dpop_signing_alg_values_supported")) {
            if (!Set.of("RS", "PS", "ES").contains(alg.substring(0, 2)) || alg.startsWith("ES") && !curves.containsKey(alg)) {
                throw notDriven("dpop_signing_alg_values_supported", alg);
            }
            JWK key = alg.startsWith("ES") ? ecKeys.get(curves.get(alg).getName()) : rsa;
            SignedJWT proof = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(alg))
                    .type(new com.nimbusds.jose.JOSEObjectType("dpop+jwt")).jwk(key.toPublicJWK()).build(),
                    new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).claim("htm", "POST")
                            .claim("htu", tokenEndpoint.toString()).issueTime(new java.util.Date()).build());
            proof.sign(alg.startsWith("ES") ? new ECDSASigner((ECKey) key) : new RSASSASigner((RSAKey) key));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(tokenEndpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", basic)
                    .header("DPoP", proof.serialize())
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=notes.read"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), alg + ": " + answer.body());
            assertEquals("DPoP", json.readTree(answer.body()).path("token_type").asText(), alg);
        }
    }

    String requestObject(String clientId, String alg) throws Exception {
        JWSAlgorithm algorithm = JWSAlgorithm.parse(alg);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(clientId)
                .audience(stack.issuer().toString()).expirationTime(new java.util.Date(System.currentTimeMillis()
                        + 60_000)).issueTime(new java.util.Date()).jwtID(UUID.randomUUID().toString());
        RelyingParty.codeRequest(clientId, "openid", new CodeVerifier()).forEach(claims::claim);
        JWK key = alg.startsWith("ES") ? ecKeys.get(Curve.P_256.getName()) : rsa;
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims.build());
        jwt.sign(alg.startsWith("ES") ? new ECDSASigner((ECKey) key) : new RSASSASigner((RSAKey) key));
        return jwt.serialize();
    }

    static String form(Map<String, String> params) {
        StringBuilder body = new StringBuilder();
        params.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return body.toString();
    }

    private static RSAKey generateRsa() {
        try {
            return new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
