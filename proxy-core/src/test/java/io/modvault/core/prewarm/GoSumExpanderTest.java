package io.modvault.core.prewarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoSumExpanderTest {
    private static final String A_ZIP = "h1:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=";
    private static final String A_MOD = "h1:mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm=";
    private static final String B_MOD = "h1:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb=";

    @TempDir
    Path temp;

    private final List<String> skipped = new ArrayList<>();

    private List<PrewarmItem> expand(String... inputs) {
        return PrewarmInputs.standard(skipped::add).expand(List.of(inputs), () -> null);
    }

    private static ModuleCoordinate coordinate(String path, String version) {
        return new ModuleCoordinate(ModulePath.of(path), version);
    }

    private Path goSum(String dir, String text) throws IOException {
        Path directory = Files.createDirectories(temp.resolve(dir));
        return Files.writeString(directory.resolve("go.sum"), text);
    }

    @Test
    void zipLinesNameAllThreeArtifactsAndGoModLinesOnlyTheMod() throws IOException {
        Path file = goSum(
                "p",
                "example.test/a v1.0.0 " + A_ZIP + "\n"
                        + "example.test/a v1.0.0/go.mod " + A_MOD + "\n\n"
                        + "example.test/Upper/b v0.1.0-20240101000000-abcdefabcdef/go.mod " + B_MOD + "\n");
        assertThat(expand(file.toString()))
                .containsExactly(
                        new PrewarmItem.Version(
                                coordinate("example.test/a", "v1.0.0"),
                                EnumSet.allOf(Artifact.class),
                                file.toString(),
                                Map.of(Artifact.ZIP, A_ZIP, Artifact.MOD, A_MOD)),
                        new PrewarmItem.Version(
                                coordinate("example.test/Upper/b", "v0.1.0-20240101000000-abcdefabcdef"),
                                EnumSet.of(Artifact.MOD),
                                file.toString(),
                                Map.of(Artifact.MOD, B_MOD)));
        assertThat(skipped).isEmpty();
    }

    @Test
    void theSameVersionInTwoGoSumsIsFetchedOnce() throws IOException {
        Path one = goSum("one", "example.test/a v1.0.0/go.mod " + A_MOD + "\n");
        Path two = goSum("two", "example.test/a v1.0.0 " + A_ZIP + "\nexample.test/a v1.0.0/go.mod " + A_MOD + "\n");
        List<PrewarmItem> items = expand(one.toString(), two.toString(), "example.test/a@v1.0.0");
        assertThat(items).hasSize(1);
        PrewarmItem.Version item = (PrewarmItem.Version) items.get(0);
        assertThat(item.artifacts()).isEqualTo(EnumSet.allOf(Artifact.class));
        assertThat(item.expectedH1()).isEqualTo(Map.of(Artifact.ZIP, A_ZIP, Artifact.MOD, A_MOD));
        assertThat(item.origin()).isEqualTo(one.toString());
    }

    @Test
    void goSumsThatDisagreeOnAHashAreAUsageError() throws IOException {
        Path one = goSum("one", "example.test/a v1.0.0/go.mod " + A_MOD + "\n");
        Path two = goSum("two", "example.test/a v1.0.0/go.mod " + B_MOD + "\n");
        assertThatThrownBy(() -> expand(one.toString(), two.toString()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("disagree on the h1 of example.test/a@v1.0.0 mod");
    }

    @Test
    void aDirectoryIsSearchedSkippingVendorTestdataNodeModulesAndHiddenDirectories() throws IOException {
        goSum("repo", "example.test/root v1.0.0/go.mod " + A_MOD + "\n");
        goSum("repo/svc/api", "example.test/api v1.0.0/go.mod " + A_MOD + "\n");
        for (String ignored : List.of("vendor", "svc/testdata", "web/node_modules/x", ".git", "svc/.cache")) {
            goSum("repo/" + ignored, "example.test/ignored v1.0.0/go.mod " + A_MOD + "\n");
            Files.writeString(temp.resolve("repo/" + ignored + "/go.mod"), "module example.test/ignored\n");
        }
        Files.writeString(temp.resolve("repo/go.mod"), "module example.test/root\n");
        Files.writeString(temp.resolve("repo/svc/go.work"), "go 1.22\n");

        List<PrewarmItem> items = expand(temp.resolve("repo").toString());

        assertThat(items)
                .extracting(PrewarmItem::name)
                .containsExactly(
                        "example.test/root@v1.0.0",
                        "example.test/api@v1.0.0",
                        temp.resolve("repo/go.mod").toString(),
                        temp.resolve("repo/svc/go.work").toString());
        assertThat(items.subList(2, 4)).allSatisfy(item -> assertThat(item).isInstanceOf(PrewarmItem.Graph.class));
        assertThat(items).extracting(PrewarmItem::origin).doesNotHaveDuplicates();
        assertThat(skipped).isEmpty();
    }

    @Test
    void aHiddenDirectoryGivenByNameIsSearched() throws IOException {
        goSum(".project", "example.test/a v1.0.0/go.mod " + A_MOD + "\n");
        assertThat(expand(temp.resolve(".project").toString())).hasSize(1);
    }

    @Test
    void aDirectoryWithNothingToReadIsAUsageError() throws IOException {
        Files.createDirectories(temp.resolve("empty/vendor"));
        goSum("empty/vendor", "example.test/a v1.0.0/go.mod " + A_MOD + "\n");
        assertThatThrownBy(() -> expand(temp.resolve("empty").toString()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("no go.sum, go.mod or go.work file");
    }

    @Test
    void aDirectoryWithOnlyAGoModYieldsItsGraphAndNamesALocalReplacementWithoutGoMod() throws IOException {
        Files.createDirectories(temp.resolve("nodeps"));
        Path goMod = Files.writeString(
                temp.resolve("nodeps/go.mod"),
                "module example.test/nodeps\n\nrequire example.test/a v1.0.0\n\nreplace example.test/a => ../a\n");
        assertThat(expand(temp.resolve("nodeps").toString())).singleElement().isInstanceOf(PrewarmItem.Graph.class);
        assertThat(skipped)
                .containsExactly(goMod + ": replace example.test/a => ../a: no readable go.mod in that directory;"
                        + " its requirements are not followed");
    }

    @Test
    void malformedOrMissingGoSumsNameTheFile() throws IOException {
        Path threeFields = goSum("bad", "example.test/a v1.0.0\n");
        assertThatThrownBy(() -> expand(threeFields.toString()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(threeFields.toString())
                .hasMessageContaining("wrong number of fields");
        Path badVersion = goSum("badversion", "example.test/a 1.0 " + A_ZIP + "\n");
        assertThatThrownBy(() -> expand(badVersion.toString()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(badVersion.toString());
        String missing = temp.resolve("missing/go.sum").toString();
        assertThatThrownBy(() -> expand(missing))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(missing + ": cannot read");
    }
}
