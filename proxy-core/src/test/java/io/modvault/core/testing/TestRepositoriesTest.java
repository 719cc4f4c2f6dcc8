package io.modvault.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRepositoriesTest {

    @TempDir
    static Path temp;

    private static TestRepositories repos;

    @BeforeAll
    static void build() {
        repos = TestRepositories.create(temp);
    }

    @Test
    void everyExpectedVersionIsACommitOfItsPublishedRepository() {
        for (DirectVersion version : repos.versions()) {
            Path bare = repos.serverRoot().resolve(version.repo() + ".git");

            String time = GitRunner.run(bare, Map.of(), "log", "-1", "--format=%ct", version.commit())
                    .trim();

            assertThat(Long.parseLong(time))
                    .as(version.coordinate())
                    .isEqualTo(version.time().getEpochSecond());
            assertThat(version.name()).startsWith(version.module() + "@");
        }
    }

    @Test
    void taggedVersionsAreCanonicalAndPseudoVersionsAreRecognisedAsSuch() {
        assertThat(repos.versions()).allSatisfy(v -> {
            assertThat(Versions.isCanonical(v.version())).as(v.coordinate()).isTrue();
            assertThat(Versions.isPseudo(v.version())).as(v.coordinate()).isEqualTo(!v.isTagged());
        });
    }

    @Test
    void pseudoVersionsCoverAllThreeFormsWithTheCommitTimeAndHash() {
        assertThat(repos.revisionQueries())
                .extracting(DirectVersion::version)
                .anyMatch(v -> v.startsWith("v0.0.0-"))
                .anyMatch(v -> v.startsWith("v1.1.1-0."))
                .anyMatch(v -> v.startsWith("v1.2.0-rc.1.0."));
        for (DirectVersion v : repos.revisionQueries()) {
            assertThat(v.version()).endsWith("-" + v.commit().substring(0, 12));
            assertThat(v.version())
                    .contains(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                            .withZone(ZoneOffset.UTC)
                            .format(v.time()));
        }
    }

    @Test
    void revisionQueriesNameBranchesOrHashPrefixesThatResolveToTheCommit() {
        for (DirectVersion v : repos.revisionQueries()) {
            Path bare = repos.serverRoot().resolve(v.repo() + ".git");
            String resolved = GitRunner.run(
                            bare, Map.of(), "rev-parse", v.query().orElseThrow() + "^{commit}")
                    .trim();

            assertThat(resolved).as(v.queryCoordinate()).isEqualTo(v.commit());
        }
    }

    @Test
    void tagsOfSubdirectoryModulesAreThePrefixedOnes() {
        Path mono = repos.serverRoot().resolve("org/mono.git");

        String tags = GitRunner.run(mono, Map.of(), "tag", "-l");

        assertThat(tags).isEqualTo("tools/cli/v1.0.0\ntools/cli/v1.1.0\nv1.0.0\n");
        assertThat(repos.expectedVersionList(TestRepositories.MONO_CLI)).containsExactly("v1.0.0", "v1.1.0");
    }

    @Test
    void versionListsAreTagsInSemverOrder() {
        assertThat(repos.expectedVersionList(TestRepositories.TAGGED))
                .containsExactly("v1.0.0", "v1.1.0", "v1.2.0-rc.1");
        assertThat(repos.expectedVersionList(TestRepositories.LEGACY))
                .containsExactly("v1.0.0", "v2.0.0+incompatible", "v3.1.0+incompatible");
        assertThat(repos.expectedVersionList(TestRepositories.BRANCHV2)).containsExactly("v1.0.0");
        assertThat(repos.expectedVersionList(TestRepositories.BRANCHV2_V2)).containsExactly("v2.0.0", "v2.1.0");
        assertThat(repos.expectedVersionList(TestRepositories.MAJOR_V2)).containsExactly("v2.0.0");
    }

    @Test
    void latestIsTheHighestReleaseWithIncompatibleOnesWhereGoAllowsThem() {
        assertThat(repos.expectedLatest(TestRepositories.TAGGED)).isEqualTo("v1.1.0");
        assertThat(repos.expectedLatest(TestRepositories.LEGACY)).isEqualTo("v3.1.0+incompatible");
        assertThat(repos.expectedLatest(TestRepositories.BRANCHV2)).isEqualTo("v1.0.0");
        assertThat(repos.expectedLatest(TestRepositories.MONO_CLI)).isEqualTo("v1.1.0");
    }

    @Test
    void onlyTheSecretRepositoryNeedsCredentials() {
        assertThat(repos.versions())
                .filteredOn(DirectVersion::requiresAuth)
                .extracting(DirectVersion::module)
                .containsOnly(TestRepositories.SECRET)
                .hasSize(2);
        try (GitHttpServer server = repos.serve()) {
            assertThat(server.requiresAuth(TestRepositories.SECRET_REPO)).isTrue();
            assertThat(server.requiresAuth(TestRepositories.repoOf(TestRepositories.TAGGED)))
                    .isFalse();
        }
    }

    @Test
    void everyModulePathMapsToItsRepository() {
        assertThat(repos.modulePaths()).hasSize(10);
        assertThat(repos.modulePaths())
                .allSatisfy(m -> assertThat(repos.serverRoot().resolve(TestRepositories.repoOf(m) + ".git"))
                        .isDirectory());
        assertThat(TestRepositories.repoOf(TestRepositories.MONO_CLI)).isEqualTo("org/mono");
    }
}
