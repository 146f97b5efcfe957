package dev.verifier.stack.support;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.verifier.stack.support.VerifierStack.Service;

/**
 * Validates what token-service issued with Nimbus only, as an independent relying party and resource server would:
 * ID tokens per OIDC Core (signature via the published JWKS, iss, aud, exp, nonce, at_hash) and access tokens per
 * RFC 9068 (typ at+jwt, signature, iss, aud, required claims).
 */
public final class TokenChecks {

    private final VerifierStack stack;
    private final JWKSource<SecurityContext> jwks;

    public TokenChecks(VerifierStack stack) {
        this.stack = stack;
        try {
            this.jwks = JWKSourceBuilder.create(stack.url(Service.TOKEN).resolve("/jwks").toURL()).build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public IDTokenClaimsSet idToken(JWT idToken, String clientId, Nonce nonce, AccessToken accessToken)
            throws Exception {
        IDTokenValidator validator = new IDTokenValidator(new Issuer(stack.issuer().toString()),
                new ClientID(clientId), new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, jwks), null);
        IDTokenClaimsSet claims = validator.validate(idToken, nonce);
        AccessTokenValidator.validate(accessToken, JWSAlgorithm.RS256, claims.getAccessTokenHash());
        return claims;
    }

    /** The RFC 9068 checks for an access token meant for {@code audience}. */
    public JWTClaimsSet accessToken(String token, URI audience) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, jwks));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                audience.toString(),
                new JWTClaimsSet.Builder().issuer(stack.issuer().toString()).build(),
                Set.of("iss", "sub", "aud", "exp", "iat", "jti", "client_id", "scope")));
        return processor.process(token, null);
    }
}
