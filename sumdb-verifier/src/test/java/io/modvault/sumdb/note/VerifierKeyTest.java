package io.modvault.sumdb.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.SumdbException.Reason;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class VerifierKeyTest {

    static final String PETER = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String ENOCH = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String SUM_GOLANG_ORG = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
    static final String TEST_SUMDB = "localhost.localdev/sumdb+00000c67+AcTrnkbUA+TU4heY3hkjiSES/DSQniBqIeQ/YppAUtK6";

    @Test
    void parsesTheSumGolangOrgKeyAndRecomputesItsHash() {
        VerifierKey key = VerifierKey.parse(SUM_GOLANG_ORG);

        assertThat(key.name()).isEqualTo("sum.golang.org");
        assertThat(key.keyHash()).isEqualTo(0x033de0ae);
        assertThat(key.id()).isEqualTo("sum.golang.org+033de0ae");
        assertThat(HexFormat.of().formatHex(key.publicKey()))
                .isEqualTo("ce3372d75ad1ee5ecdaf8727293d4b111d87eb37531d7c86d4d3003f0eb809fc");
        assertThat(key.format()).isEqualTo(SUM_GOLANG_ORG);
    }

    @Test
    void parsesTheNoteTestKeys() {
        assertThat(VerifierKey.parse(PETER).keyHash()).isEqualTo(0xc74f20a3);
        assertThat(VerifierKey.parse(ENOCH).keyHash()).isEqualTo(0xaf0cfe78);
        assertThat(VerifierKey.parse(TEST_SUMDB).id()).isEqualTo("localhost.localdev/sumdb+00000c67");
        assertThat(VerifierKey.parse(TEST_SUMDB).toString()).isEqualTo(TEST_SUMDB);
    }

    @Test
    void rejectsWrongKeyLengthEvenWithAdjustedHash() {
        assertThatThrownBy(() ->
                        VerifierKey.parse("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="))
                .isInstanceOf(SumdbException.class)
                .hasMessageContaining("Ed25519 key must be 32 bytes, got 36");
    }

    @Test
    void rejectsUnknownAlgorithmEvenWithAdjustedHash() {
        assertThatThrownBy(
                        () -> VerifierKey.parse("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .hasMessageContaining("unknown key algorithm 0x65");
    }

    @Test
    void rejectsEveryProperSubstringOfAValidKey() {
        for (int start = 0; start < PETER.length(); start++) {
            for (int end = start; end <= PETER.length(); end++) {
                if (start == 0 && end == PETER.length()) {
                    continue;
                }
                String sub = PETER.substring(start, end);
                assertThatThrownBy(() -> VerifierKey.parse(sub))
                        .as(sub)
                        .isInstanceOfSatisfying(
                                SumdbException.class,
                                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
            }
        }
    }

    @Test
    void rejectsEveryKeyWithOneCharacterIncremented() {
        for (int i = 0; i < PETER.length(); i++) {
            char[] chars = PETER.toCharArray();
            chars[i]++;
            String bad = new String(chars);
            assertThatThrownBy(() -> VerifierKey.parse(bad)).as(bad).isInstanceOf(SumdbException.class);
        }
    }

    @Test
    void namesTheMalformedPartOfAKey() {
        assertThat(messageOf("sum.golang.org")).contains("expected <name>+<hash>+<key>");
        assertThat(messageOf("sum golang+033de0ae+Ac4z")).contains("invalid key name \"sum golang\"");
        assertThat(messageOf("+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8"))
                .contains("invalid key name");
        assertThat(messageOf("sum.golang.org+033de0a+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8"))
                .contains("key hash must be exactly 8 hex digits");
        assertThat(messageOf("sum.golang.org+033de0ag+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8"))
                .contains("key hash must be exactly 8 hex digits");
        assertThat(messageOf("sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8==="))
                .contains("not valid padded standard base64");
        assertThat(messageOf("sum.golang.org+033de0ae+")).contains("key is empty");
        assertThat(messageOf("sum.golang.org+033de0af+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8"))
                .contains("key hash 033de0af does not match the key (computed 033de0ae)");
    }

    @Test
    void acceptsUppercaseHexInTheKeyHashLikeGo() {
        VerifierKey key = VerifierKey.parse("PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");

        assertThat(key).isEqualTo(VerifierKey.parse(PETER));
        assertThat(key.format()).isEqualTo(PETER);
    }

    private static String messageOf(String vkey) {
        try {
            VerifierKey.parse(vkey);
        } catch (SumdbException e) {
            assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
            return e.getMessage();
        }
        throw new AssertionError("accepted " + vkey);
    }
}
