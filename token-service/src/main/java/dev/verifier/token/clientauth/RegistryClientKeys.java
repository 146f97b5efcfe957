package dev.verifier.token.clientauth;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.JWKSet;
import dev.verifier.shared.clientauth.ClientKeySource;
import dev.verifier.shared.event.ClientChanged;
import dev.verifier.shared.event.Topics;
import dev.verifier.shared.registry.RegistryClient;
import dev.verifier.token.client.RegistryConfiguration;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * private_key_jwt keys: the registry's cached JWKS of the client (the registry alone fetches jwks_uri), kept here for
 * the client-cache TTL so that a known key costs no network call; an unknown kid asks the registry to refresh.
 * Evicted on ClientChanged (each copy its own consumer group).
 */
@Singleton
@KafkaListener(groupId = "token-service-client-keys", uniqueGroupId = true, offsetReset = OffsetReset.LATEST)
class RegistryClientKeys implements ClientKeySource {

    private record Entry(Optional<JWKSet> keys, Instant expiresAt) {
    }

    private final RegistryClient registry;
    private final RegistryConfiguration config;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    RegistryClientKeys(RegistryClient registry, RegistryConfiguration config, Clock clock) {
        this.registry = registry;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Optional<JWKSet> keys(String clientId, @Nullable String kid, boolean refresh) {
        Instant now = clock.instant();
        Entry entry = cache.get(clientId);
        if (!refresh && entry != null && now.isBefore(entry.expiresAt())) {
            return entry.keys();
        }
        Optional<JWKSet> keys = registry.jwks(clientId, kid, refresh).flatMap(RegistryClientKeys::parse);
        cache.put(clientId, new Entry(keys, now.plus(config.cacheTtl())));
        return keys;
    }

    @Topic(Topics.CLIENT_CHANGED)
    void onClientChanged(ClientChanged event) {
        cache.remove(event.clientId());
    }

    private static Optional<JWKSet> parse(Map<String, Object> json) {
        try {
            return Optional.of(JWKSet.parse(json));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }
}
