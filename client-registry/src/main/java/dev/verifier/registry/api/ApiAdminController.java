package dev.verifier.registry.api;

import static dev.verifier.shared.security.AdminScopes.REGISTRY_ADMIN;
import static dev.verifier.shared.security.AdminScopes.REGISTRY_READ;

import java.util.List;
import java.util.Optional;

import dev.verifier.shared.api.ApiPage;
import dev.verifier.shared.api.RegisteredApi;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.runtime.audit.AuditEvents;
import io.micronaut.core.annotation.Nullable;
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
 * The registered APIs: changed with scope {@value dev.verifier.shared.security.AdminScopes#REGISTRY_ADMIN}, read also
 * with {@value dev.verifier.shared.security.AdminScopes#REGISTRY_READ} by the other services (the same
 * {@link RegisteredApi} view: an API holds no secret). Both scopes count only with the registry's admin audience and
 * for a token issued to a client for itself, as for {@code /clients}. {@code GET /apis?identifier=} and
 * {@code ?scope=} answer the one API with that identifier or owning that scope (or none). Every answer carries
 * {@code Cache-Control: no-store}.
 */
@Controller("/apis")
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiAdminController {

    private final ApiRegistrations registrations;
    private final ApiStore store;
    private final ApiRepository repository;
    private final ApiConfiguration config;
    private final JsonMapper json;
    private final AuditEvents audit;

    ApiAdminController(ApiRegistrations registrations, ApiStore store, ApiRepository repository,
                       ApiConfiguration config, JsonMapper json, AuditEvents audit) {
        this.registrations = registrations;
        this.store = store;
        this.repository = repository;
        this.config = config;
        this.json = json;
        this.audit = audit;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    @Secured(REGISTRY_ADMIN)
    MutableHttpResponse<RegisteredApi> register(@Body String body) {
        return noStore(HttpResponse.created(registrations.register(ApiRequest.parse(body, json))));
    }

    @Get
    @Secured({REGISTRY_ADMIN, REGISTRY_READ})
    MutableHttpResponse<ApiPage> list(@QueryValue(defaultValue = "0") int page,
                                      @QueryValue(defaultValue = "20") int size,
                                      @Nullable @QueryValue String identifier, @Nullable @QueryValue String scope,
                                      Authentication authentication) {
        if (page < 0 || size < 1 || size > config.maxPageSize()) {
            throw OAuthError.INVALID_REQUEST.exception("page must be >= 0 and size 1.." + config.maxPageSize());
        }
        if (identifier != null && scope != null) {
            throw OAuthError.INVALID_REQUEST.exception("give identifier or scope, not both");
        }
        if (identifier != null || scope != null) {
            Optional<ApiRecord> found = identifier != null ? store.findByIdentifier(identifier) : store.findByScope(scope);
            List<RegisteredApi> apis = found.map(registrations::view).stream().toList();
            return noStore(HttpResponse.ok(new ApiPage(apis, 0, size, apis.size())));
        }
        Page<ApiRecord> found = repository.findAll(
                Pageable.from(page, size, Sort.of(Sort.Order.asc("createdAt"), Sort.Order.asc("id"))));
        audit.event(AuditType.ADMIN_ACTION).actor(authentication.getName()).detail("action", "list_apis")
                .detail("page", page).detail("size", size).emit();
        return noStore(HttpResponse.ok(new ApiPage(found.getContent().stream().map(registrations::view).toList(),
                page, size, found.getTotalSize())));
    }

    @Get("/{id}")
    @Secured({REGISTRY_ADMIN, REGISTRY_READ})
    MutableHttpResponse<RegisteredApi> read(String id) {
        return noStore(HttpResponse.ok(registrations.view(store.require(id))));
    }

    @Put(value = "/{id}", consumes = MediaType.APPLICATION_JSON)
    @Secured(REGISTRY_ADMIN)
    MutableHttpResponse<RegisteredApi> replace(String id, @Body String body) {
        return noStore(HttpResponse.ok(registrations.replace(id, ApiRequest.parse(body, json))));
    }

    @Delete("/{id}")
    @Secured(REGISTRY_ADMIN)
    MutableHttpResponse<?> delete(String id) {
        registrations.delete(id);
        return noStore(HttpResponse.noContent());
    }

    private static <T> MutableHttpResponse<T> noStore(MutableHttpResponse<T> response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header(HttpHeaders.PRAGMA, "no-cache");
    }
}
