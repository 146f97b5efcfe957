package dev.verifier.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like client over real HTTP for authorize-service's pages: keeps cookies (ignoring Secure, as the tests run on http), never follows
 * redirects, and reads hidden form fields from pages.
 */
public final class Browser {

    /** One answer: status, body, headers. */
    public record Page(int status, String body, java.net.http.HttpHeaders headers) {

        public Optional<String> location() {
            return headers.firstValue("Location");
        }

        /** The query parameters of the redirect's Location. */
        public Map<String, String> redirectParams() {
            String location = location().orElseThrow(() -> new AssertionError("no redirect: " + status + " " + body));
            Map<String, String> params = new LinkedHashMap<>();
            String query = URI.create(location).getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
            return params;
        }

        public String hidden(String name) {
            Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no field " + name + " in " + body);
            }
            return m.group(1);
        }

        public boolean isLoginPage() {
            return status == 200 && body.contains("action=\"/login\"");
        }

        public boolean isConsentPage() {
            return status == 200 && body.contains("action=\"/consent\"");
        }
    }

    private final String base;
    private final Map<String, String> headers;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public Browser(String base) {
        this(base, Map.of());
    }

    /** A browser that also sends {@code headers} on every request (a W3C {@code traceparent}, say). */
    public Browser(String base, Map<String, String> headers) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.headers = Map.copyOf(headers);
    }

    /** Follows an absolute URL (a redirect's Location) with this browser's cookies. */
    public Page open(URI absolute) {
        return send(HttpRequest.newBuilder(absolute).GET());
    }

    public Page get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET());
    }

    public Page post(String path, List<Map.Entry<String, String>> form) {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : form) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(encode(field.getKey())).append('=').append(encode(field.getValue()));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** Submits the login form of {@code loginPage}. */
    public Page login(Page loginPage, String username, String password) {
        return post("/login", List.of(Map.entry("interaction", loginPage.hidden("interaction")),
                Map.entry("csrf_token", loginPage.hidden("csrf_token")),
                Map.entry("username", username), Map.entry("password", password)));
    }

    /** Submits the consent form of {@code consentPage} with {@code approve} or {@code deny}. */
    public Page consent(Page consentPage, String decision) {
        return post("/consent", List.of(Map.entry("interaction", consentPage.hidden("interaction")),
                Map.entry("csrf_token", consentPage.hidden("csrf_token")), Map.entry("decision", decision)));
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public void dropCookie(String name) {
        cookies.remove(name);
    }

    private Page send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        if (!cookies.isEmpty()) {
            StringBuilder header = new StringBuilder();
            cookies.forEach((k, v) -> header.append(header.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            request.header("Cookie", header.toString());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String[] kv = setCookie.split(";", 2)[0].split("=", 2);
                cookies.put(kv[0].trim(), kv.length > 1 ? kv[1].trim() : "");
            }
            return new Page(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
