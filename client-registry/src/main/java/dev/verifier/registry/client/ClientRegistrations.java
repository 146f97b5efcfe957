package dev.verifier.registry.client;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import dev.verifier.registry.client.ClientSecretIssuer.StoredSecret;
import dev.verifier.registry.event.ClientEvents;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.client.ClientAuthMethod;
import dev.verifier.shared.client.ClientMetadata;
import dev.verifier.shared.crypto.RandomTokens;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.event.ClientChanged.Change;
import dev.verifier.shared.runtime.audit.AuditEvents;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;

/**
 * Registers, replaces, deletes clients and rotates their secrets: validate, store in one transaction with its
 * {@code ClientChanged} event in the outbox, then publish what the outbox holds, and report it as an audit event whose actor is the admin token's subject. A plaintext secret
 * is only ever in the returned {@link Registration}, once.
 */
@Singleton
public class ClientRegistrations {

    private final ClientMetadataValidator validator;
    private final ClientScopeRules scopeRules;
    private final ClientSecretIssuer secrets;
    private final ClientStore store;
    private final ClientEvents events;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditEvents audit;
    private final SecurityService security;

    ClientRegistrations(ClientMetadataValidator validator, ClientScopeRules scopeRules, ClientSecretIssuer secrets,
                        ClientStore store, ClientEvents events, JsonMapper json, Clock clock, AuditEvents audit,
                        SecurityService security) {
        this.validator = validator;
        this.scopeRules = scopeRules;
        this.secrets = secrets;
        this.store = store;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
        this.security = security;
    }

    /** A client as stored plus the secret issued by this operation (null when none was). */
    public record Registration(ClientRecord record, @Nullable String secret) {
    }

    public Registration register(ClientRequest request) {
        ClientMetadata metadata = validator.validate(request.metadata());
        ClientAuthMethod method = ClientAuthMethod.from(metadata.tokenEndpointAuthMethod()).orElseThrow();
        StoredSecret secret = secrets.issue(method);
        Instant now = clock.instant();
        ClientRecord record = store.inTransaction(() -> {
            scopeRules.requireRegistered(metadata.scope());
            return store.insert(new ClientRecord(RandomTokens.base64Url(16), write(metadata), method.value(),
                    secret.hash(), secret.ciphertext(), secret.keyId(), request.firstParty(), now, now));
        });
        event(AuditType.CLIENT_REGISTERED, record.clientId()).detail("auth_method", method.value())
                .detail("first_party", record.firstParty()).emit();
        events.publishSoon();
        return new Registration(record, secret.plaintext());
    }

    /** RFC 7592 full replace; a new secret is issued only when the auth method now stores its secret differently. */
    public Registration replace(String clientId, ClientRequest request) {
        if (request.clientId() != null && !request.clientId().equals(clientId)) {
            throw OAuthError.INVALID_CLIENT_METADATA.exception("client_id in the body does not match the URL");
        }
        ClientMetadata metadata = validator.validate(request.metadata());
        ClientAuthMethod method = ClientAuthMethod.from(metadata.tokenEndpointAuthMethod()).orElseThrow();
        Registration updated = store.locked(clientId, old -> {
            scopeRules.requireRegistered(metadata.scope());
            ClientAuthMethod oldMethod = ClientAuthMethod.from(old.authMethod()).orElseThrow();
            StoredSecret secret = method.secretStorage() == oldMethod.secretStorage()
                    ? new StoredSecret(null, old.secretHash(), old.secretCiphertext(), old.secretKeyId())
                    : secrets.issue(method);
            boolean jwksUriChanged = !Objects.equals(read(old.metadata()).jwksUri(), metadata.jwksUri());
            return new Registration(store.replace(new ClientRecord(clientId, write(metadata), method.value(),
                    secret.hash(), secret.ciphertext(), secret.keyId(), request.firstParty(), old.createdAt(),
                    clock.instant()), jwksUriChanged, Change.UPDATED), secret.plaintext());
        });
        event(AuditType.CLIENT_CHANGED, clientId).detail("auth_method", method.value())
                .detail("new_secret_issued", updated.secret() != null).emit();
        events.publishSoon();
        return updated;
    }

    public Registration rotateSecret(String clientId) {
        Registration rotated = store.locked(clientId, old -> {
            ClientAuthMethod method = ClientAuthMethod.from(old.authMethod()).orElseThrow();
            if (!method.hasSecret()) {
                throw OAuthError.INVALID_REQUEST.exception("a " + method.value() + " client has no secret to rotate");
            }
            StoredSecret secret = secrets.issue(method);
            return new Registration(store.replace(new ClientRecord(clientId, old.metadata(), old.authMethod(),
                    secret.hash(), secret.ciphertext(), secret.keyId(), old.firstParty(), old.createdAt(),
                    clock.instant()), false, Change.SECRET_ROTATED), secret.plaintext());
        });
        event(AuditType.SECRET_ROTATED, clientId).emit();
        events.publishSoon();
        return rotated;
    }

    public void delete(String clientId) {
        store.delete(clientId);
        event(AuditType.CLIENT_DELETED, clientId).emit();
        events.publishSoon();
    }

    private AuditEvents.Builder event(AuditType type, String clientId) {
        return audit.event(type).actor(security.username().orElse("unknown")).client(clientId);
    }

    public ClientMetadata read(String metadataJson) {
        try {
            return json.readValue(metadataJson, ClientMetadata.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored metadata is not readable", e);
        }
    }

    private String write(ClientMetadata metadata) {
        try {
            return json.writeValueAsString(metadata);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("metadata is not writable", e);
        }
    }
}
