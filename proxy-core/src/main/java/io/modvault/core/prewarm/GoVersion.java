package io.modvault.core.prewarm;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go release version in the go command's own syntax (its {@code gover.Parse}, which is not
 * semver): {@code 1.21.0}, {@code 1.22rc1}, or a language version such as {@code 1.22}. Numbers
 * have no leading zeros; a prerelease ({@code rc}, {@code beta}…, any lower-case word, then an
 * optional number) follows the minor version only. Before Go 1.21 a missing patch meant
 * {@code .0}; from 1.21 on {@code 1.N} names the language, not a release.
 */
record GoVersion(BigInteger major, BigInteger minor, Optional<BigInteger> patch, String kind, String pre) {
    private static final String NUMBER = "(0|[1-9][0-9]*)";
    private static final Pattern SYNTAX =
            Pattern.compile(NUMBER + "(?:\\." + NUMBER + "(?:\\." + NUMBER + "|([a-z]+)" + NUMBER + "?)?)?");
    private static final BigInteger TWENTY_ONE = BigInteger.valueOf(21);

    /** The version {@code text} spells, or empty when the go command would call it malformed. */
    static Optional<GoVersion> parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigInteger major = new BigInteger(m.group(1));
        if (m.group(2) == null) {
            // "1" is 1.0.0, as in gover.
            return Optional.of(new GoVersion(major, BigInteger.ZERO, Optional.of(BigInteger.ZERO), "", ""));
        }
        BigInteger minor = new BigInteger(m.group(2));
        Optional<BigInteger> patch = Optional.ofNullable(m.group(3)).map(BigInteger::new);
        String kind = m.group(4) == null ? "" : m.group(4);
        String pre = m.group(5) == null ? "" : m.group(5);
        if (patch.isEmpty() && kind.isEmpty() && minor.compareTo(TWENTY_ONE) < 0) {
            patch = Optional.of(BigInteger.ZERO);
        }
        return Optional.of(new GoVersion(major, minor, patch, kind, pre));
    }

    /** Whether this names a language ({@code 1.22}) rather than a release or prerelease. */
    boolean isLanguage() {
        return patch.isEmpty() && kind.isEmpty();
    }

    /** Whether this is Go 1.21 or later, the releases published as {@code golang.org/toolchain} modules. */
    boolean hasToolchainModules() {
        return major.compareTo(BigInteger.ONE) > 0 || major.equals(BigInteger.ONE) && minor.compareTo(TWENTY_ONE) >= 0;
    }
}
