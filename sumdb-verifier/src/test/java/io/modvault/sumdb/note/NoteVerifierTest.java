package io.modvault.sumdb.note;

import static io.modvault.sumdb.note.NoteSignerTest.PETER_SIG_LINE;
import static io.modvault.sumdb.note.NoteSignerTest.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.SumdbException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class NoteVerifierTest {

    static final String ENOCH_SIG_LINE =
            "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";
    /** Go inserts at byte 60; the em dash is 3 bytes in UTF-8 but one Java char. */
    static final int BYTE_60 = 58;

    static final VerifierKey PETER = VerifierKey.parse(VerifierKeyTest.PETER);
    static final VerifierKey ENOCH = VerifierKey.parse(VerifierKeyTest.ENOCH);

    @Test
    void keepsUnknownSignaturesAsUnverified() {
        VerifiedNote note = NoteVerifier.of(PETER).open(bytes(TEXT + "\n" + PETER_SIG_LINE + ENOCH_SIG_LINE));

        assertThat(note.text()).isEqualTo(TEXT);
        assertThat(note.verified())
                .extracting(NoteSignature::name, NoteSignature::keyHash)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PeterNeumann", 0xc74f20a3));
        assertThat(note.unverified()).extracting(NoteSignature::keyId).containsExactly("EnochRoot+af0cfe78");
    }

    @Test
    void verifiesEverySignatureFromKnownKeys() {
        VerifiedNote note = NoteVerifier.of(PETER, ENOCH).open(bytes(TEXT + "\n" + PETER_SIG_LINE + ENOCH_SIG_LINE));

        assertThat(note.verified())
                .extracting(NoteSignature::keyId)
                .containsExactly("PeterNeumann+c74f20a3", "EnochRoot+af0cfe78");
        assertThat(note.unverified()).isEmpty();
    }

    @Test
    void requiresAtLeastOneVerifiedSignature() {
        assertThatThrownBy(() -> NoteVerifier.of(VerifierKey.parse(VerifierKeyTest.SUM_GOLANG_ORG))
                        .open(bytes(TEXT + "\n" + PETER_SIG_LINE + ENOCH_SIG_LINE)))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE))
                .hasMessage("note has no verifiable signatures (signed by PeterNeumann+c74f20a3, EnochRoot+af0cfe78;"
                        + " known keys: sum.golang.org+033de0ae)");
    }

    @Test
    void rejectsAmbiguousKeys() {
        assertThatThrownBy(() -> NoteVerifier.of(ENOCH, PETER, ENOCH))
                .isInstanceOf(SumdbException.class)
                .hasMessage("ambiguous key EnochRoot+af0cfe78");
    }

    @Test
    void rejectsMoreThanOneHundredSignatures() {
        assertThat(NoteVerifier.of(PETER)
                        .open(bytes(TEXT + "\n" + PETER_SIG_LINE.repeat(100)))
                        .verified())
                .hasSize(1);
        assertMalformed(TEXT + "\n" + PETER_SIG_LINE.repeat(101), "more than 100 signatures");
    }

    @Test
    void rejectsAnInvalidSignatureFromAKnownKey() {
        String tampered = PETER_SIG_LINE.substring(0, BYTE_60) + "ABCD" + PETER_SIG_LINE.substring(BYTE_60);

        assertThatThrownBy(() -> NoteVerifier.of(PETER).open(bytes(TEXT + "\n" + tampered)))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE))
                .hasMessage("invalid signature for key PeterNeumann+c74f20a3");
    }

    @Test
    void rejectsASignatureWithOneFlippedBit() {
        String b64 = PETER_SIG_LINE.substring("\u2014 PeterNeumann ".length(), PETER_SIG_LINE.length() - 1);
        byte[] sig = Base64.getDecoder().decode(b64);
        sig[10] ^= 0x01;
        String flipped = "\u2014 PeterNeumann " + Base64.getEncoder().encodeToString(sig) + "\n";

        assertThatThrownBy(() -> NoteVerifier.of(PETER).open(bytes(TEXT + "\n" + flipped)))
                .hasMessage("invalid signature for key PeterNeumann+c74f20a3");
    }

    @Test
    void aSignatureNamingAnotherKeyHashIsNotCountedAsVerified() {
        byte[] sig = Base64.getDecoder()
                .decode(PETER_SIG_LINE
                        .substring("\u2014 PeterNeumann ".length())
                        .strip());
        sig[3] ^= 0x01;
        String otherHash = "\u2014 PeterNeumann " + Base64.getEncoder().encodeToString(sig) + "\n";

        assertThatThrownBy(() -> NoteVerifier.of(PETER).open(bytes(TEXT + "\n" + otherHash)))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE))
                .hasMessageStartingWith("note has no verifiable signatures (signed by PeterNeumann+c74f20a2;");
    }

    @Test
    void rejectsAChangedText() {
        assertThatThrownBy(() ->
                        NoteVerifier.of(PETER).open(bytes(TEXT.replace("answer", "Answer") + "\n" + PETER_SIG_LINE)))
                .hasMessage("invalid signature for key PeterNeumann+c74f20a3");
    }

    @Test
    void rejectsMalformedNotes() {
        assertMalformed(TEXT, "no blank line");
        assertMalformed(TEXT + "\n", "signature block is empty");
        assertMalformed(
                TEXT + "\n" + PETER_SIG_LINE.substring(0, PETER_SIG_LINE.length() - 1), "does not end with a newline");
        assertMalformed("\u0001" + TEXT + "\n" + PETER_SIG_LINE, "control character 0x01 at byte 0");
        assertMalformed(
                TEXT + "\n"
                        + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
                "does not end with a newline");
        assertMalformed(
                TEXT + "\n"
                        + "\u2014 Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
                "bad signature line");
        assertMalformed(TEXT + "\n" + PETER_SIG_LINE + "Unexpected line.\n", "line is not a signature");
        assertMalformed(TEXT + "\n" + "\u2014 PeterNeumann AAAA\n", "bad signature line");
    }

    @Test
    void rejectsInvalidUtf8() {
        ByteArrayOutputStream msg = new ByteArrayOutputStream();
        msg.write(0xff);
        msg.writeBytes(bytes(TEXT + "\n" + PETER_SIG_LINE));

        assertThatThrownBy(() -> NoteVerifier.of(PETER).open(msg.toByteArray()))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessage("malformed note: not valid UTF-8");
    }

    @Test
    void dropsDuplicateSignatures() {
        String enochAbcd = ENOCH_SIG_LINE.substring(0, BYTE_60) + "ABCD" + ENOCH_SIG_LINE.substring(BYTE_60);

        VerifiedNote note = NoteVerifier.of(PETER)
                .open(bytes(
                        TEXT + "\n" + PETER_SIG_LINE + PETER_SIG_LINE + ENOCH_SIG_LINE + ENOCH_SIG_LINE + enochAbcd));

        assertThat(note.verified()).extracting(NoteSignature::keyId).containsExactly("PeterNeumann+c74f20a3");
        assertThat(note.unverified())
                .extracting(NoteSignature::base64)
                .containsExactly(
                        "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=",
                        "rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5nABCD2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=");
    }

    @Test
    void parsesSignatureLinesWithoutAKey() {
        SignedNote note = SignedNote.parse(bytes(TEXT + "\n" + PETER_SIG_LINE + ENOCH_SIG_LINE));

        assertThat(note.text()).isEqualTo(TEXT);
        assertThat(note.textBytes()).isEqualTo(bytes(TEXT));
        assertThat(note.signatures())
                .extracting(NoteSignature::line)
                .containsExactly(PETER_SIG_LINE.strip(), ENOCH_SIG_LINE.strip());
        assertThat(note.signatures().get(0).signature()).hasSize(64);
    }

    private static void assertMalformed(String msg, String why) {
        assertThatThrownBy(() -> NoteVerifier.of(PETER).open(bytes(msg)))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageContaining(why);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
