package dev.verifier.token.backchannel;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.jose.JwtTypes;
import dev.verifier.token.issue.JwtSigner;
import dev.verifier.token.keys.KeysConfiguration;
import jakarta.inject.Singleton;

/**
 * Logout tokens (OIDC Back-Channel Logout 1.0 §2.4), signed with the keys of {@code /jwks} as the client's ID tokens
 * are ({@code id_token_signed_response_alg} or the default): {@code typ: logout+jwt}; {@code iss}, {@code aud} (the
 * client), {@code iat}, a short {@code exp}, a fresh {@code jti}, {@code events} with the back-channel logout event,
 * {@code sub} and {@code sid}; never {@code nonce}.
 */
@Singleton
class LogoutTokens {

    static final String EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final JwtSigner signer;
    private final VerifierUrls urls;
    private final BackchannelConfiguration config;
    private final KeysConfiguration keys;
    private final Clock clock;

    LogoutTokens(JwtSigner signer, VerifierUrls urls, BackchannelConfiguration config, KeysConfiguration keys,
                 Clock clock) {
        this.signer = signer;
        this.urls = urls;
        this.config = config;
        this.keys = keys;
        this.clock = clock;
    }

    String issue(RegisteredClient client, String subject, String sid) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(urls.issuerId())
                .audience(client.clientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(config.logoutTokenLifetime())))
                .jwtID(UUID.randomUUID().toString())
                .claim("events", Map.of(EVENT, Map.of()))
                .subject(subject)
                .claim("sid", sid)
                .build();
        String alg = client.metadata().idTokenSignedResponseAlg();
        JWSAlgorithm algorithm = alg != null && keys.algorithms().contains(alg)
                ? JWSAlgorithm.parse(alg) : JWSAlgorithm.parse(keys.defaultAlgorithm());
        return signer.sign(JwtTypes.LOGOUT_TOKEN, algorithm, claims);
    }
}
