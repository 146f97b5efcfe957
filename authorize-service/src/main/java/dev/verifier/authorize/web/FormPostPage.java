package dev.verifier.authorize.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The page of OAuth 2.0 Form Post Response Mode §2: the response parameters as hidden fields of a form whose action
 * is the redirect URI, submitted on load by one inline script. The page's Content-Security-Policy allows exactly
 * that script (by its hash) and nothing else; without scripts the page shows a button that submits it.
 */
final class FormPostPage {

    static final String VIEW = "form-post";
    static final String SCRIPT = "document.forms[0].submit();";
    static final String CSP = SecurityHeadersFilter.withScript(sha256(SCRIPT));

    private FormPostPage() {
    }

    private static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
