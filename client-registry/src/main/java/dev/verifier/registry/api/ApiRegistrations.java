package dev.verifier.registry.api;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import dev.verifier.registry.event.ApiEvents;
import dev.verifier.shared.api.RegisteredApi;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.crypto.RandomTokens;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.runtime.audit.AuditEvents;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;

/**
 * Registers, replaces and deletes APIs: validate ({@link ApiRules}), store in one transaction with its
 * {@code ApiChanged} event in the outbox ({@link ApiStore}), publish what the outbox holds, and report an audit event
 * whose actor is the admin token's subject. Also the JSON view of a stored API ({@link RegisteredApi}).
 */
@Singleton
public class ApiRegistrations {

    /** SQLSTATE of a unique or primary-key violation, in PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final ApiRules rules;
    private final ApiStore store;
    private final ApiEvents events;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditEvents audit;
    private final SecurityService security;

    ApiRegistrations(ApiRules rules, ApiStore store, ApiEvents events, JsonMapper json, Clock clock,
                     AuditEvents audit, SecurityService security) {
        this.rules = rules;
        this.store = store;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.audit = audit;
        this.security = security;
    }

    public RegisteredApi register(ApiRequest request) {
        ApiDefinition api = rules.validate(request);
        ApiRecord stored = unique(() -> store.insert(record(RandomTokens.base64Url(16), api), api.scopeValues()));
        event(AuditType.API_REGISTERED, stored).emit();
        events.publishSoon();
        return view(stored);
    }

    public RegisteredApi replace(String id, ApiRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw OAuthError.INVALID_REQUEST.exception("id in the body does not match the URL");
        }
        ApiDefinition api = rules.validate(request);
        ApiRecord stored = unique(() -> store.replace(record(id, api), api.scopeValues()));
        event(AuditType.API_CHANGED, stored).emit();
        events.publishSoon();
        return view(stored);
    }

    public void delete(String id) {
        store.delete(id);
        audit.event(AuditType.API_DELETED).actor(actor()).detail("api_id", id).emit();
        events.publishSoon();
    }

    public RegisteredApi view(ApiRecord record) {
        try {
            List<RegisteredApi.Scope> scopes = Arrays.asList(json.readValue(record.scopes(), RegisteredApi.Scope[].class));
            return new RegisteredApi(record.id(), record.identifier(), record.name(), scopes,
                    record.accessTokenLifetime(), record.allowClientCredentials(), record.allowUserTokens(),
                    record.createdAt(), record.updatedAt());
        } catch (IOException e) {
            throw new IllegalStateException("stored scopes of API " + record.id() + " are not readable", e);
        }
    }

    /** Stamped to the millisecond, so that the answer shows what the database keeps. */
    private ApiRecord record(String id, ApiDefinition api) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            return new ApiRecord(id, api.identifier(), api.name(), json.writeValueAsString(api.scopes()),
                    api.accessTokenLifetime(), api.allowClientCredentials(), api.allowUserTokens(), now, now);
        } catch (IOException e) {
            throw new IllegalStateException("scopes are not writable", e);
        }
    }

    /** A write that lost a race for an identifier or a scope value with a concurrent one: the same answer as a check. */
    private static ApiRecord unique(java.util.function.Supplier<ApiRecord> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    throw OAuthError.INVALID_REQUEST.exception("the identifier or a scope value was just registered "
                            + "for another API: a scope value and an identifier belong to one API only");
                }
            }
            throw e;
        }
    }

    private AuditEvents.Builder event(AuditType type, ApiRecord api) {
        return audit.event(type).actor(actor()).detail("api_id", api.id()).detail("identifier", api.identifier())
                .detail("scopes", String.join(" ", view(api).scopeValues()));
    }

    private String actor() {
        return security.username().orElse("unknown");
    }
}
