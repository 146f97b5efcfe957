package dev.verifier.token.support;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.verifier.shared.code.AuthorizationCodes;
import dev.verifier.shared.crypto.Hashes;
import dev.verifier.shared.crypto.SecretsCipher;
import dev.verifier.shared.crypto.RandomTokens;
import dev.verifier.shared.event.CodeIssued;
import dev.verifier.shared.pkce.Pkce;

/** An authorization code as authorize-service would issue it: the code, its PKCE verifier, and its event. */
public record Codes(String code, String verifier, CodeIssued event) {

    public static final String NONCE = "n-0S6_WzA2Mj";
    /** The key ring of application-test.yml: codes are minted with a MAC under it, as authorize-service does. */
    static final AuthorizationCodes FORMAT = new AuthorizationCodes(
            SecretsCipher.fromKeyRing("test:krgUdTN44_IypRjGm2Plg8-sD3Wr2nZc3py9Cpuoakk"));

    /** A code in our format (it passes the MAC check) that no event will ever announce. */
    public static String mintedButNeverIssued() {
        return FORMAT.mint();
    }

    public static Codes forClient(String clientId, String scope) {
        // at most the default code lifetime (60 s) after issued_at, as authorize-service issues them
        return forClient(clientId, scope, Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(60));
    }

    /** A code of {@code subject} issued in the SSO session {@code sid}. */
    public static Codes inSession(String clientId, String scope, String subject, String sid) {
        Codes codes = forClient(clientId, scope);
        CodeIssued e = codes.event();
        return new Codes(codes.code(), codes.verifier(), new CodeIssued(e.schemaVersion(), e.codeHash(),
                e.clientId(), e.redirectUri(), e.scope(), subject, e.codeChallenge(), e.codeChallengeMethod(),
                e.nonce(), e.authTime(), e.acr(), e.amr(), sid, e.claims(), e.issuedAt(), e.expiresAt()));
    }

    /** The same code, its event recording whether the authorization request carried {@code redirect_uri}. */
    public Codes withRedirectUriIncluded(boolean included) {
        CodeIssued e = event;
        return new Codes(code, verifier, new CodeIssued(e.schemaVersion(), e.codeHash(), e.clientId(),
                e.redirectUri(), e.scope(), e.subject(), e.codeChallenge(), e.codeChallengeMethod(), e.nonce(),
                e.authTime(), e.acr(), e.amr(), e.sessionId(), e.claims(), e.issuedAt(), e.expiresAt(), included));
    }

    /** The same code issued without PKCE (a confidential client registered with {@code require_pkce: false}). */
    public Codes withoutPkce() {
        CodeIssued e = event;
        return new Codes(code, null, new CodeIssued(e.schemaVersion(), e.codeHash(), e.clientId(), e.redirectUri(),
                e.scope(), e.subject(), null, null, e.nonce(), e.authTime(), e.acr(), e.amr(), e.sessionId(),
                e.claims(), e.issuedAt(), e.expiresAt(), e.redirectUriIncluded(), e.resources()));
    }

    /** The same code, its event carrying the RFC 8707 resources the authorization granted. */
    public Codes withResources(List<String> resources) {
        CodeIssued e = event;
        return new Codes(code, verifier, new CodeIssued(e.schemaVersion(), e.codeHash(), e.clientId(),
                e.redirectUri(), e.scope(), e.subject(), e.codeChallenge(), e.codeChallengeMethod(), e.nonce(),
                e.authTime(), e.acr(), e.amr(), e.sessionId(), e.claims(), e.issuedAt(), e.expiresAt(),
                e.redirectUriIncluded(), resources));
    }

    /** The same code bound to a DPoP key ({@code dpop_jkt} at /authorize or /par, RFC 9449 §10). */
    public Codes withDpopJkt(String jkt) {
        CodeIssued e = event;
        return new Codes(code, verifier, new CodeIssued(e.schemaVersion(), e.codeHash(), e.clientId(),
                e.redirectUri(), e.scope(), e.subject(), e.codeChallenge(), e.codeChallengeMethod(), e.nonce(),
                e.authTime(), e.acr(), e.amr(), e.sessionId(), e.claims(), e.issuedAt(), e.expiresAt(),
                e.redirectUriIncluded(), e.resources(), jkt));
    }

    public static Codes forClient(String clientId, String scope, Instant expiresAt) {
        String code = FORMAT.mint();
        String verifier = RandomTokens.base64Url(48);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CodeIssued event = new CodeIssued(CodeIssued.SCHEMA_VERSION, Hashes.sha256Base64Url(code), clientId,
                TestClients.REDIRECT_URI, scope, "user-" + RandomTokens.base64Url(4), Pkce.challengeS256(verifier),
                Pkce.S256, NONCE, now.minus(Duration.ofSeconds(30)), "urn:verifier:acr:pwd", List.of("pwd"),
                "session-1", Map.of("name", "Alice Example", "email", "alice@example.com", "email_verified", true),
                now, expiresAt);
        return new Codes(code, verifier, event);
    }
}
