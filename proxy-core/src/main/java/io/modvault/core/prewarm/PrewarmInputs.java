package io.modvault.core.prewarm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The command line's inputs expanded into the items to prewarm: {@code -} reads one input per
 * line from standard input (blank lines and {@code #} comments ignored), every other input goes
 * to the first {@link InputExpander} that recognises it, and an input none recognises is an
 * {@link InputException}. Items naming the same version are merged (their artifacts joined, the
 * first origin kept) and queries are kept once each, so overlapping inputs fetch nothing twice.
 */
public final class PrewarmInputs {
    private final List<InputExpander> expanders;

    public PrewarmInputs(List<InputExpander> expanders) {
        this.expanders = List.copyOf(expanders);
    }

    /**
     * The expanders of this release: go.sum files and directories holding them, then
     * {@code module@version} and {@code module@query}; {@code skipped} hears one line for each
     * file a directory search found that is not expanded yet.
     */
    public static PrewarmInputs standard(Consumer<String> skipped) {
        return new PrewarmInputs(List.of(new GoSumExpander(skipped), new ModuleQueryExpander()));
    }

    /** The items of {@code inputs}, in input order; {@code stdin} is opened only when an input is {@code -}. */
    public List<PrewarmItem> expand(List<String> inputs, Supplier<BufferedReader> stdin) {
        Map<String, PrewarmItem> items = new LinkedHashMap<>();
        for (String input : inputs) {
            List<String> expanded = input.equals("-") ? lines(stdin.get()) : List.of(input);
            for (String one : expanded) {
                expandOne(one).forEach(item -> items.merge(key(item), item, PrewarmInputs::merge));
            }
        }
        return List.copyOf(items.values());
    }

    /** The inputs of a {@code -} stream: one per line, trimmed, without blank lines and {@code #} comments. */
    static List<String> lines(BufferedReader reader) {
        List<String> lines = new ArrayList<>();
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    lines.add(trimmed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading inputs from standard input", e);
        }
        return lines;
    }

    private List<PrewarmItem> expandOne(String input) {
        for (InputExpander expander : expanders) {
            Optional<List<PrewarmItem>> items = expander.expand(input);
            if (items.isPresent()) {
                return items.get();
            }
        }
        String name = input.substring(input.lastIndexOf('/') + 1);
        if (name.equals("go.mod") || name.equals("go.work")) {
            throw new InputException(input + ": go.mod and go.work inputs are not supported yet;"
                    + " give the project's go.sum, its directory, module@version or module@latest");
        }
        if (isFile(input)) {
            throw new InputException(input + ": not a go.sum file or a directory (nor module@version)");
        }
        throw new InputException(input + ": not module@version or module@latest");
    }

    private static boolean isFile(String input) {
        try {
            return Files.exists(Path.of(input));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String key(PrewarmItem item) {
        return switch (item) {
            case PrewarmItem.Version v -> v.coordinate().toString();
            case PrewarmItem.Query q -> q.name() + "?";
        };
    }

    private static PrewarmItem merge(PrewarmItem first, PrewarmItem second) {
        if (first instanceof PrewarmItem.Version a && second instanceof PrewarmItem.Version b) {
            EnumSet<Artifact> joined = EnumSet.copyOf(a.artifacts());
            joined.addAll(b.artifacts());
            Map<Artifact, String> hashes = new EnumMap<>(Artifact.class);
            hashes.putAll(a.expectedH1());
            b.expectedH1().forEach((artifact, hash) -> {
                String earlier = hashes.putIfAbsent(artifact, hash);
                if (earlier != null && !earlier.equals(hash)) {
                    throw new InputException(b.origin() + " and " + a.origin() + " disagree on the h1 of " + a.name()
                            + " " + artifact.name().toLowerCase(Locale.ROOT) + ": " + hash + " against " + earlier);
                }
            });
            return new PrewarmItem.Version(a.coordinate(), joined, a.origin(), hashes);
        }
        return first;
    }
}
