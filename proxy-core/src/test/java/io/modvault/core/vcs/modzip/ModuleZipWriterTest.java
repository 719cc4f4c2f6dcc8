package io.modvault.core.vcs.modzip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.module.ModulePath;
import io.modvault.core.vcs.VcsException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** x/mod zip.Create's checks on candidate files, with declared sizes that need no real content. */
class ModuleZipWriterTest {
    private static final ModulePath MODULE = ModulePath.of("corp.example/m");

    @TempDir
    Path temp;

    @Test
    void refusesOversizedGoModAndLicense() {
        assertRefused(
                List.of(file("go.mod", (16L << 20) + 1)), "go.mod: go.mod file too large (max size is 16777216 bytes)");
        assertRefused(List.of(file("LICENSE", (16L << 20) + 1)), "LICENSE: LICENSE file too large");
        assertThat(ModuleZipWriter.check(List.of(file("sub/LICENSE", (16L << 20) + 1))))
                .hasSize(1);
    }

    @Test
    void refusesTreesLargerThan500MiB() {
        assertRefused(
                List.of(file("a.bin", 300L << 20), file("b.bin", 201L << 20)),
                "module source tree too large (max size is 524288000 bytes)");
        assertThat(ModuleZipWriter.check(List.of(file("a.bin", 300L << 20), file("b.bin", 200L << 20))))
                .hasSize(2);
    }

    @Test
    void omitsBeforeItValidatesAndValidatesBeforeItOmitsIrregularFiles() {
        List<ModuleZipWriter.Source> valid = ModuleZipWriter.check(List.of(
                file("vendor/x.example/bad:name/a.go", 1),
                file("nested/go.mod", 1),
                file("nested/a:b", 1),
                file("a.go", 1),
                new Data("link", ZipDirectory.Kind.SYMLINK, new byte[1]),
                new Data("fifo", ZipDirectory.Kind.OTHER, new byte[0])));

        assertThat(valid).extracting(ModuleZipWriter.Source::path).containsExactly("a.go");
        assertRefused(
                List.of(file("A.go", 1), new Data("a.go", ZipDirectory.Kind.SYMLINK, new byte[1])),
                "case-insensitive file name collision: \"A.go\" and \"a.go\"");
    }

    @Test
    void refusesAMisCasedRootGoModButTreatsItAsAModuleBoundaryBelow() {
        assertRefused(List.of(file("GO.MOD", 1)), "GO.MOD: go.mod files must have lowercase names");
        assertThat(ModuleZipWriter.check(List.of(file("x/Go.Mod", 1), file("x/a.go", 1), file("b.go", 1))))
                .extracting(ModuleZipWriter.Source::path)
                .containsExactly("b.go");
    }

    @Test
    void refusesFilesLargerThanTheirDeclaredSize() {
        Data liar = new Data("a.go", ZipDirectory.Kind.REGULAR, "package a\n".getBytes(StandardCharsets.UTF_8));
        ModuleZipWriter.Source declaredSmall = new ModuleZipWriter.Source() {
            @Override
            public String path() {
                return "a.go";
            }

            @Override
            public ZipDirectory.Kind kind() {
                return ZipDirectory.Kind.REGULAR;
            }

            @Override
            public long size() {
                return 3;
            }

            @Override
            public InputStream open() {
                return liar.open();
            }
        };

        assertThatThrownBy(() -> ModuleZipWriter.write(MODULE, "v1.0.0", List.of(declaredSmall), temp.resolve("z.zip")))
                .hasMessageContaining("file \"a.go\" is larger than declared size");
    }

    @Test
    void refusesVersionsThatDoNotFitThePath() {
        assertThatThrownBy(() -> ModuleZipWriter.write(MODULE, "v2.0.0", List.of(), temp.resolve("z.zip")))
                .isInstanceOfSatisfying(
                        VcsException.class, e -> assertThat(e.getMessage()).contains("should be v0 or v1"));
        assertThatThrownBy(() -> ModuleZipWriter.write(MODULE, "v1.0", List.of(), temp.resolve("z.zip")))
                .hasMessageContaining("is not canonical");
    }

    private void assertRefused(List<ModuleZipWriter.Source> files, String reason) {
        assertThatThrownBy(() -> ModuleZipWriter.check(files)).isInstanceOfSatisfying(VcsException.class, e -> {
            assertThat(e.kind()).isEqualTo(VcsException.Kind.NOT_FOUND);
            assertThat(e.getMessage()).contains(reason);
        });
    }

    private static ModuleZipWriter.Source file(String path, long size) {
        return new ModuleZipWriter.Source() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public ZipDirectory.Kind kind() {
                return ZipDirectory.Kind.REGULAR;
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(new byte[0]);
            }
        };
    }

    private record Data(String path, ZipDirectory.Kind kind, byte[] data) implements ModuleZipWriter.Source {
        @Override
        public long size() {
            return data.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(data);
        }
    }
}
