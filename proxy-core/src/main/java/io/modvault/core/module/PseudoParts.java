package io.modvault.core.module;

/**
 * The pieces of a pseudo-version (x/mod {@code parsePseudoVersion}): the raw base before the
 * timestamp ("vX.0.0", "vX.Y.Z-pre.0" or "vX.Y.(Z+1)-0"), the 14-digit timestamp, the revision
 * and the build suffix. Also the decimal string arithmetic pseudo-versions need.
 */
record PseudoParts(String rawBase, String timestamp, String rev, String build, String version) {

    static PseudoParts parse(String v) {
        if (!PseudoVersion.is(v)) {
            throw invalid(v, "syntax error");
        }
        String build = ModuleVersion.build(v);
        String rest = v.substring(0, v.length() - build.length());
        int revDash = rest.lastIndexOf('-');
        String rev = rest.substring(revDash + 1);
        rest = rest.substring(0, revDash);
        int dash = rest.lastIndexOf('-');
        int dot = rest.lastIndexOf('.');
        int cut = dot > dash ? dot : dash;
        return new PseudoParts(rest.substring(0, cut), rest.substring(cut + 1), rev, build, v);
    }

    /** module.PseudoVersionBase: the canonical tag this pseudo-version follows, "" if none. */
    String tagBase() {
        String pre = ModuleVersion.prerelease(rawBase);
        if (pre.isEmpty()) {
            if (!build.isEmpty()) {
                // "vX.0.0-" says there is no parent tag, yet a build suffix such as
                // +incompatible describes one; x/mod rejects the combination.
                throw invalid(
                        version, "lacks base version, but has build metadata " + InvalidModuleException.quote(build));
            }
            return "";
        }
        if (pre.equals("-0")) {
            String release = rawBase.substring(0, rawBase.length() - pre.length());
            int dot = release.lastIndexOf('.');
            String patch = decrement(release.substring(dot + 1));
            if (patch.isEmpty()) {
                throw invalid(version, "version before " + release + " would have negative patch number");
            }
            return release.substring(0, dot + 1) + patch + build;
        }
        return rawBase.substring(0, rawBase.length() - ".0".length()) + build;
    }

    /** The decimal string plus one, with no size limit. */
    static String increment(String decimal) {
        char[] digits = decimal.toCharArray();
        int i = digits.length - 1;
        for (; i >= 0 && digits[i] == '9'; i--) {
            digits[i] = '0';
        }
        if (i >= 0) {
            digits[i]++;
            return new String(digits);
        }
        return "1" + new String(digits);
    }

    /** The decimal string minus one, or "" when it is all zeros. */
    static String decrement(String decimal) {
        char[] digits = decimal.toCharArray();
        int i = digits.length - 1;
        for (; i >= 0 && digits[i] == '0'; i--) {
            digits[i] = '9';
        }
        if (i < 0) {
            return "";
        }
        if (i == 0 && digits[i] == '1' && digits.length > 1) {
            return new String(digits, 1, digits.length - 1);
        }
        digits[i]--;
        return new String(digits);
    }

    private static InvalidModuleException invalid(String v, String reason) {
        return new InvalidModuleException("pseudo-version " + InvalidModuleException.quote(v) + " invalid: " + reason);
    }
}
