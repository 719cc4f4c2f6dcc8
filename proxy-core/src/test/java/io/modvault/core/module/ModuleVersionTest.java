package io.modvault.core.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** semver validity, canonical form and accessors (test-vectors.md §J.1, §H.3 CanonicalVersion). */
class ModuleVersionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "v1.0.0-alpha, v1.0.0-alpha",
        "v1.0.0-alpha.1, v1.0.0-alpha.1",
        "v1.0.0-alpha.beta, v1.0.0-alpha.beta",
        "v1.0.0-beta, v1.0.0-beta",
        "v1.0.0-beta.2, v1.0.0-beta.2",
        "v1.0.0-beta.11, v1.0.0-beta.11",
        "v1.0.0-rc.1, v1.0.0-rc.1",
        "v1, v1.0.0",
        "v1.0, v1.0.0",
        "v1.2, v1.2.0",
        "v1.2.3-456, v1.2.3-456",
        "v1.2.3-456.789, v1.2.3-456.789",
        "v1.2.3-456-789, v1.2.3-456-789",
        "v1.2.3-456a, v1.2.3-456a",
        "v1.2.3-pre, v1.2.3-pre",
        "v1.2.3-pre.1, v1.2.3-pre.1",
        "v1.2.3-zzz, v1.2.3-zzz",
        "v1.2.3-pre+meta, v1.2.3-pre",
        "v1.2.3+meta, v1.2.3",
        "v1.2.3+meta-pre, v1.2.3",
        "v1.2.3+meta-pre.sha.256a, v1.2.3",
        "v2.0.0+incompatible, v2.0.0+incompatible",
        "v2.0.0-pre+incompatible, v2.0.0-pre+incompatible",
        "v0.0.1-go1.21.0.linux-amd64, v0.0.1-go1.21.0.linux-amd64",
    })
    void canonicalizesValidVersions(String version, String canonical) {
        assertThat(ModuleVersion.isValid(version)).isTrue();
        assertThat(ModuleVersion.canonical(version)).isEqualTo(canonical);
        assertThat(ModuleVersion.isCanonical(version)).isEqualTo(version.equals(canonical));
        assertThat(ModuleVersion.isCanonical(canonical)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "bad",
                "v1-alpha.beta.gamma",
                "v1-pre",
                "v1+meta",
                "v1-pre+meta",
                "v1.2-pre",
                "v1.2+meta",
                "v1.2-pre+meta",
                "",
                "v",
                "1.2.3",
                "v01.2.3",
                "v1.02.3",
                "v1.2.03",
                "v1.2.3-01",
                "v1.2.3-",
                "v1.2.3+",
                "v1.2.3-a..b",
                "v1.2.3+a..b",
                "v1.2.3-\u00e9",
                "V1.2.3",
                "v1.2.3 ",
                "v1.2.3.4",
                "v2.1+incompatible"
            })
    void rejectsInvalidVersions(String version) {
        assertThat(ModuleVersion.isValid(version)).isFalse();
        assertThat(ModuleVersion.canonical(version)).isEmpty();
        assertThat(ModuleVersion.isCanonical(version)).isFalse();
        assertThat(ModuleVersion.major(version)).isEmpty();
        assertThat(ModuleVersion.isPrerelease(version)).isFalse();
    }

    @ParameterizedTest(name = "{0}: major={1} prerelease=\"{2}\" build=\"{3}\"")
    @CsvSource({
        "v2.1.0, v2, '', ''",
        "v1, v1, '', ''",
        "v0.0.1-go1.21.0.linux-amd64, v0, -go1.21.0.linux-amd64, ''",
        "v1.2.3-pre+meta, v1, -pre, +meta",
        "v17.0.0+incompatible, v17, '', +incompatible",
        "v123456789012345678901234567890.0.0, v123456789012345678901234567890, '', ''",
        "v0.0.0-20191109021931-daa7c04131f5, v0, -20191109021931-daa7c04131f5, ''",
    })
    void exposesMajorPrereleaseAndBuild(String version, String major, String prerelease, String build) {
        assertThat(ModuleVersion.major(version)).isEqualTo(major);
        assertThat(ModuleVersion.prerelease(version)).isEqualTo(prerelease);
        assertThat(ModuleVersion.isPrerelease(version)).isEqualTo(!prerelease.isEmpty());
        assertThat(ModuleVersion.build(version)).isEqualTo(build);
        assertThat(ModuleVersion.isIncompatible(version)).isEqualTo(build.equals("+incompatible"));
    }

    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource({
        "v1.0.0-RC1, v1.0.0-!r!c1",
        "v1.2.3-Beta.X, v1.2.3-!beta.!x",
        "v2.0.0+incompatible, v2.0.0+incompatible",
        "v0.0.1-go1.21.0.linux-amd64, v0.0.1-go1.21.0.linux-amd64",
        "master, master",
    })
    void escapesVersionsAndRoundTrips(String plain, String escaped) {
        assertThat(ModuleVersion.escape(plain)).isEqualTo(escaped);
        assertThat(ModuleVersion.unescape(escaped)).isEqualTo(plain);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "",
                "v1.0.0-RC1",
                "v1!",
                "v1.0.0-!1",
                "v1.0.0-!!r",
                "v1/v2",
                "v1.0.0-caf\u00e9",
                "..",
                "v1.",
                "com1",
                "v1:0",
                "v1 \n"
            })
    void rejectsMalformedEscapedVersions(String escaped) {
        assertThatThrownBy(() -> ModuleVersion.unescape(escaped))
                .isInstanceOf(InvalidModuleException.class)
                .hasMessageStartingWith("invalid escaped version ")
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "v1!", "v1/v2", "v1:0", "..", "v1.0.0-caf\u00e9"})
    void refusesToEscapeVersionsThatAreNotFileNames(String version) {
        assertThatThrownBy(() -> ModuleVersion.escape(version))
                .isInstanceOf(InvalidModuleException.class)
                .hasMessageEndingWith("invalid: disallowed version string");
    }

    @Test
    void sortsTheSemverGoldenListFromAnyStartingOrder() {
        List<String> golden = List.of(
                "bad",
                "v1+meta",
                "v1-alpha.beta.gamma",
                "v1-pre",
                "v1-pre+meta",
                "v1.2+meta",
                "v1.2-pre",
                "v1.2-pre+meta",
                "v1.0.0-alpha",
                "v1.0.0-alpha.1",
                "v1.0.0-alpha.beta",
                "v1.0.0-beta",
                "v1.0.0-beta.2",
                "v1.0.0-beta.11",
                "v1.0.0-rc.1",
                "v1",
                "v1.0",
                "v1.0.0",
                "v1.2",
                "v1.2.0",
                "v1.2.3-456",
                "v1.2.3-456.789",
                "v1.2.3-456-789",
                "v1.2.3-456a",
                "v1.2.3-pre",
                "v1.2.3-pre+meta",
                "v1.2.3-pre.1",
                "v1.2.3-zzz",
                "v1.2.3",
                "v1.2.3+meta",
                "v1.2.3+meta-pre",
                "v1.2.3+meta-pre.sha.256a");
        assertSortsTo(golden);
    }

    @Test
    void comparesEqualExactlyWhenCanonicalFormsAreEqual() {
        // Listed in ascending precedence, so unequal pairs compare like their indexes.
        List<String> versions = List.of(
                "bad",
                "v1+meta",
                "v1.2-pre",
                "v1.0.0-alpha",
                "v1.0.0-beta.11",
                "v1",
                "v1.0",
                "v1.0.0",
                "v1.2",
                "v1.2.0",
                "v1.2.3-456-789",
                "v1.2.3-pre",
                "v1.2.3-pre+meta",
                "v1.2.3",
                "v1.2.3+meta",
                "v2.0.0",
                "v2.0.0+incompatible");
        for (int i = 0; i < versions.size(); i++) {
            for (int j = 0; j < versions.size(); j++) {
                String a = versions.get(i);
                String b = versions.get(j);
                int expected = Semver.canonical(a).equals(Semver.canonical(b)) ? 0 : Integer.signum(i - j);
                assertThat(ModuleVersion.compare(a, b))
                        .as("compare(%s, %s)", a, b)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void sortsToolchainVersionsBySemverNotByGoRelease() {
        assertSortsTo(List.of(
                "v0.0.1-go1.9.linux-amd64",
                "v0.0.1-go1.21.0.linux-amd64",
                "v0.0.1-go1.21.10.linux-amd64",
                "v0.0.1-go1.22.0.linux-amd64",
                "v0.0.1-go1.21rc1.linux-amd64"));
    }

    @Test
    void sortsPseudoVersionsBetweenTheirBaseAndTheNextRelease() {
        assertSortsTo(List.of(
                "v0.0.0-20191109021931-daa7c04131f5",
                "v1.2.0-rc.1",
                "v1.2.0",
                "v1.2.1-0.20191109021931-daa7c04131f5",
                "v1.9.9",
                "v1.10.0",
                "v2.0.0+incompatible"));
    }

    @Test
    void sortsMixedPseudoAndIncompatibleVersions() {
        assertSortsTo(List.of(
                "not-a-version",
                "v0.0.0-20180101000000-aaaaaaaaaaaa",
                "v0.0.0-20190101000000-bbbbbbbbbbbb",
                "v0.1.0-pre",
                "v0.1.0-pre.0.20190601000000-cccccccccccc",
                "v0.1.0",
                "v0.1.1-0.20190701000000-dddddddddddd",
                "v0.1.1-0.20200101000000-eeeeeeeeeeee",
                "v0.1.1",
                "v1.0.0",
                "v2.0.0",
                "v2.0.0+incompatible",
                "v2.0.1-0.20200722182040-012345abcdef+incompatible",
                "v2.0.1",
                "v10.0.0+incompatible",
                "v99999999999999999999.0.0"));
    }

    @Test
    void comparesNumbersOfAnySizeWithoutOverflow() {
        assertThat(ModuleVersion.compare("v1.2.99999999999999999", "v1.2.100000000000000000"))
                .isNegative();
        assertThat(ModuleVersion.compare("v99999999999999999999.0.0", "v9.0.0")).isPositive();
        assertThat(ModuleVersion.compare("v1.0.0-18446744073709551616", "v1.0.0-18446744073709551615"))
                .isPositive();
        assertThat(ModuleVersion.compare("v1.0.0-99999999999999999999", "v1.0.0-a"))
                .isNegative();
        assertThat(ModuleVersion.compare("v1.2.3+a", "v1.2.3+b")).isZero();
        assertThat(ModuleVersion.ORDER.compare("v1.2.3+a", "v1.2.3+b")).isNegative();
    }

    private static void assertSortsTo(List<String> expected) {
        for (long seed = 1; seed <= 5; seed++) {
            List<String> shuffled = new ArrayList<>(expected);
            Collections.shuffle(shuffled, new Random(seed));
            shuffled.sort(ModuleVersion.ORDER);
            assertThat(shuffled).containsExactlyElementsOf(expected);
        }
    }
}
