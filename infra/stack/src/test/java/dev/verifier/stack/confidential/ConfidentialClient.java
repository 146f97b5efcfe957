package dev.verifier.stack.confidential;

import java.net.URI;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;

/**
 * The client side of the confidential flow, written with Nimbus only: signs request objects with the client's RSA
 * key (RFC 9101), authenticates at /token and /par with client_secret_jwt assertions (RFC 7523), one per request.
 */
final class ConfidentialClient {

    /** One authorization attempt's secrets, checked when the code comes back. */
    record Attempt(State state, Nonce nonce, CodeVerifier verifier) {

        static Attempt fresh() {
            return new Attempt(new State(), new Nonce(), new CodeVerifier());
        }
    }

    // notes.read: the access token is then also for resource-api, which the flow calls
    static final Scope SCOPE = new Scope("openid", "profile", "email", "offline_access", "notes.read");

    final ClientID id;
    final Secret secret;
    final RSAKey signingKey;
    final URI redirectUri;
    final URI issuer;
    final URI tokenEndpoint;

    ConfidentialClient(ClientID id, Secret secret, RSAKey signingKey, URI redirectUri, URI issuer, URI tokenEndpoint) {
        this.id = id;
        this.secret = secret;
        this.signingKey = signingKey;
        this.redirectUri = redirectUri;
        this.issuer = issuer;
        this.tokenEndpoint = tokenEndpoint;
    }

    /** The request's parameters as a signed request object for this issuer, valid two minutes. */
    SignedJWT requestObject(Attempt attempt) throws Exception {
        JWTClaimsSet parameters = new AuthenticationRequest.Builder(ResponseType.CODE, SCOPE, id, redirectUri)
                .state(attempt.state()).nonce(attempt.nonce())
                .codeChallenge(attempt.verifier(), CodeChallengeMethod.S256)
                .build().toJWTClaimsSet();
        JWTClaimsSet claims = new JWTClaimsSet.Builder(parameters)
                .issuer(id.getValue())
                .audience(issuer.toString())
                .issueTime(new Date())
                .expirationTime(new Date(System.currentTimeMillis() + 120_000))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                .type(new JOSEObjectType("oauth-authz-req+jwt")).build(), claims);
        jwt.sign(new RSASSASigner(signingKey));
        return jwt;
    }

    /** The front-channel request that only names the client and where its request object is. */
    URI authorizationByReference(URI requestUri) {
        return new AuthenticationRequest.Builder(requestUri, id).endpointURI(issuer.resolve("/authorize")).build()
                .toURI();
    }

    ClientSecretJWT assertionFor(URI audience) throws Exception {
        return new ClientSecretJWT(id, audience, JWSAlgorithm.HS256, secret);
    }

    TokenResponse token(AuthorizationGrant grant) throws Exception {
        return OIDCTokenResponseParser.parse(new TokenRequest(tokenEndpoint, assertionFor(tokenEndpoint), grant)
                .toHTTPRequest().send());
    }

    /** Pushes the signed request object to /par (RFC 9126), authenticated by client_secret_jwt. */
    PushedAuthorizationResponse push(Attempt attempt) throws Exception {
        return push(attempt, assertionFor(issuer.resolve("/par")));
    }

    /** Pushes the signed request object to /par, authenticated by the given client authentication. */
    PushedAuthorizationResponse push(Attempt attempt, ClientAuthentication authentication) throws Exception {
        AuthenticationRequest request = new AuthenticationRequest.Builder(requestObject(attempt), id).build();
        return PushedAuthorizationResponse.parse(new PushedAuthorizationRequest(issuer.resolve("/par"),
                authentication, request).toHTTPRequest().send());
    }
}
