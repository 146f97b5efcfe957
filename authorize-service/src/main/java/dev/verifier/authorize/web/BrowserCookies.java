package dev.verifier.authorize.web;

import java.util.Optional;

import dev.verifier.shared.config.ProfileConfiguration;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;

/** Cookies of the front channel: HttpOnly, SameSite=Lax, path /, and Secure outside the local profile. */
@Singleton
public class BrowserCookies {

    private final boolean secure;

    BrowserCookies(ProfileConfiguration profile) {
        this.secure = !profile.local();
    }

    public Cookie cookie(String name, String value) {
        return Cookie.of(name, value).httpOnly(true).secure(secure).sameSite(SameSite.Lax).path("/");
    }

    public static Optional<String> value(HttpRequest<?> request, String name) {
        return request.getCookies().findCookie(name).map(Cookie::getValue).filter(v -> !v.isEmpty());
    }
}
