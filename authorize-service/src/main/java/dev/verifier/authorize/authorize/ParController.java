package dev.verifier.authorize.authorize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.verifier.authorize.clientauth.ClientAuthentication;
import dev.verifier.authorize.par.PushedRequests;
import dev.verifier.authorize.request.AuthorizationParameters;
import dev.verifier.authorize.request.Param;
import dev.verifier.authorize.requestobject.RequestObjectVerifier;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.clientauth.ClientCredentials;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.web.FormParameters;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * {@code POST /par} (RFC 9126): parse as /token does ({@link FormParameters}: no duplicates, an empty value is an
 * omitted parameter; no {@code request_uri}; {@code resource} may be repeated, RFC 8707) → authenticate the client as at /token →
 * the request's parameters (the form without the credentials, or only those of a signed {@code request} object) →
 * bind them to the key of a DPoP proof, if one was sent ({@link ParDPoP}, RFC 9449 §10) →
 * validate them as /authorize would → store them and answer 201 with a single-use {@code request_uri}.
 */
@Controller("/par")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ParController {

    private static final Set<String> CREDENTIALS = Set.of("client_secret", "client_assertion", "client_assertion_type");

    private final ClientAuthentication authentication;
    private final RequestObjectVerifier requestObjects;
    private final AuthorizationRequestValidator validator;
    private final PushedRequests requests;
    private final ParDPoP dpop;

    ParController(ClientAuthentication authentication, RequestObjectVerifier requestObjects,
                  AuthorizationRequestValidator validator, PushedRequests requests, ParDPoP dpop) {
        this.dpop = dpop;
        this.authentication = authentication;
        this.requestObjects = requestObjects;
        this.validator = validator;
        this.requests = requests;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, Object>> push(HttpRequest<?> http, @Body @Nullable String body) {
        FormParameters.Form parsed = FormParameters.parse(body, Set.of(Param.RESOURCE));
        Map<String, String> form = parsed.params();
        if (form.containsKey(RequestResolver.REQUEST_URI)) {
            throw OAuthError.INVALID_REQUEST.exception("request_uri must not be pushed");
        }
        RegisteredClient client = authentication.authenticate(
                ClientCredentials.parse(form, http.getHeaders().get(HttpHeaders.AUTHORIZATION)));
        AuthorizationParameters request = dpop.bind(http, requestOf(form, parsed.all(Param.RESOURCE), client));
        validator.validate(request, validator.target(request));
        PushedRequests.Pushed pushed = requests.push(client.clientId(), request);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("request_uri", pushed.requestUri());
        answer.put("expires_in", pushed.expiresIn());
        return HttpResponse.<Map<String, Object>>created(answer).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private AuthorizationParameters requestOf(Map<String, String> form, List<String> resources,
                                              RegisteredClient client) {
        String clientId = form.get(Param.CLIENT_ID);
        if (clientId != null && !clientId.equals(client.clientId())) {
            throw OAuthError.INVALID_REQUEST.exception("client_id is not the authenticated client");
        }
        String object = form.get(RequestResolver.REQUEST);
        if (object != null) {
            return requestObjects.verify(object, client);
        }
        if (client.metadata().requiresSignedRequestObject()) {
            throw OAuthError.INVALID_REQUEST.exception(RequestResolver.SIGNED_OBJECT_REQUIRED);
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        form.forEach((name, value) -> values.put(name, List.of(value)));
        values.keySet().removeAll(CREDENTIALS);
        values.put(Param.CLIENT_ID, List.of(client.clientId()));
        if (!resources.isEmpty()) {
            values.put(Param.RESOURCE, resources);
        }
        return new AuthorizationParameters(values);
    }
}
