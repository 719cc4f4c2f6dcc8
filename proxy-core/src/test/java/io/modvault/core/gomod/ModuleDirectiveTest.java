package io.modvault.core.gomod;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The module line read as x/mod's modfile.ModulePath reads it. */
class ModuleDirectiveTest {

    @Test
    void readsTheModulePathLikeModfileModulePath() {
        assertThat(ModuleDirective.path(utf8("// comment\nmodule corp.example/m // trailing\n")))
                .isEqualTo("corp.example/m");
        assertThat(ModuleDirective.path(utf8("module \"corp.example/quoted\"\n")))
                .isEqualTo("corp.example/quoted");
        assertThat(ModuleDirective.path(utf8("module `corp.example/raw`\n"))).isEqualTo("corp.example/raw");
        assertThat(ModuleDirective.path(utf8("module \"unterminated\n"))).isEmpty();
        assertThat(ModuleDirective.path(utf8("modulecorp.example/m\n"))).isEmpty();
        assertThat(ModuleDirective.path(utf8("go 1.21\n"))).isEmpty();
        assertThat(ModuleDirective.path(utf8("module (\n\tcorp.example/block\n)\n")))
                .isEqualTo("(");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
