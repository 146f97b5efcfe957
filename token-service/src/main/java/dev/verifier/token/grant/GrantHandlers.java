package dev.verifier.token.grant;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.verifier.shared.client.GrantType;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.error.OAuthError;
import jakarta.inject.Singleton;

/** The grant handlers by {@code grant_type}, checked for duplicates at start-up. */
@Singleton
public class GrantHandlers {

    private final Map<GrantType, GrantHandler> handlers = new EnumMap<>(GrantType.class);

    GrantHandlers(List<GrantHandler> handlers) {
        for (GrantHandler handler : handlers) {
            if (this.handlers.put(handler.grantType(), handler) != null) {
                throw new IllegalStateException("two handlers for grant_type " + handler.grantType().value());
            }
        }
    }

    public GrantHandler forType(String grantType) {
        GrantHandler handler = GrantType.from(grantType).map(handlers::get).orElse(null);
        if (handler == null) {
            throw OAuthError.UNSUPPORTED_GRANT_TYPE.exception("grant_type is not supported");
        }
        return handler;
    }

    /**
     * RFC 7591 §2: {@code grant_types} defaults to {@code authorization_code}. A client of the code flow may use the
     * refresh tokens it was given through {@code offline_access} even without the {@code refresh_token} grant.
     */
    public static void requireAllowed(RegisteredClient client, GrantType grantType) {
        List<String> allowed = client.metadata().grantTypes() == null || client.metadata().grantTypes().isEmpty()
                ? List.of(GrantType.AUTHORIZATION_CODE.value()) : client.metadata().grantTypes();
        boolean ok = allowed.contains(grantType.value()) || (grantType == GrantType.REFRESH_TOKEN
                && allowed.contains(GrantType.AUTHORIZATION_CODE.value()));
        if (!ok) {
            throw OAuthError.UNAUTHORIZED_CLIENT.exception("the client may not use grant_type " + grantType.value());
        }
    }
}
