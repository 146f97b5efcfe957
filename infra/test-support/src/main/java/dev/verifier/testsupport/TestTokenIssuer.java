package dev.verifier.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for token-service in a resource server's module tests: RSA keys whose public JWKS is served at
 * {@link #jwksUrl()} by a JDK HTTP server that counts its hits, and a builder of RFC 9068 access tokens signed with
 * them. {@link #rotate()} adds a new signing key to the served set, as token-service does when it rotates.
 */
public final class TestTokenIssuer implements AutoCloseable {

    private final String issuer;
    private final HttpServer server;
    private final List<RSAKey> published = new ArrayList<>();
    private final AtomicInteger jwksHits = new AtomicInteger();
    private volatile RSAKey signingKey;

    public TestTokenIssuer(String issuer) {
        this.issuer = issuer;
        this.signingKey = newKey();
        published.add(signingKey);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jwks", exchange -> {
            jwksHits.incrementAndGet();
            byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The base URL to use as {@code verifier.urls.token-service}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String jwksUrl() {
        return baseUrl() + "/jwks";
    }

    public String issuer() {
        return issuer;
    }

    public int jwksHits() {
        return jwksHits.get();
    }

    /** Publishes a new key and signs with it from now on (the old one stays published). */
    public synchronized void rotate() {
        signingKey = newKey();
        published.add(signingKey);
    }

    /** Stops publishing every key but the one it signs with, as token-service does when it retires or revokes them. */
    public synchronized void retireOldKeys() {
        published.removeIf(key -> key != signingKey);
    }

    public Builder token(String audience) {
        return new Builder(audience);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized String jwks() {
        return new JWKSet(published.stream().map(k -> (JWK) k.toPublicJWK()).toList()).toString();
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An access token with sensible defaults (valid 5 minutes, subject "alice", client "test-client"). */
    public final class Builder {
        private final JWTClaimsSet.Builder claims;
        private JOSEObjectType type = new JOSEObjectType("at+jwt");
        private RSAKey key = signingKey;

        private Builder(String audience) {
            Instant now = Instant.now();
            claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .subject("alice")
                    .audience(audience)
                    .claim("client_id", "test-client")
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                    .jwtID(UUID.randomUUID().toString());
        }

        public Builder scope(String scope) {
            claims.claim("scope", scope);
            return this;
        }

        public Builder subject(String subject) {
            claims.subject(subject);
            return this;
        }

        public Builder issuer(String value) {
            claims.issuer(value);
            return this;
        }

        public Builder audience(String... values) {
            claims.audience(List.of(values));
            return this;
        }

        public Builder expiresIn(Duration duration) {
            return expiresAt(Instant.now().plus(duration));
        }

        public Builder expiresAt(Instant instant) {
            claims.expirationTime(Date.from(instant));
            return this;
        }

        public Builder notBefore(Instant instant) {
            claims.notBeforeTime(Date.from(instant));
            return this;
        }

        public Builder claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        /** The header {@code typ}: {@code JWT} makes it look like an ID token; {@code null} leaves it out. */
        public Builder type(String value) {
            type = value == null ? null : new JOSEObjectType(value);
            return this;
        }

        /** Signs with a key that was never published. */
        public Builder signedWithUnpublishedKey() {
            key = newKey();
            return this;
        }

        public String sign() {
            try {
                SignedJWT jwt = new SignedJWT(
                        new JWSHeader.Builder(JWSAlgorithm.RS256).type(type).keyID(key.getKeyID()).build(),
                        claims.build());
                jwt.sign(new RSASSASigner(key));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
