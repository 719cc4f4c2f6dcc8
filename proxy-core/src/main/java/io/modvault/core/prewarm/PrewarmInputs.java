package io.modvault.core.prewarm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** The expanders of this release: {@code module@version} and {@code module@query}. */
    public static PrewarmInputs standard() {
        return new PrewarmInputs(List.of(new ModuleQueryExpander()));
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
        if (looksLikeFile(input)) {
            throw new InputException(input + ": go.mod, go.sum, go.work and directory inputs are not supported yet;"
                    + " give module@version or module@latest");
        }
        throw new InputException(input + ": not module@version or module@latest");
    }

    private static boolean looksLikeFile(String input) {
        String name = input.substring(input.lastIndexOf('/') + 1);
        if (name.equals("go.mod") || name.equals("go.sum") || name.equals("go.work") || name.equals(".")) {
            return true;
        }
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
            return new PrewarmItem.Version(a.coordinate(), joined, a.origin());
        }
        return first;
    }
}
