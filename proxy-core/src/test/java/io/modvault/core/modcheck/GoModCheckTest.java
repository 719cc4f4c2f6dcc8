package io.modvault.core.modcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.module.ModulePath;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The go command's module-line check of a downloaded go.mod. */
class GoModCheckTest {
    private static final ModulePath MODULE = ModulePath.of("example.test/m");

    @Test
    void modNamingAnotherModuleIsRefused() {
        assertThat(GoModCheck.problem(utf8("module example.test/other\n"), MODULE, "v1.0.0"))
                .contains("invalid go.mod for example.test/m@v1.0.0: module declares its path as example.test/other"
                        + " but was requested as example.test/m");
    }

    @Test
    void modWithoutModuleLineIsRefused() {
        assertThat(GoModCheck.problem(utf8("go 1.22\n"), MODULE, "v1.0.0"))
                .contains("invalid go.mod for example.test/m@v1.0.0: missing module line");
    }

    @Test
    void modNamingTheModuleIsAcceptedInAnySpelling() {
        assertThat(GoModCheck.problem(utf8("// c\nmodule \"example.test/m\" // c\n\ngo 1.22\n"), MODULE, "v1.0.0"))
                .isEmpty();
    }

    @Test
    void synthesizedModOfIncompatibleVersionIsAccepted() {
        ModulePath old = ModulePath.of("example.test/old");
        assertThat(GoModCheck.problem(utf8("module example.test/old\n"), old, "v2.0.0+incompatible"))
                .isEmpty();
    }

    @Test
    void caseMatters() {
        assertThat(GoModCheck.problem(utf8("module example.test/M\n"), MODULE, "v1.0.0"))
                .isPresent();
    }

    @Test
    void hostileModuleLineIsShortenedToOneLine() {
        String declared = "example.test/" + "x".repeat(500) + "\u0007";
        assertThat(GoModCheck.problem(utf8("module " + declared + "\n"), MODULE, "v1.0.0"))
                .hasValueSatisfying(p -> assertThat(p).hasSizeLessThan(400).doesNotContain("\u0007"));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
