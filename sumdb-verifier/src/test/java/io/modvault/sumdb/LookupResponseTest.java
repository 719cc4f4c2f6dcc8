package io.modvault.sumdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.sumdb.SumdbException.Reason;
import io.modvault.sumdb.tlog.Hashes;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class LookupResponseTest {

    @Test
    void formatsARecordLikeXmod() {
        LookupResponse response = new LookupResponse(123456789012L, "hello, world\n", new byte[0]);

        assertThat(new String(response.format(), StandardCharsets.UTF_8)).isEqualTo("123456789012\nhello, world\n\n");
    }

    @Test
    void refusesInvalidRecordTexts() {
        for (String bad : List.of("", "hello\nworld", "hello\n\nworld\n", "hello\u0001world\n")) {
            assertThat(LookupResponse.isValidRecordText(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> new LookupResponse(1, bad, new byte[0]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void parsesARecordAndKeepsTheRestVerbatim() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("123456789012\nhello, world\n\njunk on end\u0001".getBytes(StandardCharsets.UTF_8));
        body.write(0xff);

        LookupResponse response = LookupResponse.parse(body.toByteArray());

        assertThat(response.recordId()).isEqualTo(123456789012L);
        assertThat(response.recordText()).isEqualTo("hello, world\n");
        assertThat(response.signedNote())
                .isEqualTo(new byte[] {'j', 'u', 'n', 'k', ' ', 'o', 'n', ' ', 'e', 'n', 'd', 1, (byte) 0xff});
        assertThat(LookupResponse.parse("123456789012\nhello, world\n\n".getBytes(StandardCharsets.UTF_8))
                        .signedNote())
                .isEmpty();
    }

    @Test
    void rejectsMalformedRecords() {
        List<byte[]> bad = List.of(
                bytes("not-123456789012\nhello, world\n\n"),
                bytes("123\nhello\u0001world\n\n"),
                new byte[] {'1', '2', '3', '\n', 'h', (byte) 0xff, 'w', '\n', '\n'},
                bytes("123\nhello world\n"),
                bytes("0x123\nhello world\n\n"),
                bytes("-1\nhello world\n\n"),
                bytes("99999999999999999999\nx\n\n"),
                bytes("123"));
        for (byte[] body : bad) {
            assertThatThrownBy(() -> LookupResponse.parse(body))
                    .as(new String(body, StandardCharsets.ISO_8859_1))
                    .isInstanceOfSatisfying(
                            SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
        }
    }

    @Test
    void parsesRealSumGolangOrgLookups() {
        LookupResponse chi = LookupResponse.parse(bytes(RealSumdbTest.CHI_LOOKUP));
        LookupResponse toolchain = LookupResponse.parse(bytes(RealSumdbTest.TOOLCHAIN_LOOKUP));

        assertThat(chi.recordId()).isEqualTo(60295460);
        assertThat(chi.lines())
                .extracting(GoSumLine::format)
                .containsExactly(
                        "github.com/go-chi/chi/v5 v5.3.2 h1:5YQkICvTCSZ25hoRsyJazN0scjzKGiu4VAUc7H1o1nY=",
                        "github.com/go-chi/chi/v5 v5.3.2/go.mod h1:R+tYY2hNuVUUjxoPtqUdgBqevM9s9njzkTLutVsOCto=");
        assertThat(leafHash(chi.recordText())).isEqualTo("4+dvl88ARiok04NmAVC+NvykHmRdbC6KoiebzNIPExA=");
        assertThat(new String(chi.signedNote(), StandardCharsets.UTF_8)).startsWith("go.sum database tree\n63096908\n");
        assertThat(chi.format()).isEqualTo(bytes(RealSumdbTest.CHI_LOOKUP));
        assertThat(toolchain.recordId()).isEqualTo(24929362);
        assertThat(leafHash(toolchain.recordText())).isEqualTo("A/+TP2a1pyCJM2jsWxhtn8S+e4UYsO5MYbxns1Xhj+o=");
    }

    @Test
    void leafHashIsOverTheWholeRecordText() {
        String text = "github.com/transparency-dev/tessera v1.0.0 h1:4OT1V9xJLa5NnYlFWWlCdZkCm18/o12rdd+bCTje7XE=\n"
                + "github.com/transparency-dev/tessera v1.0.0/go.mod h1:TLvfjlkbmsmKVEJUtzO2eb9Q2IBnK3EJ0dI4G0oxEOU=\n";

        assertThat(HexFormat.of().formatHex(Hashes.recordHash(bytes(text))))
                .isEqualTo("0fa57c511c3b2ffcc0a05ad63172568d265aaf9844e9b636a0978795396f2ab1");
        assertThat(leafHash(text)).isEqualTo("D6V8URw7L/zAoFrWMXJWjSZar5hE6bY2oJeHlTlvKrE=");
    }

    private static String leafHash(String text) {
        return Base64.getEncoder().encodeToString(Hashes.recordHash(bytes(text)));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
