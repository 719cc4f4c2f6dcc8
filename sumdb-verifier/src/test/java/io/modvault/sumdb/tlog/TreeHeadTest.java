package io.modvault.sumdb.tlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.SumdbException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TreeHeadTest {

    static final String TEXT = "go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n";

    @Test
    void formatsLikeXmod() {
        TreeHead head =
                TreeHead.of(123456789012L, Hashes.recordHash("hello world".getBytes(StandardCharsets.US_ASCII)));

        assertThat(head.format()).isEqualTo(TEXT);
        assertThat(TreeHead.parse(TEXT)).isEqualTo(head);
    }

    @Test
    void ignoresExtraLinesForForwardCompatibility() {
        assertThat(TreeHead.parse(TEXT + "JOE").size()).isEqualTo(123456789012L);
        assertThat(TreeHead.parse(TEXT + "JOE\n").size()).isEqualTo(123456789012L);
        assertThat(TreeHead.parse(TEXT + "JOE\n".repeat(1000)).size()).isEqualTo(123456789012L);
    }

    @Test
    void rejectsMalformedTreeNotes() {
        assertMalformed("not-" + TEXT);
        assertMalformed("go.sum database tree\n0xabcdef\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n");
        assertMalformed("go.sum database tree\n123456789012\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBTOOBIG=\n");
        assertMalformed("go.sum database tree\n0123\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n");
        assertMalformed("go.sum database tree\n+123\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n");
        assertMalformed("go.sum database tree\n-1\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=\n");
        assertMalformed("go.sum database tree\n123\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0\n");
        assertMalformed("go.sum database tree\n123\nTszzRgjTG6xce+z2AG31kAXYKBgQVtCSCE40HmuwBb0=");
        assertMalformed(TEXT + "JOE\n".repeat(250_000));
    }

    @Test
    void parsesRealSumGolangOrgTreeHeads() {
        TreeHead head =
                TreeHead.parse("go.sum database tree\n63096908\n8lHrQPRYe4KT4WQ9/Qk8/taKnD6IRHbFgfN7vQE2Y54=\n");

        assertThat(head.size()).isEqualTo(63096908);
        assertThat(head.hashBase64()).isEqualTo("8lHrQPRYe4KT4WQ9/Qk8/taKnD6IRHbFgfN7vQE2Y54=");
        assertThat(head.signedNote()).isEmpty();
    }

    @Test
    void theEmptyTreeHasTheEmptyHash() {
        assertThat(TreeHead.empty().format())
                .isEqualTo("go.sum database tree\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
    }

    @Test
    void keepsTheSignedNoteButIgnoresItForEquality() {
        byte[] note = "note".getBytes(StandardCharsets.US_ASCII);
        TreeHead head = TreeHead.parse(TEXT).withSignedNote(note);

        assertThat(head.signedNote()).hasValueSatisfying(b -> assertThat(b).isEqualTo(note));
        assertThat(head).isEqualTo(TreeHead.parse(TEXT)).hasSameHashCodeAs(TreeHead.parse(TEXT));
        assertThat(head)
                .isNotEqualTo(TreeHead.of(
                        123456789012L, Base64.getDecoder().decode("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")));
    }

    private static void assertMalformed(String text) {
        assertThatThrownBy(() -> TreeHead.parse(text))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }
}
