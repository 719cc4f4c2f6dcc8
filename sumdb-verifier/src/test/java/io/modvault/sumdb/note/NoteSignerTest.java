package io.modvault.sumdb.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.sumdb.SumdbException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class NoteSignerTest {

    static final String PETER_SIGNER = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String TEST_SUMDB_SIGNER =
            "PRIVATE+KEY+localhost.localdev/sumdb+00000c67+AXu6+oaVaOYuQOFrf1V59JK1owcFlJcHwwXHDfDGxSPk";
    static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIG_LINE =
            "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void derivesThePublishedVerifierKeysFromTheSignerKeys() {
        assertThat(NoteSigner.parse(PETER_SIGNER).verifierKey().format()).isEqualTo(VerifierKeyTest.PETER);
        assertThat(NoteSigner.parse(TEST_SUMDB_SIGNER).verifierKey().format()).isEqualTo(VerifierKeyTest.TEST_SUMDB);
    }

    @Test
    void reproducesTheGoldenSignature() {
        byte[] note = NoteSigner.parse(PETER_SIGNER).sign(TEXT);

        assertThat(new String(note, StandardCharsets.UTF_8)).isEqualTo(TEXT + "\n" + PETER_SIG_LINE);
    }

    @Test
    void signsTheEmptyTreeLikeXmod() {
        byte[] note = NoteSigner.parse(TEST_SUMDB_SIGNER)
                .sign("go.sum database tree\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");

        assertThat(new String(note, StandardCharsets.UTF_8))
                .isEqualTo(
                        "go.sum database tree\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n\n"
                                + "\u2014 localhost.localdev/sumdb AAAMZ/DYMkzSW52hoDqxis3bTlq+choRCUcn0IlvXa2eX5tFdOFSvFjaSNHLaD0dxpPNnSBKFbyLGFh1f+1+9UQJmAs=\n");
    }

    @Test
    void generatedKeysRoundTripAndVerify() {
        NoteSigner signer = NoteSigner.generate("sumdb.test", new SecureRandom());

        NoteSigner reparsed = NoteSigner.parse(signer.signerKey());
        VerifierKey verifier = VerifierKey.parse(signer.verifierKey().format());
        VerifiedNote opened = NoteVerifier.of(verifier).open(signer.sign("hello\n"));

        assertThat(reparsed.verifierKey()).isEqualTo(signer.verifierKey());
        assertThat(reparsed.sign("x\n")).isEqualTo(signer.sign("x\n"));
        assertThat(opened.text()).isEqualTo("hello\n");
        assertThat(opened.verified()).extracting(NoteSignature::keyId).containsExactly(verifier.id());
    }

    @Test
    void twoGeneratedKeysDiffer() {
        SecureRandom random = new SecureRandom();

        assertThat(NoteSigner.generate("a", random).verifierKey())
                .isNotEqualTo(NoteSigner.generate("a", random).verifierKey());
    }

    @Test
    void rejectsASignerKeyWhoseHashIsNotThatOfThePublicKey() {
        assertThatThrownBy(() -> NoteSigner.parse(PETER_SIGNER.replace("c74f20a3", "c74f20a4")))
                .isInstanceOf(SumdbException.class)
                .hasMessageContaining("key hash c74f20a4 does not match the public key (computed c74f20a3)");
        assertThatThrownBy(() -> NoteSigner.parse(PETER_SIGNER.substring("PRIVATE+".length())))
                .hasMessageContaining("must start with PRIVATE+KEY+");
        assertThatThrownBy(() -> NoteSigner.parse(PETER_SIGNER.replace("+AYEK", "+AIEK")))
                .hasMessageContaining("unknown key algorithm");
    }

    @Test
    void refusesToSignTextWithoutFinalNewline() {
        NoteSigner signer = NoteSigner.parse(PETER_SIGNER);

        assertThatThrownBy(() -> signer.sign("no newline")).isInstanceOf(SumdbException.class);
        assertThatThrownBy(() -> signer.sign("bell\u0007\n")).isInstanceOf(SumdbException.class);
    }

    @Test
    void doesNotPrintThePrivateKey() {
        NoteSigner signer = NoteSigner.parse(PETER_SIGNER);

        assertThat(signer.toString()).isEqualTo("NoteSigner[PeterNeumann+c74f20a3]");
        assertThat(signer.signerKey()).isEqualTo(PETER_SIGNER);
    }
}
