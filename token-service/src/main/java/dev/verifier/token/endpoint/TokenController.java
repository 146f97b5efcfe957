package dev.verifier.token.endpoint;

import dev.verifier.shared.client.ClientGrants;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.token.clientauth.ClientAuthentication;
import dev.verifier.token.grant.GrantHandler;
import dev.verifier.token.grant.GrantHandlers;
import dev.verifier.token.grant.TokenRequest;
import dev.verifier.token.grant.TokenResponse;
import dev.verifier.token.metrics.TokenMetrics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code POST /token}: parse → authenticate the client → handler by grant_type → grant allowed for the client →
 * the DPoP proof, if any ({@link TokenDPoP}, the same step for every grant) → the handler validates and issues → {@code Cache-Control: no-store}. Errors are rendered by the shared handler.
 */
@Controller("/token")
class TokenController {

    private final ClientAuthentication clientAuthentication;
    private final GrantHandlers grants;
    private final TokenMetrics metrics;
    private final TokenDPoP dpop;

    TokenController(ClientAuthentication clientAuthentication, GrantHandlers grants, TokenMetrics metrics,
                    TokenDPoP dpop) {
        this.clientAuthentication = clientAuthentication;
        this.dpop = dpop;
        this.grants = grants;
        this.metrics = metrics;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<TokenResponse> token(HttpRequest<?> http, @Body @Nullable String body,
                                      @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization) {
        try {
            TokenRequest request = TokenRequest.parse(body, authorization);
            RegisteredClient client = clientAuthentication.authenticate(request.credentials());
            GrantHandler handler = grants.forType(request.grantType());
            ClientGrants.of(client).require(handler.grantType());
            TokenResponse response = handler.handle(request.withDpopJkt(dpop.jkt(http, client)), client);
            metrics.issued(handler.grantType().value(), client.clientId());
            return HttpResponse.ok(response)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("Pragma", "no-cache");
        } catch (OAuthException e) {
            metrics.failed(e.error().code());
            throw e;
        }
    }
}
