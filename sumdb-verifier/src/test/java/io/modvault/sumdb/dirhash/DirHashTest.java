package io.modvault.sumdb.dirhash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.sumdb.SumdbException;
import io.modvault.sumdb.SumdbException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirHashTest {

    @TempDir
    Path dir;

    @Test
    void hashesFilesLikeXmodHash1() throws IOException {
        Map<String, String> files = Map.of("abc", "data for abc", "xyz", "data for xyz");

        assertThat(DirHash.hash1(List.of("xyz", "abc"), opener(files)))
                .isEqualTo("h1:EP6WfDoQTSk9klnxcjriWJOGztueJUywHNmWeq+efB8=");
        assertThat(DirHash.hash1(List.of("prefix/abc", "prefix/xyz"), name -> open(files.get(name.substring(7)))))
                .isEqualTo("h1:rLyfpGMAgqOnGE2aKOY5Xb6cOc0/YQhPjHBHBwkblhs=");
    }

    @Test
    void rejectsFileNamesWithNewlinesBeforeOpeningAnything() {
        List<String> opened = new ArrayList<>();

        assertThatThrownBy(() -> DirHash.hash1(List.of("xyz", "a\nbc"), name -> {
                    opened.add(name);
                    return open("");
                }))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageContaining("dirhash: filenames with newlines are not supported");
        assertThat(opened).isEmpty();
    }

    @Test
    void hashesGoModFilesUnderTheBareNameGoMod() {
        assertThat(goMod("")).isEqualTo("h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=");
        assertThat(goMod("module golang.org/x/text\n")).isEqualTo("h1:NqM8EUOU14njkJ3fqMW+pc6Ldnwhi/IjpwHt7yyuwOQ=");
        assertThat(goMod("module \"rsc.io/quote\"\n\nrequire \"rsc.io/sampler\" v1.3.0\n"))
                .isEqualTo("h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0=");
        assertThat(
                        goMod(
                                "module \"rsc.io/sampler\"\n\nrequire \"golang.org/x/text\" v0.0.0-20170915032832-14c0d48ead0c\n"))
                .isEqualTo("h1:T1hPZKmBbMNahiBKFy5HrXp6adAjACjK9JXDnKaTXpA=");
        assertThat(goMod("module golang.org/toolchain\n")).isEqualTo("h1:8wlg68NqwW7eMnI1aABk/C2pDYXj8mrMY4TyRfiLeS0=");
        assertThat(goMod("module example.com/m\n\ngo 1.21\n"))
                .isEqualTo("h1:ONeDgCa5UF/jJRjGzpOKmUiezgFEk4IPFZ96frvroW0=");
    }

    @Test
    void aPrefixedGoModNameGivesTheClassicWrongHash() throws IOException {
        String prefixed =
                DirHash.hash1(List.of("golang.org/x/text@v0.3.0/go.mod"), n -> open("module golang.org/x/text\n"));

        assertThat(prefixed)
                .isEqualTo("h1:JPemXYaI2EBlkc1n0h1eX2QbpHuLVaVCE0geamGU8HQ=")
                .isNotEqualTo(goMod("module golang.org/x/text\n"));
    }

    @Test
    void hashesAZipByItsEntryNamesAsStored() throws IOException {
        Path zip = zip("a.zip", true, Map.of("example.com/m@v1.0.0/a.go", "package a\n"));

        assertThat(DirHash.hashZip(zip)).isEqualTo("h1:xctQQey8/y7IcBjFZDP/onWLSXhlqcsC3i1fgSdpMHk=");
    }

    @Test
    void aDirectoryEntryChangesTheZipHash() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("example.com/m@v1.0.0/a.go", "package a\n");
        entries.put("example.com/m@v1.0.0/sub/", "");

        assertThat(DirHash.hashZip(zip("dir.zip", true, entries)))
                .isEqualTo("h1:G7qLIlaslKG6myuEGKFZOUqYh1xpvBSokW1kJ7rUYjw=");
    }

    @Test
    void compressionAndEntryOrderDoNotMatter() throws IOException {
        Map<String, String> sorted = new LinkedHashMap<>();
        sorted.put("rsc.io/quote@v1.5.2/buggy/buggy_test.go", "package buggy\n");
        sorted.put("rsc.io/quote@v1.5.2/go.mod", "module \"rsc.io/quote\"\n\nrequire \"rsc.io/sampler\" v1.3.0\n");
        sorted.put("rsc.io/quote@v1.5.2/quote.go", "package quote\n".repeat(1000));
        Map<String, String> reversed = new LinkedHashMap<>();
        new ArrayList<>(sorted.keySet()).reversed().forEach(k -> reversed.put(k, sorted.get(k)));

        String deflated = DirHash.hashZip(zip("deflate.zip", true, sorted));
        String stored = DirHash.hashZip(zip("store.zip", false, reversed));

        assertThat(deflated).isEqualTo(stored).isEqualTo(DirHash.hash1(List.copyOf(reversed.keySet()), opener(sorted)));
    }

    @Test
    void theSummaryOfTheQuoteTestModuleHashesToItsH1() throws Exception {
        String summary = """
                3c6c72d48433d96659a2ac56e7d744b3ea42d333b1875e27683c02b045435306  rsc.io/quote@v1.5.2/buggy/buggy_test.go
                b167e79090d79e4b5738995c62a2186548fc33c919d6b4da1d36cc8c7c1e40c1  rsc.io/quote@v1.5.2/go.mod
                bacafde5f561ddeaf6884f760f10379d6af8dc44a6c22b378ce90925345c1a02  rsc.io/quote@v1.5.2/quote.go
                1f0a53a9a0bd7be5ac0e6e7a77cb1b691e17b5f1115c52a0341cb60620b3fbbb  rsc.io/quote@v1.5.2/quote_test.go
                """;
        byte[] goMod =
                "module \"rsc.io/quote\"\n\nrequire \"rsc.io/sampler\" v1.3.0\n".getBytes(StandardCharsets.UTF_8);

        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(goMod)))
                .isEqualTo("b167e79090d79e4b5738995c62a2186548fc33c919d6b4da1d36cc8c7c1e40c1");
        assertThat("h1:"
                        + Base64.getEncoder()
                                .encodeToString(MessageDigest.getInstance("SHA-256")
                                        .digest(summary.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("h1:3fEykkD9k7lYzXqCYrwGAf7iNhbk4yCjHmKBN9td4L0=");
    }

    @Test
    void sortsNamesByUtf8BytesNotUtf16() throws Exception {
        String bmpHigh = "m@v1.0.0/\uFFFD.go";
        String supplementary = "m@v1.0.0/\uD800\uDC00.go";
        assertThat(bmpHigh.compareTo(supplementary)).isPositive();
        StringBuilder summary = new StringBuilder();
        // UTF-8: EF BF BD (U+FFFD) sorts before F0 90 80 80 (U+10000); UTF-16 order is the reverse
        for (String name : List.of(bmpHigh, supplementary)) {
            String hex = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
            summary.append(hex).append("  ").append(name).append('\n');
        }
        String expected = "h1:"
                + Base64.getEncoder()
                        .encodeToString(MessageDigest.getInstance("SHA-256")
                                .digest(summary.toString().getBytes(StandardCharsets.UTF_8)));

        assertThat(DirHash.hash1(List.of(supplementary, bmpHigh), DirHashTest::open))
                .isEqualTo(expected);
    }

    @Test
    void streamsLargeEntries() throws IOException {
        byte[] big = new byte[5 << 20];
        new Random(42).nextBytes(big);
        Path zip = dir.resolve("big.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("m@v1.0.0/blob.bin"));
            out.write(big);
            out.closeEntry();
        }

        assertThat(DirHash.hashZip(zip))
                .isEqualTo(DirHash.hash1(List.of("m@v1.0.0/blob.bin"), n -> new ByteArrayInputStream(big)));
    }

    @Test
    void rejectsZipsWithDuplicateEntryNames() throws IOException {
        Path zip = zip("dup.zip", false, Map.of("m@v1.0.0/a.go", "a", "m@v1.0.0/b.go", "b"));
        byte[] bytes = Files.readAllBytes(zip);
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1).replace("m@v1.0.0/b.go", "m@v1.0.0/a.go");
        Files.write(zip, latin1.getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> DirHash.hashZip(zip))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageContaining("duplicate zip entry \"m@v1.0.0/a.go\"");
    }

    private Path zip(String name, boolean deflate, Map<String, String> entries) throws IOException {
        Path zip = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                byte[] content = e.getValue().getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(e.getKey());
                if (!deflate) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(content.length);
                    entry.setCrc(crc.getValue());
                }
                out.putNextEntry(entry);
                out.write(content);
                out.closeEntry();
            }
        }
        return zip;
    }

    private static String goMod(String content) {
        return DirHash.hashGoMod(content.getBytes(StandardCharsets.UTF_8));
    }

    private static ContentOpener opener(Map<String, String> files) {
        return name -> open(files.get(name));
    }

    private static ByteArrayInputStream open(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }
}
