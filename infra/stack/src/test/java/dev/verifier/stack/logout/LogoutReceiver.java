package dev.verifier.stack.logout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpServer;

/**
 * A relying party's back-channel logout endpoint on loopback (OIDC Back-Channel Logout 1.0 §2.5–2.6): accepts a
 * form POST of {@code logout_token}, validates it with Nimbus against token-service's {@code /jwks}
 * ({@code typ logout+jwt}, signature), and keeps the verified claims; anything else answers 400.
 */
final class LogoutReceiver implements AutoCloseable {

    private final HttpServer server;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final List<JWTClaimsSet> verified = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    LogoutReceiver(URI jwks) throws IOException {
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("logout+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(java.util.Set.of(JWSAlgorithm.RS256,
                JWSAlgorithm.ES256), JWKSourceBuilder.create(jwks.toURL()).retrying(true).build()));
        processor.setJWTClaimsSetVerifier((claims, context) -> { }); // the test checks the claims itself
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/backchannel-logout", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = 400;
            if (body.startsWith("logout_token=")) {
                String token = URLDecoder.decode(body.substring("logout_token=".length()), StandardCharsets.UTF_8);
                try {
                    verified.add(processor.process(token, null));
                    status = 200;
                } catch (Exception e) {
                    refused.add(e.toString());
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/backchannel-logout";
    }

    /** The first verified logout token with this sid, waiting up to {@code timeout}. */
    JWTClaimsSet await(String sid, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (JWTClaimsSet claims : verified) {
                if (sid.equals(claims.getStringClaim("sid"))) {
                    return claims;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no verified logout token for sid " + sid + "; refused: " + refused);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
