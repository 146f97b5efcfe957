package dev.verifier.token.introspect;

import java.util.Map;

import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.clientauth.ClientCredentials;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.web.FormParameters;
import dev.verifier.token.clientauth.ClientAuthentication;
import dev.verifier.token.grant.Params;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code POST /introspect} (RFC 7662): confidential clients only (a public client cannot authenticate); answers
 * {@code active:false} for anything expired, revoked, unknown or not meant for the caller.
 */
@Controller("/introspect")
class IntrospectionController {

    private final ClientAuthentication clientAuthentication;
    private final Introspection introspection;

    IntrospectionController(ClientAuthentication clientAuthentication, Introspection introspection) {
        this.clientAuthentication = clientAuthentication;
        this.introspection = introspection;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Map<String, Object>> introspect(@Body @Nullable String body,
                                                 @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization) {
        Map<String, String> params = FormParameters.parse(body);
        RegisteredClient caller = clientAuthentication.authenticate(ClientCredentials.parse(params, authorization));
        if (caller.isPublic()) {
            throw ClientCredentials.invalidClient();
        }
        String token = params.get(Params.TOKEN);
        if (token == null) {
            throw OAuthError.INVALID_REQUEST.exception("token is required");
        }
        return HttpResponse.ok(introspection.introspect(token, caller))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
