package io.modvault.core.gomod;

import io.modvault.core.module.ModuleVersion;
import io.modvault.core.module.PathVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a go.mod that fetching from a repository needs, read as x/mod's modfile reads
 * them: the {@code go} version and {@code retract} intervals by a lax parse ({@code ParseLax})
 * that fails, like x/mod's, on a syntax error or a malformed {@code module}, {@code go} or
 * {@code require} line. The {@code module} path alone is read by
 * {@link io.modvault.core.modcheck.ModuleDirective}.
 */
public record GoModFile(String goVersion, List<Retraction> retractions) {
    private static final Pattern GO_VERSION =
            Pattern.compile("([1-9][0-9]*)\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?");
    private static final Pattern LAX_GO_VERSION = Pattern.compile("v?(([1-9][0-9]*)\\.(0|[1-9][0-9]*))([^0-9].*)");

    /** A closed interval of retracted versions ({@code low == high} for one version). */
    public record Retraction(String low, String high) {
        /** Whether {@code v} lies in the interval. */
        public boolean contains(String v) {
            return ModuleVersion.compare(low, v) <= 0 && ModuleVersion.compare(v, high) <= 0;
        }
    }

    public GoModFile {
        retractions = List.copyOf(retractions);
    }

    /** ParseLax; empty when x/mod would report an error. */
    public static Optional<GoModFile> parseLax(byte[] data) {
        Optional<List<List<String>>> lines = GoModLexer.lines(new String(data, StandardCharsets.UTF_8));
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String go = null;
        boolean module = false;
        List<Retraction> retractions = new ArrayList<>();
        for (List<String> line : lines.get()) {
            String verb = line.get(0);
            List<String> args = line.subList(1, line.size());
            switch (verb) {
                case "go" -> {
                    if (go != null || args.size() != 1) {
                        return Optional.empty();
                    }
                    go = goVersion(args.get(0));
                    if (go == null) {
                        return Optional.empty();
                    }
                }
                case "module" -> {
                    if (module || args.size() != 1 || GoModLexer.parseString(args.get(0)).isEmpty()) {
                        return Optional.empty();
                    }
                    module = true;
                }
                case "require" -> {
                    if (!requireOk(args)) {
                        return Optional.empty();
                    }
                }
                case "retract" -> retraction(args).ifPresent(retractions::add);
                default -> {
                    // Lax parsing ignores every other directive.
                }
            }
        }
        return Optional.of(new GoModFile(go == null ? "" : go, retractions));
    }

    /** The go command's language version ("1.24" from "1.24.1" or "1.24rc1"), for zip rules. */
    public Optional<int[]> language() {
        Matcher m = GO_VERSION.matcher(goVersion);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
        } catch (NumberFormatException e) {
            return Optional.of(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE});
        }
    }

    private static String goVersion(String arg) {
        if (GO_VERSION.matcher(arg).matches()) {
            return arg;
        }
        Matcher lax = LAX_GO_VERSION.matcher(arg);
        return lax.matches() ? lax.group(1) : null;
    }

    private static boolean requireOk(List<String> args) {
        if (args.size() != 2) {
            return false;
        }
        Optional<String> path = GoModLexer.parseString(args.get(0));
        Optional<String> version = GoModLexer.parseString(args.get(1));
        if (path.isEmpty() || version.isEmpty()) {
            return false;
        }
        String canonical = ModuleVersion.canonical(version.get());
        Optional<PathVersion> split = PathVersion.split(path.get());
        if (canonical.isEmpty() || split.isEmpty()) {
            return false;
        }
        return majorFits(canonical, split.get().pathMajor());
    }

    /** module.CheckPathMajor for a suffix that may come from any path. */
    private static boolean majorFits(String version, String pathMajor) {
        String major = pathMajor;
        if (major.startsWith(".v") && major.endsWith("-unstable")) {
            major = major.substring(0, major.length() - "-unstable".length());
        }
        if (version.startsWith("v0.0.0-") && major.equals(".v1")) {
            return true;
        }
        String m = ModuleVersion.major(version);
        if (major.isEmpty()) {
            return m.equals("v0") || m.equals("v1") || ModuleVersion.isIncompatible(version);
        }
        return m.equals(major.substring(1));
    }

    /** A {@code retract} line's interval; malformed ones are ignored, as lax parsing does. */
    private static Optional<Retraction> retraction(List<String> args) {
        if (args.isEmpty()) {
            return Optional.empty();
        }
        if (!args.get(0).equals("[")) {
            return GoModLexer.parseString(args.get(0)).map(v -> new Retraction(v, v));
        }
        if (args.size() < 5 || !args.get(2).equals(",") || !args.get(4).equals("]")) {
            return Optional.empty();
        }
        Optional<String> low = GoModLexer.parseString(args.get(1));
        Optional<String> high = GoModLexer.parseString(args.get(3));
        return low.isPresent() && high.isPresent() ? Optional.of(new Retraction(low.get(), high.get())) : Optional.empty();
    }
}
