package dev.verifier.authorize.authorize;

import dev.verifier.authorize.client.ClientLookup;
import dev.verifier.authorize.par.PushedRequests;
import dev.verifier.authorize.request.AuthorizationParameters;
import dev.verifier.authorize.request.Param;
import dev.verifier.authorize.requestobject.RequestObjectVerifier;
import dev.verifier.authorize.requestobject.RequestUriFetcher;
import dev.verifier.authorize.requestobject.RequestUris;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.runtime.audit.AuditEvents;
import jakarta.inject.Singleton;

/**
 * Turns the parameters that reached {@code /authorize} into the parameters of the authorization request: the query
 * itself, or (RFC 9101) only those of the signed request object given by value ({@code request}) or by reference
 * ({@code request_uri}: registered by the client, then fetched), or those pushed to /par (a
 * {@code urn:ietf:params:oauth:request_uri:} of this client, taken once). A client registered with
 * {@code require_pushed_authorization_requests} must use PAR. The query's {@code client_id} is required with a request object and must equal the
 * object's. A client registered with {@code require_signed_request_object} (RFC 9101 §10.5) must send a request
 * object ({@code request_object_signing_alg} alone only fixes its algorithm). Failures are
 * shown on the error page: no redirect URI can be trusted before the object is.
 */
@Singleton
public class RequestResolver {

    public static final String REQUEST = "request";
    public static final String REQUEST_URI = "request_uri";
    /** The refusal of a plain request from a client registered with {@code require_signed_request_object}. */
    public static final String SIGNED_OBJECT_REQUIRED =
            "this client must send a signed request object (require_signed_request_object)";

    private final ClientLookup clients;
    private final RequestObjectVerifier requestObjects;
    private final RequestUriFetcher fetcher;
    private final PushedRequests pushed;
    private final AuditEvents audit;

    RequestResolver(ClientLookup clients, RequestObjectVerifier requestObjects, RequestUriFetcher fetcher,
                    PushedRequests pushed, AuditEvents audit) {
        this.clients = clients;
        this.requestObjects = requestObjects;
        this.fetcher = fetcher;
        this.pushed = pushed;
        this.audit = audit;
    }

    public AuthorizationParameters resolve(AuthorizationParameters params) {
        for (String name : new String[] {REQUEST, REQUEST_URI, Param.CLIENT_ID}) {
            if (params.isDuplicated(name)) {
                throw invalidRequest(name + " must not be given more than once");
            }
        }
        String request = params.get(REQUEST);
        String requestUri = params.get(REQUEST_URI);
        if (request == null && requestUri == null) {
            params.first(Param.CLIENT_ID).flatMap(clients::find).ifPresent(client -> {
                requireParUnlessPushed(client);
                if (client.metadata().requiresSignedRequestObject()) {
                    throw invalidRequest(SIGNED_OBJECT_REQUIRED);
                }
            });
            return params;
        }
        if (request != null && requestUri != null) {
            throw invalidRequest("request and request_uri must not be used together");
        }
        String clientId = params.get(Param.CLIENT_ID);
        if (clientId == null) {
            throw invalidRequest("client_id is missing");
        }
        RegisteredClient client = clients.find(clientId).orElseThrow(() -> invalidRequest("unknown client_id"));
        if (requestUri != null && PushedRequests.isPushed(requestUri)) {
            return pushed.take(requestUri, client.clientId());
        }
        requireParUnlessPushed(client);
        try {
            return requestObject(client, request, requestUri);
        } catch (OAuthException e) {
            audit.event(AuditType.REQUEST_OBJECT_REFUSED).failure().actor(clientId).client(clientId)
                    .detail("error", e.error().code()).emit();
            throw e;
        }
    }

    private AuthorizationParameters requestObject(RegisteredClient client, String request, String requestUri) {
        if (request != null) {
            return requestObjects.verify(request, client);
        }
        if (!RequestUris.registered(client, requestUri)) {
            throw OAuthError.INVALID_REQUEST_URI.exception("request_uri is not registered for this client");
        }
        return requestObjects.verify(fetcher.fetch(requestUri), client);
    }

    private static void requireParUnlessPushed(RegisteredClient client) {
        if (Boolean.TRUE.equals(client.metadata().requirePushedAuthorizationRequests())) {
            throw invalidRequest("this client must push its authorization requests (PAR)");
        }
    }

    private static OAuthException invalidRequest(String description) {
        return OAuthError.INVALID_REQUEST.exception(description);
    }
}
