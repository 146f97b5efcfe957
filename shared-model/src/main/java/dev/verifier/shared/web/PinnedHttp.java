package dev.verifier.shared.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A minimal HTTP/1.1 client for outbound fetches of client-supplied URLs: it connects to exactly the address the
 * {@link OutboundUrlGuard} checked (no second DNS lookup), verifies the TLS certificate against the URL's host name
 * (SNI and endpoint identification), never follows redirects, bounds the connect time, the whole exchange and the
 * body size. {@link #get} for documents (JWKS, request objects), {@link #postForm} for deliveries such as back-channel
 * logout tokens. Thread-safe, stateless.
 */
public final class PinnedHttp {

    /** The answer: status, headers (lower-case names, first value), body. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The fetch failed (connect, TLS, time-out, size, malformed answer); the message is for logs only. */
    public static final class FetchFailed extends RuntimeException {
        public FetchFailed(String reason, Throwable cause) {
            super(reason, cause, false, false);
        }
    }

    private final OutboundUrlGuard guard;
    private final Duration connectTimeout;
    private final Duration timeout;
    private final int maxBytes;

    public PinnedHttp(OutboundUrlGuard guard, Duration connectTimeout, Duration timeout, int maxBytes) {
        this.guard = guard;
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** GET {@code uri}; {@link OutboundUrlGuard.Refused} or {@link FetchFailed} when it cannot be used. */
    public Response get(java.net.URI uri, Map<String, String> headers) {
        return exchange(guard.check(uri), "GET", headers, null);
    }

    /** POST {@code form} (already form-urlencoded) to {@code uri}. */
    public Response postForm(java.net.URI uri, Map<String, String> headers, String form) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/x-www-form-urlencoded");
        return exchange(guard.check(uri), "POST", all, form.getBytes(StandardCharsets.UTF_8));
    }

    private Response exchange(OutboundUrlGuard.Target target, String method, Map<String, String> headers,
                              byte[] body) {
        Instant deadline = Instant.now().plus(timeout);
        String host = target.uri().getHost();
        boolean tls = "https".equalsIgnoreCase(target.uri().getScheme());
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(target.address(), target.port()), (int) connectTimeout.toMillis());
            raw.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            Socket socket = tls ? secure(raw, host, target.port()) : raw;
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request(target, method, headers, body).getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
                return HttpAnswer.read(socket.getInputStream(), maxBytes, deadline);
            } finally {
                if (socket != raw) {
                    socket.close();
                }
            }
        } catch (IOException e) {
            throw new FetchFailed(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static Socket secure(Socket raw, String host, int port) throws IOException {
        SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(raw, host, port, true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (Cidr.literal(host).isEmpty()) {
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(params);
        ssl.startHandshake();
        return ssl;
    }

    private static String request(OutboundUrlGuard.Target target, String method, Map<String, String> headers,
                                  byte[] body) {
        java.net.URI uri = target.uri();
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        boolean defaultPort = uri.getPort() < 0;
        StringBuilder text = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(defaultPort ? "" : ":" + uri.getPort()).append("\r\n")
                .append("Connection: close\r\nUser-Agent: Verifier\r\n");
        headers.forEach((name, value) -> {
            if (name.indexOf('\n') < 0 && value.indexOf('\n') < 0 && name.indexOf('\r') < 0 && value.indexOf('\r') < 0) {
                text.append(name).append(": ").append(value).append("\r\n");
            }
        });
        if (body != null) {
            text.append("Content-Length: ").append(body.length).append("\r\n");
        }
        return text.append("\r\n").toString();
    }

    /** Reads one HTTP/1.1 response (Content-Length, chunked, or until close), at most {@code max} body bytes. */
    static final class HttpAnswer {

        private HttpAnswer() {
        }

        static Response read(InputStream in, int max, Instant deadline) throws IOException {
            String status = line(in, deadline);
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x answer");
            }
            int code;
            try {
                code = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("malformed status line");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(in, deadline); !h.isEmpty(); h = line(in, deadline)) {
                int colon = h.indexOf(':');
                if (colon > 0 && headers.size() < 100) {
                    headers.putIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
                for (int size = chunk(line(in, deadline)); size > 0; size = chunk(line(in, deadline))) {
                    copy(in, body, size, max, deadline);
                    line(in, deadline);
                }
            } else if (headers.containsKey("content-length")) {
                long length = Long.parseLong(headers.get("content-length"));
                if (length > max) {
                    throw new IOException("body larger than " + max + " bytes");
                }
                copy(in, body, (int) length, max, deadline);
            } else {
                copy(in, body, -1, max, deadline);
            }
            return new Response(code, headers, body.toByteArray());
        }

        private static int chunk(String line) throws IOException {
            try {
                int semi = line.indexOf(';');
                return Integer.parseInt((semi < 0 ? line : line.substring(0, semi)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("malformed chunk size");
            }
        }

        private static void copy(InputStream in, ByteArrayOutputStream out, int length, int max, Instant deadline)
                throws IOException {
            byte[] buffer = new byte[8192];
            int left = length;
            while (length < 0 || left > 0) {
                checkDeadline(deadline);
                int n = in.read(buffer, 0, length < 0 ? buffer.length : Math.min(buffer.length, left));
                if (n < 0) {
                    if (length < 0) {
                        return;
                    }
                    throw new IOException("the answer ended early");
                }
                out.write(buffer, 0, n);
                left -= n;
                if (out.size() > max) {
                    throw new IOException("body larger than " + max + " bytes");
                }
            }
        }

        private static String line(InputStream in, Instant deadline) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0 || line.length() > 8192) {
                    throw new IOException("malformed or overlong answer line");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
                if ((line.length() & 255) == 0) {
                    checkDeadline(deadline);
                }
            }
            return line.toString();
        }

        private static void checkDeadline(Instant deadline) throws IOException {
            if (Instant.now().isAfter(deadline)) {
                throw new java.net.SocketTimeoutException("the answer took too long");
            }
        }
    }
}
