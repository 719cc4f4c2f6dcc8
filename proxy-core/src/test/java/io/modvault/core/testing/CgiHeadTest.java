package io.modvault.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CgiHeadTest {

    private static InputStream output(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void statusHeaderSetsTheStatusAndIsNotPassedOn() throws IOException {
        CgiHead head = CgiHead.read(output("Status: 404 Not Found\r\nContent-Type: text/plain\r\n\r\nbody"));

        assertThat(head.status()).isEqualTo(404);
        assertThat(head.headers()).containsExactly(Map.entry("Content-Type", "text/plain"));
    }

    @Test
    void missingStatusMeansOk() throws IOException {
        CgiHead head = CgiHead.read(
                output("Content-Type: application/x-git-upload-pack-advertisement\n" + "Cache-Control: no-cache\n\n"));

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("cache-control")).contains("no-cache");
    }

    @Test
    void readsExactlyTheHeaderBlockAndLeavesTheBody() throws IOException {
        InputStream in = output("Status: 403 Forbidden\nContent-Length: 4\n\nbody\n\nmore");

        CgiHead head = CgiHead.read(in);

        assertThat(head.status()).isEqualTo(403);
        assertThat(head.contentLength()).hasValue(4);
        assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).isEqualTo("body\n\nmore");
    }

    @Test
    void statusWithoutReasonPhraseIsAccepted() throws IOException {
        assertThat(CgiHead.read(output("status: 500\n\n")).status()).isEqualTo(500);
    }

    @Test
    void rejectsMalformedStatus() {
        assertThatThrownBy(() -> CgiHead.read(output("Status: OK\n\n")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Status");
        assertThatThrownBy(() -> CgiHead.read(output("Status: 2000 Big\n\n"))).isInstanceOf(IOException.class);
    }

    @Test
    void rejectsOutputThatEndsInsideTheHeaderBlock() {
        assertThatThrownBy(() -> CgiHead.read(output("Content-Type: text/plain\n")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ended inside the header block");
        assertThatThrownBy(() -> CgiHead.read(output(""))).isInstanceOf(IOException.class);
    }

    @Test
    void rejectsHeaderLinesWithoutAName() {
        assertThatThrownBy(() -> CgiHead.read(output("not a header line\n\n")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("malformed CGI header line");
    }

    @Test
    void invalidContentLengthIsIgnored() throws IOException {
        assertThat(CgiHead.read(output("Content-Length: -1\n\n")).contentLength())
                .isEmpty();
        assertThat(CgiHead.read(output("\n")).contentLength()).isEmpty();
    }
}
