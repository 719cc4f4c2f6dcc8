package io.modvault.sumdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.sumdb.SumdbException.Reason;
import io.modvault.sumdb.note.NoteSigner;
import io.modvault.sumdb.note.VerifierKey;
import io.modvault.sumdb.tlog.TreeHead;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Real sum.golang.org tree heads and lookups (test-vectors.md §B, §C) checked with the real key. */
class RealSumdbTest {

    static final VerifierKey SUM_GOLANG_ORG =
            VerifierKey.parse("sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8");
    static final String[][] HEADS = {
        {
            "15081221",
            "BoMMe1wd25Tco0mYGROkyqxHZWx+hcSCtMV315Lu6Lg=",
            "Az3grilD7vQqTrv66jRgKM84Y80KTprrSt4bKmiOPxgmS5ZVBTeCl6dUvjYnN13R+C8j0jGY1WnUADGMkok3U0m2Zgo="
        },
        {
            "28891140",
            "++pUIeKTwGvykMUkmM3AT97PwQipMT6H/p7t86E0Sp0=",
            "Az3grqNvOILDz7xwAKugtVFZwd+I9IyB/mHrUYzcVaS9zKsRVdRLNGLFpnAcLhyoBBkdIYEzK/+7Eu4wanYttLrPsQo="
        },
        {
            "28905453",
            "f3f8U0MoQmXkWAgAEKDtXcaI3c2y6N9+55KNSRefF/w=",
            "Az3grr4J9x4SApup87osjthKONInbYdbN37ZskrLF12HIbhDuxOBTzt8Z2jUKbCvxYWrw0yNgshddOzt7pZEl7aSCw8="
        },
        {
            "63096908",
            "8lHrQPRYe4KT4WQ9/Qk8/taKnD6IRHbFgfN7vQE2Y54=",
            "Az3gri/oVBN1jAhNZ/iS+W31psFAWRT20/GyrhpU6taFwulQGetBkH5S7wpGXdS935jiIGiUUAXBVHzT/P6fYhqAmAk="
        }
    };
    static final String CHI_LOOKUP = """
            60295460
            github.com/go-chi/chi/v5 v5.3.2 h1:5YQkICvTCSZ25hoRsyJazN0scjzKGiu4VAUc7H1o1nY=
            github.com/go-chi/chi/v5 v5.3.2/go.mod h1:R+tYY2hNuVUUjxoPtqUdgBqevM9s9njzkTLutVsOCto=

            go.sum database tree
            63096908
            8lHrQPRYe4KT4WQ9/Qk8/taKnD6IRHbFgfN7vQE2Y54=

            \u2014 sum.golang.org Az3gri/oVBN1jAhNZ/iS+W31psFAWRT20/GyrhpU6taFwulQGetBkH5S7wpGXdS935jiIGiUUAXBVHzT/P6fYhqAmAk=
            """;
    static final String TOOLCHAIN_LOOKUP = """
            24929362
            golang.org/toolchain v0.0.1-go1.21.9.linux-amd64 h1:rRL9rPpsjKfpdDFcppvNgw1/dynUMrpDcTxdIwtyFR0=
            golang.org/toolchain v0.0.1-go1.21.9.linux-amd64/go.mod h1:8wlg68NqwW7eMnI1aABk/C2pDYXj8mrMY4TyRfiLeS0=

            go.sum database tree
            28905453
            f3f8U0MoQmXkWAgAEKDtXcaI3c2y6N9+55KNSRefF/w=

            \u2014 sum.golang.org Az3grr4J9x4SApup87osjthKONInbYdbN37ZskrLF12HIbhDuxOBTzt8Z2jUKbCvxYWrw0yNgshddOzt7pZEl7aSCw8=
            """;

    private final SumdbVerifier verifier = new SumdbVerifier(SUM_GOLANG_ORG);

    static String text(String[] head) {
        return "go.sum database tree\n" + head[0] + "\n" + head[1] + "\n";
    }

