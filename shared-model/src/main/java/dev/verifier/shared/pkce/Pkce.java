package dev.verifier.shared.pkce;

import java.util.regex.Pattern;

import dev.verifier.shared.crypto.Hashes;

/**
 * PKCE (RFC 7636) with the only method Verifier accepts, {@code S256}. A verifier is 43–128 characters from the
 * unreserved set {@code [A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~"} (§4.1); the challenge is
 * {@code BASE64URL(SHA256(ASCII(verifier)))} (§4.2). The comparison is constant-time.
 */
public final class Pkce {

    public static final String S256 = "S256";

    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");

    private Pkce() {
    }

    public static boolean isWellFormedVerifier(String verifier) {
        return verifier != null && VERIFIER.matcher(verifier).matches();
    }

    /** The S256 challenge of a verifier. */
    public static String challengeS256(String verifier) {
        return Hashes.sha256Base64Url(verifier);
    }

    /**
     * Whether {@code verifier} is well formed and matches {@code challenge} under {@code method}; only {@code S256}
     * ever matches ({@code plain} and unknown methods are refused).
     */
    public static boolean matches(String verifier, String challenge, String method) {
        return S256.equals(method) && challenge != null && isWellFormedVerifier(verifier)
                && Hashes.constantTimeEquals(challengeS256(verifier), challenge);
    }
}
