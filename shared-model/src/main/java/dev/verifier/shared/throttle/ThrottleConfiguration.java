package dev.verifier.shared.throttle;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.throttle.*}: failure limits per {@code window}, counted in each service's database (every copy sees
 * them). Failed client authentications at {@code /token}, {@code /introspect}, {@code /revoke} (token-service) and
 * {@code /par} (authorize-service), per client id and per source address; failed authorization-code redemptions at
 * {@code /token}, per client and per source address; user codes entered (every attempt, right or wrong) on authorize-service's
 * {@code /device} page (RFC 8628 §5.1), per signed-in user and per source address. Over a limit: 429
 * {@code temporarily_unavailable} (the error page on {@code /device}) for every user-code attempt, and for failed
 * client authentications and code redemptions only: those that succeed are served ({@link Throttles#attempt}).
 * {@code under-limit-ttl}: how long a copy reuses an "under the limit" answer before it counts again (a failure it
 * marks drops the answer at once; {@code 0s} counts on every request; see {@link FailureThrottle}).
 */
@ConfigurationProperties(ThrottleConfiguration.PREFIX)
public record ThrottleConfiguration(
        @Bindable(defaultValue = "5m") Duration window,
        @Bindable(defaultValue = "20") int clientAuthPerClient,
        @Bindable(defaultValue = "100") int clientAuthPerAddress,
        @Bindable(defaultValue = "50") int codePerClient,
        @Bindable(defaultValue = "100") int codePerAddress,
        @Bindable(defaultValue = "10") int userCodePerUser,
        @Bindable(defaultValue = "30") int userCodePerAddress,
        @Bindable(defaultValue = "1s") Duration underLimitTtl) {

    public static final String PREFIX = "verifier.throttle";

    public FailureLimit clientAuthByClient() {
        return new FailureLimit("client_auth_client", clientAuthPerClient, window);
    }

    public FailureLimit clientAuthByAddress() {
        return new FailureLimit("client_auth_address", clientAuthPerAddress, window);
    }

    public FailureLimit codeByClient() {
        return new FailureLimit("code_client", codePerClient, window);
    }

    public FailureLimit userCodeByUser() {
        return new FailureLimit("user_code_user", userCodePerUser, window);
    }

    public FailureLimit userCodeByAddress() {
        return new FailureLimit("user_code_address", userCodePerAddress, window);
    }

    public FailureLimit codeByAddress() {
        return new FailureLimit("code_address", codePerAddress, window);
    }
}
