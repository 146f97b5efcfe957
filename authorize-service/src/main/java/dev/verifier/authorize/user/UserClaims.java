package dev.verifier.authorize.user;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The OIDC Core §5.1 standard claims a user may have (all optional), stored as JSON; {@code address} is the §5.1.1
 * structured claim. {@code updated_at} is not one of them: it is kept by the service (the time of the last change of
 * these claims), never set by a caller.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserClaims(
        @Nullable String name,
        @Nullable String givenName,
        @Nullable String familyName,
        @Nullable String middleName,
        @Nullable String nickname,
        @Nullable String profile,
        @Nullable String picture,
        @Nullable String website,
        @Nullable String email,
        @Nullable Boolean emailVerified,
        @Nullable String gender,
        @Nullable String birthdate,
        @Nullable String zoneinfo,
        @Nullable String locale,
        @Nullable String phoneNumber,
        @Nullable Boolean phoneNumberVerified,
        @Nullable UserAddress address) {

    /** The claims as OIDC names them, without the absent ones. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "name", name);
        put(map, "given_name", givenName);
        put(map, "family_name", familyName);
        put(map, "middle_name", middleName);
        put(map, "nickname", nickname);
        put(map, "profile", profile);
        put(map, "picture", picture);
        put(map, "website", website);
        put(map, "email", email);
        put(map, "email_verified", emailVerified);
        put(map, "gender", gender);
        put(map, "birthdate", birthdate);
        put(map, "zoneinfo", zoneinfo);
        put(map, "locale", locale);
        put(map, "phone_number", phoneNumber);
        put(map, "phone_number_verified", phoneNumberVerified);
        if (address != null && !address.asMap().isEmpty()) {
            map.put("address", address.asMap());
        }
        return map;
    }

    private static void put(Map<String, Object> map, String name, @Nullable Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
