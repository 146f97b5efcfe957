package dev.verifier.authorize.login;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/** The address a login comes from, for throttling (see {@link LoginConfiguration#clientAddressHeader()}). */
@Singleton
class SourceAddress {

    private static final int MAX_LENGTH = 64;

    private final String header;

    SourceAddress(LoginConfiguration config) {
        this.header = config.clientAddressHeader() == null || config.clientAddressHeader().isBlank()
                ? null : config.clientAddressHeader();
    }

    String of(HttpRequest<?> request) {
        if (header != null) {
            String value = request.getHeaders().get(header);
            if (value != null && !value.isBlank()) {
                String[] hops = value.split(",");
                return truncate(hops[hops.length - 1].trim());
            }
        }
        return request.getRemoteAddress().getAddress().getHostAddress();
    }

    private static String truncate(String value) {
        return value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) : value;
    }
}
