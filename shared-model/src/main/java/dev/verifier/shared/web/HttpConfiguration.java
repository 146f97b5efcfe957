package dev.verifier.shared.web;

import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code verifier.http.*}, the same in every service. {@code trusted-proxies} (env {@code VERIFIER_HTTP_TRUSTED_PROXIES},
 * comma-separated CIDRs such as {@code 127.0.0.1/32,10.0.0.0/8}): the reverse proxies whose {@code X-Forwarded-For}
 * is believed. Empty (the default): forwarded headers are ignored and the source address is the socket peer.
 */
@ConfigurationProperties(HttpConfiguration.PREFIX)
public record HttpConfiguration(@Nullable List<String> trustedProxies) {

    public static final String PREFIX = "verifier.http";

    public List<String> trustedProxies() {
        return trustedProxies == null ? List.of() : trustedProxies;
    }
}
