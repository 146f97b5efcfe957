package dev.verifier.stack.robustness;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.verifier.stack.support.VerifierStack.Service;

/**
 * One endpoint of the stack as the fuzz test sees it: where it is, its usual method, what its body is, and which
 * credentials make the service parse the body instead of refusing the caller.
 */
record Endpoint(Service service, String method, String path, Body body, Credentials credentials) {

    enum Body { NONE, FORM, JSON }

    enum Credentials { NONE, ADMIN_BEARER, ADMIN_CLIENT_BASIC }

    static List<Endpoint> all() {
        return List.of(
                new Endpoint(Service.AUTHORIZE, "GET", "/authorize", Body.NONE, Credentials.NONE),
                new Endpoint(Service.AUTHORIZE, "POST", "/authorize", Body.FORM, Credentials.NONE),
                new Endpoint(Service.AUTHORIZE, "POST", "/par", Body.FORM, Credentials.ADMIN_CLIENT_BASIC),
                new Endpoint(Service.AUTHORIZE, "POST", "/login", Body.FORM, Credentials.NONE),
                new Endpoint(Service.AUTHORIZE, "POST", "/consent", Body.FORM, Credentials.NONE),
                new Endpoint(Service.AUTHORIZE, "POST", "/device_authorization", Body.FORM,
                        Credentials.ADMIN_CLIENT_BASIC),
                new Endpoint(Service.AUTHORIZE, "GET", "/device", Body.NONE, Credentials.NONE),
                new Endpoint(Service.AUTHORIZE, "POST", "/device", Body.FORM, Credentials.NONE),
                new Endpoint(Service.AUTHORIZE, "POST", "/device/login", Body.FORM, Credentials.NONE),
                new Endpoint(Service.AUTHORIZE, "POST", "/device/decision", Body.FORM, Credentials.NONE),
                new Endpoint(Service.AUTHORIZE, "GET", "/userinfo", Body.NONE, Credentials.ADMIN_BEARER),
                new Endpoint(Service.AUTHORIZE, "POST", "/userinfo", Body.FORM, Credentials.ADMIN_BEARER),
                new Endpoint(Service.AUTHORIZE, "GET", "/.well-known/openid-configuration", Body.NONE,
                        Credentials.NONE),
                new Endpoint(Service.AUTHORIZE, "POST", "/admin/users", Body.JSON, Credentials.ADMIN_BEARER),
                new Endpoint(Service.AUTHORIZE, "GET", "/admin/users/nobody", Body.NONE, Credentials.ADMIN_BEARER),
                new Endpoint(Service.AUTHORIZE, "POST", "/admin/users/nobody/password", Body.JSON,
                        Credentials.ADMIN_BEARER),
                new Endpoint(Service.TOKEN, "POST", "/token", Body.FORM, Credentials.ADMIN_CLIENT_BASIC),
                new Endpoint(Service.TOKEN, "POST", "/introspect", Body.FORM, Credentials.ADMIN_CLIENT_BASIC),
                new Endpoint(Service.TOKEN, "POST", "/revoke", Body.FORM, Credentials.ADMIN_CLIENT_BASIC),
                new Endpoint(Service.TOKEN, "GET", "/jwks", Body.NONE, Credentials.NONE),
                new Endpoint(Service.TOKEN, "POST", "/admin/keys/nothing/revoke", Body.JSON,
                        Credentials.ADMIN_BEARER),
                new Endpoint(Service.TOKEN, "POST", "/internal/jti", Body.JSON, Credentials.ADMIN_BEARER),
                new Endpoint(Service.REGISTRY, "POST", "/clients", Body.JSON, Credentials.ADMIN_BEARER),
                new Endpoint(Service.REGISTRY, "GET", "/clients", Body.NONE, Credentials.ADMIN_BEARER),
                new Endpoint(Service.REGISTRY, "PUT", "/clients/nothing", Body.JSON, Credentials.ADMIN_BEARER),
                new Endpoint(Service.REGISTRY, "GET", "/clients/nothing/jwks", Body.NONE, Credentials.ADMIN_BEARER),
                new Endpoint(Service.RESOURCE, "GET", "/api/me", Body.NONE, Credentials.ADMIN_BEARER),
                new Endpoint(Service.RESOURCE, "POST", "/api/notes", Body.JSON, Credentials.ADMIN_BEARER));
    }

    static List<Endpoint> withBody() {
        return all().stream().filter(Endpoint::hasBody).toList();
    }

    boolean hasBody() {
        return body != Body.NONE;
    }

    boolean json() {
        return body == Body.JSON;
    }

    Endpoint withQuery(String query) {
        return new Endpoint(service, method, path + "?" + query, body, credentials);
    }

    /** A well-formed body of the right kind (the values are nonsense, the shape is not). */
    byte[] sampleBody() {
        String text = switch (body) {
            case NONE -> "";
            case FORM -> "grant_type=client_credentials&client_id=x&token=abc&response_type=code";
            case JSON -> "{\"client_name\":\"x\",\"username\":\"x\",\"text\":\"x\"}";
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return service + " " + method + " " + path;
    }
}
