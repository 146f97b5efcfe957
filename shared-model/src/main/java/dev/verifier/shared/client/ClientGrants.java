package dev.verifier.shared.client;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.verifier.shared.error.OAuthError;

/**
 * The grants a registered client may use: the one home of "is this grant allowed for this client", asked at
 * /authorize (the code flow), at /token (every grant) and when a code exchange decides whether it may issue a
 * refresh token.
 * <ul>
 *   <li>RFC 7591 §2: {@code grant_types} absent (or empty) means {@code ["authorization_code"]}; values Verifier does
 *   not know are ignored.</li>
 *   <li>A client of the code flow or of the device flow (RFC 8628) may redeem the refresh tokens it was given
 *   through {@code offline_access} even without the {@code refresh_token} grant.</li>
 *   <li>{@code client_credentials} is for confidential clients only (RFC 6749 §4.4), whatever is registered.</li>
 * </ul>
 *
 * @param registered   the grant types the client is registered with (the default filled in)
 * @param confidential whether the client authenticates (its {@code token_endpoint_auth_method} is not {@code none})
 */
public record ClientGrants(Set<GrantType> registered, boolean confidential) {

    public ClientGrants {
        registered = Set.copyOf(registered);
    }

    public static ClientGrants of(RegisteredClient client) {
        List<String> values = client.metadata().grantTypes();
        if (values == null || values.isEmpty()) {
            return new ClientGrants(Set.of(GrantType.AUTHORIZATION_CODE), !client.isPublic());
        }
        Set<GrantType> grants = EnumSet.noneOf(GrantType.class);
        values.forEach(value -> GrantType.from(value).ifPresent(grants::add));
        return new ClientGrants(grants, !client.isPublic());
    }

    /** Whether the client is registered with {@code grant} (as opposed to merely allowed it). */
    public boolean registers(GrantType grant) {
        return registered.contains(grant);
    }

    public boolean allows(GrantType grant) {
        if (grant == GrantType.CLIENT_CREDENTIALS && !confidential) {
            return false;
        }
        return registered.contains(grant)
                || (grant == GrantType.REFRESH_TOKEN && (registered.contains(GrantType.AUTHORIZATION_CODE)
                        || registered.contains(GrantType.DEVICE_CODE)));
    }

    /** Throws {@code unauthorized_client} unless the client may use {@code grant}. */
    public void require(GrantType grant) {
        if (grant == GrantType.CLIENT_CREDENTIALS && !confidential) {
            throw OAuthError.UNAUTHORIZED_CLIENT.exception("client_credentials is for confidential clients");
        }
        if (!allows(grant)) {
            throw OAuthError.UNAUTHORIZED_CLIENT.exception("the client may not use grant_type " + grant.value());
        }
    }
}
