package dev.verifier.token.code;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code verifier.token.codes.*}.
 *
 * @param maxWaiters   how many /token requests of this copy may wait at once for a code's event that has not arrived;
 *                     one more gets 429 {@code temporarily_unavailable} at once (it may retry)
 * @param acceptLegacy accept codes of the format before MACs (43 base64url characters, no MAC), which then may wait
 *                     as before; set it for one code lifetime during a rolling upgrade from a version that issued them
 */
@ConfigurationProperties(CodeRedemptionConfiguration.PREFIX)
public record CodeRedemptionConfiguration(
        @Bindable(defaultValue = "64") int maxWaiters,
        @Bindable(defaultValue = "false") boolean acceptLegacy) {

    public static final String PREFIX = "verifier.token.codes";
}
