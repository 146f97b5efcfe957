package dev.verifier.shared.runtime.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

import dev.verifier.shared.web.Cidr;
import dev.verifier.shared.web.HttpConfiguration;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

/**
 * The one rule for the address a request comes from (throttling, audit events), in every service: the socket peer,
 * unless that peer is a configured trusted proxy ({@link HttpConfiguration#trustedProxies()}); then
 * {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and the first address that is not one is
 * the client (entries left of it were written by the client and are never believed). A malformed entry stops the
 * walk at the last trusted hop. Stateless.
 */
@Singleton
public class SourceAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final int MAX_HOPS = 20;

    private final List<Cidr> trusted;

    public SourceAddresses(HttpConfiguration config) {
        this.trusted = config.trustedProxies().stream().filter(s -> !s.isBlank()).map(Cidr::parse).toList();
    }

    /** The source address of {@code request}, as text. */
    public String of(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        InetAddress peer = remote == null ? null : remote.getAddress();
        String peerText = peer == null ? "unknown" : peer.getHostAddress();
        if (peer == null || !isTrusted(peer)) {
            return peerText;
        }
        List<String> headers = request.getHeaders().getAll(FORWARDED_FOR);
        String hop = peerText;
        int seen = 0;
        for (int h = headers.size() - 1; h >= 0; h--) {
            String[] entries = headers.get(h).split(",");
            for (int i = entries.length - 1; i >= 0 && seen++ < MAX_HOPS; i--) {
                Optional<InetAddress> address = Cidr.literal(entries[i]);
                if (address.isEmpty()) {
                    return hop;
                }
                hop = address.get().getHostAddress();
                if (!isTrusted(address.get())) {
                    return hop;
                }
            }
        }
        return hop;
    }

    /** The source address of the HTTP request being served on this thread, if any. */
    public Optional<String> current() {
        return ServerRequestContext.currentRequest().map(this::of);
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(c -> c.contains(address));
    }
}
