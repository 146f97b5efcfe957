package dev.verifier.authorize.authorize;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.verifier.authorize.client.ClientLookup;
import dev.verifier.authorize.request.AuthenticationContext;
import dev.verifier.authorize.request.AuthorizationParameters;
import dev.verifier.authorize.request.AuthorizationRequest;
import dev.verifier.authorize.request.AuthorizeConfiguration;
import dev.verifier.authorize.request.ClaimsRequest;
import dev.verifier.authorize.request.ClientRedirect;
import dev.verifier.authorize.request.Param;
import dev.verifier.authorize.request.Prompt;
import dev.verifier.authorize.logout.IdTokenHints;
import dev.verifier.authorize.request.ResponseMode;
import dev.verifier.shared.api.Audience;
import dev.verifier.shared.api.AudienceRules;
import dev.verifier.shared.client.ClientGrants;
import dev.verifier.shared.client.GrantType;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.error.OAuthException;
import dev.verifier.shared.scope.Scopes;
import jakarta.inject.Singleton;

/**
 * Validates an authorization request in the order of the contract. {@link #target} checks the client and the redirect
 * URI: its errors must be shown on the error page. {@link #validate} checks the rest: its errors are redirected to the
 * validated redirect URI. The audience (RFC 8707 {@code resource}, repeatable; or the API owning the scopes) follows
 * shared-model's {@link AudienceRules}: {@code invalid_target} / {@code invalid_scope} are redirected like any other.
 */
@Singleton
public class AuthorizationRequestValidator {

    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String S256 = "S256";

    private final ClientLookup clients;
    private final AuthorizeConfiguration config;
    private final IdTokenHints hints;
    private final AudienceRules audiences;

    public AuthorizationRequestValidator(ClientLookup clients, AuthorizeConfiguration config, IdTokenHints hints,
                                         AudienceRules audiences) {
        this.clients = clients;
        this.config = config;
        this.hints = hints;
        this.audiences = audiences;
    }

    public ClientRedirect target(AuthorizationParameters params) {
        String clientId = single(params, Param.CLIENT_ID);
        if (clientId == null) {
            throw page("client_id is missing");
        }
        RegisteredClient client = clients.find(clientId).orElseThrow(() -> page("unknown client_id"));
        return new ClientRedirect(client, redirectUri(params, client), params.get(Param.STATE),
                ResponseMode.forAnswer(params.get(Param.RESPONSE_MODE)));
    }

    public AuthorizationRequest validate(AuthorizationParameters params, ClientRedirect target) {
        RegisteredClient client = target.client();
        String responseType = params.get(Param.RESPONSE_TYPE);
        if (responseType == null) {
            throw OAuthError.INVALID_REQUEST.exception("response_type is missing");
        }
        if (!"code".equals(responseType)) {
            throw OAuthError.UNSUPPORTED_RESPONSE_TYPE.exception("only response_type=code is supported");
        }
        checkResponseMode(params.get(Param.RESPONSE_MODE));
        ClientGrants.of(client).require(GrantType.AUTHORIZATION_CODE);
        List<String> scopes = scopes(params.get(Param.SCOPE), client);
        String challenge = params.get(Param.CODE_CHALLENGE);
        String method = params.get(Param.CODE_CHALLENGE_METHOD);
        checkPkce(client, challenge, method);
        params.firstDuplicated().ifPresent(name -> {
            throw OAuthError.INVALID_REQUEST.exception(name + " must not be given more than once");
        });
        Set<Prompt> prompts = prompts(params);
        String hintSubject = idTokenHintSubject(params.get(Param.ID_TOKEN_HINT));
        ClaimsRequest claims = ClaimsRequest.parse(params.get(Param.CLAIMS));
        String acr = AuthenticationContext.required(claims);
        Long maxAge = maxAge(params);
        Audience audience = audience(scopes, params.all(Param.RESOURCE), client);
        return new AuthorizationRequest(client, target.redirectUri(), scopes, target.state(),
                params.get(Param.NONCE), challenge, challenge == null ? null : method, prompts,
                maxAge, params.get(Param.LOGIN_HINT), params.get(Param.REDIRECT_URI) != null,
                target.responseMode(), claims, acr, hintSubject, audience, dpopJkt(params.get(Param.DPOP_JKT)));
    }

    /** RFC 9449 §10: {@code dpop_jkt} is an RFC 7638 SHA-256 thumbprint, base64url (43 characters). */
    private static String dpopJkt(String value) {
        if (value != null && !value.matches("[A-Za-z0-9_-]{43}")) {
            throw OAuthError.INVALID_REQUEST.exception("dpop_jkt must be the base64url SHA-256 JWK thumbprint of the "
                    + "DPoP key (RFC 9449 section 10)");
        }
        return value;
    }

    /** The scopes and audience a user may grant a client: scopes and RFC 8707 {@code resource} as given. */
    public record Grantable(List<String> scopes, Audience audience) {
    }

    /**
     * The one scope and audience rule of a user grant, applied at {@code /authorize} and {@code /par} (through
     * {@link #validate}) and at {@code /device_authorization} (RFC 8628 §3.1): {@code scope} required and within the
     * client's registered scope ({@code invalid_scope}), the audience by {@link AudienceRules} ({@code invalid_target},
     * {@code invalid_scope}).
     */
    public Grantable grantable(String scope, List<String> resources, RegisteredClient client) {
        List<String> scopes = scopes(scope, client);
        return new Grantable(scopes, audience(scopes, resources, client));
    }

