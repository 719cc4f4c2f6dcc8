package io.modvault.core.vcs.coderepo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.module.ModulePath;
import io.modvault.core.vcs.VcsException;
import io.modvault.core.vcs.discovery.RepoLocation;
import io.modvault.core.vcs.git.GitCommand;
import io.modvault.core.vcs.git.GitMirror;
import io.modvault.core.vcs.git.GitMirrors;
import io.modvault.core.vcs.git.RepoFixture;
import io.modvault.core.vcs.git.TestGit;
import io.modvault.core.vcs.git.TestRepo;
import io.modvault.sumdb.dirhash.DirHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .mod} and {@code .zip} reuse what Stat found (the mirror's {@link ResolvedVersions}) and
 * run no git process to resolve the version again, until a fetch changes the refs. Every git
 * process goes through a wrapper script that logs its arguments.
 */
class ModuleResolutionReuseTest {
    private static final String MOD = "corp.example/reuse";

    @TempDir
    Path temp;

    private ModuleRepoFixture fixture;
    private TestRepo repo;
    private Path gitLog;
    private GitMirror mirror;
    private String tagged;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new ModuleRepoFixture(temp);
        repo = fixture.repo("reuse");
        repo.write("go.mod", "module " + MOD + "\n").write("a.go", "package a\n");
        tagged = repo.commit("one");
        repo.tag("v1.0.0");
        repo.write("b.go", "package a\n");
        repo.commit("two");
        gitLog = temp.resolve("git.log");
        Path wrapper = temp.resolve("logging-git.sh");
        Files.writeString(wrapper, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + gitLog + "'\nexec git \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        GitCommand git =
                new GitCommand(wrapper.toString(), Duration.ofSeconds(60), TestGit.environment(temp.resolve("home")));
        mirror = new GitMirrors(temp.resolve("mirrors"), git, fixture.clock, RepoFixture.TTL).forUrl(repo.uri());
        // The mirror exists, as for every request after the first: a resolution during the fetch
        // that creates it is not remembered (the fetch changes the refs while it runs).
        mirror.refs();
    }

    @Test
    void modAndZipOfATagRunNoGitProcessToResolveItAgain() throws IOException {
        ModuleRepo module = module();
        module.stat("v1.0.0");

        List<String> modCommands = commandsDuring(() -> module.goMod("v1.0.0"));
        List<String> zipCommands = commandsDuring(() -> module.zip("v1.0.0", temp.resolve("v1.0.0.zip")));

        assertThat(modCommands).isEmpty();
        assertThat(zipCommands).containsExactly("archive");
        assertThat(DirHash.hashZip(temp.resolve("v1.0.0.zip")))
                .isEqualTo(ModZipOracle.zip(repo.dir(), "v1.0.0", "", MOD, "v1.0.0")
                        .h1());
    }

    @Test
    void aPseudoVersionIsResolvedOnceForModAndZip() {
        ModuleRepo module = module();
        String pseudo = module.stat("main").version();
        assertThat(pseudo).startsWith("v1.0.1-0.");

        List<String> first = commandsDuring(() -> module.goMod(pseudo));
        List<String> again = commandsDuring(() -> module.zip(pseudo, temp.resolve("pseudo.zip")));

        assertThat(first).contains("log", "cat-file", "merge-base").doesNotContain("archive");
        assertThat(again).containsExactly("archive");
    }

    @Test
    void forgetsATagMovedByARefresh() throws IOException {
        ModuleRepo module = module();
        assertThat(text(module.goMod("v1.0.0"))).isEqualTo("module " + MOD + "\n");
        repo.write("go.mod", "module " + MOD + "\n\ngo 1.21\n");
        String moved = repo.commit("moved");
        repo.git("tag", "-f", "v1.0.0");

        // As before the memo: a tag already in the mirror is taken as immutable until the next fetch.
        assertThat(text(module.goMod("v1.0.0"))).isEqualTo("module " + MOD + "\n");
        assertThat(ResolvedVersions.of(mirror).size()).isEqualTo(1);
        mirror.refresh();

        assertThat(ResolvedVersions.of(mirror).size()).isZero();
        assertThat(text(module.goMod("v1.0.0"))).isEqualTo("module " + MOD + "\n\ngo 1.21\n");
        assertThat(module.stat("v1.0.0").origin().hash()).isEqualTo(moved).isNotEqualTo(tagged);
        Path zip = temp.resolve("moved.zip");
        module.zip("v1.0.0", zip);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            byte[] goMod =
                    file.getInputStream(file.getEntry(MOD + "@v1.0.0/go.mod")).readAllBytes();
            assertThat(text(goMod)).contains("go 1.21");
        }
    }

    @Test
    void keepsWhatItKnowsWhenARefreshFindsTheSameRefs() {
        ModuleRepo module = module();
        module.goMod("v1.0.0");

        mirror.refresh();

        assertThat(ResolvedVersions.of(mirror).size()).isEqualTo(1);
        assertThat(commandsDuring(() -> module.goMod("v1.0.0"))).isEmpty();
    }

    @Test
    void forgetsEverythingWhenAFetchFails() throws IOException {
        ModuleRepo module = module();
        module.goMod("v1.0.0");
        Files.move(repo.dir(), temp.resolve("moved-away"));

        assertThatThrownBy(mirror::refresh).isInstanceOf(VcsException.class);

        assertThat(ResolvedVersions.of(mirror).size()).isZero();
    }

    @Test
    void remembersNoFailure() {
        ModuleRepo module = module();
        assertThatThrownBy(() -> module.goMod("v1.9.0")).isInstanceOf(VcsException.class);
        // An unknown tag makes the mirror ask the remote at once: no refresh by the test.
        repo.tag("v1.9.0");

        assertThat(text(module.goMod("v1.9.0"))).isEqualTo("module " + MOD + "\n");
    }

    private ModuleRepo module() {
        return new ModuleRepo(ModulePath.of(MOD), new RepoLocation(MOD, repo.uri(), "git"), mirror);
    }

    /** The git subcommands run during {@code work}, in order. */
    private List<String> commandsDuring(Runnable work) {
        try {
            Files.deleteIfExists(gitLog);
            work.run();
            List<String> commands = new ArrayList<>();
            if (Files.exists(gitLog)) {
                for (String line : Files.readAllLines(gitLog, StandardCharsets.UTF_8)) {
                    commands.add(subcommand(line.split(" ")));
                }
            }
            return commands;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first argument that is neither an option nor the value of a {@code -c}. */
    private static String subcommand(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-c")) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return args[i];
            }
        }
        return "";
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
