package dev.verifier.authorize.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for token-service: a JDK HTTP server (one per test JVM) serving {@code /jwks} (a test RSA key),
 * {@code /token} (the client_credentials grant of the bootstrap admin client, answering {@link #REGISTRY_TOKEN}),
 * {@code /internal/jti} (the jti single-use store, in memory, for that token only) and {@code /introspect} (for that
 * client: active unless {@link #revoke revoked}), and a builder of RFC 9068 access tokens signed with the test key. The real token-service behind these is tested in token-service and end to end.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:9000";
    public static final String ADMIN_AUDIENCE = ISSUER + "/admin";
    public static final String REGISTRY_TOKEN = "registry-read-token-" + UUID.randomUUID();
    static final String ADMIN_BASIC = "Basic " + Base64.getEncoder().encodeToString(
            "authorize-test-admin:authorize-test-secret".getBytes(StandardCharsets.UTF_8));

    private static final RSAKey KEY = generate("authorize-test-key");
    private static final RSAKey UNKNOWN_KEY = generate("authorize-test-key");
    private static final java.util.concurrent.atomic.AtomicInteger TOKEN_REQUESTS =
            new java.util.concurrent.atomic.AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicInteger JTI_REQUESTS =
            new java.util.concurrent.atomic.AtomicInteger();
    private static final Set<String> USED_JTIS = ConcurrentHashMap.newKeySet();
    private static final Set<String> REVOKED_JTIS = ConcurrentHashMap.newKeySet();
    private static final java.util.concurrent.atomic.AtomicInteger INTROSPECTIONS =
            new java.util.concurrent.atomic.AtomicInteger();
    private static volatile boolean introspectionDown;
    private static String baseUrl;

    private TestTokens() {
    }

    public static synchronized String baseUrl() {
        if (baseUrl == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                String jwks = new JWKSet(KEY.toPublicJWK()).toString();
                server.createContext("/jwks", exchange -> answer(exchange, 200, jwks));
                server.createContext("/token", exchange -> {
                    TOKEN_REQUESTS.incrementAndGet();
                    boolean admin = ADMIN_BASIC.equals(exchange.getRequestHeaders().getFirst("Authorization"));
                    answer(exchange, admin ? 200 : 401, admin
                            ? "{\"access_token\":\"" + REGISTRY_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"
                            : "{\"error\":\"invalid_client\"}");
                });
                server.createContext("/internal/jti", TestTokens::recordJti);
                server.createContext("/introspect", TestTokens::introspect);
                server.start();
                baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return baseUrl;
    }

    /** How many client_credentials requests the fake token endpoint has answered (all test classes). */
    public static int tokenRequests() {
        return TOKEN_REQUESTS.get();
    }

    public static Builder token() {
        return new Builder();
    }

    /** A client_credentials token of an admin client: users.admin, for authorize-service's admin audience. */
    public static String usersAdmin() {
        return token().scope("users.admin").audience(ADMIN_AUDIENCE).subject("test-admin").clientId("test-admin")
                .sign();
    }

    /** How many jtis the fake store has been asked to record (all test classes). */
    public static int jtiRecords() {
        return JTI_REQUESTS.get();
    }

    private static void recordJti(HttpExchange exchange) throws IOException {
        JTI_REQUESTS.incrementAndGet();
        if (!("Bearer " + REGISTRY_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\":\"invalid_token\"}");
            return;
        }
        Map<String, Object> use;
        try {
            use = JSONObjectUtils.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        } catch (java.text.ParseException e) {
            answer(exchange, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        boolean first = USED_JTIS.add(use.get("client_id") + " " + use.get("jti"));
        answer(exchange, 200, "{\"first_use\":" + first + "}");
    }

    /** Revokes {@code accessToken} at the fake token-service: introspection answers inactive from now on. */
    public static void revoke(String accessToken) {
        try {
            REVOKED_JTIS.add(SignedJWT.parse(accessToken).getJWTClaimsSet().getJWTID());
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** How many introspection requests the fake has answered (all test classes). */
    public static int introspections() {
        return INTROSPECTIONS.get();
    }

    /** While down, introspection answers 503. */
    public static void introspectionDown(boolean down) {
        introspectionDown = down;
    }

    private static void introspect(HttpExchange exchange) throws IOException {
        INTROSPECTIONS.incrementAndGet();
        if (!ADMIN_BASIC.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        if (introspectionDown) {
            answer(exchange, 503, "{\"error\":\"temporarily_unavailable\"}");
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String token = java.util.Arrays.stream(body.split("&")).filter(p -> p.startsWith("token="))
                .map(p -> java.net.URLDecoder.decode(p.substring(6), StandardCharsets.UTF_8)).findFirst().orElse("");
        boolean active;
        try {
            active = !REVOKED_JTIS.contains(SignedJWT.parse(token).getJWTClaimsSet().getJWTID());
        } catch (java.text.ParseException e) {
            active = false;
        }
        answer(exchange, 200, "{\"active\":" + active + "}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ID token as token-service issues them (typ JWT, aud = the client), to use as id_token_hint. */
    public static IdTokenBuilder idToken(String subject, String clientId, String sid) {
        return new IdTokenBuilder(subject, clientId, sid);
    }

    public static final class IdTokenBuilder {
        private final String subject;
        private final String clientId;
        private final String sid;
        private String issuer = ISSUER;
        private Instant expiresAt = Instant.now().plusSeconds(300);
        private RSAKey key = KEY;

        private IdTokenBuilder(String subject, String clientId, String sid) {
            this.subject = subject;
            this.clientId = clientId;
            this.sid = sid;
        }

        public IdTokenBuilder issuer(String value) { issuer = value; return this; }
        public IdTokenBuilder expiresAt(Instant value) { expiresAt = value; return this; }
        public IdTokenBuilder signedWithUnknownKey() { key = UNKNOWN_KEY; return this; }

        public String sign() {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(clientId)
                    .claim("azp", clientId).claim("sid", sid).issueTime(Date.from(expiresAt.minusSeconds(600)))
                    .expirationTime(Date.from(expiresAt)).build();
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                        .keyID(key.getKeyID()).build(), claims);
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** An access token for authorize-service (aud = issuer) unless a setter breaks it. */
    public static final class Builder {
        private String scope = "openid";
        private String subject = "test-admin";
        private String clientId = "test-client";
        private List<String> audience = List.of(ISSUER, "http://localhost:9003");
        private Instant expiresAt = Instant.now().plusSeconds(300);
        private JOSEObjectType type = new JOSEObjectType("at+jwt");
        private RSAKey key = KEY;
        private String jkt;

        public Builder scope(String value) { scope = value; return this; }
        /** Bound to the DPoP key with this thumbprint ({@code cnf.jkt}). */
        public Builder dpopBound(String value) { jkt = value; return this; }
        public Builder subject(String value) { subject = value; return this; }
        public Builder clientId(String value) { clientId = value; return this; }
        public Builder audience(String... values) { audience = List.of(values); return this; }
        public Builder expiresAt(Instant value) { expiresAt = value; return this; }
        public Builder type(String value) { type = new JOSEObjectType(value); return this; }
        public Builder signedWithUnknownKey() { key = UNKNOWN_KEY; return this; }

        public String sign() {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience(audience)
                    .claim("client_id", clientId).claim("scope", scope).issueTime(new Date())
                    .expirationTime(Date.from(expiresAt)).jwtID(UUID.randomUUID().toString())
                    .claim("cnf", jkt == null ? null : Map.of("jkt", jkt)).build();
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(type)
                        .keyID(key.getKeyID()).build(), claims);
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
