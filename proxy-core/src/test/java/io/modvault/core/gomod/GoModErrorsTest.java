package io.modvault.core.gomod;

import static io.modvault.core.gomod.GoModFileTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * Files the go command refuses, with its messages: each expectation is what {@code go mod edit
 * -json} (go1.26.8) printed for the same file, less the directory of the path.
 */
class GoModErrorsTest {

    @Test
    void collectsEveryDirectiveErrorWithItsPosition() {
        GoModException e = parseError("module m\n\nrequire x.example/y notaversion\nfoo bar\nrequire (\n"
                + "\tx.example/z/v2 v1.0.0\n)\nreplace a => b\n");

        assertThat(e.errors())
                .containsExactly(
                        "go.mod:3: require x.example/y: version \"notaversion\" invalid: must be of the form v1.2.3",
                        "go.mod:4: unknown directive: foo",
                        "go.mod:6:2: require x.example/z/v2: version \"v1.0.0\" invalid: should be v2, not v1",
                        "go.mod:8: replacement module without version must be directory path (rooted or starting with . or ..)");
    }

    @Test
    void stopsAtTheFirstSyntaxError() {
        assertThat(parseError("module m\nrequire (\n\tx.example/y v1.0.0\n").errors())
                .containsExactly("go.mod:4: syntax error (unterminated block started at go.mod:2:1)");
        assertThat(parseError("module m\n/* c */\n").errors())
                .containsExactly("go.mod:2: mod files must use // comments (not /* */ comments)");
        assertThat(parseError("module m\nrequire (\n) x\n").errors())
                .containsExactly("go.mod:3:4: syntax error (expected newline after closing paren)");
    }

    @Test
    void positionsLexicalErrorsByColumn() {
        assertThat(parseError("module m\nrequire é.example/ü v1.0.0\nrequire a\u0001b v1.0.0\n")
                        .errors())
                .containsExactly("go.mod:3:10: unexpected input character '\\x01'");
        assertThat(parseError("module m\nrequire \"a.example/b v1.0.0\n").errors())
                .containsExactly("go.mod:2:28: unexpected newline in string");
    }

    @Test
    void treatsParenthesesInsideALineAsTokens() {
        assertThat(parseError("module m\nrequire ( x.example/y v1.0.0 )\nrequire ()\nretract v1.0.0 extra\n")
                        .errors())
                .containsExactly(
                        "go.mod:2: usage: require module/path v1.2.3",
                        "go.mod:4: unexpected token after version: \"extra\"");
    }

    @Test
    void refusesBackquotedDirectiveArguments() {
        assertThat(parseError("module `m`\n").errors())
                .containsExactly("go.mod:1: invalid quoted string: unquoted string cannot contain quote");
    }

    private static GoModException parseError(String text) {
        try {
            GoModFile.parse("go.mod", utf8(text));
        } catch (GoModException e) {
            return e;
        }
        return fail("parsed without an error: " + text);
    }
}
