package dev.verifier.registry.client;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.verifier.shared.client.ClientMetadata;
import dev.verifier.shared.error.OAuthError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;

/**
 * A registration or update body: RFC 7591 metadata (unknown fields dropped), the optional {@code client_id} of an
 * RFC 7592 update, and the admin-only extension {@value #FIRST_PARTY} (boolean, default false: a first-party client's
 * users are not asked for consent by authorize-service).
 */
public record ClientRequest(ClientMetadata metadata, @Nullable String clientId, boolean firstParty) {

    public static final String FIRST_PARTY = "verifier_first_party";
    private static final List<String> BOOLEANS = List.of(FIRST_PARTY, "require_pkce", "require_signed_request_object",
            "dpop_bound_access_tokens");

    public static ClientRequest parse(String body, JsonMapper json) {
        if (body == null || body.isBlank()) {
            throw OAuthError.INVALID_CLIENT_METADATA.exception("the body must be a JSON object of client metadata");
        }
        Map<?, ?> fields;
        ClientMetadata metadata;
        try {
            fields = json.readValue(body, Map.class);
            metadata = json.readValue(body, ClientMetadata.class);
        } catch (IOException | RuntimeException e) {
            throw OAuthError.INVALID_CLIENT_METADATA.exception(
                    "the body is not a JSON object of client metadata with values of the right types");
        }
        if (fields == null || metadata == null) {
            throw OAuthError.INVALID_CLIENT_METADATA.exception("the body must be a JSON object of client metadata");
        }
        for (String name : BOOLEANS) { // JSON booleans, not strings the binding would read leniently ("no" as false)
            Object value = fields.get(name);
            if (value != null && !(value instanceof Boolean)) {
                throw OAuthError.INVALID_CLIENT_METADATA.exception(name + " must be a boolean");
            }
        }
        Object firstParty = fields.get(FIRST_PARTY);
        Object clientId = fields.get("client_id");
        return new ClientRequest(metadata, clientId == null ? null : clientId.toString(), Boolean.TRUE.equals(firstParty));
    }
}
