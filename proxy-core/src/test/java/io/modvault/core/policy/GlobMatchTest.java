package io.modvault.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The port of Go's {@code path.Match}, checked against golang/go src/path/match_test.go. */
class GlobMatchTest {

    static Stream<Arguments> goMatchTests() {
        return Stream.of(
                Arguments.of("abc", "abc", true),
                Arguments.of("*", "abc", true),
                Arguments.of("*c", "abc", true),
                Arguments.of("a*", "a", true),
                Arguments.of("a*", "abc", true),
                Arguments.of("a*", "ab/c", false),
                Arguments.of("a*/b", "abc/b", true),
                Arguments.of("a*/b", "a/c/b", false),
                Arguments.of("a*b*c*d*e*/f", "axbxcxdxe/f", true),
                Arguments.of("a*b*c*d*e*/f", "axbxcxdxexxx/f", true),
                Arguments.of("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false),
                Arguments.of("a*b*c*d*e*/f", "axbxcxdxexxx/fff", false),
                Arguments.of("a*b?c*x", "abxbbxdbxebxczzx", true),
                Arguments.of("a*b?c*x", "abxbbxdbxebxczzy", false),
                Arguments.of("ab[c]", "abc", true),
                Arguments.of("ab[b-d]", "abc", true),
                Arguments.of("ab[e-g]", "abc", false),
                Arguments.of("ab[^c]", "abc", false),
                Arguments.of("ab[^b-d]", "abc", false),
                Arguments.of("ab[^e-g]", "abc", true),
                Arguments.of("a\\*b", "a*b", true),
                Arguments.of("a\\*b", "ab", false),
                Arguments.of("a?b", "a☺b", true),
                Arguments.of("a[^a]b", "a☺b", true),
                Arguments.of("a???b", "a☺b", false),
                Arguments.of("a[^a][^a][^a]b", "a☺b", false),
                Arguments.of("[a-ζ]*", "α", true),
                Arguments.of("*[a-ζ]", "A", false),
                Arguments.of("a?b", "a/b", false),
                Arguments.of("a*b", "a/b", false),
                Arguments.of("[\\]a]", "]", true),
                Arguments.of("[\\-]", "-", true),
                Arguments.of("[x\\-]", "x", true),
                Arguments.of("[x\\-]", "-", true),
                Arguments.of("[x\\-]", "z", false),
                Arguments.of("[\\-x]", "x", true),
                Arguments.of("[\\-x]", "-", true),
                Arguments.of("[\\-x]", "a", false),
                Arguments.of("[]a]", "]", false),
                Arguments.of("[-]", "-", false),
                Arguments.of("[x-]", "x", false),
                Arguments.of("[x-]", "-", false),
                Arguments.of("[x-]", "z", false),
                Arguments.of("[-x]", "x", false),
                Arguments.of("[-x]", "-", false),
                Arguments.of("[-x]", "a", false),
                Arguments.of("\\", "a", false),
                Arguments.of("[a-b-c]", "a", false),
                Arguments.of("[", "a", false),
                Arguments.of("[^", "a", false),
                Arguments.of("[^bc", "a", false),
                Arguments.of("a[", "a", false),
                Arguments.of("a[", "ab", false),
                Arguments.of("a[", "x", false),
                Arguments.of("a/b[", "x", false),
                Arguments.of("*x", "xxx", true),
                Arguments.of("😀?", "😀é", true),
                Arguments.of("[😀]", "😀", true),
                Arguments.of("?", "\ud800", false),
                Arguments.of("???", "\ud800", true));
    }

    @ParameterizedTest(name = "Match(\"{0}\", \"{1}\") = {2}")
    @MethodSource("goMatchTests")
    void matchesLikeGoPathMatch(String pattern, String name, boolean expected) {
        assertThat(GlobMatch.matches(Utf8.encode(pattern), Utf8.encode(name))).isEqualTo(expected);
    }
}
