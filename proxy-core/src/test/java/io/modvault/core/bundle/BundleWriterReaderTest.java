package io.modvault.core.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleWriterReaderTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final String LONG_PATH = "example.test/" + "a-rather-long-module-path-element/".repeat(6)
            + "@v/v1.2.3-0.20261204120000-abcdefabcdef.zip";

    @TempDir
    Path temp;

    @Test
    void entriesComeBackInOrderWithTheirBytesAndLongPathsIntact() throws Exception {
        Path blob = Files.write(temp.resolve("blob"), new byte[100_000]);
        Path target = temp.resolve("out.bundle");
        try (BundleWriter writer = BundleWriter.create(target, NOW)) {
            writer.add(BundleLayout.MANIFEST, "{}\n".getBytes(StandardCharsets.UTF_8));
            writer.add(LONG_PATH, blob, 100_000);
            writer.add("sumdb/sumdb.test/supported", new byte[0]);
            writer.commit();
        }
        Map<String, Integer> read = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(target);
                BundleReader reader = new BundleReader(in)) {
            for (Optional<BundleReader.Entry> e = reader.next(); e.isPresent(); e = reader.next()) {
                read.put(e.get().path(), e.get().content().readAllBytes().length);
            }
        }
        assertThat(LONG_PATH.length()).isGreaterThan(100);
        assertThat(read)
                .containsExactly(
                        Map.entry(BundleLayout.MANIFEST, 3),
                        Map.entry(LONG_PATH, 100_000),
                        Map.entry("sumdb/sumdb.test/supported", 0));
        try (var files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("blob", "out.bundle");
        }
    }

    @Test
    void closingWithoutCommitLeavesNoTargetAndNoTempFile() throws Exception {
        Path target = temp.resolve("out.bundle");
        try (BundleWriter writer = BundleWriter.create(target, NOW)) {
            writer.add("a", new byte[10]);
        }
        try (var files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anArchiveCutInsideAnEntryFailsWhenThatEntryIsRead() throws Exception {
        Path target = temp.resolve("out.bundle");
        try (BundleWriter writer = BundleWriter.create(target, NOW)) {
            writer.add("big", new byte[10_000]);
            writer.commit();
        }
        byte[] whole = Files.readAllBytes(target);
        byte[] cut = java.util.Arrays.copyOf(whole, 5_000);
        try (BundleReader reader = new BundleReader(new ByteArrayInputStream(cut))) {
            BundleReader.Entry entry = reader.next().orElseThrow();
            assertThat(entry.size()).isEqualTo(10_000);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> EntryChecks.readSmall(entry, 1 << 20))
                    .isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void layoutNamesModuleFilesAsTheGoproxyProtocolDoes() {
        var upper = io.modvault.core.module.ModuleCoordinate.checked(
                io.modvault.core.module.ModulePath.of("example.test/Upper/Case"), "v1.0.0-RC.1");
        String zip = BundleLayout.artifact(upper, ".zip");
        assertThat(zip).isEqualTo("example.test/!upper/!case/@v/v1.0.0-!r!c.1.zip");
        assertThat(BundleLayout.lookup(upper)).isEqualTo("lookup/example.test/!upper/!case@v1.0.0-!r!c.1");
        BundleLayout.ModuleFile file = BundleLayout.moduleFile(zip).orElseThrow();
        assertThat(file.coordinate()).contains(upper);
        assertThat(file.suffix()).isEqualTo(".zip");
        assertThat(BundleLayout.moduleFile("sumdb/x/tile/8/0/000")).isEmpty();
    }
}
