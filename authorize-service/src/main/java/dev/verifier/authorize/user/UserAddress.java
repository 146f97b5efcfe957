package dev.verifier.authorize.user;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** The OIDC Core §5.1.1 address claim (all members optional), released with scope {@code address}. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserAddress(
        @Nullable String formatted,
        @Nullable String streetAddress,
        @Nullable String locality,
        @Nullable String region,
        @Nullable String postalCode,
        @Nullable String country) {

    /** The members as OIDC names them, without the absent ones (empty when none is set). */
    public Map<String, Object> asMap() {
        String[][] members = {{"formatted", formatted}, {"street_address", streetAddress}, {"locality", locality},
                {"region", region}, {"postal_code", postalCode}, {"country", country}};
        Map<String, Object> map = new LinkedHashMap<>();
        for (String[] member : members) {
            if (member[1] != null) {
                map.put(member[0], member[1]);
            }
        }
        return map;
    }
}
