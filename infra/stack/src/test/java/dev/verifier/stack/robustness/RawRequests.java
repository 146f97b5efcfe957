package dev.verifier.stack.robustness;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import dev.verifier.testsupport.RawHttp;

/** Requests no HTTP client library would send: broken request lines, headers and framing, over a plain socket. */
final class RawRequests {

    private RawRequests() {
    }

    static List<String> broken() {
        return List.of(
                "GARBAGE\r\n\r\n",
                "GET /authorize?x=%%%&y=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /jwks HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /token HTTP/1.1\r\nHost: localhost\r\nthis header has no colon\r\nConnection: close\r\n\r\n",
                "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Bad: \u0001\u0002\u007f\r\nConnection: close\r\n\r\n",
                "POST /token HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\nConnection: close\r\n\r\n",
                "POST /token HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\nConnection: close\r\n\r\n",
                "POST /clients HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
                "POST /introspect HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: 5\r\nContent-Length: 7\r\nConnection: close\r\n\r\ntoken",
                "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /jwks HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "h".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n");
    }

    /** Sends {@code raw} to the service and reports a 5xx or a stack trace in whatever comes back. */
    static List<String> send(URI service, String raw) {
        String label = service + " raw [" + Bodies.abbreviate(raw.replace("\r\n", "⏎")) + "]";
        try {
            String answer = RawHttp.exchange(service, raw);
            List<String> problems = new ArrayList<>();
            if (answer.startsWith("HTTP/")) {
                String[] statusLine = answer.split("\r\n", 2)[0].split(" ");
                if (statusLine.length > 1 && statusLine[1].startsWith("5")) {
                    problems.add(label + ": answered " + Bodies.abbreviate(answer));
                }
            }
            if (answer.contains("Exception") || answer.contains("\tat ")) {
                problems.add(label + ": the answer looks like a stack trace: " + Bodies.abbreviate(answer));
            }
            return problems;
        } catch (IOException e) {
            return List.of(); // a connection the server closed on a request it would not read is an honest refusal
        }
    }
}
