package io.modvault.core.module;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Pseudo-versions (x/mod {@code module/pseudo.go}): {@code vX.0.0-yyyymmddhhmmss-rev},
 * {@code vX.Y.Z-pre.0.yyyymmddhhmmss-rev} and {@code vX.Y.(Z+1)-0.yyyymmddhhmmss-rev}, each
 * optionally with build metadata such as {@code +incompatible}. Builds them and takes them apart.
 */
public final class PseudoVersion {
    private static final Pattern PSEUDO = Pattern.compile(
            "v[0-9]+\\.(0\\.0-|\\d+\\.\\d+-([^+]*\\.)?0\\.)\\d{14}-[A-Za-z0-9]+(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");

    private PseudoVersion() {}

    /**
     * module.PseudoVersion. {@code major} ("v2", or "" for v0) only matters when there is no older
     * tag; {@code older} is the most recent ancestor tag ("" if none); {@code rev} is usually the
     * 12-digit commit hash prefix. Inputs are not validated, exactly like Go.
     */
    public static String of(String major, String older, Instant commitTime, String rev) {
        Objects.requireNonNull(major, "major");
        Objects.requireNonNull(older, "older");
        Objects.requireNonNull(commitTime, "commitTime");
        Objects.requireNonNull(rev, "rev");
        String segment = timestamp(commitTime) + "-" + rev;
        String build = ModuleVersion.build(older);
        String base = Semver.canonical(older);
        if (base.isEmpty()) {
            return (major.isEmpty() ? "v0" : major) + ".0.0-" + segment;
        }
        if (!ModuleVersion.prerelease(base).isEmpty()) {
            return base + ".0." + segment + build;
        }
        int patchStart = base.lastIndexOf('.') + 1;
        return base.substring(0, patchStart) + PseudoParts.increment(base.substring(patchStart)) + "-0." + segment
                + build;
    }

    /** module.IsPseudoVersion. */
    public static boolean is(String v) {
        return v.chars().filter(c -> c == '-').count() >= 2
                && ModuleVersion.isValid(v)
                && PSEUDO.matcher(v).matches();
    }

    /** module.PseudoVersionBase: the tag the pseudo-version builds on, "" for the no-tag form. */
    public static String base(String v) {
        return PseudoParts.parse(v).tagBase();
    }

    /** module.PseudoVersionTime: the UTC commit time encoded in the pseudo-version. */
    public static Instant time(String v) {
        String ts = PseudoParts.parse(v).timestamp();
        try {
            return LocalDateTime.of(
                            Integer.parseInt(ts.substring(0, 4)), Integer.parseInt(ts.substring(4, 6)),
                            Integer.parseInt(ts.substring(6, 8)), Integer.parseInt(ts.substring(8, 10)),
                            Integer.parseInt(ts.substring(10, 12)), Integer.parseInt(ts.substring(12, 14)))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new InvalidModuleException("pseudo-version " + InvalidModuleException.quote(v)
                    + " invalid: malformed time " + InvalidModuleException.quote(ts));
        }
    }

    /** module.PseudoVersionRev: the revision identifier, usually a 12-digit commit hash prefix. */
    public static String rev(String v) {
        return PseudoParts.parse(v).rev();
    }

    /** Formats like Go's "20060102150405" layout in UTC, including its handling of years beyond 0..9999. */
    private static String timestamp(Instant t) {
        LocalDateTime utc = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        int year = utc.getYear();
        String yyyy = (year < 0 ? "-" : "") + String.format("%04d", Math.abs(year));
        return yyyy
                + String.format(
                        "%02d%02d%02d%02d%02d",
                        utc.getMonthValue(), utc.getDayOfMonth(), utc.getHour(), utc.getMinute(), utc.getSecond());
    }
}
