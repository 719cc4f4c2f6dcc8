package io.modvault.core.prewarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.module.ModuleCoordinate;
import io.modvault.core.module.ModulePath;
import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrewarmInputsTest {
    private static final Supplier<BufferedReader> NO_STDIN = () -> {
        throw new AssertionError("standard input read without a - input");
    };

    @TempDir
    Path temp;

    private static List<PrewarmItem> expand(String... inputs) {
        return PrewarmInputs.standard(skipped -> {}).expand(List.of(inputs), NO_STDIN);
    }

    private static PrewarmItem.Version version(String path, String version) {
        return PrewarmItem.Version.complete(new ModuleCoordinate(ModulePath.of(path), version), path + "@" + version);
    }

    @Test
    void moduleAtVersionNamesAllThreeArtifacts() {
        assertThat(expand("example.test/Upper/Case@v1.0.0"))
                .containsExactly(version("example.test/Upper/Case", "v1.0.0"));
        assertThat(((PrewarmItem.Version) expand("example.test/a@v1.0.0").get(0)).artifacts())
                .containsExactlyInAnyOrder(Artifact.INFO, Artifact.MOD, Artifact.ZIP);
    }

    @Test
    void latestBranchesAndVersionPrefixesAreQueries() {
        assertThat(expand("example.test/a@latest", "example.test/a@main", "example.test/a@v1.2"))
                .containsExactly(
                        new PrewarmItem.Query(ModulePath.of("example.test/a"), "latest", "example.test/a@latest"),
                        new PrewarmItem.Query(ModulePath.of("example.test/a"), "main", "example.test/a@main"),
                        new PrewarmItem.Query(ModulePath.of("example.test/a"), "v1.2", "example.test/a@v1.2"));
    }

    @Test
    void duplicateInputsFetchOnce() {
        assertThat(expand(
                        "example.test/a@v1.0.0",
                        "example.test/a@latest",
                        "example.test/a@v1.0.0",
                        "example.test/a@latest"))
                .hasSize(2);
    }

    @Test
    void mergedVersionsJoinTheirArtifactsAndKeepTheFirstOrigin() {
        ModuleCoordinate a = new ModuleCoordinate(ModulePath.of("example.test/a"), "v1.0.0");
        InputExpander modOnly =
                input -> Optional.of(List.of(new PrewarmItem.Version(a, EnumSet.of(Artifact.MOD), "go.sum:1")));
        InputExpander zipOnly =
                input -> Optional.of(List.of(new PrewarmItem.Version(a, EnumSet.of(Artifact.ZIP), "go.sum:2")));
        InputExpander byInput = input -> (input.equals("one") ? modOnly : zipOnly).expand(input);
        assertThat(new PrewarmInputs(List.of(byInput)).expand(List.of("one", "two"), NO_STDIN))
                .containsExactly(new PrewarmItem.Version(a, EnumSet.of(Artifact.MOD, Artifact.ZIP), "go.sum:1"));
    }

    @Test
    void expandersAreAskedInOrderAndTheFirstThatRecognisesTheInputAnswers() {
        InputExpander never = input -> Optional.empty();
        PrewarmInputs inputs = new PrewarmInputs(List.of(never, new ModuleQueryExpander(), input -> {
            throw new AssertionError("asked after an expander answered");
        }));
        assertThat(inputs.expand(List.of("example.test/a@v1.0.0"), NO_STDIN)).hasSize(1);
    }

    @Test
    void dashReadsOneInputPerLineSkippingBlankLinesAndComments() {
        String stdin = "# modules for CI\nexample.test/a@v1.0.0\n\n   \n  example.test/b@latest  \n# done\n";
        List<PrewarmItem> items = PrewarmInputs.standard(skipped -> {})
                .expand(
                        List.of("-", "example.test/c@v2.0.0+incompatible"),
                        () -> new BufferedReader(new StringReader(stdin)));
        assertThat(items)
                .extracting(PrewarmItem::name)
                .containsExactly(
                        "example.test/a@v1.0.0", "example.test/b@latest", "example.test/c@v2.0.0+incompatible");
    }

    @Test
    void goModAndGoWorkInputsAreModuleGraphsReadBeforeAnythingIsFetched() throws Exception {
        Path goMod =
                Files.writeString(temp.resolve("go.mod"), "module example.test/p\n\nrequire example.test/a v1.0.0\n");
        Files.createDirectories(temp.resolve("ws"));
        Path goWork = Files.writeString(temp.resolve("ws/go.work"), "go 1.22\n\nuse ..\n");
        assertThat(expand(goMod.toString(), goWork.toString(), goMod.toString()))
                .extracting(PrewarmItem::name)
                .containsExactly(goMod.toString(), goWork.toString());
        Path broken =
                Files.writeString(Files.createDirectories(temp.resolve("bad")).resolve("go.mod"), "module\n");
        for (String input :
                List.of(broken.toString(), temp.resolve("missing/go.mod").toString(), "./go.work")) {
            assertThatThrownBy(() -> expand(input))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining(input);
        }
    }

    @Test
    void otherFilesAreNotInputs() throws Exception {
        Path notes = Files.writeString(temp.resolve("modules.txt"), "example.test/a@v1.0.0\n");
        assertThatThrownBy(() -> expand(notes.toString()))
                .isInstanceOf(InputException.class)
                .hasMessage(notes + ": not a go.mod, go.sum or go.work file or a directory (nor module@version)");
    }

    @Test
    void malformedInputsNameTheInputAndTheProblem() {
        assertThatThrownBy(() -> expand("nodot/a@v1.0.0"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("nodot/a@v1.0.0: ")
                .hasMessageContaining("missing dot");
        assertThatThrownBy(() -> expand("example.test/a@v2.0.0"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("example.test/a@v2.0.0");
        assertThatThrownBy(() -> expand("example.test/a@upgrade")).hasMessageContaining("needs a build list");
        assertThatThrownBy(() -> expand("example.test/a@>=v1.2.0")).hasMessageContaining("not module@version");
        assertThatThrownBy(() -> expand("example.test/a")).hasMessageContaining("not module@version or module@latest");
    }
}
