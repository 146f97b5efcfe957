package dev.verifier.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Bytes no HTTP client library would send, over a plain socket: writes {@code raw} as it is and reads what comes back
 * until the server closes (at most 1 MB; after 10 s of silence, what arrived so far).
 */
public final class RawHttp {

    private static final int MAX_ANSWER = 1_000_000;

    private RawHttp() {
    }

    /** Sends {@code raw} to {@code server}'s host and port and answers what the server sent back. */
    public static String exchange(URI server, String raw) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        try {
            int n;
            while ((n = in.read(chunk)) != -1 && buffer.size() < MAX_ANSWER) {
                buffer.write(chunk, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // keep what arrived: a server that keeps the connection open after its answer
        }
        return buffer.toString(StandardCharsets.ISO_8859_1);
    }
}
