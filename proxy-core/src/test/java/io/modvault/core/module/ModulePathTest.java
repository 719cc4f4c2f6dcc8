package io.modvault.core.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Escaping, suffix splitting and major-version admission of module paths (test-vectors.md §H). */
class ModulePathTest {

    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource({
        "ascii.com/abcdefghijklmnopqrstuvwxyz.-/~_0123456789, ascii.com/abcdefghijklmnopqrstuvwxyz.-/~_0123456789",
        "github.com/GoogleCloudPlatform/omega, github.com/!google!cloud!platform/omega",
        "github.com/GoogleCloudPlatform/cloudsql-proxy, github.com/!google!cloud!platform/cloudsql-proxy",
        "github.com/Azure/azure-sdk-for-go, github.com/!azure/azure-sdk-for-go",
        "github.com/Sirupsen/logrus, github.com/!sirupsen/logrus",
        "github.com/BurntSushi/toml, github.com/!burnt!sushi/toml",
    })
    void escapesUpperCaseWithBangAndRoundTrips(String plain, String escaped) {
        assertThat(ModulePath.of(plain).escaped()).isEqualTo(escaped);
        assertThat(ModulePath.parseEscaped(escaped)).isEqualTo(ModulePath.of(plain));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "github.com/GoogleCloudPlatform/omega",
                "github.com/!google!cloud!platform!/omega",
                "github.com/!0google!cloud!platform/omega",
                "github.com/!_google!cloud!platform/omega",
                "github.com/!!google!cloud!platform/omega",
                "",
                "github.com/x!/y",
                "github.com/x!",
                "github.com/caf\u00e9/x",
                "github.com/!x\u00e9/y",
                "Github.com/x",
            })
    void rejectsMalformedEscapedPaths(String escaped) {
        assertThatThrownBy(() -> ModulePath.parseEscaped(escaped))
                .isInstanceOf(InvalidModuleException.class)
                .hasMessageStartingWith("invalid escaped module path " + InvalidModuleException.quote(escaped));
    }

    @Test
    void rejectsEscapedPathThatDecodesToAnInvalidPath() {
        assertThatThrownBy(() -> ModulePath.parseEscaped("!github.com/x"))
                .isInstanceOf(InvalidModuleException.class)
                .hasMessage("invalid escaped module path \"!github.com/x\": malformed module path "
                        + "\"Github.com/x\": invalid char 'G' in first path element");
    }

    @Test
    void constructorRefusesInvalidPathsSoEveryInstanceIsValid() {
        assertThatThrownBy(() -> new ModulePath("x.y/z/v1"))
                .isInstanceOf(InvalidModuleException.class)
                .hasMessage("malformed module path \"x.y/z/v1\": invalid version");
    }

    @Test
    void quotesControlCharactersSoMessagesStayOnOneLine() {
        assertThatThrownBy(() -> ModulePath.of("x.y/a\nb"))
                .hasMessage("malformed module path \"x.y/a\\nb\": invalid char '\\n'");
    }

    @ParameterizedTest(name = "{0} -> ({1}, {2})")
    @CsvSource({
        "x.y/z/v2, x.y/z, /v2",
        "x.y/v, x.y/v, ''",
        "gopkg.in/yaml.v0, gopkg.in/yaml, .v0",
        "gopkg.in/yaml.v2, gopkg.in/yaml, .v2",
        "gopkg.in/check.v1-unstable, gopkg.in/check, .v1-unstable",
        "golang.org/x/text, golang.org/x/text, ''",
        "example.com/m/v10, example.com/m, /v10",
    })
    void splitsOffTheMajorVersionSuffix(String path, String prefix, String suffix) {
        ModulePath p = ModulePath.of(path);
        assertThat(p.pathWithoutMajor()).isEqualTo(prefix);
        assertThat(p.majorSuffix()).isEqualTo(suffix);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "x.y/z/v02",
                "x.y/z/v0",
                "x.y/z/v1",
                "x.y/z/v2.0",
                "gopkg.in/yaml",
                "gopkg.in/yaml.v01",
                "gopkg.in/yaml.v"
            })
    void rejectsMalformedMajorSuffixes(String path) {
        assertThatThrownBy(() -> ModulePath.of(path)).hasMessageEndingWith(": invalid version");
    }

    /** MatchPathMajor rows of §H.3, with each suffix carried by a path that has it. */
    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
        "v0.0.0, example.com/m, true",
        "v0.0.0, example.com/m/v2, false",
        "v0.0.0, gopkg.in/m.v0, true",
        "v0.0.0-20190510104115-cbcb75029529, gopkg.in/m.v1, true",
        "v1.0.0, example.com/m/v2, false",
        "v1.0.0, gopkg.in/m.v1, true",
        "v1.0.0, gopkg.in/m.v1-unstable, true",
        "v2.0.0+incompatible, example.com/m, true",
        "v2.0.0, example.com/m, false",
        "v2.0.0, example.com/m/v2, true",
        "v2.0.0, gopkg.in/m.v2, true",
        "v2.0.0+incompatible, example.com/m/v2, true",
        "v3.0.0+incompatible, example.com/m/v2, false",
        "v2.0.0+meta, example.com/m, false",
    })
    void admitsVersionsWhoseMajorFitsThePath(String version, String path, boolean accepted) {
        assertThat(ModulePath.of(path).acceptsVersion(version)).isEqualTo(accepted);
    }

    @Test
    void ordersAndPrintsByPlainPath() {
        assertThat(ModulePath.of("a.b/z")).isLessThan(ModulePath.of("b.c/a"));
        assertThat(ModulePath.of("github.com/Azure/x")).hasToString("github.com/Azure/x");
        assertThat(new ModuleCoordinate(ModulePath.of("github.com/Azure/x"), "v1.0.0-RC1"))
                .hasToString("github.com/Azure/x@v1.0.0-RC1")
                .satisfies(c -> assertThat(c.escaped()).isEqualTo("github.com/!azure/x@v1.0.0-!r!c1"));
    }
}
