package dev.verifier.registry.client;

import java.util.List;
import java.util.Map;

import dev.verifier.registry.rules.RegistrationConfiguration;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.security.AccessTokenScopes;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;

/**
 * The admin API (scope {@value #ADMIN}) over RFC 7591/7592 client metadata JSON, and the internal read of one client
 * (scope {@value #READ}: the {@code RegisteredClient} view; with {@value #ADMIN} only: the RFC 7592 view).
 * Every answer carries {@code Cache-Control: no-store}.
 */
@Controller("/clients")
@ExecuteOn(TaskExecutors.BLOCKING)
class ClientAdminController {

    static final String ADMIN = "registry.admin";
    static final String READ = "registry.read";

    private final ClientRegistrations registrations;
    private final ClientStore store;
    private final ClientRepository repository;
    private final ClientViews views;
    private final RegistrationConfiguration config;
    private final JsonMapper json;
    private final AuditEvents audit;

    ClientAdminController(ClientRegistrations registrations, ClientStore store, ClientRepository repository,
                          ClientViews views, RegistrationConfiguration config, JsonMapper json, AuditEvents audit) {
        this.registrations = registrations;
        this.store = store;
        this.repository = repository;
        this.views = views;
        this.config = config;
        this.json = json;
        this.audit = audit;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @Secured(ADMIN)
    MutableHttpResponse<Map<String, Object>> register(@Body String body) {
        ClientRegistrations.Registration created = registrations.register(ClientRequest.parse(body, json));
        return noStore(HttpResponse.created(views.registration(created.record(), created.secret())));
    }

    @Get
    @Secured(ADMIN)
    MutableHttpResponse<Map<String, Object>> list(@QueryValue(defaultValue = "0") int page,
                                                  @QueryValue(defaultValue = "20") int size,
                                                  Authentication authentication) {
        if (page < 0 || size < 1 || size > config.maxPageSize()) {
            throw OAuthError.INVALID_REQUEST.exception("page must be >= 0 and size 1.." + config.maxPageSize());
        }
        Page<ClientRecord> found = repository.findAll(
                Pageable.from(page, size, Sort.of(Sort.Order.asc("createdAt"), Sort.Order.asc("clientId"))));
        List<Map<String, Object>> clients = found.getContent().stream().map(r -> views.registration(r, null)).toList();
        audit.event(AuditType.ADMIN_ACTION).actor(authentication.getName()).detail("action", "list_clients")
                .detail("page", page).detail("size", size).emit();
        return noStore(HttpResponse.ok(Map.of("clients", clients, "page", page, "size", size,
                "total", found.getTotalSize())));
    }

    @Get("/{clientId}")
    @Secured({ADMIN, READ})
    MutableHttpResponse<?> read(String clientId, Authentication authentication) {
        ClientRecord record = store.require(clientId);
        return noStore(HttpResponse.ok(AccessTokenScopes.has(authentication, READ)
                ? views.internal(record)
                : views.registration(record, null)));
    }

    @Put(value = "/{clientId}", consumes = MediaType.APPLICATION_JSON)
    @Secured(ADMIN)
    MutableHttpResponse<Map<String, Object>> replace(String clientId, @Body String body) {
        ClientRegistrations.Registration updated = registrations.replace(clientId, ClientRequest.parse(body, json));
        return noStore(HttpResponse.ok(views.registration(updated.record(), updated.secret())));
    }

    @Delete("/{clientId}")
    @Secured(ADMIN)
    MutableHttpResponse<?> delete(String clientId) {
        registrations.delete(clientId);
        return noStore(HttpResponse.noContent());
    }

    @Post("/{clientId}/secret")
    @Secured(ADMIN)
    MutableHttpResponse<Map<String, Object>> rotateSecret(String clientId) {
        ClientRegistrations.Registration rotated = registrations.rotateSecret(clientId);
        return noStore(HttpResponse.ok(views.registration(rotated.record(), rotated.secret())));
    }

    private static <T> MutableHttpResponse<T> noStore(MutableHttpResponse<T> response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header(HttpHeaders.PRAGMA, "no-cache");
    }
}
