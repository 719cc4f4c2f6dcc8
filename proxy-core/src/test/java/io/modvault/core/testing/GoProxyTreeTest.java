package io.modvault.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoProxyTreeTest {

    @TempDir
    Path temp;

    @Test
    void writesCaseEncodedLayoutForEveryCatalogueVersion() throws IOException {
        GoProxyTree tree = GoProxyTree.write(temp.resolve("proxy"), TestModules.catalogue());
        Path upper = temp.resolve("proxy/example.test/!upper/!case");

        assertThat(upper.resolve("@v/list")).hasContent("v1.0.0\nv1.1.0");
        assertThat(Files.readString(upper.resolve("@v/list"))).isEqualTo("v1.0.0\nv1.1.0\n");
        assertThat(upper.resolve("@v/v1.0.0.info"))
                .hasContent("{\"Version\":\"v1.0.0\",\"Time\":\"2024-01-02T03:04:05Z\"}");
        assertThat(upper.resolve("@v/v1.0.0.mod")).hasContent("module example.test/Upper/Case\n\ngo 1.21\n");
        assertThat(ModuleZips.entryNames(upper.resolve("@v/v1.0.0.zip")))
                .contains("example.test/Upper/Case@v1.0.0/upper.go");
        assertThat(upper.resolve("@latest")).hasContent("{\"Version\":\"v1.1.0\",\"Time\":\"2024-02-03T04:05:06Z\"}");
        for (TestModule module : TestModules.catalogue()) {
            assertThat(tree.file(GoProxyTree.zipPath(module))).isRegularFile();
            assertThat(tree.file(GoProxyTree.infoPath(module))).isRegularFile();
            assertThat(tree.file(GoProxyTree.modPath(module))).hasBinaryContent(module.goMod());
        }
    }

    @Test
    void legacyModulesGetSynthesizedModAndPlusInFileNames() {
        GoProxyTree.write(temp, TestModules.catalogue());
        Path legacy = temp.resolve("example.test/legacy/@v");

        assertThat(legacy.resolve("v2.0.0+incompatible.mod")).hasContent("module example.test/legacy\n");
        assertThat(legacy.resolve("v2.0.0+incompatible.zip")).isRegularFile();
        assertThat(temp.resolve("example.test/legacy/@latest")).content().contains("\"v2.0.0+incompatible\"");
    }

    @Test
    void pseudoOnlyModuleHasEmptyListAndLatestPointingAtThePseudoVersion() throws IOException {
        GoProxyTree.write(temp, TestModules.catalogue());

        assertThat(Files.size(temp.resolve("example.test/pseudo/@v/list"))).isZero();
        assertThat(temp.resolve("example.test/pseudo/@latest"))
                .hasContent("{\"Version\":\"v0.0.0-20240102030405-abcdefabcdef\",\"Time\":\"2024-01-02T03:04:05Z\"}");
        assertThat(temp.resolve("example.test/pre/@latest")).content().contains("\"v0.9.0-rc.2\"");
    }

    @Test
    void escapesUpperCaseInVersionsToo() {
        TestModule rc = TestModules.simple("example.test/Caps", "v1.0.0-RC1", Instant.EPOCH, "caps", true);

        GoProxyTree tree = GoProxyTree.create(temp).add(rc);

        assertThat(GoProxyTree.infoPath(rc)).isEqualTo("example.test/!caps/@v/v1.0.0-!r!c1.info");
        assertThat(tree.file(GoProxyTree.infoPath(rc)))
                .hasContent("{\"Version\":\"v1.0.0-RC1\",\"Time\":\"1970-01-01T00:00:00Z\"}");
        assertThat(ModuleZips.entryNames(tree.file(GoProxyTree.zipPath(rc))))
                .contains("example.test/Caps@v1.0.0-RC1/caps.go");
    }

    @Test
    void addingAVersionLaterRefreshesListAndLatest() {
        GoProxyTree tree = GoProxyTree.write(temp, TestModules.catalogue());
        TestModule newer =
                TestModules.simple(TestModules.NOMOD, "v1.2.0", Instant.parse("2025-01-01T00:00:00Z"), "nomod", false);

        tree.add(newer);

        assertThat(tree.file(GoProxyTree.listPath(TestModules.NOMOD))).hasContent("v1.0.0\nv1.2.0");
        assertThat(tree.file(GoProxyTree.latestPath(TestModules.NOMOD)))
                .content()
                .contains("\"v1.2.0\"");
        try (var files = java.nio.file.Files.walk(temp)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(n -> n.startsWith(".tmp-"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void sizedModulesAreStreamedIntoTheTree() {
        GoProxyTree tree = GoProxyTree.create(temp);
        TestModule base = TestModules.simple("example.test/big", "v1.0.0", Instant.EPOCH, "big", true);

        Path zip = tree.addSized(base, 512 * 1024, new Random(7));

        assertThat(zip).isEqualTo(tree.file(GoProxyTree.zipPath(base)));
        assertThat(zip.toFile().length()).isGreaterThan(500 * 1024);
        assertThat(tree.file(GoProxyTree.listPath("example.test/big"))).hasContent("v1.0.0");
    }

    @Test
    void fileUrlIsAnAbsoluteFileUriWithoutTrailingSlash() {
        GoProxyTree tree = GoProxyTree.create(temp.resolve("p"));

        assertThat(tree.fileUrl()).startsWith("file:///").endsWith("/p");
    }
}
