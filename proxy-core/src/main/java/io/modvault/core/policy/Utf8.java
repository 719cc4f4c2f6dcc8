package io.modvault.core.policy;

import java.io.ByteArrayOutputStream;

/**
 * The two UTF-8 operations Go's glob matcher relies on: encoding a Java string to the bytes Go
 * would hold, and {@code utf8.DecodeRune}, which answers U+FFFD with size 1 for invalid input.
 */
final class Utf8 {
    private static final int RUNE_ERROR = 0xFFFD;

    private Utf8() {}

    /**
     * Encodes as UTF-8, except that a lone surrogate becomes its 3-byte form (as in WTF-8) instead
     * of "?": Go then sees invalid UTF-8, where a "?" would turn into a wildcard.
     */
    static byte[] encode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 8);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xC0 | cp >> 6);
                out.write(0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                out.write(0xE0 | cp >> 12);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            } else {
                out.write(0xF0 | cp >> 18);
                out.write(0x80 | cp >> 12 & 0x3F);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            }
        }
        return out.toByteArray();
    }

    /** utf8.DecodeRune of {@code s[i:]}, packed as {@code (size << 32) | rune}. */
    static long decode(byte[] s, int i) {
        return decode(s, i, s.length);
    }

    /** utf8.DecodeRune of {@code s[i:end]}, packed as {@code (size << 32) | rune}. */
    static long decode(byte[] s, int i, int end) {
        int b0 = s[i] & 0xFF;
        if (b0 < 0x80) {
            return pack(b0, 1);
        }
        int size;
        int lo = 0x80;
        int hi = 0xBF;
        int cp;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            size = 2;
            cp = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            size = 3;
            cp = b0 & 0x0F;
            lo = b0 == 0xE0 ? 0xA0 : 0x80;
            hi = b0 == 0xED ? 0x9F : 0xBF;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            size = 4;
            cp = b0 & 0x07;
            lo = b0 == 0xF0 ? 0x90 : 0x80;
            hi = b0 == 0xF4 ? 0x8F : 0xBF;
        } else {
            return pack(RUNE_ERROR, 1);
        }
        if (i + size > end) {
            return pack(RUNE_ERROR, 1);
        }
        for (int k = 1; k < size; k++) {
            int b = s[i + k] & 0xFF;
            int min = k == 1 ? lo : 0x80;
            int max = k == 1 ? hi : 0xBF;
            if (b < min || b > max) {
                return pack(RUNE_ERROR, 1);
            }
            cp = cp << 6 | b & 0x3F;
        }
        return pack(cp, size);
    }

    private static long pack(int rune, int size) {
        return (long) size << 32 | rune;
    }
}