    private Audience audience(List<String> scopes, List<String> resources, RegisteredClient client) {
        return audiences.forRequest(AudienceRules.Holder.USER, Scopes.of(scopes),
                AudienceRules.parseResources(resources), Scopes.parse(client.metadata().scope()));
    }

    /**
     * OIDC Core §3.1.2.1 {@code id_token_hint}: an ID token of ours (signature, issuer; an expired one is fine), whose
     * {@code sub} the flow compares with the logged-in user; anything else is {@code invalid_request}.
     */
    private String idTokenHintSubject(String hint) {
        if (hint == null) {
            return null;
        }
        return hints.verify(hint).map(IdTokenHints.Hint::subject).orElseThrow(() -> OAuthError.INVALID_REQUEST
                .exception("id_token_hint is not an ID token issued by this server"));
    }

    private static String redirectUri(AuthorizationParameters params, RegisteredClient client) {
        String requested = single(params, Param.REDIRECT_URI);
        List<String> registered = RedirectUriMatcher.registered(client);
        if (requested == null) {
            if (registered.size() != 1) {
                throw page("redirect_uri is required when the client has several registered");
            }
            return registered.get(0);
        }
        if (requested.contains("#")) {
            throw page("redirect_uri must not contain a fragment");
        }
        if (!RedirectUriMatcher.matches(client, requested)) {
            throw page("redirect_uri is not registered for this client");
        }
        return requested;
    }

    private static void checkResponseMode(String mode) {
        if (mode == null) {
            return;
        }
        if (ResponseMode.FRAGMENT.equals(mode)) {
            throw OAuthError.INVALID_REQUEST.exception("response_mode=fragment is not allowed with response_type=code");
        }
        if (ResponseMode.from(mode).isEmpty()) {
            throw OAuthError.INVALID_REQUEST.exception(
                    "a response_mode value is not supported (see response_modes_supported)");
        }
    }

    private static List<String> scopes(String scope, RegisteredClient client) {
        if (scope == null || scope.isBlank()) {
            throw OAuthError.INVALID_SCOPE.exception("scope is required");
        }
        Scopes requested = Scopes.parse(scope);
        if (!requested.isSubsetOf(Scopes.parse(client.metadata().scope()))) {
            throw OAuthError.INVALID_SCOPE.exception("a requested scope is not allowed for this client");
        }
        return requested.asList();
    }

    private void checkPkce(RegisteredClient client, String challenge, String method) {
        // a public client always; a confidential one unless the operator relaxed the default or it registered
        // require_pkce: false (which the registry refuses for public clients); a challenge sent is always checked
        boolean required = client.isPublic()
                || (config.requirePkceForConfidentialClients() && client.metadata().requiresPkce());
        if (challenge == null) {
            if (required) {
                throw OAuthError.INVALID_REQUEST.exception("code_challenge is required (PKCE)");
            }
            if (method != null) {
                throw OAuthError.INVALID_REQUEST.exception("code_challenge_method without code_challenge");
            }
            return;
        }
        if (!S256.equals(method)) {
            throw OAuthError.INVALID_REQUEST.exception("code_challenge_method must be S256");
        }
        if (!CHALLENGE.matcher(challenge).matches()) {
            throw OAuthError.INVALID_REQUEST.exception("code_challenge must be 43 base64url characters");
        }
    }

    private static Set<Prompt> prompts(AuthorizationParameters params) {
        String prompt = params.get(Param.PROMPT);
        Set<Prompt> prompts = EnumSet.noneOf(Prompt.class);
        if (prompt == null) {
            return prompts;
        }
        for (String value : prompt.trim().split(" +")) {
            if (Prompt.CREATE.equals(value)) {
                throw OAuthError.INVALID_REQUEST.exception(
                        "prompt=create is not supported: this server has no self-service sign-up");
            }
            prompts.add(Prompt.from(value).orElseThrow(() -> OAuthError.INVALID_REQUEST.exception(
                    "a prompt value is not supported (see prompt_values_supported)")));
        }
        if (prompts.contains(Prompt.NONE) && prompts.size() > 1) {
            throw OAuthError.INVALID_REQUEST.exception("prompt=none cannot be combined with other values");
        }
        return prompts;
    }

    private static Long maxAge(AuthorizationParameters params) {
        String value = params.get(Param.MAX_AGE);
        if (value == null) {
            return null;
        }
        try {
            long maxAge = Long.parseLong(value);
            if (maxAge < 0) {
                throw new NumberFormatException();
            }
            return maxAge;
        } catch (NumberFormatException e) {
            throw OAuthError.INVALID_REQUEST.exception("max_age must be a non-negative integer");
        }
    }

    private static String single(AuthorizationParameters params, String name) {
        if (params.isDuplicated(name)) {
            throw page(name + " must not be given more than once");
        }
        return params.get(name);
    }

    private static OAuthException page(String description) {
        return OAuthError.INVALID_REQUEST.exception(description);
    }
}
