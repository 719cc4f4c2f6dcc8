package io.modvault.core.gomod;

import io.modvault.core.module.ModuleVersion;
import io.modvault.core.module.PathVersion;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * x/mod rule.go's argument rules, shared by go.mod and go.work directives: quoted strings,
 * versions (canonicalized, as with a nil version fixer), the major-version check of a path,
 * retract intervals, {@code replace} arguments, and go and toolchain versions. A broken argument
 * throws {@link InvalidDirective}, which the directive reader positions.
 */
final class DirectiveArgs {
    static final Pattern GO_VERSION =
            Pattern.compile("([1-9][0-9]*)\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?([a-z]+[0-9]+)?");
    private static final Pattern LAX_GO_VERSION = Pattern.compile("v?(([1-9][0-9]*)\\.(0|[1-9][0-9]*))([^0-9].*)");
    private static final Pattern TOOLCHAIN = Pattern.compile("^default$|^go1($|\\.)");
    /** unicode.IsSpace is the White_Space property, which {@code \s} matches in this mode. */
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern EDGE_SPACES = Pattern.compile("^\\s+|\\s+$", Pattern.UNICODE_CHARACTER_CLASS);

    /** An argument x/mod rejects; the message is x/mod's, without the position. */
    static final class InvalidDirective extends RuntimeException {
        InvalidDirective(String message) {
            super(message, null, false, false);
        }
    }

    private DirectiveArgs() {}

    /** modfile parseString: unquotes a quoted token; an unquoted one must hold no quote at all. */
    static String string(String token) {
        if (token.startsWith("\"")) {
            return GoQuoted.unquote(token)
                    .orElseThrow(() -> new InvalidDirective("invalid quoted string: invalid syntax"));
        }
        if (token.indexOf('"') >= 0 || token.indexOf('\'') >= 0 || token.indexOf('`') >= 0) {
            throw new InvalidDirective("invalid quoted string: unquoted string cannot contain quote");
        }
        return token;
    }

    /** modfile parseVersion without a fixer: the canonical form of a semantic version. */
    static String version(String verb, String path, String token) {
        String v;
        try {
            v = string(token);
        } catch (InvalidDirective e) {
            throw new InvalidDirective(verb + " " + path + ": version " + quote(token) + " invalid: " + e.getMessage());
        }
        String canonical = ModuleVersion.canonical(v);
        if (canonical.isEmpty()) {
            throw new InvalidDirective(
                    verb + " " + path + ": version " + quote(v) + " invalid: must be of the form v1.2.3");
        }
        return canonical;
    }

    /** modulePathMajor and module.CheckPathMajor: the version's major must be the one the path's suffix names. */
    static void checkPathMajor(String verb, String path, String version) {
        PathVersion split = PathVersion.split(path).orElseThrow(() -> new InvalidDirective("invalid module path"));
        String major = split.pathMajor();
        if (major.startsWith(".v") && major.endsWith("-unstable")) {
            major = major.substring(0, major.length() - "-unstable".length());
        }
        if (version.startsWith("v0.0.0-") && major.equals(".v1")) {
            return;
        }
        String actual = ModuleVersion.major(version);
        if (major.isEmpty()
                ? actual.equals("v0") || actual.equals("v1") || ModuleVersion.isIncompatible(version)
                : actual.equals(major.substring(1))) {
            return;
        }
        String expected = major.isEmpty() ? "v0 or v1" : major.substring(1);
        throw new InvalidDirective(verb + " " + path + ": version " + quote(version) + " invalid: should be " + expected
                + ", not " + actual);
    }

    /** modfile.IsDirectoryPath: rooted or starting with a . or .. element, in Unix or Windows syntax. */
    static boolean isDirectoryPath(String ns) {
        return ns.equals(".")
                || ns.startsWith("./")
                || ns.startsWith(".\\")
                || ns.equals("..")
                || ns.startsWith("../")
                || ns.startsWith("..\\")
                || ns.startsWith("/")
                || ns.startsWith("\\")
                || ns.length() >= 2
                        && (ns.charAt(0) >= 'A' && ns.charAt(0) <= 'Z' || ns.charAt(0) >= 'a' && ns.charAt(0) <= 'z')
                        && ns.charAt(1) == ':';
    }

