package io.modvault.core.gomod;

import static io.modvault.core.gomod.GoModFileTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** go.work read as x/mod's ParseWork reads it; expectations checked with {@code go work edit -json} (go1.26.8). */
class GoWorkFileTest {

    @Test
    void readsUseInBlocksAndSingleLinesAndTheWorkspaceReplacements() {
        GoWorkFile work = GoWorkFile.parse("go.work", utf8("""
                go 1.23.0

                toolchain go1.23.4

                // The services.
                use (
                	./api
                	./worker // background jobs
                	"../shared lib"
                )

                use ./tools

                replace golang.org/x/net v0.20.0 => golang.org/x/net v0.21.0
                replace example.com/lib => ../lib
                """));

        assertThat(work.go()).contains("1.23.0");
        assertThat(work.toolchain()).contains("go1.23.4");
        assertThat(work.use()).containsExactly("./api", "./worker", "../shared lib", "./tools");
        assertThat(work.replace())
                .containsExactly(
                        new Replacement(
                                "golang.org/x/net", Optional.of("v0.20.0"), "golang.org/x/net", Optional.of("v0.21.0")),
                        new Replacement("example.com/lib", Optional.empty(), "../lib", Optional.empty()));
    }

    @Test
    void refusesWhatAGoWorkCannotHold() {
        assertThatThrownBy(() -> GoWorkFile.parse(
                        "go.work", utf8("go 1.22\nrequire x.example/y v1.0.0\nuse (\n\t./a\n\t./b extra\n)\n")))
                .isInstanceOfSatisfying(
                        GoModException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        "go.work:2: unknown directive: require", "go.work:5:2: usage: use local/dir"));
        assertThatThrownBy(() -> GoWorkFile.parse("go.work", utf8("go v1.22-beta\n")))
                .hasMessage("go.work:1: invalid go version 'v1.22-beta': must match format 1.23.0");
    }
}
