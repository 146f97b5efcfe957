package dev.verifier.registry.client;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.verifier.shared.client.RegisteredClient;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

/**
 * The JSON views of a client: the RFC 7591 §3.2.1 / RFC 7592 view for admins (metadata, {@code client_id},
 * {@code client_id_issued_at}, the secret only when just issued, {@value ClientRequest#FIRST_PARTY}), and the internal
 * {@link RegisteredClient} for the other services (hash or ciphertext, never a plaintext secret).
 */
@Singleton
public class ClientViews {

    private final JsonMapper json;
    private final ClientRegistrations registrations;

    public ClientViews(JsonMapper json, ClientRegistrations registrations) {
        this.json = json;
        this.registrations = registrations;
    }

    public Map<String, Object> registration(ClientRecord record, @Nullable String newSecret) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("client_id", record.clientId());
        if (newSecret != null) {
            view.put("client_secret", newSecret);
            view.put("client_secret_expires_at", 0);
        }
        view.put("client_id_issued_at", record.createdAt().getEpochSecond());
        view.putAll(metadata(record.metadata()));
        view.put(ClientRequest.FIRST_PARTY, record.firstParty());
        return view;
    }

    public RegisteredClient internal(ClientRecord record) {
        return new RegisteredClient(record.clientId(), registrations.read(record.metadata()), record.secretHash(),
                record.secretCiphertext(), record.firstParty(), record.createdAt(), record.updatedAt());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> metadata(String metadataJson) {
        try {
            Map<String, Object> fields = json.readValue(metadataJson, Map.class);
            fields.values().removeIf(v -> v == null);
            return fields;
        } catch (IOException e) {
            throw new IllegalStateException("stored metadata is not readable", e);
        }
    }
}
