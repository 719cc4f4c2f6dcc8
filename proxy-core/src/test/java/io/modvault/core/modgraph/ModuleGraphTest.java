package io.modvault.core.modgraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleGraphTest {
    @TempDir
    Path temp;

    private GraphFixture graph;

    @BeforeEach
    void publish() {
        graph = new GraphFixture(temp)
                .publish("example.test/a@v1.0.0", "1.21", "example.test/b@v1.0.0")
                .publish("example.test/b@v1.0.0", "1.21", "example.test/c@v1.2.0")
                .publish("example.test/c@v1.0.0", "1.21")
                .publish("example.test/c@v1.2.0", "1.21", "example.test/d@v1.0.0")
                .publish("example.test/d@v1.0.0", "1.21");
    }

    @Test
    void aPrunedMainModuleDoesNotSelectFromTheRequirementsOfItsDependenciesDependencies() throws Exception {
        Path goMod =
                graph.main("app", "example.test/app", "1.21", "", "example.test/a@v1.0.0", "example.test/c@v1.0.0");

        ModuleGraph loaded = graph.load(MainModules.ofGoMod(goMod));

        assertThat(GraphFixture.names(loaded.selected()))
                .as("b is in the graph as a's requirement, but its go.mod is pruned out: c stays at v1.0.0")
                .containsExactlyInAnyOrder("example.test/a@v1.0.0", "example.test/b@v1.0.0", "example.test/c@v1.0.0");
        assertThat(GraphFixture.names(loaded.goMods()))
                .as("the go.mod files the go command reads: the roots'")
                .containsExactlyInAnyOrder("example.test/a@v1.0.0", "example.test/c@v1.0.0");
        assertThat(graph.asked)
                .allSatisfy((version, times) -> assertThat(times).as(version).isEqualTo(1))
                .doesNotContainKeys("example.test/b@v1.0.0", "example.test/c@v1.2.0");
        assertThat(loaded.failures()).isEmpty();
    }

    @Test
    void anUnprunedMainModuleSelectsOverTheWholeClosure() throws Exception {
        Path goMod =
                graph.main("app", "example.test/app", "1.16", "", "example.test/a@v1.0.0", "example.test/c@v1.0.0");

        ModuleGraph loaded = graph.load(MainModules.ofGoMod(goMod));

        assertThat(GraphFixture.names(loaded.selected()))
                .containsExactlyInAnyOrder(
                        "example.test/a@v1.0.0",
                        "example.test/b@v1.0.0",
                        "example.test/c@v1.2.0",
                        "example.test/d@v1.0.0");
    }

    @Test
    void anUnprunedDependencyIsFollowedTransitivelyUnderAPrunedMainModule() throws Exception {
        graph.publish("example.test/old@v1.0.0", "", "example.test/b@v1.0.0");
        Path goMod =
                graph.main("app", "example.test/app", "1.21", "", "example.test/old@v1.0.0", "example.test/c@v1.0.0");

        ModuleGraph loaded = graph.load(MainModules.ofGoMod(goMod));

        assertThat(GraphFixture.names(loaded.selected()))
                .as("old has no go line (like a +incompatible module): its graph is loaded to the end")
                .containsExactlyInAnyOrder(
                        "example.test/old@v1.0.0",
                        "example.test/b@v1.0.0",
                        "example.test/c@v1.2.0",
                        "example.test/d@v1.0.0");
    }

    @Test
    void minimalVersionSelectionPicksTheHighestRequiredVersion() throws Exception {
        graph.publish("example.test/e@v1.0.0", "1.21", "example.test/c@v1.2.0");
        Path goMod =
                graph.main("app", "example.test/app", "1.21", "", "example.test/c@v1.0.0", "example.test/e@v1.0.0");

        ModuleGraph loaded = graph.load(MainModules.ofGoMod(goMod));

        assertThat(GraphFixture.names(loaded.selected()))
                .as("the root requires c v1.0.0; e, a root too, requires v1.2.0, whose own requirements are pruned out")
                .containsExactlyInAnyOrder("example.test/c@v1.2.0", "example.test/e@v1.0.0");
    }

    @Test
    void moduleReplacementsAreFetchedInsteadOfTheOriginalInBothForms() throws Exception {
        graph.publish("fork.test/a@v1.5.0", "1.21", "example.test/d@v1.0.0").publish("example.test/c@v1.0.1", "1.21");
        Path goMod = graph.main(
                "app",
                "example.test/app",
                "1.21",
                "replace example.test/a => fork.test/a v1.5.0\nreplace example.test/c v1.0.0 => example.test/c v1.0.1\n",
                "example.test/a@v1.0.0",
                "example.test/c@v1.0.0");

        ModuleGraph loaded = graph.load(MainModules.ofGoMod(goMod));

        assertThat(GraphFixture.names(loaded.selected()))
                .containsExactlyInAnyOrder("fork.test/a@v1.5.0", "example.test/c@v1.0.1", "example.test/d@v1.0.0");
        assertThat(graph.asked).doesNotContainKeys("example.test/a@v1.0.0", "example.test/c@v1.0.0");
    }

    @Test
    void aLocalReplacementIsNotFetchedButItsRequirementsCount() throws Exception {
        graph.write("local/go.mod", "module example.test/a\n\ngo 1.21\n\nrequire example.test/d v1.0.0\n");
        Path goMod = graph.main(
                "app", "example.test/app", "1.21", "replace example.test/a => ../local\n", "example.test/a@v1.0.0");

        MainModules mains = MainModules.ofGoMod(goMod);
        ModuleGraph loaded = graph.load(mains);

        assertThat(GraphFixture.names(loaded.selected())).containsExactly("example.test/d@v1.0.0");
        assertThat(loaded.goMods())
                .as("d is required by a pruned root: its go.mod is not read")
                .isEmpty();
        assertThat(mains.unreadableLocalReplacements()).isEmpty();
    }

    @Test
    void aLocalReplacementWithoutADirectoryIsNamedAndRequiresNothing() throws Exception {
        Path goMod = graph.main(
                "app", "example.test/app", "1.21", "replace example.test/a => ./gone\n", "example.test/a@v1.0.0");

        MainModules mains = MainModules.ofGoMod(goMod);

        assertThat(mains.unreadableLocalReplacements()).containsExactly("example.test/a => ./gone");
        assertThat(graph.load(mains).selected()).isEmpty();
    }

    @Test
    void requirementsOnExcludedVersionsAreIgnored() throws Exception {
        Path goMod = graph.main(
                "app",
                "example.test/app",
                "1.16",
                "exclude example.test/c v1.2.0\n",
                "example.test/a@v1.0.0",
                "example.test/c@v1.0.0");

        ModuleGraph loaded = graph.load(MainModules.ofGoMod(goMod));

        assertThat(GraphFixture.names(loaded.selected()))
                .containsExactlyInAnyOrder("example.test/a@v1.0.0", "example.test/b@v1.0.0", "example.test/c@v1.0.0");
        assertThat(graph.asked).doesNotContainKey("example.test/c@v1.2.0");
    }

    @Test
    void aWorkspaceLoadsItsModulesRequirementsAndReloadsWhatIsSelectedHigher() throws Exception {
        // From the go command's work_prune test: a -> b v1.0.0 -> q v1.1.0; p -> q v1.0.0; q v1.1.0 is selected.
        graph.publish("example.test/q@v1.0.0", "1.21")
                .publish("example.test/q@v1.1.0", "1.21", "example.test/w@v1.0.0")
                .publish("example.test/w@v1.0.0", "1.21")
                .publish("example.test/bb@v1.0.0", "1.21", "example.test/q@v1.1.0");
        graph.main("ws/a", "example.test/wa", "1.21", "", "example.test/bb@v1.0.0");
        graph.main("ws/p", "example.test/wp", "1.21", "", "example.test/q@v1.0.0");
        graph.publish("fork.test/d@v2.0.0", "1.21");
        Path goWork = graph.write(
                "ws/go.work", "go 1.21\n\nuse (\n\t./a\n\t./p\n)\n\nreplace example.test/w => fork.test/d v2.0.0\n");

        ModuleGraph loaded = graph.load(MainModules.ofGoWork(goWork));

        assertThat(GraphFixture.names(loaded.selected()))
                .as("w, required by q v1.1.0 reloaded for the workspace, is selected and replaced by the go.work")
                .containsExactlyInAnyOrder("example.test/bb@v1.0.0", "example.test/q@v1.1.0", "fork.test/d@v2.0.0");
    }

    @Test
    void aGoModThatCannotBeHadIsNamedAndTheRestStillLoads() throws Exception {
        Path goMod =
                graph.main("app", "example.test/app", "1.21", "", "example.test/gone@v1.0.0", "example.test/a@v1.0.0");

        ModuleGraph loaded = graph.load(MainModules.ofGoMod(goMod));

        assertThat(loaded.failures()).hasSize(1);
        assertThat(loaded.failures().values()).containsExactly("404 example.test/gone@v1.0.0");
        assertThat(GraphFixture.names(loaded.selected())).contains("example.test/gone@v1.0.0", "example.test/a@v1.0.0");
    }

    @Test
    void aGoWorksReplacementWinsOverAModulesAndItsLocalPathsStartAtTheGoWork() throws Exception {
        graph.publish("fork.test/a@v1.0.0", "1.21").publish("fork.test/b@v1.0.0", "1.21");
        graph.write("ws/shared/go.mod", "module example.test/b\n\ngo 1.21\n\nrequire example.test/d v1.0.0\n");
        graph.main(
                "ws/one",
                "example.test/one",
                "1.21",
                "replace example.test/a => fork.test/b v1.0.0\n",
                "example.test/a@v1.0.0",
                "example.test/b@v1.0.0");
        Path goWork = graph.write(
                "ws/go.work",
                "go 1.21\n\nuse ./one\n\nreplace example.test/a => fork.test/a v1.0.0\n\n"
                        + "replace example.test/b v1.0.0 => ./shared\n");

        ModuleGraph loaded = graph.load(MainModules.ofGoWork(goWork));

        assertThat(GraphFixture.names(loaded.selected()))
                .containsExactlyInAnyOrder("fork.test/a@v1.0.0", "example.test/d@v1.0.0");
        assertThat(graph.asked).doesNotContainKeys("fork.test/b@v1.0.0", "example.test/b@v1.0.0");
    }
}
