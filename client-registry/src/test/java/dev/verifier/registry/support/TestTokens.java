package dev.verifier.registry.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for token-service in the registry's tests: an RSA key whose public JWKS is served at
 * {@code <baseUrl>/jwks} by a JDK HTTP server (one per test JVM), and a builder of access tokens signed with it.
 */
public final class TestTokens {

    public static final String ISSUER = "http://localhost:9000";
    public static final String REGISTRY = "http://localhost:9002";

    private static final RSAKey KEY = generate("test-signing-key");
    private static final RSAKey UNKNOWN_KEY = generate("test-signing-key");
    private static String baseUrl;

    private TestTokens() {
    }

    /** The base URL of the fake token-service (starts its JWKS server on first use). */
    public static synchronized String baseUrl() {
        if (baseUrl == null) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                byte[] jwks = new JWKSet(KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
                server.createContext("/jwks", exchange -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, jwks.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(jwks);
                    }
                });
                server.start();
                baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return baseUrl;
    }

    public static String admin() {
        return token().scope("registry.admin").sign();
    }

    public static String reader() {
        return token().scope("registry.read").sign();
    }

    public static Builder token() {
        return new Builder();
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An RFC 9068 access token valid for the registry unless a setter breaks it. */
    public static final class Builder {
        private String scope = "registry.admin";
        private String issuer = ISSUER;
        private List<String> audience = List.of(REGISTRY, "http://localhost:9003");
        private Instant expiresAt = Instant.now().plusSeconds(300);
        private Instant notBefore;
        private JOSEObjectType type = new JOSEObjectType("at+jwt");
        private RSAKey key = KEY;

        public Builder scope(String value) { scope = value; return this; }
        public Builder issuer(String value) { issuer = value; return this; }
        public Builder audience(String... values) { audience = List.of(values); return this; }
        public Builder expiresAt(Instant value) { expiresAt = value; return this; }
        public Builder notBefore(Instant value) { notBefore = value; return this; }
        public Builder type(String value) { type = value == null ? null : new JOSEObjectType(value); return this; }
        public Builder signedWithUnknownKey() { key = UNKNOWN_KEY; return this; }

        public String sign() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(issuer).subject("test-admin")
                    .audience(audience).claim("client_id", "test-admin").claim("scope", scope)
                    .issueTime(new Date()).expirationTime(Date.from(expiresAt)).jwtID(UUID.randomUUID().toString());
            if (notBefore != null) {
                claims.notBeforeTime(Date.from(notBefore));
            }
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(type).keyID(key.getKeyID())
                        .build(), claims.build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
