package dev.verifier.authorize.password;

import java.util.Arrays;
import java.util.List;

import com.sun.jna.IntegerType;
import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Argon2id computed by the reference implementation: phc-winner-argon2's {@code libargon2} as the operating system
 * ships it (Debian and Ubuntu: package {@code libargon2-1}), called through JNA; this class only passes the
 * parameters. About a third of Bouncy Castle's CPU per hash, and as fast on the first hash as on the thousandth (no
 * JIT warm-up). The library is given copies, so nothing it does to its input reaches the caller.
 */
final class NativeArgon2 implements Argon2Engine {

    /** The names tried in turn: the development symlink, then the runtime package's file. */
    static final List<String> LIBRARY_NAMES = List.of("argon2", "libargon2.so.1");

    /** The one function used, from {@code argon2.h}. */
    interface LibArgon2 extends Library {
        int argon2id_hash_raw(int tCost, int mCost, int parallelism, byte[] pwd, SizeT pwdlen, byte[] salt,
                              SizeT saltlen, byte[] hash, SizeT hashlen);

        String argon2_error_message(int errorCode);
    }

    /** C's {@code size_t}. */
    public static final class SizeT extends IntegerType {
        public SizeT() {
            this(0);
        }

        SizeT(long value) {
            super(Native.SIZE_T_SIZE, value, true);
        }
    }

    private final LibArgon2 library;

    private NativeArgon2(LibArgon2 library) {
        this.library = library;
    }

    /** Loads the library; throws {@link LinkageError} (or a runtime exception) where it cannot be loaded. */
    static NativeArgon2 load() {
        UnsatisfiedLinkError last = null;
        for (String name : LIBRARY_NAMES) {
            try {
                return new NativeArgon2(Native.load(name, LibArgon2.class));
            } catch (UnsatisfiedLinkError e) {
                last = e;
            }
        }
        throw last;
    }

    @Override
    public byte[] derive(byte[] password, byte[] salt, Argon2Cost cost, int length) {
        byte[] hash = new byte[length];
        byte[] pwd = Arrays.copyOf(password, password.length);
        try {
            int result = library.argon2id_hash_raw(cost.iterations(), cost.memoryKib(), cost.parallelism(), pwd,
                    new SizeT(pwd.length), Arrays.copyOf(salt, salt.length), new SizeT(salt.length), hash,
                    new SizeT(length));
            if (result != 0) {
                throw new IllegalStateException("libargon2: " + library.argon2_error_message(result));
            }
            return hash;
        } finally {
            Arrays.fill(pwd, (byte) 0);
        }
    }

    @Override
    public String description() {
        return "the reference implementation (the system's libargon2, native)";
    }
}
