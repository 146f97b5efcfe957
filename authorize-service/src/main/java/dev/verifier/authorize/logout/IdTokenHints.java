package dev.verifier.authorize.logout;

import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.runtime.security.VerifierJwksSignature;
import jakarta.inject.Singleton;

/**
 * Checks an {@code id_token_hint}: a signed JWT of ours (signature against token-service's JWKS, {@code iss} the
 * issuer), an ID token rather than an access or logout token ({@code typ} {@code JWT} or none), with {@code sub} and
 * one audience. An expired one is accepted (RP-Initiated Logout 1.0 §2: the RP often holds only an old one; OIDC
 * Core §3.1.2.1 allows it at {@code /authorize} too). Used by {@code /logout} and {@code /authorize}.
 */
@Singleton
public class IdTokenHints {

    /** What a valid hint says: the user, the client it was issued to and the session. */
    public record Hint(String subject, String clientId, String sid) {
    }

    private static final Set<String> ID_TOKEN_TYPES = Set.of("jwt");

    private final VerifierJwksSignature signature;
    private final String issuer;

    IdTokenHints(VerifierJwksSignature signature, VerifierUrls urls) {
        this.signature = signature;
        this.issuer = urls.issuerId();
    }

    public Optional<Hint> verify(String hint) {
        try {
            if (!(JWTParser.parse(hint) instanceof SignedJWT jwt) || !isIdTokenType(jwt.getHeader().getType())) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            List<String> audience = claims.getAudience();
            if (!issuer.equals(claims.getIssuer()) || claims.getSubject() == null || audience == null
                    || audience.size() != 1 || !signature.verifiesNow(jwt)) {
                return Optional.empty();
            }
            return Optional.of(new Hint(claims.getSubject(), audience.get(0), claims.getStringClaim("sid")));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static boolean isIdTokenType(JOSEObjectType type) {
        return type == null || ID_TOKEN_TYPES.contains(type.getType().toLowerCase(Locale.ROOT));
    }
}
