package dev.verifier.stack.support.ha;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import dev.verifier.testsupport.Browser;
import dev.verifier.testsupport.Browser.Page;

/**
 * One complete sign-in of a person at a browser against the issuer: authorization request, login form, consent when
 * asked, back to the client with a code. A fresh browser each time (a new SSO session, a real password check).
 */
public final class Login {

    /** The code and its verifier; {@code serverErrors} counts the 5xx pages seen on the way, by answering copy. */
    public record Result(Optional<String> code, CodeVerifier verifier, Map<String, Integer> serverErrors) {
    }

    private final URI issuer;
    private final String clientId;
    private final String redirectUri;
    private final String username;
    private final String password;

    public Login(URI issuer, String clientId, String redirectUri, String username, String password) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.username = username;
        this.password = password;
    }

    public Result run() {
        Map<String, Integer> errors = new java.util.HashMap<>();
        CodeVerifier verifier = new CodeVerifier();
        Browser browser = new Browser(issuer.toString());
        try {
            Page page = browser.open(authorizeUrl(verifier));
            page = followLocal(browser, note(page, errors));
            if (page.isLoginPage()) {
                page = followLocal(browser, note(browser.login(page, username, password), errors));
            }
            if (page.isConsentPage()) {
                page = note(browser.consent(page, "approve"), errors);
            }
            Optional<String> code = page.location().filter(l -> l.startsWith(redirectUri))
                    .map(l -> URI.create(l).getQuery())
                    .flatMap(Login::codeParam);
            return new Result(code, verifier, errors);
        } catch (java.io.UncheckedIOException connectionLost) {
            errors.merge("connection", 1, Integer::sum);
            return new Result(Optional.empty(), verifier, errors);
        }
    }

    private static Page followLocal(Browser browser, Page page) {
        if ((page.status() == 302 || page.status() == 303) && page.location().filter(l -> !l.startsWith("http"))
                .isPresent()) {
            return browser.get(page.location().orElseThrow());
        }
        return page;
    }

    private static Page note(Page page, Map<String, Integer> errors) {
        if (page.status() >= 500) {
            errors.merge(page.headers().firstValue("X-Verifier-Copy").orElse("proxy"), 1, Integer::sum);
        }
        return page;
    }

    private static Optional<String> codeParam(String query) {
        for (String pair : query.split("&")) {
            if (pair.startsWith("code=")) {
                return Optional.of(java.net.URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private URI authorizeUrl(CodeVerifier verifier) {
        CodeChallenge challenge = CodeChallenge.compute(CodeChallengeMethod.S256, verifier);
        return issuer.resolve("/authorize?response_type=code&client_id=" + enc(clientId)
                + "&redirect_uri=" + enc(redirectUri) + "&scope=" + enc("openid offline_access")
                + "&state=" + UUID.randomUUID() + "&nonce=" + UUID.randomUUID()
                + "&code_challenge=" + challenge.getValue() + "&code_challenge_method=S256");
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