    /** A retract interval: one version or {@code [low, high]}; the versions are unquoted, not canonicalized. */
    static Interval interval(List<String> args) {
        if (args.isEmpty() || args.get(0).equals("(")) {
            throw new InvalidDirective("expected '[' or version");
        }
        if (!args.get(0).equals("[")) {
            String v = string(args.get(0));
            return new Interval(v, v, args.size() - 1);
        }
        expect(args, 1, null, "expected version after '['");
        String low = string(args.get(1));
        expect(args, 2, ",", "expected ',' after version");
        expect(args, 3, null, "expected version after ','");
        String high = string(args.get(3));
        expect(args, 4, "]", "expected ']' after version");
        return new Interval(low, high, args.size() - 5);
    }

    /** A parsed interval and how many tokens follow it. */
    record Interval(String low, String high, int rest) {}

    private static void expect(List<String> args, int index, String token, String message) {
        if (args.size() <= index || token != null && !args.get(index).equals(token)) {
            throw new InvalidDirective(message);
        }
    }

    /** modfile parseReplace: {@code old [v] => new v} or {@code old [v] => directory}. */
    static Replacement replacement(String verb, List<String> args) {
        int arrow = args.size() >= 2 && args.get(1).equals("=>") ? 1 : 2;
        if (args.size() < arrow + 2
                || args.size() > arrow + 3
                || !args.get(arrow).equals("=>")) {
            throw new InvalidDirective("usage: " + verb + " module/path [v1.2.3] => other/module v1.4\n\t or " + verb
                    + " module/path [v1.2.3] => ../local/directory");
        }
        String oldPath = string(args.get(0));
        if (PathVersion.split(oldPath).isEmpty()) {
            throw new InvalidDirective(verb + " " + oldPath + ": invalid module path");
        }
        Optional<String> oldVersion = Optional.empty();
        if (arrow == 2) {
            String v = version(verb, oldPath, args.get(1));
            checkPathMajor(verb, oldPath, v);
            oldVersion = Optional.of(v);
        }
        String newPath = string(args.get(arrow + 1));
        if (args.size() == arrow + 2) {
            if (!isDirectoryPath(newPath)) {
                throw new InvalidDirective(
                        newPath.contains("@")
                                ? "replacement module must match format 'path version', not 'path@version'"
                                : "replacement module without version must be directory path (rooted or starting with . or ..)");
            }
            if (newPath.contains("\\")) {
                throw new InvalidDirective(
                        "replacement directory appears to be Windows path (on a non-windows system)");
            }
            return new Replacement(oldPath, oldVersion, newPath, Optional.empty());
        }
        String newVersion = version(verb, newPath, args.get(arrow + 2));
        if (isDirectoryPath(newPath)) {
            throw new InvalidDirective("replacement module directory path " + quote(newPath) + " cannot have version");
        }
        return new Replacement(oldPath, oldVersion, newPath, Optional.of(newVersion));
    }

    /** The go directive's version: strict (go.work, a main module) or, laxly, {@code 1.22} from {@code v1.22-beta}. */
    static String goVersion(String arg, boolean lax) {
        if (GO_VERSION.matcher(arg).matches()) {
            return arg;
        }
        var m = LAX_GO_VERSION.matcher(arg);
        if (lax && m.matches()) {
            return m.group(1);
        }
        throw new InvalidDirective("invalid go version '" + arg + "': must match format 1.23.0");
    }

    /** The toolchain directive's name: {@code default} or {@code go1…}. */
    static String toolchain(String arg) {
        if (!TOOLCHAIN.matcher(arg).find()) {
            throw new InvalidDirective(
                    "invalid toolchain version '" + arg + "': must match format go1.23.0 or default");
        }
        return arg;
    }

    /** godebug {@code key=value}: one argument, no quotes or commas. */
    static GoDebug goDebug(List<String> args) {
        int eq = args.size() == 1 ? args.get(0).indexOf('=') : -1;
        if (eq < 0 || args.get(0).chars().anyMatch(c -> "\"`',".indexOf(c) >= 0)) {
            throw new InvalidDirective("usage: godebug key=value");
        }
        return new GoDebug(args.get(0).substring(0, eq), args.get(0).substring(eq + 1));
    }

    /** strings.Fields: the runs of non-space characters. */
    static List<String> fields(String s) {
        String trimmed = trimSpace(s);
        return trimmed.isEmpty() ? List.of() : List.of(SPACES.split(trimmed));
    }

    /** strings.TrimSpace. */
    static String trimSpace(String s) {
        return EDGE_SPACES.matcher(s).replaceAll("");
    }

    /** Go's %q, for the strings a go.mod can hold. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
