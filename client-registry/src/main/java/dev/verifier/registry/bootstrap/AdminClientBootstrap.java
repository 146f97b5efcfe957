package dev.verifier.registry.bootstrap;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.verifier.registry.client.ClientRecord;
import dev.verifier.registry.client.ClientRepository;
import dev.verifier.registry.client.ClientStore;
import dev.verifier.registry.event.ClientEvents;
import dev.verifier.shared.client.ClientAuthMethod;
import dev.verifier.shared.client.ClientMetadata;
import dev.verifier.shared.client.GrantType;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.crypto.ClientSecrets;
import dev.verifier.shared.event.ClientChanged.Change;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the clients configured in the environment at start-up: the bootstrap admin client
 * ({@link AdminClientConfiguration}, scope {@value AdminClientConfiguration#SCOPE}, first party) and authorize-service's
 * service client ({@link AuthorizeClientConfiguration}, scope {@value AuthorizeClientConfiguration#SCOPE}, and
 * {@code introspection_audiences} = the issuer, so that its {@code /userinfo} can ask token-service whether an access
 * token was revoked); each
 * {@code client_credentials} only, {@code client_secret_basic}, {@code verifier_admin}. A weak secret (see
 * {@link ServiceClientSecrets}) stops the start with a message saying what to set. Idempotent across restarts and
 * copies starting together: insert-if-absent, then bring an existing row to the configured secret and metadata (same
 * values from every copy), with a {@code ClientChanged} event in the outbox only when something changed.
 */
@Context
@Singleton
public class AdminClientBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AdminClientBootstrap.class);

    private final List<ServiceClient> seeded;
    private final ClientRepository clients;
    private final ClientStore store;
    private final ClientEvents events;
    private final JsonMapper json;
    private final Clock clock;

    AdminClientBootstrap(AdminClientConfiguration admin, AuthorizeClientConfiguration authorize,
                         ClientRepository clients, ClientStore store, ClientEvents events, JsonMapper json,
                         Clock clock, VerifierUrls urls) {
        List<ServiceClient> configured = new ArrayList<>();
        if (admin.enabled()) {
            configured.add(new ServiceClient("Verifier bootstrap admin", admin.clientId(), admin.clientSecret(),
                    AdminClientConfiguration.SCOPE, "VERIFIER_ADMIN_CLIENT_SECRET", null));
        }
        if (authorize.enabled()) {
            configured.add(new ServiceClient("authorize-service", authorize.clientId(), authorize.clientSecret(),
                    AuthorizeClientConfiguration.SCOPE, "VERIFIER_AUTHORIZE_CLIENT_SECRET",
                    List.of(urls.issuerId())));
        }
        configured.forEach(c -> ServiceClientSecrets.requireStrong(c.secretVariable(), c.clientSecret()));
        if (admin.enabled() && authorize.enabled() && admin.clientId().equals(authorize.clientId())) {
            throw new IllegalStateException("VERIFIER_AUTHORIZE_CLIENT_ID must differ from VERIFIER_ADMIN_CLIENT_ID: "
                    + "authorize-service gets its own client with registry.read jti.record only");
        }
        this.seeded = List.copyOf(configured);
        this.clients = clients;
        this.store = store;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (seeded.isEmpty()) {
            LOG.info("no bootstrap admin client configured (VERIFIER_ADMIN_CLIENT_ID / VERIFIER_ADMIN_CLIENT_SECRET)");
        }
        seed();
    }

    /** @return the change made to the bootstrap admin client (the first seeded), or null when it was as configured */
    public Change seed() {
        Change first = null;
        boolean changed = false;
        for (ServiceClient client : seeded) {
            Change change = store.inTransaction(() -> seedRow(client));
            first = client == seeded.get(0) ? change : first;
            changed |= change != null;
        }
        if (changed) {
            events.publishSoon(); // off the start-up thread: a broker that is not up yet must not hold the start
        }
        return first;
    }

    private Change seedRow(ServiceClient client) {
        String id = client.clientId();
        String metadata = metadata(client);
        String hash = ClientSecrets.hash(client.clientSecret());
        Instant now = clock.instant();
        String method = ClientAuthMethod.CLIENT_SECRET_BASIC.value();
        if (clients.insertIfAbsent(id, metadata, method, hash, null, null, true, now, now) == 1) {
            LOG.info("{} client {} registered", client.name(), id);
            events.record(id, Change.CREATED);
            return Change.CREATED;
        }
        ClientRecord existing = clients.findById(id).orElseThrow();
        if (ClientSecrets.matches(client.clientSecret(), existing.secretHash()) && metadata.equals(existing.metadata())
                && existing.firstParty()) {
            return null;
        }
        clients.update(new ClientRecord(id, metadata, method, hash, null, null, true, existing.createdAt(), now));
        LOG.info("{} client {} updated to the configured secret and scopes", client.name(), id);
        events.record(id, Change.UPDATED);
        return Change.UPDATED;
    }

    private String metadata(ServiceClient client) {
        ClientMetadata metadata = new ClientMetadata(client.name(), List.of(),
                List.of(GrantType.CLIENT_CREDENTIALS.value()), List.of(), ClientAuthMethod.CLIENT_SECRET_BASIC.value(),
                client.scope(), null, null, null, null, null, null, "web", null, null, null, null,
                null, null, null, Boolean.TRUE, client.introspectionAudiences(), null, null);
        try {
            return json.writeValueAsString(metadata);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
