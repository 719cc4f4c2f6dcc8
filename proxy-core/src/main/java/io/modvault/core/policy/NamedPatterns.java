package io.modvault.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A glob list of one of modvault's own settings (MODVAULT_DENY, MODVAULT_ALLOW, the patterns of a
 * MODVAULT_ROUTES rule), kept glob by glob so a decision can name the glob that made it. Unlike
 * the go command's variables, entries are trimmed: a stray space must not silently disable a deny
 * rule. Matching is otherwise {@link PrefixPatterns}'.
 */
final class NamedPatterns {

    private record Entry(String glob, PrefixPatterns patterns) {}

    private final String text;
    private final List<Entry> entries;

    private NamedPatterns(String text, List<Entry> entries) {
        this.text = text;
        this.entries = List.copyOf(entries);
    }

    static NamedPatterns parse(String globs) {
        List<Entry> entries = new ArrayList<>();
        for (String raw : globs.split(",", -1)) {
            String glob = raw.strip();
            PrefixPatterns patterns = PrefixPatterns.parse(glob);
            if (!patterns.isEmpty()) {
                entries.add(new Entry(glob, patterns));
            }
        }
        return new NamedPatterns(globs.strip(), entries);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The first glob (as written, trimmed) that matches {@code modulePath}. */
    Optional<String> firstMatch(String modulePath) {
        for (Entry entry : entries) {
            if (entry.patterns().matches(modulePath)) {
                return Optional.of(entry.glob());
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }
}
