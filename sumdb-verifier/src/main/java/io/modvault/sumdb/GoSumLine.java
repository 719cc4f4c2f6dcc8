package io.modvault.sumdb;

import io.modvault.sumdb.SumdbException.Reason;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One go.sum line {@code <module> <version>[/go.mod] <hash>}: the module path and version in plain
 * (not case-encoded) form, the version keeping its {@code /go.mod} suffix when the hash is that of
 * the go.mod file alone.
 */
public record GoSumLine(String module, String version, String hash) {

    /** Suffix of the version field of a go.mod hash line. */
    public static final String GO_MOD_SUFFIX = "/go.mod";

    private static final Pattern FIELD_SEPARATOR = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    public GoSumLine {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(hash, "hash");
        for (String field : new String[] {module, version, hash}) {
            if (field.isEmpty() || FIELD_SEPARATOR.matcher(field).find()) {
                throw new IllegalArgumentException("go.sum field \"" + field + "\" is empty or contains white space");
            }
        }
    }

    /** Parses a line of exactly three white-space separated fields (a trailing newline is allowed). */
    public static GoSumLine parse(String line) {
        String trimmed = line.strip();
        String[] fields = trimmed.isEmpty() ? new String[0] : FIELD_SEPARATOR.split(trimmed);
        if (fields.length != 3) {
            throw new SumdbException(
                    Reason.MALFORMED,
                    "malformed go.sum line \"" + line.strip() + "\": wrong number of fields " + fields.length);
        }
        return new GoSumLine(fields[0], fields[1], fields[2]);
    }

    /** True for the line of a go.mod hash ({@code version} ends with {@code /go.mod}). */
    public boolean isGoMod() {
        return version.endsWith(GO_MOD_SUFFIX);
    }

    /** The version without its {@code /go.mod} suffix. */
    public String baseVersion() {
        return isGoMod() ? version.substring(0, version.length() - GO_MOD_SUFFIX.length()) : version;
    }

    /** The line without its newline, {@code module version hash}. */
    public String format() {
        return module + " " + version + " " + hash;
    }

    @Override
    public String toString() {
        return format();
    }
}
