package dev.verifier.infra.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieHandler;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP/1.1 exchange of the measured loops, sent on the calling worker's thread with {@link HttpURLConnection},
 * whose idle connections are kept and reused (keep-alive). The load generator runs on the cores it measures: the JDK's
 * {@code java.net.http.HttpClient} handed every request between the worker, its selector thread and its executor, and
 * cost the generator 2.5 CPU-ms per login, more than the broker and nearly as much as a service (0.6 with this).
 * Set-up calls keep using {@code HttpClient}.
 */
record Exchange(int status, URI uri, Map<String, List<String>> headers, String body) {

    private static final int TIMEOUT_MS = 30_000;

    /**
     * Keeps enough idle connections per server for every worker (the JDK keeps 5 unless told; a worker that found
     * none free would open a new one for each request). Read once, when the first connection is made.
     */
    static void keepConnectionsFor(int workers) {
        System.setProperty("http.maxConnections", Integer.toString(Math.max(5, 2 * workers)));
    }

    /**
     * Sends {@code body} (none when null) with {@code headers}, never following a redirect; {@code cookies} (may be
     * null) are sent and updated as a browser's.
     */
    static Exchange send(String method, URI uri, Map<String, String> headers, String body, CookieHandler cookies)
            throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout(TIMEOUT_MS);
        headers.forEach(connection::setRequestProperty);
        if (cookies != null) {
            cookies.get(uri, Map.of()).forEach((name, values) -> {
                if (!values.isEmpty()) {
                    connection.setRequestProperty(name, String.join("; ", values));
                }
            });
        }
        if (body != null) {
            // buffered, not streamed: the request line, headers and body leave in one write, as a browser's small
            // form does (streamed, the body followed the headers in a second segment)
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
        }
        int status = connection.getResponseCode();
        Map<String, List<String>> answerHeaders = connection.getHeaderFields();
        if (cookies != null) {
            cookies.put(uri, answerHeaders);
        }
        // read to the end and closed, so that the connection goes back to the idle ones
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String text = "";
        if (in != null) {
            try (in) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new Exchange(status, uri, answerHeaders, text);
    }

    static Exchange get(URI uri, Map<String, String> headers) throws IOException {
        return send("GET", uri, headers, null, null);
    }

    static Exchange post(URI uri, Map<String, String> headers, String body) throws IOException {
        return send("POST", uri, headers, body, null);
    }

    /** The first value of the answer's header {@code name}, whatever its case. */
    Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> name.equalsIgnoreCase(e.getKey()))
                .flatMap(e -> e.getValue().stream()).findFirst();
    }
}
