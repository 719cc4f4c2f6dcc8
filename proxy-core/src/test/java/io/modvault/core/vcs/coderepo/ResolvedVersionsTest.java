package io.modvault.core.vcs.coderepo;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.module.ModulePath;
import io.modvault.core.vcs.git.GitRevision;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The memo of resolved versions: epochs keep stale resolutions out, and it stays within its bounds. */
class ResolvedVersionsTest {
    private static final ModuleLayout LAYOUT = ModuleLayout.of(ModulePath.of("corp.example/memo"), "corp.example/memo");

    @Test
    void dropsAResolutionThatStartedBeforeAnInvalidation() {
        ResolvedVersions memo = new ResolvedVersions();
        long before = memo.epoch();
        memo.refsChanged();

        memo.put(key("v1.0.0"), resolved("v1.0.0", 10), before);
        memo.put(key("v1.1.0"), resolved("v1.1.0", 10), memo.epoch());

        assertThat(memo.get(key("v1.0.0"))).isEmpty();
        assertThat(memo.get(key("v1.1.0"))).isPresent();
    }

    @Test
    void invalidationForgetsEveryEntry() {
        ResolvedVersions memo = new ResolvedVersions();
        memo.put(key("v1.0.0"), resolved("v1.0.0", 10), memo.epoch());
        memo.put(
                key("v1.0.1-0.20200102030405-0123456789ab"),
                resolved("v1.0.1-0.20200102030405-0123456789ab", 0),
                memo.epoch());

        memo.refsChanged();

        assertThat(memo.size()).isZero();
    }

    @Test
    void evictsTheLeastRecentlyUsedBeyondTheEntryLimit() {
        ResolvedVersions memo = new ResolvedVersions();
        for (int i = 0; i < ResolvedVersions.MAX_ENTRIES; i++) {
            memo.put(key("v1.0." + i), resolved("v1.0." + i, 0), memo.epoch());
        }
        assertThat(memo.get(key("v1.0.0"))).isPresent();

        memo.put(key("v2.0.0"), resolved("v2.0.0", 0), memo.epoch());

        assertThat(memo.size()).isEqualTo(ResolvedVersions.MAX_ENTRIES);
        assertThat(memo.get(key("v1.0.0"))).as("used last, kept").isPresent();
        assertThat(memo.get(key("v1.0.1"))).as("least recently used, evicted").isEmpty();
    }

    @Test
    void keepsTheGoModBytesHeldWithinTheirLimit() {
        ResolvedVersions memo = new ResolvedVersions();
        int quarter = (int) (ResolvedVersions.MAX_GO_MOD_BYTES / 4);
        for (int i = 0; i < 5; i++) {
            memo.put(key("v1.0." + i), resolved("v1.0." + i, quarter), memo.epoch());
        }
        memo.put(key("v9.0.0"), resolved("v9.0.0", (int) ResolvedVersions.MAX_GO_MOD_BYTES + 1), memo.epoch());

        assertThat(memo.size()).isEqualTo(4);
        assertThat(memo.get(key("v1.0.0"))).isEmpty();
        assertThat(memo.get(key("v1.0.4"))).isPresent();
        assertThat(memo.get(key("v9.0.0"))).as("larger than the whole budget").isEmpty();
    }

    @Test
    void keysModulesOfOneRepositoryApart() {
        ModuleLayout sub = ModuleLayout.of(ModulePath.of("corp.example/memo/sub"), "corp.example/memo");

        assertThat(ResolvedVersions.key(sub, "v1.0.0")).isNotEqualTo(ResolvedVersions.key(LAYOUT, "v1.0.0"));
    }

    private static String key(String version) {
        return ResolvedVersions.key(LAYOUT, version);
    }

    private static RevisionConverter.Converted resolved(String version, int goModBytes) {
        GitRevision revision =
                new GitRevision("0123456789abcdef0123456789abcdef01234567", Instant.EPOCH, Optional.empty(), List.of());
        RevisionInfo info = new RevisionInfo(
                version,
                Instant.EPOCH,
                new RevisionInfo.Origin("git", "https://corp.example/memo", "", revision.hash(), Optional.empty()));
        Optional<byte[]> goMod = goModBytes == 0 ? Optional.empty() : Optional.of(new byte[goModBytes]);
        return new RevisionConverter.Converted(info, new ModuleDirs.ModuleDir(revision, "", goMod));
    }
}
