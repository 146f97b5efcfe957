package dev.verifier.shared.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a client-supplied URL may be fetched (SSRF guard for {@code jwks_uri} at the registry and
 * {@code request_uri} at authorize-service): only {@code https}, and every address the host resolves to must be
 * public — not loopback, private (RFC 1918, IPv6 ULA), link-local (which holds the cloud metadata address
 * 169.254.169.254), carrier-grade NAT, multicast or unspecified; known metadata host names are refused by name. In the
 * local profile {@code http} and loopback are allowed (and nothing else). A plain class; each service makes its bean.
 * <p>Limit: the HTTP client resolves the name again when it connects. The JVM's DNS cache ({@code
 * networkaddress.cache.ttl}, 30 s by default) normally gives it the addresses checked here, but an entry expiring in
 * between would let a DNS-rebinding host resolve inside; a production deployment should also egress through a proxy
 * or network policy.
 */
public final class OutboundUrlGuard {

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata", "instance-data");

    private final boolean local;

    public OutboundUrlGuard(boolean local) {
        this.local = local;
    }

    /** Why {@code uri} must not be fetched, or empty when it may be. */
    public Optional<String> refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(local && scheme.equals("http"))) {
            return Optional.of("only https URLs are fetched");
        }
        String host = uri.getHost();
        if (host == null || METADATA_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.of("the URL's host is not allowed");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("the URL's host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!(local && address.isLoopbackAddress()) && isInternal(address)) {
                return Optional.of("the URL resolves to a private, loopback or link-local address");
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) // 0/8, 100.64/10 (CGNAT)
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0)        // 192.0.0/24
                    || first >= 240;                                              // reserved, broadcast
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            boolean uniqueLocal = (first & 0xfe) == 0xfc;                         // fc00::/7
            boolean mappedV4 = isIpv4Mapped(b);
            return uniqueLocal || (mappedV4 && isInternalV4(b));
        }
        return false;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    private static boolean isInternalV4(byte[] b) {
        try {
            return isInternal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
