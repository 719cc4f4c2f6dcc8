package io.modvault.core.module;

import java.util.Optional;

/**
 * A line-by-line port of golang.org/x/mod/semver parsing and precedence. Numbers stay strings and
 * are compared by length, then lexically, so components of any size work without overflow.
 */
final class Semver {
    /** The pieces of a valid version; {@code shortFill} is the ".0" text a shorthand lacks. */
    record Parsed(String major, String minor, String patch, String shortFill, String prerelease, String build) {}

    private Semver() {}

    static Optional<Parsed> parse(String v) {
        if (v.isEmpty() || v.charAt(0) != 'v') {
            return Optional.empty();
        }
        int majorEnd = intEnd(v, 1);
        if (majorEnd < 0) {
            return Optional.empty();
        }
        String major = v.substring(1, majorEnd);
        if (majorEnd == v.length()) {
            return Optional.of(new Parsed(major, "0", "0", ".0.0", "", ""));
        }
        if (v.charAt(majorEnd) != '.') {
            return Optional.empty();
        }
        int minorEnd = intEnd(v, majorEnd + 1);
        if (minorEnd < 0) {
            return Optional.empty();
        }
        String minor = v.substring(majorEnd + 1, minorEnd);
        if (minorEnd == v.length()) {
            return Optional.of(new Parsed(major, minor, "0", ".0", "", ""));
        }
        if (v.charAt(minorEnd) != '.') {
            return Optional.empty();
        }
        int patchEnd = intEnd(v, minorEnd + 1);
        if (patchEnd < 0) {
            return Optional.empty();
        }
        int at = patchEnd;
        String prerelease = "";
        if (at < v.length() && v.charAt(at) == '-') {
            int end = identifiersEnd(v, at, true);
            if (end < 0) {
                return Optional.empty();
            }
            prerelease = v.substring(at, end);
            at = end;
        }
        String build = "";
        if (at < v.length() && v.charAt(at) == '+') {
            int end = identifiersEnd(v, at, false);
            if (end < 0) {
                return Optional.empty();
            }
            build = v.substring(at, end);
            at = end;
        }
        if (at != v.length()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(major, minor, v.substring(minorEnd + 1, patchEnd), "", prerelease, build));
    }

    /** semver.Canonical: fills in ".0"s and drops any build suffix; "" if invalid. */
    static String canonical(String v) {
        return parse(v).map(p -> p.build().isEmpty()
                        ? v + p.shortFill()
                        : v.substring(0, v.length() - p.build().length()))
                .orElse("");
    }

    /** End of a decimal without leading zeros starting at {@code from}, or -1. */
    private static int intEnd(String v, int from) {
        int i = from;
        while (i < v.length() && isDigit(v.charAt(i))) {
            i++;
        }
        if (i == from || v.charAt(from) == '0' && i != from + 1) {
            return -1;
        }
        return i;
    }

    /**
     * End of a "-pre.release" or "+build.meta" run of dot-separated identifiers starting at the
     * sign, or -1. A prerelease stops at "+" and rejects numeric identifiers with leading zeros.
     */
    private static int identifiersEnd(String v, int sign, boolean prerelease) {
        int i = sign + 1;
        int start = i;
        for (; i < v.length() && !(prerelease && v.charAt(i) == '+'); i++) {
            char c = v.charAt(i);
            if (c == '.') {
                if (start == i || prerelease && isBadNum(v, start, i)) {
                    return -1;
                }
                start = i + 1;
            } else if (!isIdentChar(c)) {
                return -1;
            }
        }
        if (start == i || prerelease && isBadNum(v, start, i)) {
            return -1;
        }
        return i;
    }

    private static boolean isIdentChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || isDigit(c) || c == '-';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isBadNum(String v, int from, int to) {
        return to - from > 1 && v.charAt(from) == '0' && isNum(v.substring(from, to));
    }

    static boolean isNum(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** semver.Compare: invalid versions are equal to each other and below every valid one. */
    static int compare(String v, String w) {
        Optional<Parsed> pv = parse(v);
        Optional<Parsed> pw = parse(w);
        if (pv.isEmpty() || pw.isEmpty()) {
            return Boolean.compare(pv.isPresent(), pw.isPresent());
        }
        Parsed a = pv.get();
        Parsed b = pw.get();
        int c = compareInt(a.major(), b.major());
        if (c == 0) {
            c = compareInt(a.minor(), b.minor());
        }
        if (c == 0) {
            c = compareInt(a.patch(), b.patch());
        }
        return c != 0 ? c : comparePrerelease(a.prerelease(), b.prerelease());
    }

    /** Compares decimals without leading zeros: the longer is larger, equal lengths compare lexically. */
    static int compareInt(String x, String y) {
        if (x.length() != y.length()) {
            return x.length() < y.length() ? -1 : 1;
        }
        return Integer.signum(x.compareTo(y));
    }

    private static int comparePrerelease(String x, String y) {
        if (x.equals(y)) {
            return 0;
        }
        if (x.isEmpty()) {
            return 1;
        }
        if (y.isEmpty()) {
            return -1;
        }
        String[] xs = x.substring(1).split("\\.", -1);
        String[] ys = y.substring(1).split("\\.", -1);
        for (int i = 0; i < xs.length && i < ys.length; i++) {
            if (!xs[i].equals(ys[i])) {
                return compareIdentifier(xs[i], ys[i]);
            }
        }
        return Integer.compare(xs.length, ys.length);
    }

    private static int compareIdentifier(String dx, String dy) {
        boolean nx = isNum(dx);
        boolean ny = isNum(dy);
        if (nx != ny) {
            return nx ? -1 : 1;
        }
        return nx ? compareInt(dx, dy) : Integer.signum(dx.compareTo(dy));
    }
}