    static byte[] note(String[] head) {
        return (text(head) + "\n\u2014 sum.golang.org " + head[2] + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void verifiesRealSignedTreeHeads() {
        for (String[] head : HEADS) {
            TreeHead tree = verifier.verifyTreeHead(note(head));

            assertThat(tree.size()).isEqualTo(Long.parseLong(head[0]));
            assertThat(tree.hashBase64()).isEqualTo(head[1]);
            assertThat(tree.signedNote()).hasValueSatisfying(b -> assertThat(b).isEqualTo(note(head)));
            assertThat(Base64.getDecoder().decode(head[2]))
                    .startsWith((byte) 0x03, (byte) 0x3d, (byte) 0xe0, (byte) 0xae);
        }
    }

    @Test
    void rejectsARealTreeHeadWithOneCharacterChanged() {
        for (String[] head : HEADS) {
            String[] altered = {(char) (head[0].charAt(0) + 1) + head[0].substring(1), head[1], head[2]};
            assertThatThrownBy(() -> verifier.verifyTreeHead(note(altered)))
                    .isInstanceOfSatisfying(
                            SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE))
                    .hasMessage("invalid signature for key sum.golang.org+033de0ae");
        }
    }

    @Test
    void ignoresWitnessCosignaturesFromUnknownKeys() {
        SecureRandom random = new SecureRandom();
        ByteArrayOutputStream note = new ByteArrayOutputStream();
        note.writeBytes(note(HEADS[0]));
        for (int i = 0; i < 2; i++) {
            byte[] cosigned = NoteSigner.generate("test.example.com", random).sign(text(HEADS[0]));
            String line = new String(cosigned, StandardCharsets.UTF_8)
                    .substring(text(HEADS[0]).length() + 1);
            note.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        }

        TreeHead tree = verifier.verifyTreeHead(note.toByteArray());

        assertThat(tree.size()).isEqualTo(15081221);
        assertThat(new String(tree.signedNote().orElseThrow(), StandardCharsets.UTF_8))
                .contains("\u2014 test.example.com ");
    }

    @Test
    void realLookupsCarrySignaturesOfTheRealKeyButStillNeedTilesForInclusion() {
        for (String body : new String[] {CHI_LOOKUP, TOOLCHAIN_LOOKUP}) {
            LookupResponse response = LookupResponse.parse(body.getBytes(StandardCharsets.UTF_8));
            assertThat(verifier.verifyTreeHead(response.signedNote()).size()).isGreaterThan(response.recordId());
        }

        assertThatThrownBy(() -> verifier.verifyLookup(
                        "github.com/go-chi/chi/v5",
                        "v5.3.2",
                        CHI_LOOKUP.getBytes(StandardCharsets.UTF_8),
                        Optional.empty(),
                        t -> {
                            throw new FileNotFoundException(t.path());
                        }))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TILE))
                .hasMessageStartingWith("github.com/go-chi/chi/v5@v5.3.2: reading tile/8/");
    }

    @Test
    void aDifferentHashForARealTreeSizeIsAFork() {
        TreeHead real = verifier.verifyTreeHead(note(HEADS[2]));
        TreeHead other = TreeHead.parse(text(new String[] {HEADS[2][0], HEADS[1][1]}));

        assertThatThrownBy(() -> verifier.verifyConsistency(other, real, t -> {
                    throw new FileNotFoundException(t.path());
                }))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORK))
                .hasMessageStartingWith(
                        "SECURITY ERROR\ngo.sum database server misbehavior detected!\n\nold database:\n\t")
                .hasMessageContaining(
                        "new database:\n\tgo.sum database tree\n\t28905453\n\tf3f8U0MoQmXkWAgAEKDtXcaI3c2y6N9+55KNSRefF/w=\n\t\n\t\u2014 sum.golang.org Az3grr4J")
                .hasMessageEndingWith("proof of misbehavior:\n\tf3f8U0MoQmXkWAgAEKDtXcaI3c2y6N9+55KNSRefF/w=");
    }
}
