package dev.verifier.token.support;

import java.util.List;

/** Token request bodies for the user grants. */
public final class TokenRequests {

    private TokenRequests() {
    }

    public static List<String[]> code(TestClients.Client client, Codes codes) {
        return Http.form("grant_type", "authorization_code", "code", codes.code(), "redirect_uri",
                TestClients.REDIRECT_URI, "code_verifier", codes.verifier(), "client_id", client.id());
    }

    public static List<String[]> refresh(TestClients.Client client, String refreshToken, String... extra) {
        List<String[]> form = Http.form("grant_type", "refresh_token", "refresh_token", refreshToken,
                "client_id", client.id());
        form.addAll(Http.form(extra));
        return form;
    }
}
