package dev.verifier.token.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.token.support.CodeFlow;
import dev.verifier.token.support.Codes;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenServiceTest;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An independent client library (Nimbus oauth2-oidc-sdk) redeems a code the way a relying party does and validates
 * the answer: the ID token's signature via /jwks, iss, aud, nonce and at_hash; the access token per RFC 9068.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "NimbusClientValidationTest")
class NimbusClientValidationTest implements TokenServiceTest {

    @Inject
    EmbeddedServer server;
    @Inject
    TestClients clients;
    @Inject
    CodeFlow flow;
    @Inject
    VerifierUrls urls;

    @Test
    void tokenResponseValidatesWithNimbus() throws Exception {
        TestClients.Client web = clients.register("client_secret_basic",
                "openid profile email offline_access notes.read", "authorization_code", "refresh_token");
        Codes codes = flow.publish(web, "openid profile email notes.read");

        TokenRequest request = new TokenRequest(urls.tokenEndpoint(),
                new ClientSecretBasic(new ClientID(web.id()), new Secret(web.secret())),
                new AuthorizationCodeGrant(new AuthorizationCode(codes.code()), URI.create(TestClients.REDIRECT_URI),
                        new CodeVerifier(codes.verifier())));
        HTTPResponse http = request.toHTTPRequest().send();
        assertEquals("no-store", http.getHeaderValue("Cache-Control"));
        OIDCTokenResponse response = OIDCTokenResponseParser.parse(http).toSuccessResponse() instanceof
                OIDCTokenResponse oidc ? oidc : null;
        assertNotNull(response, "an OIDC token response");

        URL jwks = urls.jwksUri().toURL();
        IDTokenValidator idTokens = new IDTokenValidator(new Issuer(urls.issuerId()), new ClientID(web.id()),
                JWSAlgorithm.RS256, jwks);
        IDTokenClaimsSet id = idTokens.validate(response.getOIDCTokens().getIDToken(), new Nonce(Codes.NONCE));
        assertEquals(codes.event().subject(), id.getSubject().getValue());
        assertNotNull(id.getAccessTokenHash());
        AccessTokenValidator.validate(response.getOIDCTokens().getAccessToken(), JWSAlgorithm.RS256,
                id.getAccessTokenHash());

        JWTClaimsSet access = rfc9068Processor(jwks).process(response.getOIDCTokens().getAccessToken().getValue(),
                null);
        assertEquals(web.id(), access.getStringClaim("client_id"));
        assertEquals(codes.event().subject(), access.getSubject());
        assertTrue(Set.of(access.getStringClaim("scope").split(" ")).contains("openid"));
    }

    @Test
    void idTokenIsRefusedAsAnRfc9068AccessToken() throws Exception {
        TestClients.Client web = clients.register("client_secret_basic", "openid", "authorization_code");
        Codes codes = flow.publish(web, "openid");
        HTTPResponse http = new TokenRequest(urls.tokenEndpoint(),
                new ClientSecretBasic(new ClientID(web.id()), new Secret(web.secret())),
                new AuthorizationCodeGrant(new AuthorizationCode(codes.code()), URI.create(TestClients.REDIRECT_URI),
                        new CodeVerifier(codes.verifier()))).toHTTPRequest().send();
        OIDCTokenResponse response = (OIDCTokenResponse) OIDCTokenResponseParser.parse(http).toSuccessResponse();

        String idToken = response.getOIDCTokens().getIDTokenString();
        org.junit.jupiter.api.Assertions.assertThrows(BadJOSEException.class,
                () -> rfc9068Processor(urls.jwksUri().toURL()).process(idToken, null));
    }

    /** RFC 9068 §4: typ at+jwt, signature from the JWKS, iss, aud, and the required claims. */
    DefaultJWTProcessor<SecurityContext> rfc9068Processor(URL jwks) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(jwks).retrying(false).build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                VerifierUrls.strip(urls.resourceApi()),
                new JWTClaimsSet.Builder().issuer(urls.issuerId()).build(),
                Set.of("sub", "exp", "iat", "jti", "client_id", "scope", "aud", "iss")));
        return processor;
    }
}
