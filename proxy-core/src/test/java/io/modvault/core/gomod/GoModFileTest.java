package io.modvault.core.gomod;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** go.mod reading as x/mod's modfile.ModulePath and ParseLax do it. */
class GoModFileTest {

    @Test
    void readsTheGoVersionLaxly() {
        assertThat(GoModFile.parseLax(utf8("module m\n\ngo 1.24.1\n")).orElseThrow().language())
                .hasValueSatisfying(v -> assertThat(v).containsExactly(1, 24));
        assertThat(GoModFile.parseLax(utf8("module m\ngo 1.23rc1\n")).orElseThrow().goVersion()).isEqualTo("1.23rc1");
        assertThat(GoModFile.parseLax(utf8("module m\ngo v1.22-beta\n")).orElseThrow().goVersion()).isEqualTo("1.22");
        assertThat(GoModFile.parseLax(utf8("module m\n")).orElseThrow().language()).isEmpty();
    }

    @Test
    void failsLikeParseLaxOnMalformedFiles() {
        for (String text : List.of("module m\ngo 1.21\ngo 1.22\n", "module m\ngo banana\n", "module m\n/* no */\n",
                "module m\nrequire (\n\tx.example/y v1.0.0\n", "module m\nrequire x.example/y notaversion\n",
                "module m\nrequire x.example/y/v2 v1.0.0\n", "module a\nmodule b\n", "module \"m\n")) {
            assertThat(GoModFile.parseLax(utf8(text))).as(text).isEmpty();
        }
        assertThat(GoModFile.parseLax(utf8("module m\nreplace x => y v1\ntoolchain go1.22.0\nunknown directive\n")))
                .isPresent();
    }

    @Test
    void readsRetractionsIgnoringMalformedOnes() {
        GoModFile file = GoModFile.parseLax(utf8("module m\nretract v1.0.1 // oops\nretract [v1.1.0, v1.1.9]\n"
                + "retract (\n\tv0.1.0\n\t[v0.3.0, v0.4.0]\n\t[v9, \n)\n")).orElseThrow();

        assertThat(file.retractions()).containsExactly(new GoModFile.Retraction("v1.0.1", "v1.0.1"),
                new GoModFile.Retraction("v1.1.0", "v1.1.9"), new GoModFile.Retraction("v0.1.0", "v0.1.0"),
                new GoModFile.Retraction("v0.3.0", "v0.4.0"));
        assertThat(file.retractions().get(1).contains("v1.1.5")).isTrue();
        assertThat(file.retractions().get(1).contains("v1.2.0")).isFalse();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
