package io.modvault.core.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code module.Check} plus the canonical-version requirement (test-vectors.md §H.3). */
class ModuleCheckTest {

    @ParameterizedTest(name = "{0}@{1} -> {2}")
    @CsvSource({
        "github.com/go-yaml/yaml, v0.8.0, true",
        "github.com/go-yaml/yaml, v1.0.0, true",
        "github.com/go-yaml/yaml, v2.0.0, false",
        "github.com/go-yaml/yaml, v2.1.5, false",
        "github.com/go-yaml/yaml, v3.0.0, false",
        "github.com/go-yaml/yaml/v2, v1.0.0, false",
        "github.com/go-yaml/yaml/v2, v2.0.0, true",
        "github.com/go-yaml/yaml/v2, v2.1.5, true",
        "github.com/go-yaml/yaml/v2, v3.0.0, false",
        "gopkg.in/yaml.v0, v0.8.0, true",
        "gopkg.in/yaml.v0, v1.0.0, false",
        "gopkg.in/yaml.v0, v2.0.0, false",
        "gopkg.in/yaml.v0, v2.1.5, false",
        "gopkg.in/yaml.v0, v3.0.0, false",
        "gopkg.in/yaml.v1, v0.8.0, false",
        "gopkg.in/yaml.v1, v1.0.0, true",
        "gopkg.in/yaml.v1, v2.0.0, false",
        "gopkg.in/yaml.v1, v2.1.5, false",
        "gopkg.in/yaml.v1, v3.0.0, false",
        "gopkg.in/check.v1, v0.0.0, false",
        "gopkg.in/check.v1, v0.0.0-20160102150405-abcdef123456, true",
        "gopkg.in/yaml.v2, v1.0.0, false",
        "gopkg.in/yaml.v2, v2.0.0, true",
        "gopkg.in/yaml.v2, v2.1.5, true",
        "gopkg.in/yaml.v2, v3.0.0, false",
        "rsc.io/quote, v17.0.0, false",
        "rsc.io/quote, v17.0.0+incompatible, true",
        "golang.org/toolchain, v0.0.1-go1.21.0.linux-amd64, true",
    })
    void acceptsOnlyVersionsWhoseMajorFitsThePath(String path, String version, boolean ok) {
        ModulePath modulePath = ModulePath.of(path);
        if (ok) {
            assertThatCode(() -> ModuleVersion.check(modulePath, version)).doesNotThrowAnyException();
            assertThat(ModuleCoordinate.checked(modulePath, version)).hasToString(path + "@" + version);
        } else {
            assertThatThrownBy(() -> ModuleVersion.check(modulePath, version))
                    .isInstanceOf(InvalidModuleException.class)
                    .hasMessage(path + "@" + version + ": invalid version: should be " + expectedMajor(modulePath)
                            + ", not " + ModuleVersion.major(version));
        }
    }

    private static String expectedMajor(ModulePath path) {
        String suffix = path.majorSuffix();
        return suffix.isEmpty() ? "v0 or v1" : suffix.substring(1);
    }

    @Test
    void rejectsVersionThatIsNotSemver() {
        assertThatThrownBy(() -> ModuleVersion.check(ModulePath.of("rsc.io/quote"), "0.1.0"))
                .isInstanceOf(InvalidModuleException.class)
                .hasMessage("rsc.io/quote: invalid version \"0.1.0\": not a semantic version");
    }

    @Test
    void rejectsPathWithASpaceBeforeAnyVersionCheck() {
        assertThatThrownBy(() -> ModuleVersion.check(ModulePath.of("rsc io/quote"), "v1.0.0"))
                .isInstanceOf(InvalidModuleException.class)
                .hasMessage("malformed module path \"rsc io/quote\": invalid char ' '");
    }

    @Test
    void rejectsNonCanonicalVersions() {
        assertThatThrownBy(() -> ModuleVersion.check(ModulePath.of("rsc.io/quote"), "v1.2"))
                .isInstanceOf(InvalidModuleException.class)
                .hasMessage("rsc.io/quote@v1.2: invalid version: not canonical (canonical form is v1.2.0)");
        assertThatThrownBy(() -> ModuleVersion.check(ModulePath.of("rsc.io/quote"), "v1.2.3+meta"))
                .hasMessageContaining("not canonical (canonical form is v1.2.3)");
    }
}
