package io.modvault.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.testing.SelfSignedTls;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MODVAULT_CA_FILE: certificates added to the JVM's defaults; unusable files refused with a reason. */
class TrustBundleTest {

    @TempDir
    Path temp;

    @Test
    void addsEveryCertificateOfTheBundleToTheJvmDefaults() throws Exception {
        Path file = temp.resolve("corp.pem");
        Files.writeString(
                file,
                "# corporate roots\n"
                        + SelfSignedTls.forSan("dns:a.example.test").certificatePem()
                        + SelfSignedTls.forSan("dns:b.example.test").certificatePem());

        TrustBundle bundle = TrustBundle.withFile(file);

        assertThat(bundle.added()).isEqualTo(2);
        int total = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(bundle.pem().getBytes(StandardCharsets.US_ASCII)))
                .size();
        assertThat(total).as("the JVM's own roots are kept").isGreaterThan(2);
        assertThat(bundle.pem())
                .contains(SelfSignedTls.forSan("dns:a.example.test").certificatePem());
        assertThat(bundle.sslContext().getProtocol()).isEqualTo("TLS");
    }

    @Test
    void refusesAMissingFileAFileWithoutCertificatesAndGarbage() throws Exception {
        assertThatThrownBy(() -> TrustBundle.withFile(temp.resolve("missing.pem")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read")
                .hasMessageContaining("missing.pem");
        Path empty = Files.writeString(temp.resolve("empty.pem"), "");
        assertThatThrownBy(() -> TrustBundle.withFile(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no PEM certificate");
        Path garbage = Files.writeString(
                temp.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> TrustBundle.withFile(garbage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a PEM certificate bundle");
    }
}
