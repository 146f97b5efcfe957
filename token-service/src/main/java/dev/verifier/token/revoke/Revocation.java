package dev.verifier.token.revoke;

import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.token.grant.family.GrantFamilies;
import dev.verifier.token.grant.family.RefreshTokens;
import dev.verifier.token.verify.AccessTokenVerifier;
import dev.verifier.token.verify.RevocationList;
import jakarta.inject.Singleton;

/**
 * Revokes a token of the calling client: refresh token → its family; access token → the revocation list, also one just
 * past its expiry that a validator allowing the access-token clock skew still accepts.
 */
@Singleton
class Revocation {

    private final AccessTokenVerifier accessTokens;
    private final RefreshTokens refreshTokens;
    private final GrantFamilies families;
    private final RevocationList revocationList;

    Revocation(AccessTokenVerifier accessTokens, RefreshTokens refreshTokens, GrantFamilies families,
               RevocationList revocationList) {
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.families = families;
        this.revocationList = revocationList;
    }

    void revoke(String token, RegisteredClient client) {
        var access = accessTokens.revocable(token)
                .filter(claims -> client.clientId().equals(claims.getClaim("client_id")));
        if (access.isPresent()) {
            revocationList.revoke(access.get().getJWTID(), access.get().getExpirationTime().toInstant());
            return;
        }
        refreshTokens.find(token)
                .flatMap(stored -> families.find(stored.familyId()))
                .filter(family -> family.clientId().equals(client.clientId()))
                .ifPresent(family -> families.revoke(family.id(), "revocation_request"));
    }
}
