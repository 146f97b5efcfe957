package dev.verifier.authorize.device;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.verifier.authorize.support.Par;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.authorize.support.TestClients;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;

/** Test fixtures of the device grant: device clients, and a device's call to /device_authorization. */
final class Devices {

    static final String GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private Devices() {
    }

    /** A public client (a TV app) registered with the device grant and the refresh-token grant only. */
    static RegisteredClient tv() {
        return TestClients.withGrantTypes(TestClients.publicClient(), GRANT, "refresh_token");
    }

    static Par.Answer start(String base, JsonMapper mapper, String clientId, String scope,
                            @Nullable String authorization) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (clientId != null) {
            form.put("client_id", List.of(clientId));
        }
        if (scope != null) {
            form.put("scope", List.of(scope));
        }
        return new Par(base, mapper).post("/device_authorization", form, authorization);
    }
}
