package io.modvault.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.policy.PrefixPatterns;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.storage.MutableClock;
import io.modvault.core.storage.memory.InMemoryModuleStore;
import io.modvault.sumdb.dirhash.DirHash;
import io.modvault.sumdb.testing.TestChecksumLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleVerifierTest {
    private static final ModulePath MODULE = ModulePath.of("example.test/m");
    private static final byte[] GO_MOD = "module example.test/m\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private ModuleStore store;
    private TestChecksumLog log;
    private TestChecksumLog served;
    private final List<String> reads = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        store = InMemoryModuleStore.open(dir, new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
        log = TestChecksumLog.create("sumdb.test");
        for (int i = 0; i < 300; i++) {
            log.addRecord("example.test/filler" + i, "v1.0.0", "h1:" + "A".repeat(43) + "=", DirHash.hashGoMod(GO_MOD));
        }
        log.addRecord("example.test/m", "v1.0.0", "h1:" + "B".repeat(43) + "=", DirHash.hashGoMod(GO_MOD));
        served = log;
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private ModuleVerifier verifier(String noSumdb) {
        ChecksumDatabase db = ChecksumDatabase.parse(log.verifierKey()).orElseThrow();
        return new ModuleVerifier(Optional.of(db), PrefixPatterns.parse(noSumdb), store, path -> {
            reads.add(path);
            Optional<byte[]> body;
            if (path.startsWith("lookup/")) {
                String target = path.substring("lookup/".length());
                int at = target.lastIndexOf('@');
                body = served.lookup(
                        ModulePath.parseEscaped(target.substring(0, at)).value(),
                        ModuleVersion.unescape(target.substring(at + 1)));
            } else {
                body = served.tile(path);
            }
            return body.orElseThrow(() -> new ChecksumReads.ChecksumReadException("not found: " + path, true, false));
        });
    }

    @Test
    void acceptsAnHonestGoModAndRemembersTheVerifiedTreeHead() {
        ModuleVerifier verifier = verifier("");
        Verdict verdict = verifier.verifyMod(MODULE, "v1.0.0", GO_MOD);
        assertThat(verdict).isEqualTo(new Verdict.Accepted(DirHash.hashGoMod(GO_MOD), "sumdb.test"));
        assertThat(new TrustedTreeHeads(
                                store,
                                new io.modvault.sumdb.SumdbVerifier(ChecksumDatabase.parse(log.verifierKey())
                                        .orElseThrow()
                                        .key()),
                                "sumdb.test")
                        .current())
                .hasValueSatisfying(head -> assertThat(head.size()).isEqualTo(301));
        assertThat(verifier.stats().verified()).isEqualTo(1);
    }

    @Test
    void refusesATamperedGoModNamingModuleVersionAndBothHashes() {
        byte[] tampered = "module example.test/m\nrequire evil.example/x v1.0.0\n".getBytes(StandardCharsets.UTF_8);
        ModuleVerifier verifier = verifier("");
        Verdict.Refused refused = (Verdict.Refused) verifier.verifyMod(MODULE, "v1.0.0", tampered);
        assertThat(refused.status()).isNotIn(404, 410);
        assertThat(refused.reason())
                .contains("example.test/m@v1.0.0")
                .contains(DirHash.hashGoMod(GO_MOD))
                .contains(DirHash.hashGoMod(tampered))
                .doesNotContain("\n");
        assertThat(verifier.stats().mismatches()).isEqualTo(1);
    }

    @Test
    void detectsAForkedDatabaseAlsoAfterARestart() {
        assertThat(verifier("").verifyMod(MODULE, "v1.0.0", GO_MOD)).isInstanceOf(Verdict.Accepted.class);
        TestChecksumLog fork = log.fork(250);
        for (int i = 0; i < 60; i++) {
            fork.addRecord("example.test/other" + i, "v1.0.0", "h1:" + "C".repeat(43) + "=", DirHash.hashGoMod(GO_MOD));
        }
        fork.addRecord("example.test/n", "v1.0.0", "h1:" + "D".repeat(43) + "=", DirHash.hashGoMod(GO_MOD));
        served = fork;
        ModuleVerifier restarted = verifier("");
        Verdict.Refused refused =
                (Verdict.Refused) restarted.verifyMod(ModulePath.of("example.test/n"), "v1.0.0", GO_MOD);
        assertThat(refused.reason()).startsWith("SECURITY ERROR").contains("sumdb.test");
        assertThat(restarted.stats().forks()).isEqualTo(1);
    }

    @Test
    void concurrentVerificationsAgainstAGrowingLogAllSucceedAndKeepTheNewestHead() throws Exception {
        ModuleVerifier verifier = verifier("");
        assertThat(verifier.verifyMod(MODULE, "v1.0.0", GO_MOD)).isInstanceOf(Verdict.Accepted.class);
        List<ModulePath> modules = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            modules.add(ModulePath.of("example.test/late" + i));
            log.addRecord("example.test/late" + i, "v1.0.0", "h1:" + "E".repeat(43) + "=", DirHash.hashGoMod(GO_MOD));
        }
        List<java.util.concurrent.Future<Verdict>> verdicts = new ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (ModulePath module : modules) {
                verdicts.add(pool.submit(() -> verifier.verifyMod(module, "v1.0.0", GO_MOD)));
            }
            for (var verdict : verdicts) {
                assertThat(verdict.get()).isInstanceOf(Verdict.Accepted.class);
            }
        }
        assertThat(new TrustedTreeHeads(
                                store,
                                new io.modvault.sumdb.SumdbVerifier(ChecksumDatabase.parse(log.verifierKey())
                                        .orElseThrow()
                                        .key()),
                                "sumdb.test")
                        .current())
                .hasValueSatisfying(head -> assertThat(head.size()).isEqualTo(309));
    }

    @Test
    void neverLooksUpModulesMatchingGonosumdb() {
        ModuleVerifier verifier = verifier("example.test/m");
        assertThat(verifier.verifyMod(MODULE, "v1.0.0", GO_MOD))
                .isEqualTo(new Verdict.Accepted(DirHash.hashGoMod(GO_MOD), "unverified: GONOSUMDB"));
        assertThat(reads).isEmpty();
    }

    @Test
    void failsClosedWhenTheDatabaseHasNoRecord() {
        Verdict.Refused refused =
                (Verdict.Refused) verifier("").verifyMod(ModulePath.of("example.test/unknown"), "v1.0.0", GO_MOD);
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.reason()).contains("cannot verify example.test/unknown@v1.0.0");
    }

    @Test
    void parsesGosumdbLikeTheGoCommand() {
        assertThat(ChecksumDatabase.parse("off")).isEmpty();
        assertThat(ChecksumDatabase.parse("sum.golang.org").orElseThrow().name())
                .isEqualTo("sum.golang.org");
        assertThat(ChecksumDatabase.parse("sum.golang.google.cn").orElseThrow().url())
                .hasValueSatisfying(url -> assertThat(url.toString()).isEqualTo("https://sum.golang.google.cn"));
        assertThat(ChecksumDatabase.parse(log.verifierKey() + " http://127.0.0.1:9/db")
                        .orElseThrow()
                        .url())
                .isPresent();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChecksumDatabase.parse("a b c"))
                .hasMessageContaining("too many fields");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ChecksumDatabase.parse("sumdb.example"))
                .hasMessageContaining("malformed verifier id");
    }
}
