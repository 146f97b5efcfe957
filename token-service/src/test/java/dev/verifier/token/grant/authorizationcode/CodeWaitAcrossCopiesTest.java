package dev.verifier.token.grant.authorizationcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.verifier.testsupport.Eventually;
import dev.verifier.token.code.CodeArrivals;
import dev.verifier.token.support.CodeFlow;
import dev.verifier.token.support.CodePublisher;
import dev.verifier.token.support.Codes;
import dev.verifier.token.support.Http;
import dev.verifier.token.support.TestClients;
import dev.verifier.token.support.TokenRequests;
import dev.verifier.token.support.TokenServiceTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two copies on one database: the copy that receives the token request does not store events (no code listener);
 * its arrival listener reads every partition to wake its waiting requests, which then find the late code without
 * polling.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "spec.name", value = "CodeWaitAcrossCopiesTest")
class CodeWaitAcrossCopiesTest implements TokenServiceTest {

    @Inject
    TestClients clients;
    @Inject
    CodeFlow flow;
    @Inject
    CodePublisher publisher;
    @Inject
    JsonMapper json;

    @Test
    void lateCodeIsFoundByACopyWithoutCodeListener() throws Exception {
        TestClients.Client spa = clients.register("none", "openid", "authorization_code");
        flow.publish(spa, "openid"); // the listener of this copy is up
        Map<String, Object> props = new HashMap<>(getProperties()); // its own port, its own fake registry
        props.put("spec.name", "CodeWaitAcrossCopiesTest-http-only");
        props.put("verifier.token.code-listener", "false");
        props.put("verifier.token.code-wait", "60s"); // answered within 10 s: woken, not the final read at the end
        try (EmbeddedServer httpOnly = ApplicationContext.run(EmbeddedServer.class, props, "test")) {
            httpOnly.getApplicationContext().getBean(dev.verifier.token.support.FakeRegistry.class)
                    .put(spa.registered());
            Http http = new Http(httpOnly.getURI(), json);
            Codes codes = Codes.forClient(spa.id(), "openid");
            CodeArrivals arrivals = httpOnly.getApplicationContext().getBean(CodeArrivals.class);

            CompletableFuture<Http.Answer> pending = CompletableFuture.supplyAsync(
                    () -> http.post("/token", TokenRequests.code(spa, codes)));
            Eventually.until(() -> arrivals.awaited(codes.event().codeHash()), Duration.ofSeconds(10),
                    "the request waits in the copy without code listener");
            assertFalse(pending.isDone());
            publisher.publish(codes.event());

            Http.Answer answer = pending.get(10, TimeUnit.SECONDS);
            assertEquals(200, answer.status(), answer.raw().body());
        }
    }
}
