package io.modvault.core.gomod;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A go.mod file as golang.org/x/mod's modfile reads it: the {@code module} path (and its
 * {@code Deprecated:} comment), {@code go} and {@code toolchain} versions, {@code godebug},
 * {@code require} (with {@code // indirect}), {@code exclude}, {@code replace}, {@code retract}
 * (with rationale), {@code tool} and {@code ignore} directives, each in file order, from single
 * lines and factored blocks alike. Versions in {@code require}, {@code exclude} and
 * {@code replace} are canonical ({@code v1.2} becomes {@code v1.2.0}); retracted versions are
 * kept as written. {@link #parse} reads a main module's file, {@link #parseLax} a dependency's.
 */
public record GoModFile(
        Optional<String> module,
        Optional<String> deprecated,
        Optional<String> go,
        Optional<String> toolchain,
        List<GoDebug> godebug,
        List<Requirement> require,
        List<Exclusion> exclude,
        List<Replacement> replace,
        List<Retraction> retract,
        List<String> tool,
        List<String> ignore) {

    public GoModFile {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(deprecated, "deprecated");
        Objects.requireNonNull(go, "go");
        Objects.requireNonNull(toolchain, "toolchain");
        godebug = List.copyOf(godebug);
        require = List.copyOf(require);
        exclude = List.copyOf(exclude);
        replace = List.copyOf(replace);
        retract = List.copyOf(retract);
        tool = List.copyOf(tool);
        ignore = List.copyOf(ignore);
    }

    /**
     * modfile.Parse without a version fixer, as the go command reads its main module's go.mod:
     * every directive is checked, unknown ones are errors.
     *
     * @param fileName names the file in error messages
     * @throws GoModException with every error, positioned
     */
    public static GoModFile parse(String fileName, byte[] data) {
        return GoModReader.read(fileName, data, true);
    }

    /**
     * modfile.ParseLax, as the go command reads a dependency's go.mod: only {@code module},
     * {@code go}, {@code require}, {@code retract} and {@code ignore} are read (so
     * {@code replace}, {@code exclude} and {@code toolchain} come back empty), unknown
     * directives are ignored, and a {@code go} version like {@code v1.22-beta} reads as {@code 1.22}.
     *
     * @throws GoModException for a syntax error or a malformed module, go, require or ignore line
     */
    public static GoModFile parseLax(String fileName, byte[] data) {
        return GoModReader.read(fileName, data, false);
    }

    /** The language version of the {@code go} line as {@code {major, minor}} (1.24 for "1.24.1" or "1.24rc1"). */
    public Optional<int[]> language() {
        if (go.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = DirectiveArgs.GO_VERSION.matcher(go.get());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
        } catch (NumberFormatException e) {
            return Optional.of(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE});
        }
    }

    /** Whether a {@code retract} directive covers {@code version}. */
    public boolean retracts(String version) {
        return retract.stream().anyMatch(r -> r.contains(version));
    }
}
