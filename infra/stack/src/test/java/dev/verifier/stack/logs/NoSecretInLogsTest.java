package dev.verifier.stack.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import dev.verifier.stack.support.Admin;
import dev.verifier.stack.support.TokenChecks;
import dev.verifier.stack.support.VerifierStack;
import dev.verifier.stack.support.VerifierStack.Database;
import dev.verifier.stack.support.VerifierStack.Service;
import dev.verifier.testsupport.Browser;
import dev.verifier.testsupport.Browser.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * No secret, code, token or password in any log line at any level: a private stack runs with every service logging
 * JSON lines (the production format) at TRACE (root logger, so every library too, within the level caps of
 * verifier-logback.xml), a whole run goes through real HTTP — admin token, a public and a client_secret_jwt client
 * registered, a user created, a failed login, login, consent, code, tokens, refresh, userinfo, resource-api,
 * introspection, revocation, refresh-token reuse, a client_secret_jwt token request — and then every line of every
 * service's log and of the broker's log is searched for each secret value the run used or received, for the
 * distinctive parts of each (so a truncated token is found too) and for anything shaped like a JWT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoSecretInLogsTest {

    static final List<String> BROKER_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");
    static final Scope USER_SCOPE = new Scope("openid", "profile", "email", "offline_access", "notes.read");

    final Secrets secrets = new Secrets();
    final ListAppender<ILoggingEvent> brokerLog = new ListAppender<>();
    final HttpClient http = HttpClient.newHttpClient();
    VerifierStack stack;
    Path logDir;

    @BeforeAll
    void startStackLoggingEverything() throws Exception {
        brokerLog.start();
        root().addAppender(brokerLog); // the stack's broker runs in this JVM
        String secretsKey = secrets.add("VERIFIER_SECRETS_KEY key", Secrets.random(32));
        // JSON lines: the format infra/deploy runs with; LogLines unescapes their strings, so what the text format
        // would show is searched too. Root at TRACE through the logback knob, dev.verifier through Micronaut's.
        stack = VerifierStack.isolated(Database.H2, "logscan", Map.of(
                "VERIFIER_LOG_FORMAT", "json",
                "VERIFIER_LOG_LEVEL", "TRACE",
                "LOGGER_LEVELS_DEV_VERIFIER", "TRACE",
                "VERIFIER_SECRETS_KEY", "logscan:" + secretsKey));
        logDir = stack.logDir();
        secrets.add("bootstrap admin client secret", stack.adminClientSecret());
        secrets.add("demo user password", stack.demo().password());
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        root().detachAppender(brokerLog);
    }

    static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Test
    void aWholeRunAtTraceLevelLeavesNoSecretInAnyLogLine() throws Exception {
        runEverything();
        stack.close(); // every service flushed and logged its shutdown too

        List<LogLines.Line> lines = new ArrayList<>();
        for (Service service : Service.values()) {
            String name = stack.process(service).name();
            lines.addAll(LogLines.read(name, logDir.resolve(name + ".log")));
        }
        lines.addAll(brokerLines());

        assertLogsAreVerbose(lines);
        assertTrue(secrets.kinds().containsAll(Set.of("client secret", "user password", "wrong password",
                "authorization code", "code_verifier", "access token", "ID token", "refresh token",
                "client assertion", "CSRF token", "session cookie")), secrets.kinds().toString());

        List<Leak> leaks = new ArrayList<>();
        for (LogLines.Line line : lines) {
            for (Secrets.Needle needle : secrets.needles()) {
                if (line.contains(needle.text())) {
                    leaks.add(new Leak(needle.what(), line));
                }
            }
            LogLines.JWT.matcher(line.text()).results().forEach(jwt -> leaks.add(new Leak("a JWT", line)));
        }
        assertTrue(leaks.isEmpty(), () -> leaks.size() + " secret(s) in the logs, by logger and kind:\n"
                + leaks.stream().collect(Collectors.groupingBy(Leak::where, java.util.TreeMap::new,
                        Collectors.toList())).entrySet().stream()
                .map(e -> e.getKey() + " ×" + e.getValue().size() + ", e.g. " + e.getValue().get(0).line())
                .collect(Collectors.joining("\n")));
    }

    /** A secret found in a line. */
    record Leak(String what, LogLines.Line line) {

        String where() {
            return line.source() + " " + line.level() + " " + line.logger() + ": " + what;
        }
    }

    /** The scan means something only if the logs are full: DEBUG and TRACE lines, the run's requests, in every log. */
    void assertLogsAreVerbose(List<LogLines.Line> lines) {
        Map<String, List<LogLines.Line>> bySource = lines.stream()
                .collect(Collectors.groupingBy(LogLines.Line::source));
        for (Service service : Service.values()) {
            List<LogLines.Line> log = bySource.getOrDefault(stack.process(service).name(), List.of());
            assertTrue(log.stream().anyMatch(l -> l.level().equals("DEBUG")), service + " logged no DEBUG line");
            assertTrue(log.stream().anyMatch(l -> l.level().equals("TRACE")), service + " logged no TRACE line");
        }
        assertHandled(bySource, Service.TOKEN, "POST", "/token");
        assertHandled(bySource, Service.TOKEN, "POST", "/introspect");
        assertHandled(bySource, Service.TOKEN, "POST", "/revoke");
        assertHandled(bySource, Service.AUTHORIZE, "GET", "/authorize");
        assertHandled(bySource, Service.AUTHORIZE, "POST", "/login");
        assertHandled(bySource, Service.AUTHORIZE, "POST", "/consent");
        assertHandled(bySource, Service.AUTHORIZE, "GET", "/userinfo");
        assertHandled(bySource, Service.AUTHORIZE, "POST", "/admin/users");
        assertHandled(bySource, Service.REGISTRY, "POST", "/clients");
        assertHandled(bySource, Service.RESOURCE, "GET", "/api/me");
        assertFalse(bySource.getOrDefault("broker", List.of()).isEmpty(), "the broker logged nothing");
    }

    /** The TRACE line Micronaut writes for each request it routes: the run's requests are in the log. */
    void assertHandled(Map<String, List<LogLines.Line>> bySource, Service service, String method, String path) {
        String routed = "Matched route " + method + " - " + path;
        assertTrue(bySource.getOrDefault(stack.process(service).name(), List.of()).stream()
                .anyMatch(l -> l.level().equals("TRACE") && l.contains(routed)),
                () -> service + " logged no '" + routed + "'");
    }

    List<LogLines.Line> brokerLines() {
        List<LogLines.Line> lines = new ArrayList<>();
        int number = 0;
        for (ILoggingEvent event : List.copyOf(brokerLog.list)) {
            number++;
            if (BROKER_LOGGERS.stream().anyMatch(event.getLoggerName()::startsWith)) {
                String thrown = event.getThrowableProxy() == null ? ""
                        : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
                lines.add(LogLines.event("broker", number, event.getLevel().toString(), event.getLoggerName(),
                        event.getFormattedMessage() + " " + event.getMDCPropertyMap() + thrown));
            }
        }
        return lines;
    }

    // --- the run ------------------------------------------------------------------------------------------------

    void runEverything() throws Exception {
        Admin admin = new Admin(stack);
        TokenChecks checks = new TokenChecks(stack);
        String adminToken = secrets.add("access token", admin.clientCredentials(stack.adminClientId(),
                stack.adminClientSecret(), "registry.admin users.admin"));
        HttpResponse<String> listing = http.send(HttpRequest.newBuilder(stack.url(Service.REGISTRY).resolve("/clients"))
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, listing.statusCode(), listing.body());

        URI redirectUri = URI.create("http://127.0.0.1:8767/callback");
        ClientID spa = new ClientID(admin.registerClient(Map.of(
                "client_name", "Log scan SPA",
                "redirect_uris", List.of(redirectUri.toString()),
                "grant_types", List.of("authorization_code", "refresh_token"),
                "response_types", List.of("code"),
                "token_endpoint_auth_method", "none",
                "scope", USER_SCOPE.toString())).clientId());
        // a back end that authenticates with client_secret_jwt and may introspect tokens for resource-api
        Admin.Registered backEnd = admin.registerClient(Map.of(
                "client_name", "Log scan back end",
                "grant_types", List.of("client_credentials"),
                "token_endpoint_auth_method", "client_secret_jwt",
                // a client_credentials token needs an audience: an API scope (resource-api's)
                "scope", "notes.read",
                "introspection_audiences", List.of(stack.url(Service.RESOURCE).toString())));
        assertNotNull(backEnd.clientSecret(), "client_secret_jwt clients get a secret");
        secrets.add("client secret", backEnd.clientSecret());

        String username = "logscan-" + UUID.randomUUID().toString().substring(0, 8);
        String password = secrets.add("user password", "pw-" + Secrets.random(18));
        admin.createUser(Map.of("username", username, "password", password, "name", "Log Scan",
                "email", username + "@example.com", "email_verified", true));

        // the public client: a failed login, then login, consent, code, tokens
        CodeVerifier verifier = new CodeVerifier();
        secrets.add("code_verifier", verifier.getValue());
        Nonce nonce = new Nonce();
        URI authorization = new AuthenticationRequest.Builder(ResponseType.CODE, USER_SCOPE, spa, redirectUri)
                .endpointURI(stack.issuer().resolve("/authorize")).state(new State()).nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256).build().toURI();
        AuthorizationCode code = new AuthorizationCode(browserLogin(authorization, username, password));
        secrets.add("authorization code", code.getValue());

        URI tokenEndpoint = stack.url(Service.TOKEN).resolve("/token");
        OIDCTokens first = tokens(OIDCTokenResponseParser.parse(new TokenRequest(tokenEndpoint, spa,
                new AuthorizationCodeGrant(code, redirectUri, verifier), null).toHTTPRequest().send()));
        checks.idToken(first.getIDToken(), spa.getValue(), nonce, first.getAccessToken());
        OIDCTokens second = tokens(OIDCTokenResponseParser.parse(new TokenRequest(tokenEndpoint, spa,
                new RefreshTokenGrant(first.getRefreshToken()), null).toHTTPRequest().send()));
        BearerAccessToken accessToken = second.getBearerAccessToken();
        checks.accessToken(accessToken.getValue(), stack.url(Service.RESOURCE));

        UserInfoResponse userInfo = UserInfoResponse.parse(new UserInfoRequest(stack.issuer().resolve("/userinfo"),
                accessToken).toHTTPRequest().send());
        assertTrue(userInfo.indicatesSuccess(), () -> userInfo.toErrorResponse().getErrorObject().toString());
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(stack.url(Service.RESOURCE).resolve("/api/me"))
                .header("Authorization", accessToken.toAuthorizationHeader()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, api.statusCode(), api.body());
        // a secret sent where an access token belongs (a refresh token as Bearer): refused, and not logged either
        HttpResponse<String> misused = http.send(HttpRequest.newBuilder(stack.url(Service.RESOURCE)
                .resolve("/api/me")).header("Authorization", "Bearer " + second.getRefreshToken().getValue())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, misused.statusCode(), misused.body());

        // the back end: introspection and a token of its own, each authenticated by a fresh client_secret_jwt
        ClientID backEndId = new ClientID(backEnd.clientId());
        Secret backEndSecret = new Secret(backEnd.clientSecret());
        assertTrue(introspect(backEndId, backEndSecret, accessToken), "the refreshed access token is active");
        OIDCTokenResponse own = (OIDCTokenResponse) success(OIDCTokenResponseParser.parse(new TokenRequest(
                tokenEndpoint, assertion(backEndId, tokenEndpoint, backEndSecret), new ClientCredentialsGrant(), null)
                .toHTTPRequest().send()));
        secrets.add("access token", own.getOIDCTokens().getAccessToken().getValue());

        // revocation, then the reuse of the rotated-away refresh token (invalid_grant, the family revoked)
        assertEquals(200, new TokenRevocationRequest(stack.url(Service.TOKEN).resolve("/revoke"), spa, accessToken)
                .toHTTPRequest().send().getStatusCode());
        assertFalse(introspect(backEndId, backEndSecret, accessToken), "revoked");
        TokenResponse reuse = OIDCTokenResponseParser.parse(new TokenRequest(tokenEndpoint, spa,
                new RefreshTokenGrant(first.getRefreshToken()), null).toHTTPRequest().send());
        assertEquals("invalid_grant", ((TokenErrorResponse) reuse).getErrorObject().getCode());
    }

    /**
     * Drives the browser through a wrong password, the right one and consent; answers the code. The browser is used
     * directly (not {@code UserAgent}) to read the CSRF tokens and cookies it is given.
     */
    String browserLogin(URI authorization, String username, String password) {
        Browser browser = new Browser(stack.issuer().toString());
        Page page = browser.open(authorization);
        assertTrue(page.isLoginPage(), () -> "login page expected: " + page.status() + " " + page.body());
        secrets.add("CSRF token", page.hidden("csrf_token"));
        String wrong = secrets.add("wrong password", "pw-" + Secrets.random(18));
        Page refused = browser.login(page, username, wrong);
        assertFalse(refused.location().isPresent(), "a wrong password does not log in");
        Page login = refused.isLoginPage() ? refused : browser.open(authorization);
        secrets.add("CSRF token", login.hidden("csrf_token"));
        Page loggedIn = browser.login(login, username, password);
        secrets.add("session cookie", browser.cookie("verifier_session").orElseThrow(
                () -> new AssertionError("no session cookie after login: " + loggedIn.status())));
        Page consent = loggedIn.location().filter(l -> !l.startsWith("http")).map(browser::get).orElse(loggedIn);
        assertTrue(consent.isConsentPage(), () -> "consent page expected: " + consent.status());
        secrets.add("CSRF token", consent.hidden("csrf_token"));
        browser.cookie("verifier_csrf").ifPresent(csrf -> secrets.add("CSRF token", csrf));
        Page back = browser.consent(consent, "approve");
        String location = back.location().orElseThrow(() -> new AssertionError("no redirect: " + back.status()));
        try {
            AuthorizationResponse response = AuthorizationResponse.parse(URI.create(location));
            assertTrue(response.indicatesSuccess(), location);
            return response.toSuccessResponse().getAuthorizationCode().getValue();
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new AssertionError(location, e);
        }
    }

    OIDCTokens tokens(TokenResponse response) {
        OIDCTokens tokens = ((OIDCTokenResponse) success(response)).getOIDCTokens();
        secrets.add("access token", tokens.getAccessToken().getValue());
        secrets.add("ID token", tokens.getIDTokenString());
        RefreshToken refresh = tokens.getRefreshToken();
        assertNotNull(refresh, "offline_access gives a refresh token");
        secrets.add("refresh token", refresh.getValue());
        return tokens;
    }

    static TokenResponse success(TokenResponse response) {
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toJSONObject()
                .toString());
        return response;
    }

    ClientSecretJWT assertion(ClientID client, URI audience, Secret secret) throws Exception {
        ClientSecretJWT assertion = new ClientSecretJWT(client, audience, JWSAlgorithm.HS256, secret);
        secrets.add("client assertion", assertion.getClientAssertion().serialize());
        return assertion;
    }

    boolean introspect(ClientID client, Secret secret, Token token) throws Exception {
        // token-service accepts assertions addressed to the issuer or its token endpoint, at /introspect too
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                stack.url(Service.TOKEN).resolve("/introspect"),
                assertion(client, stack.url(Service.TOKEN).resolve("/token"), secret), token).toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse().isActive();
    }
}
