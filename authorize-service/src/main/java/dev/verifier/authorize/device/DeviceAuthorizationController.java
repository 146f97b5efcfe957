package dev.verifier.authorize.device;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.verifier.authorize.authorize.AuthorizationRequestValidator;
import dev.verifier.authorize.clientauth.ClientAuthentication;
import dev.verifier.authorize.code.EventNotConfirmedException;
import dev.verifier.authorize.request.Param;
import dev.verifier.shared.audit.AuditType;
import dev.verifier.shared.client.ClientGrants;
import dev.verifier.shared.client.GrantType;
import dev.verifier.shared.client.RegisteredClient;
import dev.verifier.shared.clientauth.ClientCredentials;
import dev.verifier.shared.config.VerifierUrls;
import dev.verifier.shared.error.OAuthError;
import dev.verifier.shared.runtime.audit.AuditEvents;
import dev.verifier.shared.web.FormParameters;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/**
 * {@code POST /device_authorization} (RFC 8628 §3.1, §3.2): parse as /token and /par do ({@link FormParameters};
 * {@code resource} repeatable) → authenticate the client exactly as /par does (a public client by its
 * {@code client_id}, a confidential one by its registered method) → the client must be registered with the device
 * grant ({@code unauthorized_client}) → scope and audience by the one rule of /authorize
 * ({@link AuthorizationRequestValidator#grantable}) → a device code, a user code and the PENDING event, answered with
 * {@code Cache-Control: no-store}. Errors are the RFC shape, rendered by the shared handler.
 */
@Controller(DeviceAuthorizationController.PATH)
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class DeviceAuthorizationController {

    static final String PATH = "/device_authorization";

    private final ClientAuthentication authentication;
    private final AuthorizationRequestValidator validator;
    private final DeviceAuthorizations authorizations;
    private final VerifierUrls urls;
    private final AuditEvents audit;

    DeviceAuthorizationController(ClientAuthentication authentication, AuthorizationRequestValidator validator,
                                  DeviceAuthorizations authorizations, VerifierUrls urls, AuditEvents audit) {
        this.authentication = authentication;
        this.validator = validator;
        this.authorizations = authorizations;
        this.urls = urls;
        this.audit = audit;
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, Object>> authorize(HttpRequest<?> http, @Body @Nullable String body) {
        FormParameters.Form parsed = FormParameters.parse(body, Set.of(Param.RESOURCE));
        Map<String, String> form = parsed.params();
        RegisteredClient client = authentication.authenticate(
                ClientCredentials.parse(form, http.getHeaders().get(HttpHeaders.AUTHORIZATION)));
        ClientGrants.of(client).require(GrantType.DEVICE_CODE);
        AuthorizationRequestValidator.Grantable grant = validator.grantable(form.get(Param.SCOPE),
                parsed.all(Param.RESOURCE), client);
        DeviceAuthorizations.Issued issued;
        try {
            issued = authorizations.issue(client, grant);
        } catch (EventNotConfirmedException e) {
            throw OAuthError.TEMPORARILY_UNAVAILABLE.exception("the device authorization could not be recorded; "
                    + "try again");
        }
        audit.event(AuditType.DEVICE_AUTHORIZATION_ISSUED).actor(client.clientId()).client(client.clientId())
                .detail("scope", String.join(" ", grant.scopes())).emit();
        String verificationUri = urls.issuerId() + DevicePageController.PATH;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("device_code", issued.deviceCode());
        answer.put("user_code", issued.userCode());
        answer.put("verification_uri", verificationUri);
        answer.put("verification_uri_complete", verificationUri + "?user_code=" + issued.userCode());
        answer.put("expires_in", issued.expiresIn());
        answer.put("interval", issued.interval());
        return HttpResponse.ok(answer).header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }
}
