package dev.verifier.authorize.web;

import java.util.Optional;

import dev.verifier.shared.config.ProfileConfiguration;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

/**
 * Cookies of the front channel: HttpOnly, SameSite=Lax, path /, and Secure outside the local profile. A Secure cookie
 * is named with the {@code __Host-} prefix (RFC 6265bis §4.1.3.2: Secure, path /, no Domain), which a sibling
 * subdomain cannot set, and only that name is read; in the local profile (plain http) names carry no prefix.
 */
@Singleton
public class BrowserCookies {

    private final boolean secure;

    BrowserCookies(ProfileConfiguration profile) {
        this.secure = !profile.local();
    }

    static final String HOST_PREFIX = "__Host-";

    /** The name a cookie has on the wire. */
    public String name(String name) {
        return secure ? HOST_PREFIX + name : name;
    }

    public Cookie cookie(String name, String value) {
        return Cookie.of(name(name), value).httpOnly(true).secure(secure).sameSite(SameSite.Lax).path("/");
    }

    public Optional<String> value(HttpRequest<?> request, String name) {
        return request.getCookies().findCookie(name(name)).map(Cookie::getValue).filter(v -> !v.isEmpty());
    }
}
