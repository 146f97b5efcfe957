package dev.verifier.authorize.consent;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import dev.verifier.authorize.user.UserDeleted;
import dev.verifier.shared.scope.Scopes;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Consent remembered per user and client as the set of approved scopes: a request is covered only when every
 * scope it asks for (including {@code offline_access}) was approved before.
 */
@Singleton
public class ConsentService {

    private final ConsentRepository repository;
    private final Clock clock;

    ConsentService(ConsentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public boolean covers(String subject, String clientId, Collection<String> scopes) {
        return repository.findById(id(subject, clientId))
                .map(r -> approved(r).containsAll(scopes))
                .orElse(false);
    }

    public void remember(String subject, String clientId, Collection<String> scopes) {
        String id = id(subject, clientId);
        Set<String> all = new TreeSet<>(scopes);
        var existing = repository.findById(id);
        existing.ifPresent(r -> all.addAll(approved(r)));
        ConsentRecord record = new ConsentRecord(id, subject, clientId, String.join(" ", all), clock.instant());
        if (existing.isPresent()) {
            repository.update(record);
            return;
        }
        try {
            repository.save(record);
        } catch (DataAccessException e) {
            repository.update(record); // approved at the same moment in another tab or copy
        }
    }

    /** A deleted user's consents go with it. */
    @EventListener
    void onUserDeleted(UserDeleted event) {
        repository.deleteBySubject(event.subject());
    }

    private static Set<String> approved(ConsentRecord r) {
        return Scopes.parse(r.scopes()).values();
    }

    private static String id(String subject, String clientId) {
        return subject + " " + clientId;
    }
}
