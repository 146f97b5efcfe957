package dev.verifier.shared.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a client-supplied URL may be fetched (SSRF guard for {@code jwks_uri} at the registry,
 * {@code request_uri} at authorize-service, back-channel logout deliveries) and names the one address to connect to.
 * <p>
 * Rules: only {@code https} (and {@code http} in the local profile); the host is resolved ONCE (through the injected
 * {@link Resolver}) and every address must be public: not unspecified, loopback (allowed in the local profile only),
 * private (RFC 1918, IPv6 ULA), link-local (the cloud metadata address 169.254.169.254), multicast, broadcast or
 * reserved, CGNAT (100.64/10), IETF protocol assignments (192.0.0/24), documentation (192.0.2/24, 198.51.100/24,
 * 203.0.113/24, 2001:db8::/32) and benchmark (198.18/15, 2001:2::/48) ranges, 6to4 relays (192.88.99/24), NAT64
 * (64:ff9b::/96, 64:ff9b:1::/48), Teredo (2001::/32), ORCHID (2001:10::/28), discard (100::/64), site-local
 * (fec0::/10); IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and 6to4 (2002:AABB:CCDD::/48) addresses
 * are judged by the IPv4 address they embed. Known metadata host names are refused by name.
 * <p>
 * Use: {@link #check(URI)} gives a {@link Target} (the checked address), and {@link PinnedHttp} connects to exactly
 * that address while TLS still verifies the certificate against the URL's host name, so a DNS answer that changes
 * between check and connect (rebinding) cannot reach inside. {@link #refusal(URI)} remains for callers that only need
 * the verdict. A plain class; each service makes its bean ({@code new OutboundUrlGuard(profile.local())}).
 */
public final class OutboundUrlGuard {

    /** Name resolution, injectable for tests; the default is the JVM's resolver. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL that passed the guard and the one address it must be fetched from. */
    public record Target(URI uri, InetAddress address, int port) {
    }

    /** The URL must not be fetched; {@link #getMessage()} is for logs and metrics, never for the end user. */
    public static final class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata", "instance-data");
    private static final List<Cidr> BLOCKED = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/32", "2001:2::/48",
            "2001:10::/28", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8")
            .stream().map(Cidr::parse).toList();
    private static final Cidr COMPATIBLE = Cidr.parse("::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    private final boolean local;
    private final Resolver resolver;

    public OutboundUrlGuard(boolean local) {
        this(local, InetAddress::getAllByName);
    }

    public OutboundUrlGuard(boolean local, Resolver resolver) {
        this.local = local;
        this.resolver = resolver;
    }

    /** Why {@code uri} must not be fetched, or empty when it may be. */
    public Optional<String> refusal(URI uri) {
        try {
            check(uri);
            return Optional.empty();
        } catch (Refused e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Resolves the host once and answers the address to connect to; {@link Refused} when the URL is not allowed. */
    public Target check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(local && scheme.equals("http"))) {
            throw new Refused("only https URLs are fetched");
        }
        String host = uri.getHost();
        if (host == null || uri.getRawUserInfo() != null || METADATA_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
            throw new Refused("the URL's host is not allowed");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new Refused("the URL's host does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new Refused("the URL's host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!(local && address.isLoopbackAddress()) && isInternal(address)) {
                throw new Refused("the URL resolves to a non-public address " + address.getHostAddress());
            }
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new Target(uri, addresses[0], port);
    }

    /** Whether {@code address} is anything but a public unicast address. */
    public static boolean isInternal(InetAddress address) {
        byte[] b = address.getAddress();
        if (BLOCKED.stream().anyMatch(c -> c.contains(b))) {
            return true;
        }
        if (address instanceof Inet4Address) {
            return false;
        }
        // the JVM turns ::ffff:a.b.c.d into an Inet4Address already; a 16-byte form is judged by its IPv4 part too
        if (isMapped(b) || COMPATIBLE.contains(b)) {
            return isInternalV4(b[12], b[13], b[14], b[15]);
        }
        if (SIX_TO_FOUR.contains(b)) {
            return isInternalV4(b[2], b[3], b[4], b[5]);
        }
        return false;
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    private static boolean isInternalV4(byte a, byte b, byte c, byte d) {
        try {
            return isInternal(InetAddress.getByAddress(new byte[] {a, b, c, d}));
        } catch (UnknownHostException e) {
            return true;
        }
    }
}
