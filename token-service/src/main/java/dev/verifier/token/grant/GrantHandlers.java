package dev.verifier.token.grant;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.verifier.shared.client.GrantType;
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
}
