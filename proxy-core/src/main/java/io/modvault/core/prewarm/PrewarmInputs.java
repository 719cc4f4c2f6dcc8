package io.modvault.core.prewarm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
     * The expanders of this release: go.mod and go.work files (module graphs), go.sum files and
     * directories holding any of them, then {@code module@version} and {@code module@query};
     * {@code notes} hears what the user should know of an input that is used all the same (a
     * local replacement whose requirements cannot be followed).
     */
    public static PrewarmInputs standard(Consumer<String> notes) {
        return new PrewarmInputs(
                List.of(new ModuleGraphExpander(notes), new GoSumExpander(notes), new ModuleQueryExpander()));
    }

    /** The items of {@code inputs}, in input order; {@code stdin} is opened only when an input is {@code -}. */
    public List<PrewarmItem> expand(List<String> inputs, Supplier<BufferedReader> stdin) {
        List<PrewarmItem> items = new ArrayList<>();
        for (String input : inputs) {
            List<String> expanded = input.equals("-") ? lines(stdin.get()) : List.of(input);
            for (String one : expanded) {
                items.addAll(expandOne(one));
            }
        }
        return merged(items);
    }

    /** {@code items} with those naming the same version merged, in first-appearance order. */
    static List<PrewarmItem> merged(List<PrewarmItem> items) {
        Map<String, PrewarmItem> merged = new LinkedHashMap<>();
        items.forEach(item -> merged.merge(key(item), item, PrewarmInputs::merge));
        return List.copyOf(merged.values());
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
        if (isFile(input)) {
            throw new InputException(
                    input + ": not a go.mod, go.sum or go.work file or a directory (nor module@version)");
        }
        throw new InputException(input + ": not module@version or module@latest");
    }

    private static boolean isFile(String input) {
        return InputPaths.parse(input).filter(Files::exists).isPresent();
    }

    private static String key(PrewarmItem item) {
        return switch (item) {
            case PrewarmItem.Version v -> v.coordinate().toString();
            case PrewarmItem.Query q -> q.name() + "?";
            case PrewarmItem.Graph g -> g.origin() + "#graph";
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
