package dev.verifier.token.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Builds client assertions (RFC 7523) for tests, valid by default, each property overridable. */
public final class ClientAssertions {

    private String issuer;
    private String subject;
    private String audience;
    private Instant expiresAt = Instant.now().plusSeconds(60);
    private Instant issuedAt = Instant.now();
    private String jti = UUID.randomUUID().toString();

    private ClientAssertions(String clientId, String audience) {
        this.issuer = clientId;
        this.subject = clientId;
        this.audience = audience;
    }

    public static ClientAssertions forClient(String clientId, String audience) {
        return new ClientAssertions(clientId, audience);
    }

    public ClientAssertions issuer(String value) {
        issuer = value;
        return this;
    }

    public ClientAssertions audience(String value) {
        audience = value;
        return this;
    }

    public ClientAssertions expiresAt(Instant value) {
        expiresAt = value;
        return this;
    }

    public ClientAssertions jti(String value) {
        jti = value;
        return this;
    }

    JWTClaimsSet claims() {
        return new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                .expirationTime(Date.from(expiresAt)).issueTime(Date.from(issuedAt)).jwtID(jti).build();
    }

    /** MACed with the key bytes (client_secret_jwt), computed directly so any key length works. */
    public String hmac(JWSAlgorithm alg, byte[] key) {
        String input = Base64URL.encode(new JWSHeader(alg).toString().getBytes(StandardCharsets.UTF_8)) + "."
                + Base64URL.encode(claims().toString().getBytes(StandardCharsets.UTF_8));
        try {
            String name = "Hmac" + alg.getName().replace("HS", "SHA");
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance(name);
            mac.init(new javax.crypto.spec.SecretKeySpec(key, name));
            return input + "." + Base64URL.encode(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with a private JWK (private_key_jwt). */
    public String signed(JWK key) {
        try {
            JWSAlgorithm alg = (JWSAlgorithm) key.getAlgorithm();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), claims());
            JWSSigner signer = new DefaultJWSSignerFactory().createJWSSigner(key, alg);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsecured JWT ({@code alg: none}). */
    public String unsigned() {
        String header = Base64URL.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)).toString();
        return header + "." + Base64URL.encode(claims().toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
