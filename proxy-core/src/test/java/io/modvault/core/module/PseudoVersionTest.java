package io.modvault.core.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Building and dissecting pseudo-versions (test-vectors.md §J.2, x/mod pseudo_test.go). */
class PseudoVersionTest {
    private static final Instant TIME = Instant.parse("2006-01-02T15:04:05Z");

    @ParameterizedTest(name = "PseudoVersion(\"{0}\", \"{1}\") = {2}")
    @CsvSource({
        "'', '', v0.0.0-20060102150405-hash",
        "v0, '', v0.0.0-20060102150405-hash",
        "v1, '', v1.0.0-20060102150405-hash",
        "v2, '', v2.0.0-20060102150405-hash",
        "unused, v0.0.0, v0.0.1-0.20060102150405-hash",
        "unused, v1.2.3, v1.2.4-0.20060102150405-hash",
        "unused, v1.2.99999999999999999, v1.2.100000000000000000-0.20060102150405-hash",
        "unused, v1.2.3-pre, v1.2.3-pre.0.20060102150405-hash",
        "unused, v1.3.0-pre, v1.3.0-pre.0.20060102150405-hash",
        "unused, v0.0.0--, v0.0.0--.0.20060102150405-hash",
        "unused, v1.0.0+metadata, v1.0.1-0.20060102150405-hash+metadata",
        "unused, v2.0.0+incompatible, v2.0.1-0.20060102150405-hash+incompatible",
        "unused, v2.3.0-pre+incompatible, v2.3.0-pre.0.20060102150405-hash+incompatible",
    })
    void buildsAndTakesApartPseudoVersions(String major, String older, String expected) {
        String pseudo = PseudoVersion.of(major, older, TIME, "hash");
        assertThat(pseudo).isEqualTo(expected);
        assertThat(PseudoVersion.is(pseudo)).isTrue();
        assertThat(ModuleVersion.isPseudo(pseudo)).isTrue();
        assertThat(PseudoVersion.is(older)).isFalse();
        assertThat(PseudoVersion.time(pseudo)).isEqualTo(TIME);
        assertThat(PseudoVersion.rev(pseudo)).isEqualTo("hash");
        assertThat(PseudoVersion.base(pseudo)).isEqualTo(older);
        assertThat(ModuleVersion.compare(pseudo, older)).isPositive();
        assertThatThrownBy(() -> PseudoVersion.time(older)).isInstanceOf(InvalidModuleException.class);
        assertThatThrownBy(() -> PseudoVersion.rev(older)).isInstanceOf(InvalidModuleException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "v0.0.0",
                "v0.0.0-",
                "v0.0.0-0.20060102150405-hash",
                "v0.1.0-0.20060102150405-hash",
                "v1.0.0-0.20060102150405-hash",
                "v0.0.0-20060102150405-hash+incompatible",
                "v0.0.0-20060102150405-hash+metadata"
            })
    void refusesBaseOfMalformedPseudoVersions(String version) {
        assertThatThrownBy(() -> PseudoVersion.base(version))
                .isInstanceOf(InvalidModuleException.class)
                .hasMessageStartingWith("pseudo-version \"" + version + "\" invalid: ");
    }

    @ParameterizedTest(name = "{0} base=\"{1}\"")
    @CsvSource({
        "v0.0.0-20191109021931-daa7c04131f5, ''",
        "v1.2.4-0.20191109021931-daa7c04131f5, v1.2.3",
        "v1.2.3-pre.0.20191109021931-daa7c04131f5, v1.2.3-pre",
        "v2.0.1-0.20200722182040-012345abcdef+incompatible, v2.0.0+incompatible",
        "v1.0.100-0.20191109021931-daa7c04131f5, v1.0.99",
    })
    void recognizesPseudoVersionsAndTheirBase(String version, String base) {
        assertThat(PseudoVersion.is(version)).isTrue();
        assertThat(PseudoVersion.base(version)).isEqualTo(base);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "v1.2.3",
                "v0.0.1-go1.21.0.linux-amd64",
                "v2.0.1-20200722182040-012345abcdef+incompatible",
                "---",
                "v0.0.0-2006010215040-hash",
                "v0.0.0-20060102150405-ha_sh",
                "v1.2.3-pre.1.20191109021931-daa7c04131f5"
            })
    void rejectsVersionsThatAreNotPseudoVersions(String version) {
        assertThat(PseudoVersion.is(version)).isFalse();
        assertThatThrownBy(() -> PseudoVersion.time(version))
                .isInstanceOf(InvalidModuleException.class)
                .hasMessage("pseudo-version " + InvalidModuleException.quote(version) + " invalid: syntax error");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "v0.0.0-20061302150405-hash",
                "v0.0.0-20060230150405-hash",
                "v0.0.0-20060102240405-hash",
                "v0.0.0-20060102150460-hash"
            })
    void rejectsPseudoVersionsWithImpossibleTimestamps(String version) {
        assertThat(PseudoVersion.is(version)).isTrue();
        assertThatThrownBy(() -> PseudoVersion.time(version))
                .isInstanceOf(InvalidModuleException.class)
                .hasMessageEndingWith("malformed time \"" + version.substring(7, 21) + "\"");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2006-01-02T15:04:05.999Z, v0.0.0-20060102150405-abcdefabcdef",
        "0001-01-01T00:00:00Z, v0.0.0-00010101000000-abcdefabcdef",
        "2020-07-22T20:20:40+02:00, v0.0.0-20200722182040-abcdefabcdef"
    })
    void formatsCommitTimeInUtcToTheSecond(String time, String expected) {
        Instant instant = java.time.OffsetDateTime.parse(time).toInstant();
        assertThat(PseudoVersion.of("", "", instant, "abcdefabcdef")).isEqualTo(expected);
        assertThat(PseudoVersion.time(expected)).isEqualTo(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
