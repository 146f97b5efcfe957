package dev.verifier.authorize.password;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import dev.verifier.authorize.support.AuthorizeTestContext;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

/** The service refuses to start when the hashing cap does not fit the heap, and says which setting to change. */
class PasswordHashingStartupTest {

    @Test
    void startWhenTheCapDoesNotFitTheHeapThenFailsNamingTheSetting() {
        Map<String, Object> props = new HashMap<>(new AuthorizeTestContext() { }.getProperties());
        props.put("verifier.passwords.memory-kib", "19456");
        props.put("verifier.passwords.max-concurrent-hashes", "100000");

        RuntimeException e = assertThrows(RuntimeException.class, () -> ApplicationContext.run(props, "test").close());

        assertTrue(messages(e).contains("lower verifier.passwords.max-concurrent-hashes"), messages(e));
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
