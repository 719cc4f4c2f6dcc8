package io.modvault.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which error bodies become the reason of a NotFound or Failed (go's web/api.go rules). */
class ErrorDetailTest {

    private static java.util.Optional<String> line(String body) {
        return ErrorDetail.firstLine(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsOnlyPlainTextInUtf8OrAscii() {
        assertThat(ErrorDetail.isPlainText("text/plain")).isTrue();
        assertThat(ErrorDetail.isPlainText("Text/Plain; charset=UTF-8")).isTrue();
        assertThat(ErrorDetail.isPlainText("text/plain; charset=\"us-ascii\"")).isTrue();
        assertThat(ErrorDetail.isPlainText("text/plain; charset=iso-8859-1")).isFalse();
        assertThat(ErrorDetail.isPlainText("text/html; charset=utf-8")).isFalse();
        assertThat(ErrorDetail.isPlainText("application/json")).isFalse();
    }

    @Test
    void takesTheTrimmedFirstLine() {
        assertThat(line("  not found: m@v1: unknown revision \r\nmore\n"))
                .contains("not found: m@v1: unknown revision");
        assertThat(line("single line without newline")).contains("single line without newline");
    }

    @Test
    void dropsBlankUnprintableOrInvalidText() {
        assertThat(line("\nsecond")).isEmpty();
        assertThat(line("   ")).isEmpty();
        assertThat(line("bad \u001b[31mred")).isEmpty();
        assertThat(ErrorDetail.firstLine(new byte[] {'a', (byte) 0xff, 'b'})).isEmpty();
        assertThat(line("tab\tinside")).contains("tab\tinside");
    }

    @Test
    void capsLongLines() {
        assertThat(line("x".repeat(1000))).contains("x".repeat(ErrorDetail.MAX_CHARS) + "...");
        assertThat(line("y".repeat(ErrorDetail.MAX_CHARS))).contains("y".repeat(ErrorDetail.MAX_CHARS));
    }

    @Test
    void keepsTextWhoseLastCharacterWasCutByTheReadLimit() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[4 + 2];
        System.arraycopy("abcd".getBytes(StandardCharsets.UTF_8), 0, body, 0, 4);
        System.arraycopy(euro, 0, body, 4, 2);

        assertThat(ErrorDetail.firstLine(body)).contains("abcd");
    }
}
