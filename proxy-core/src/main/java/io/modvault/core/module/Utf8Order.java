package io.modvault.core.module;

import java.util.Comparator;

/**
 * Go's string order: byte order of the UTF-8 encoding, which is code-point order (Java's
 * {@code String.compareTo} compares UTF-16 units and differs above U+FFFF). Used for version
 * tie-breaks and for store keys, where RocksDB orders raw UTF-8 bytes.
 */
public final class Utf8Order {
    public static final Comparator<String> ORDER = Utf8Order::compare;

    private Utf8Order() {}

    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
