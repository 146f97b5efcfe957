package dev.verifier.authorize.requestobject;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import dev.verifier.shared.config.ProfileConfiguration;
import jakarta.inject.Singleton;

/**
 * Interim {@link UrlGuard} of authorize-service, to be replaced by the guard client-registry uses for jwks_uri once it
 * is shared: {@code https} only, and every address of the host public (no loopback, private, link-local — the cloud
 * metadata address —, CGNAT, ULA, multicast or unspecified). The local profile allows {@code http} and loopback.
 * The HTTP client resolves the name again when it connects (DNS rebinding): production should also restrict egress.
 */
@Singleton
class PublicAddressGuard implements UrlGuard {

    private final boolean local;

    PublicAddressGuard(ProfileConfiguration profile) {
        this.local = profile.local();
    }

    @Override
    public Optional<String> refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(local && scheme.equals("http"))) {
            return Optional.of("only https URLs are fetched");
        }
        if (uri.getHost() == null) {
            return Optional.of("the URL has no host");
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!(local && address.isLoopbackAddress()) && !isPublic(address)) {
                    return Optional.of("the URL's host is not a public address");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("the URL's host does not resolve");
        }
        return Optional.empty();
    }

    private static boolean isPublic(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && first < 240 && !(first == 100 && second >= 64 && second < 128);
        }
        return !(a instanceof Inet6Address) || (b[0] & 0xfe) != 0xfc;
    }
}
