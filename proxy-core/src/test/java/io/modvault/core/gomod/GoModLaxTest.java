package io.modvault.core.gomod;

import static io.modvault.core.gomod.GoModFileTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A dependency's go.mod read as x/mod's ParseLax reads it, as the go command and coderepo do. */
class GoModLaxTest {

    @Test
    void readsTheGoVersionLaxly() {
        assertThat(GoModFile.parseLax("go.mod", utf8("module m\n\ngo 1.24.1\n")).language())
                .hasValueSatisfying(v -> assertThat(v).containsExactly(1, 24));
        assertThat(GoModFile.parseLax("go.mod", utf8("module m\ngo 1.23rc1\n")).go())
                .contains("1.23rc1");
        assertThat(GoModFile.parseLax("go.mod", utf8("module m\ngo v1.22-beta\n"))
                        .go())
                .contains("1.22");
        assertThat(GoModFile.parseLax("go.mod", utf8("module m\n")).language()).isEmpty();
        assertThatThrownBy(() -> GoModFile.parse("go.mod", utf8("module m\ngo v1.22-beta\n")))
                .hasMessage("go.mod:2: invalid go version 'v1.22-beta': must match format 1.23.0");
    }

    @Test
    void failsLikeParseLaxOnMalformedFiles() {
        for (String text : List.of(
                "module m\ngo 1.21\ngo 1.22\n",
                "module m\ngo banana\n",
                "module m\n/* no */\n",
                "module m\nrequire (\n\tx.example/y v1.0.0\n",
                "module m\nrequire x.example/y notaversion\n",
                "module m\nrequire x.example/y/v2 v1.0.0\n",
                "module a\nmodule b\n",
                "module \"m\n",
                "module `m`\n",
                "module m\nignore a b\n")) {
            assertThatThrownBy(() -> GoModFile.parseLax("go.mod", utf8(text)))
                    .as(text)
                    .isInstanceOf(GoModException.class);
        }
    }

    @Test
    void ignoresMainModuleOnlyAndUnknownDirectivesUnchecked() {
        GoModFile file = GoModFile.parseLax(
                "go.mod",
                utf8(
                        "module m\nreplace x => y v1\ntoolchain banana\n"
                                + "exclude nonsense\nunknown directive\nfuture (\n\tanything at all\n)\nrequire a.example/b v1.0.0\n"));

        assertThat(file.replace()).isEmpty();
        assertThat(file.exclude()).isEmpty();
        assertThat(file.toolchain()).isEmpty();
        assertThat(file.require()).containsExactly(new Requirement("a.example/b", "v1.0.0", false));
    }

    @Test
    void readsRetractionsIgnoringMalformedOnes() {
        GoModFile file = GoModFile.parseLax(
                "go.mod",
                utf8("module m\nretract v1.0.1 // oops\nretract [v1.1.0, v1.1.9]\n"
                        + "retract (\n\tv0.1.0\n\t[v0.3.0, v0.4.0]\n\t[v9, \n)\nretract v2.0.0 extra\n"));

        assertThat(file.retract())
                .containsExactly(
                        new Retraction("v1.0.1", "v1.0.1", "oops"),
                        new Retraction("v1.1.0", "v1.1.9", ""),
                        new Retraction("v0.1.0", "v0.1.0", ""),
                        new Retraction("v0.3.0", "v0.4.0", ""),
                        new Retraction("v2.0.0", "v2.0.0", ""));
        assertThat(file.retract().get(1).contains("v1.1.5")).isTrue();
        assertThat(file.retract().get(1).contains("v1.2.0")).isFalse();
    }

    @Test
    void keepsTheModuleDeprecationParagraph() {
        GoModFile file = GoModFile.parseLax(
                "go.mod",
                utf8("// Package m does things.\n//\n"
                        + "// Deprecated: use m/v2.\n// It is faster.\n//\n// Other text.\nmodule m\n"));

        assertThat(file.deprecated()).isEqualTo(Optional.of("use m/v2.\nIt is faster."));
    }
}
