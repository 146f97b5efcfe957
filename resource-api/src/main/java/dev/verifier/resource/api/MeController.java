package dev.verifier.resource.api;

import java.util.List;

import dev.verifier.shared.security.AccessTokenScopes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** {@code GET /api/me}: who the access token speaks for — any valid token of this API's audience. */
@Controller("/api/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
class MeController {

    @Serdeable(naming = SnakeCaseStrategy.class)
    record Me(String sub, String clientId, List<String> scopes) {
    }

    @Get
    Me me(Authentication authentication) {
        Object clientId = authentication.getAttributes().get("client_id");
        return new Me(authentication.getName(), clientId == null ? null : clientId.toString(),
                List.copyOf(AccessTokenScopes.of(authentication)));
    }
}
