package dev.verifier.shared.web;

import java.net.InetAddress;
import java.util.Optional;

/**
 * An address range such as {@code 10.0.0.0/8} or {@code 64:ff9b::/96}. Only IP literals are parsed (never a host
 * name, so parsing never queries DNS).
 */
public record Cidr(byte[] network, int prefix) {

    /** Parses {@code address/prefix} (or a bare address: a one-address range); throws on anything else. */
    public static Cidr parse(String text) {
        String value = text.trim();
        int slash = value.indexOf('/');
        InetAddress address = literal(slash < 0 ? value : value.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("not an IP range: " + text));
        int bits = address.getAddress().length * 8;
        int prefix = slash < 0 ? bits : Integer.parseInt(value.substring(slash + 1));
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("not an IP range: " + text);
        }
        return new Cidr(address.getAddress(), prefix);
    }

    /** An IPv4 dotted-quad or IPv6 literal as an address, never looked up in DNS; empty for anything else. */
    public static Optional<InetAddress> literal(String text) {
        String value = text == null ? "" : text.trim();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        boolean v4 = value.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = value.contains(":") && value.matches("[0-9A-Fa-f:.]{2,45}");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(value));
        } catch (java.net.UnknownHostException e) {
            return Optional.empty();
        }
    }

    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    public boolean contains(byte[] bytes) {
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[full] & mask) == (network[full] & mask);
    }
}
