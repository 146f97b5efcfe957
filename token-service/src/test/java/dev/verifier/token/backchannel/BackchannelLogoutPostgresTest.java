package dev.verifier.token.backchannel;

import java.util.Map;

import dev.verifier.testsupport.SharedPostgres;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

/**
 * The same behaviour on a real PostgreSQL 15: revocation by session, the delivery queue's insert-if-absent, the
 * {@code FOR UPDATE SKIP LOCKED} claim with its lease, retries and give-up.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "BackchannelLogoutTest")
@Property(name = "verifier.profile.local", value = "true")
@Property(name = "verifier.backchannel.poll-interval", value = "200ms")
@Property(name = "verifier.backchannel.initial-backoff", value = "100ms")
@Property(name = "verifier.backchannel.max-attempts", value = "3")
class BackchannelLogoutPostgresTest extends BackchannelLogoutTest {

    @Override
    public Map<String, String> extraProperties() {
        return SharedPostgres.properties("token_backchannel");
    }
}
