package io.modvault.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code module.MatchPrefixPatterns} semantics (test-vectors.md §I). */
class PrefixPatternsTest {

    @ParameterizedTest(name = "\"{0}\" vs {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''| rsc.io/quote| false",
                "/| rsc.io/quote| false",
                "*/quote| rsc.io/quote| true",
                "*/quo| rsc.io/quote| false",
                "*/quo??| rsc.io/quote| true",
                "*/quo*| rsc.io/quote| true",
                "*quo*| rsc.io/quote| false",
                "rsc.io| rsc.io/quote| true",
                "*.io| rsc.io/quote| true",
                "rsc.io/| rsc.io/quote| true",
                "rsc| rsc.io/quote| false",
                "rsc*| rsc.io/quote| true",
                "rsc.io| rsc.io/quote/v3| true",
                "*/quote| rsc.io/quote/v3| true",
                "*/quote/| rsc.io/quote/v3| true",
                "*/quote/*| rsc.io/quote/v3| true",
                "*/quote/*/| rsc.io/quote/v3| true",
                "*/v3| rsc.io/quote/v3| false",
                "*/*/v3| rsc.io/quote/v3| true",
                "*/*/*| rsc.io/quote/v3| true",
                "*/*/*/| rsc.io/quote/v3| true",
                "*/*/*| rsc.io/quote| false",
                "*/*/*/| rsc.io/quote| false",
                "*/*/*,,| rsc.io/quote| false",
                "*/*/*,,*/quote| rsc.io/quote| true",
                ",,*/quote| rsc.io/quote| true",
            })
    void matchesTheOfficialTable(String globs, String target, boolean expected) {
        assertThat(PrefixPatterns.parse(globs).matches(target)).isEqualTo(expected);
    }

    private static final List<String> TARGETS = List.of(
            "git.corp.example.com/xyzzy",
            "corp.example.com",
            "rsc.io/private",
            "rsc.io/private/quux",
            "rsc.io/privateer",
            "github.com/org/repo/sub",
            "github.com/org",
            "rsc.io/quote/v3",
            "rsc.io/quote");

    /** §I.2: each glob list with the targets it matches; every other target must not match. */
    static Stream<Arguments> additionalCases() {
        Map<String, List<String>> matching = Map.of(
                "*.corp.example.com,rsc.io/private",
                        List.of("git.corp.example.com/xyzzy", "rsc.io/private", "rsc.io/private/quux"),
                "rsc.io/private/", List.of("rsc.io/private", "rsc.io/private/quux"),
                "corp.example.com", List.of("corp.example.com"),
                "*", TARGETS,
                "github.com/org/*", List.of("github.com/org/repo/sub"),
                " rsc.io", List.of(),
                "rsc.io/*/v3", List.of("rsc.io/quote/v3"));
        List<Arguments> rows = new ArrayList<>();
        matching.forEach((globs, hits) -> TARGETS.forEach(t -> rows.add(Arguments.of(globs, t, hits.contains(t)))));
        return rows.stream();
    }

    @ParameterizedTest(name = "\"{0}\" vs {1} -> {2}")
    @MethodSource("additionalCases")
    void matchesWholeElementPrefixesOnly(String globs, String target, boolean expected) {
        assertThat(PrefixPatterns.parse(globs).matches(target)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" vs {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "[| rsc.io/quote| false",
                "rsc.io/[,rsc.io| rsc.io/quote| true",
                "rsc.io/\\| rsc.io/quote| false",
                "rsc.io/quot[a-f]| rsc.io/quote/v3| true",
                "rsc.io/quot[^e]| rsc.io/quote| false",
                "rsc.io/quote\\/v3| rsc.io/quote/v3| true",
                "RSC.io| rsc.io/quote| false",
                "rsc.io//| rsc.io/quote| false",
                "rsc.io/quote/v3/extra| rsc.io/quote/v3| false",
            })
    void ignoresMalformedGlobsAndStaysCaseSensitive(String globs, String target, boolean expected) {
        assertThat(PrefixPatterns.parse(globs).matches(target)).isEqualTo(expected);
    }

    @Test
    void keepsTheOriginalTextAndKnowsWhenNothingCanMatch() {
        assertThat(PrefixPatterns.parse("*.corp.example.com, rsc.io")).hasToString("*.corp.example.com, rsc.io");
        assertThat(PrefixPatterns.parse("").isEmpty()).isTrue();
        assertThat(PrefixPatterns.parse(",,/,").isEmpty()).isTrue();
        assertThat(PrefixPatterns.parse("none").isEmpty()).isFalse();
        assertThat(PrefixPatterns.parse("a.b")).isEqualTo(PrefixPatterns.parse("a.b"));
    }
}
