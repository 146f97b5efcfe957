package dev.verifier.authorize.login;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says at start-up that {@code verifier.login.client-address-header} no longer has an effect, and what replaced it. */
@Singleton
class LegacyAddressHeaderWarning {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyAddressHeaderWarning.class);

    private final LoginConfiguration config;

    LegacyAddressHeaderWarning(LoginConfiguration config) {
        this.config = config;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (config.clientAddressHeader() != null && !config.clientAddressHeader().isBlank()) {
            LOG.warn("verifier.login.client-address-header is ignored (it trusted the header from any peer); set "
                    + "verifier.http.trusted-proxies (VERIFIER_HTTP_TRUSTED_PROXIES) to your proxies' addresses");
        }
    }
}
