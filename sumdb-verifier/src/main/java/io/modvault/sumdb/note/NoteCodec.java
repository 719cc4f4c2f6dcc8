package io.modvault.sumdb.note;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/** Encoding rules shared by keys and notes (key hashes, key names, strict base64). */
final class NoteCodec {

    static final byte ALG_ED25519 = 1;
    static final int ED25519_KEY_SIZE = 32;

    private NoteCodec() {}

    /** First 4 bytes, big-endian, of SHA-256(name || "\n" || algorithm byte || key). */
    static int keyHash(String name, byte[] algAndKey) {
        MessageDigest sha = sha256();
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        sha.update(algAndKey);
        byte[] d = sha.digest();
        return (d[0] & 0xff) << 24 | (d[1] & 0xff) << 16 | (d[2] & 0xff) << 8 | (d[3] & 0xff);
    }

    static String keyId(String name, int hash) {
        return name + "+" + hex8(hash);
    }

    static String hex8(int hash) {
        return String.format("%08x", hash);
    }

    /** Non-empty, no Unicode white space (Go's unicode.IsSpace), no '+'. */
    static boolean isValidName(String name) {
        if (name.isEmpty() || name.indexOf('+') >= 0) {
            return false;
        }
        return name.codePoints().noneMatch(NoteCodec::isGoSpace);
    }

    static boolean isGoSpace(int c) {
        if (c <= 0xff) {
            return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xa0;
        }
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** Standard base64 with mandatory padding, as Go's base64.StdEncoding (Java alone accepts unpadded input). */
    static Optional<byte[]> decodeBase64(String s) {
        if (s.length() % 4 != 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Parses exactly 8 hex digits (either case, as Go's strconv.ParseUint(s, 16, 32)). */
    static Optional<Integer> parseHash(String hex) {
        if (hex.length() != 8 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
            return Optional.empty();
        }
        return Optional.of((int) Long.parseLong(hex, 16));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
