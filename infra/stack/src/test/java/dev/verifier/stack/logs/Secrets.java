package dev.verifier.stack.logs;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The secret values one run used or received, each named, together with the pieces that would still betray it if a
 * log line held only part of it: a JWT's signature and payload, the first and last 16 characters of a long opaque
 * value. Every value a run adds is random, so none can appear in a log by coincidence.
 */
final class Secrets {

    /** One needle to look for: what it is and its text. */
    record Needle(String what, String text) {
    }

    private static final int PIECE = 16;

    private final List<Needle> needles = new ArrayList<>();
    private final Set<String> kinds = new LinkedHashSet<>();

    /** Adds {@code value} as a secret of kind {@code kind}; answers it for chaining. */
    String add(String kind, String value) {
        Objects.requireNonNull(value, kind);
        if (value.length() < PIECE) {
            throw new IllegalArgumentException(kind + " is too short to search for without false alarms");
        }
        kinds.add(kind);
        needles.add(new Needle(kind, value));
        String[] jws = value.split("\\.");
        if (jws.length == 3 && jws[1].length() >= PIECE && jws[2].length() >= PIECE) {
            needles.add(new Needle(kind + " (signature part)", jws[2]));
            needles.add(new Needle(kind + " (payload part)", jws[1]));
        } else if (value.length() >= 2 * PIECE) {
            needles.add(new Needle(kind + " (first " + PIECE + " characters)", value.substring(0, PIECE)));
            needles.add(new Needle(kind + " (last " + PIECE + " characters)", value.substring(value.length() - PIECE)));
        }
        return value;
    }

    List<Needle> needles() {
        return List.copyOf(needles);
    }

    /** The kinds of secret added so far ("client secret", "refresh token", ...). */
    Set<String> kinds() {
        return Set.copyOf(kinds);
    }

    /** A fresh random base64url value of {@code bytes} random bytes. */
    static String random(int bytes) {
        byte[] raw = new byte[bytes];
        new SecureRandom().nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
