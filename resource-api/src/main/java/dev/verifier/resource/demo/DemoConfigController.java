package dev.verifier.resource.demo;

import dev.verifier.shared.config.VerifierUrls;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * {@code GET /demo/config.json}: where the demo SPA finds the issuer, its endpoints (the {@code end_session_endpoint}
 * too) and its client; it comes back to the same page after login and after logout.
 */
@Controller("/demo")
@Secured(SecurityRule.IS_ANONYMOUS)
class DemoConfigController {

    @Serdeable(naming = SnakeCaseStrategy.class)
    record DemoConfig(String issuer, String authorizationEndpoint, String tokenEndpoint, String revocationEndpoint,
                      String endSessionEndpoint, String apiUrl, @Nullable String clientId, String redirectUri,
                      String postLogoutRedirectUri, String scope) {

        DemoConfig withClientId(@Nullable String id) {
            return new DemoConfig(issuer, authorizationEndpoint, tokenEndpoint, revocationEndpoint, endSessionEndpoint,
                    apiUrl, id, redirectUri, postLogoutRedirectUri, scope);
        }
    }

    private final DemoConfig config;
    private final DemoConfiguration demo;

    DemoConfigController(VerifierUrls urls, DemoConfiguration demo) {
        String self = VerifierUrls.strip(urls.resourceApi());
        this.demo = demo;
        this.config = new DemoConfig(urls.issuerId(), urls.issuerId() + "/authorize", urls.tokenEndpoint().toString(),
                urls.revocationEndpoint().toString(), urls.issuerId() + "/logout", self + "/api/me", null,
                self + "/demo/", self + "/demo/", demo.scope());
    }

    @Get("/config.json")
    DemoConfig config() {
        return config.withClientId(demo.currentClientId());
    }
}
