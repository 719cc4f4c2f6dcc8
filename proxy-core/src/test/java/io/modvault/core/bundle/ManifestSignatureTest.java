package io.modvault.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.sumdb.note.NoteSigner;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestSignatureTest {
    private static final NoteSigner SIGNER = NoteSigner.generate("bundles.test", new SecureRandom());
    private static final NoteSigner OTHER = NoteSigner.generate("bundles.test", new SecureRandom());

    private static BundleManifest manifest(String exportedAt) {
        return new BundleManifest(
                BundleManifest.FORMAT,
                exportedAt,
                List.of("--all"),
                new BundleManifest.Database("sumdb.test", "sumdb.test+00000000+AAAA", 3, "go.sum database tree\n3\n"),
                List.of(new BundleManifest.Module("example.test/a", "v1.0.0", "h1:mod=", "h1:zip=", true)),
                List.of(new BundleManifest.File("example.test/a/@v/v1.0.0.mod", 10, "00".repeat(32))));
    }

    @Test
    void manifestRoundTripsAsJsonEndingInANewline() {
        byte[] json = manifest("2026-12-04T00:00:00Z").toJson();
        assertThat(new String(json, StandardCharsets.UTF_8)).endsWith("}\n").doesNotContain("\r");
        assertThat(BundleManifest.fromJson(json)).isEqualTo(manifest("2026-12-04T00:00:00Z"));
    }

    @Test
    void unknownFormatIsRefused() {
        byte[] json = "{\"format\":\"other/9\",\"selectors\":[],\"modules\":[],\"files\":[]}"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BundleManifest.fromJson(json)).hasMessageContaining("unknown bundle format other/9");
    }

    @Test
    void signatureVerifiesWithTheSignersKeyOnly() {
        byte[] json = manifest("2026-12-04T00:00:00Z").toJson();
        byte[] signature = ManifestSignature.sign(json, SIGNER);
        assertThat(ManifestSignature.problem(json, signature, SIGNER.verifierKey()))
                .isEmpty();
        assertThat(ManifestSignature.problem(json, signature, OTHER.verifierKey()))
                .hasValueSatisfying(p -> assertThat(p).contains("does not verify"));
    }

    @Test
    void signatureOfAnotherManifestIsRefused() {
        byte[] signature =
                ManifestSignature.sign(manifest("2026-12-04T00:00:00Z").toJson(), SIGNER);
        byte[] edited = manifest("2026-12-05T00:00:00Z").toJson();
        assertThat(ManifestSignature.problem(edited, signature, SIGNER.verifierKey()))
                .hasValueSatisfying(p -> assertThat(p).contains("for a different manifest"));
    }
}
