package io.modvault.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestModulesTest {

    @Test
    void expectedListsHoldTaggedVersionsInSemverOrder() {
        assertThat(TestModules.expectedList("example.test/Upper/Case")).isEqualTo("v1.0.0\nv1.1.0\n");
        assertThat(TestModules.expectedList("example.test/multi/v2")).isEqualTo("v2.0.0\nv2.1.0\n");
        assertThat(TestModules.expectedList("example.test/legacy")).isEqualTo("v1.0.0\nv2.0.0+incompatible\n");
        assertThat(TestModules.expectedList("example.test/nomod")).isEqualTo("v1.0.0\n");
        assertThat(TestModules.expectedList("example.test/pre")).isEqualTo("v0.9.0-rc.1\nv0.9.0-rc.2\n");
    }

    @Test
    void pseudoVersionOnlyModuleHasAnEmptyListButALatest() {
        assertThat(TestModules.expectedList("example.test/pseudo")).isEmpty();
        assertThat(TestModules.expectedLatest("example.test/pseudo").version())
                .isEqualTo("v0.0.0-20240102030405-abcdefabcdef");
    }

    @Test
    void latestPrefersReleasesThenPrereleases() {
        assertThat(TestModules.expectedLatest("example.test/Upper/Case").version())
                .isEqualTo("v1.1.0");
        assertThat(TestModules.expectedLatest("example.test/multi/v2").version())
                .isEqualTo("v2.1.0");
        assertThat(TestModules.expectedLatest("example.test/legacy").version()).isEqualTo("v2.0.0+incompatible");
        assertThat(TestModules.expectedLatest("example.test/pre").version()).isEqualTo("v0.9.0-rc.2");
    }

    @Test
    void versionOrderIsNumericAndRanksPrereleasesBelowTheirRelease() {
        Instant t = Instant.EPOCH;
        List<TestModule> modules = List.of(
                        "v1.10.0",
                        "v1.9.0",
                        "v1.10.0-rc.10",
                        "v1.10.0-rc.9",
                        "v1.10.0-alpha",
                        "v0.0.0-20240101000000-aaaaaaaaaaaa")
                .stream()
                .map(v -> TestModules.simple("example.test/order", v, t, "order", true))
                .toList();

        assertThat(TestModules.listOf(modules, "example.test/order"))
                .isEqualTo("v1.9.0\nv1.10.0-alpha\nv1.10.0-rc.9\nv1.10.0-rc.10\nv1.10.0\n");
        assertThat(TestModules.latestOf(modules, "example.test/order")
                        .orElseThrow()
                        .version())
                .isEqualTo("v1.10.0");
        assertThat(TestModules.latestOf(modules, "example.test/absent")).isEmpty();
    }

    @Test
    void modulesWithoutGoModGetTheSynthesizedOne() {
        TestModule legacy = TestModules.get("example.test/legacy", "v1.0.0");
        TestModule nomod = TestModules.get("example.test/nomod", "v1.0.0");

        assertThat(legacy.hasGoModFile()).isFalse();
        assertThat(new String(legacy.goMod(), StandardCharsets.UTF_8)).isEqualTo("module example.test/legacy\n");
        assertThat(new String(nomod.goMod(), StandardCharsets.UTF_8)).isEqualTo("module example.test/nomod\n");
        assertThat(nomod.files()).doesNotContainKey("go.mod");
    }

    @Test
    void catalogueGoModsAreShippedVerbatim() {
        TestModule upper = TestModules.get("example.test/Upper/Case", "v1.0.0");

        assertThat(upper.hasGoModFile()).isTrue();
        assertThat(new String(upper.goMod(), StandardCharsets.UTF_8))
                .isEqualTo("module example.test/Upper/Case\n\ngo 1.21\n");
        assertThat(upper.files().get("go.mod")).isEqualTo(upper.goMod());
    }

    @Test
    void programImportsEveryCatalogueModuleAndExpectsItsLatest() {
        String main = TestModules.programImportingCatalogue();

        assertThat(main)
                .contains(
                        "upper \"example.test/Upper/Case\"",
                        "multi \"example.test/multi/v2\"",
                        "pseudo \"example.test/pseudo\"",
                        "fmt.Println(legacy.Name())");
        assertThat(TestModules.expectedProgramOutput()).isEqualTo("""
                example.test/Upper/Case@v1.1.0
                example.test/multi/v2@v2.1.0
                example.test/legacy@v2.0.0+incompatible
                example.test/nomod@v1.0.0
                example.test/pre@v0.9.0-rc.2
                example.test/pseudo@v0.0.0-20240102030405-abcdefabcdef
                """);
    }

    @Test
    void modulesAreValuesComparedByContent() {
        TestModule a = TestModules.simple("example.test/v", "v1.0.0", Instant.EPOCH, "v", true);
        TestModule b = TestModules.simple("example.test/v", "v1.0.0", Instant.EPOCH, "v", true);
        byte[] leaked = a.goMod();
        leaked[0] = 'X';

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.goMod()[0]).isEqualTo((byte) 'm');
    }

    @Test
    void unknownCoordinatesFailLoudly() {
        assertThatThrownBy(() -> TestModules.get("example.test/nomod", "v9.9.9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("example.test/nomod@v9.9.9");
        assertThatThrownBy(() -> TestModules.expectedList("example.test/unknown"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
