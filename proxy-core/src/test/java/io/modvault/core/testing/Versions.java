package io.modvault.core.testing;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough semantic-version logic for the fixtures to compute {@code @v/list} and
 * {@code @latest} the way the go command would read them; deliberately independent of the
 * production version model so the two can check each other.
 */
final class Versions {

    private static final Pattern CANONICAL = Pattern.compile("v(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");
    /** x/mod {@code pseudoVersionRE}. */
    private static final Pattern PSEUDO =
            Pattern.compile("v[0-9]+\\.(0\\.0-|\\d+\\.\\d+-([^+]*\\.)?0\\.)\\d{14}-[A-Za-z0-9]+(\\+[0-9A-Za-z-]+)?");

    /** Semver precedence (build metadata ignored), ties broken by plain string order. */
    static final Comparator<String> ORDER = Versions::compare;

    private Versions() {}

    static boolean isCanonical(String version) {
        return CANONICAL.matcher(version).matches();
    }

    static boolean isPseudo(String version) {
        return isCanonical(version) && PSEUDO.matcher(version).matches();
    }

    static boolean isPrerelease(String version) {
        return parse(version).group(4) != null;
    }

    /** Tagged (non-pseudo) versions in ascending order. */
    static List<String> tagged(Collection<String> versions) {
        return versions.stream().filter(v -> !isPseudo(v)).sorted(ORDER).toList();
    }

    /** Highest release, else highest tagged pre-release, else highest pseudo-version. */
    static Optional<String> latest(Collection<String> versions) {
        List<String> tagged = tagged(versions);
        Optional<String> release = tagged.stream().filter(v -> !isPrerelease(v)).max(ORDER);
        if (release.isPresent()) {
            return release;
        }
        return tagged.isEmpty() ? versions.stream().max(ORDER) : Optional.of(tagged.getLast());
    }

    static int compare(String a, String b) {
        Matcher x = parse(a);
        Matcher y = parse(b);
        for (int group = 1; group <= 3; group++) {
            int c = compareNumeric(x.group(group), y.group(group));
            if (c != 0) {
                return c;
            }
        }
        int c = comparePrerelease(x.group(4), y.group(4));
        return c != 0 ? c : a.compareTo(b);
    }

    private static Matcher parse(String version) {
        Matcher m = CANONICAL.matcher(version);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a canonical semantic version: " + version);
        }
        return m;
    }

    private static int compareNumeric(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    private static int comparePrerelease(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xNum = x[i].chars().allMatch(Character::isDigit);
            boolean yNum = y[i].chars().allMatch(Character::isDigit);
            int c = xNum && yNum ? compareNumeric(x[i], y[i]) : xNum != yNum ? (xNum ? -1 : 1) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
