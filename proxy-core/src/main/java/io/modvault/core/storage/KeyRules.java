package io.modvault.core.storage;

import io.modvault.core.module.Utf8Order;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Rules every {@link ModuleStore} implementation applies the same way: which operations accept
 * which {@link EntryKind}, and the key order {@link ModuleStore#keys} returns (UTF-8 byte order,
 * which is Unicode code point order and differs from {@link String#compareTo} for characters
 * outside the Basic Multilingual Plane).
 */
public final class KeyRules {
    /** Orders strings as their UTF-8 encodings compare byte by byte (unsigned). */
    public static final Comparator<String> BYTE_ORDER = Utf8Order.ORDER;

    private KeyRules() {}

    /**
     * For {@code get}, {@code put} and {@code putAll}: zip index entries have their own methods,
     * and the stored-time index is the store's own (read it with {@code keysFrom}).
     */
    public static void requireEntryKind(EntryKey key, String operation) {
        Objects.requireNonNull(key, "key");
        if (key.kind() == EntryKind.ZIP) {
            throw new IllegalArgumentException(
                    operation + " " + key + ": zip index entries are written by commitBlob and read by blob");
        }
        if (key.kind() == EntryKind.STORED) {
            throw new IllegalArgumentException(
                    operation + " " + key + ": the stored-time index is written by the store beside each artifact");
        }
    }

    /** For {@code commitBlob} and {@code blob}. */
    public static void requireZipKind(EntryKey key, String operation) {
        Objects.requireNonNull(key, "key");
        if (key.kind() != EntryKind.ZIP) {
            throw new IllegalArgumentException(operation + " " + key + ": needs a zip index key");
        }
    }

    /** For {@code commitBlob}'s companion entries: checked, and copied so the caller cannot change them. */
    public static Map<EntryKey, byte[]> requireCompanions(Map<EntryKey, byte[]> companions, String operation) {
        Objects.requireNonNull(companions, "companions");
        Map<EntryKey, byte[]> copy = new LinkedHashMap<>();
        companions.forEach((key, value) -> {
            requireEntryKind(key, operation);
            copy.put(
                    key,
                    Objects.requireNonNull(value, () -> operation + " " + key + ": null value")
                            .clone());
        });
        return copy;
    }
}
