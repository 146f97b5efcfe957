package dev.verifier.token.revoke;

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
 * {@code POST /revoke} (RFC 7009): the client authenticates (public clients with their client_id); a refresh token
 * revokes its whole grant family, an access token goes on the revocation list. Tokens that are unknown, invalid or
 * another client's answer 200 too and change nothing, so the endpoint reveals nothing about them.
 */
@Controller("/revoke")
class RevocationController {

    private final ClientAuthentication clientAuthentication;
    private final Revocation revocation;

    RevocationController(ClientAuthentication clientAuthentication, Revocation revocation) {
        this.clientAuthentication = clientAuthentication;
        this.revocation = revocation;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<Void> revoke(@Body @Nullable String body,
                              @Header(HttpHeaders.AUTHORIZATION) @Nullable String authorization) {
        Map<String, String> params = FormParameters.parse(body);
        RegisteredClient client = clientAuthentication.authenticate(ClientCredentials.parse(params, authorization));
        String token = params.get(Params.TOKEN);
        if (token == null) {
            throw OAuthError.INVALID_REQUEST.exception("token is required");
        }
        revocation.revoke(token, client);
        return HttpResponse.<Void>ok().header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
