package dev.verifier.authorize.request;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How the authorization response (success or error) reaches the client's redirect URI, the list discovery advertises
 * as {@code response_modes_supported}: {@code query} (RFC 6749 §4.1.2, the default for {@code code}) or
 * {@code form_post} (OAuth 2.0 Form Post Response Mode: an auto-submitting HTML form). {@code fragment} is refused
 * for {@code response_type=code}: a code must not travel in a URI fragment that scripts of the page can read.
 */
public enum ResponseMode {
    QUERY("query"), FORM_POST("form_post");

    /** Not allowed with {@code response_type=code}. */
    public static final String FRAGMENT = "fragment";

    private final String value;

    ResponseMode(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static List<String> supported() {
        return Arrays.stream(values()).map(ResponseMode::value).toList();
    }

    public static Optional<ResponseMode> from(String value) {
        return Arrays.stream(values()).filter(m -> m.value.equals(value)).findFirst();
    }

    /**
     * The mode the response (an error too) is sent with: the one asked when it is supported, else {@code query},
     * so that an unsupported {@code response_mode} is itself answered as a query error.
     */
    public static ResponseMode forAnswer(String requested) {
        return requested == null ? QUERY : from(requested).orElse(QUERY);
    }
}
