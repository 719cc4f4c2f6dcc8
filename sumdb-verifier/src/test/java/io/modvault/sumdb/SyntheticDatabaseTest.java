package io.modvault.sumdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.sumdb.SumdbException.Reason;
import io.modvault.sumdb.note.NoteSigner;
import io.modvault.sumdb.note.VerifierKey;
import io.modvault.sumdb.testing.TestChecksumLog;
import io.modvault.sumdb.tlog.RecordProof;
import io.modvault.sumdb.tlog.TreeHashes;
import io.modvault.sumdb.tlog.TreeHead;
import io.modvault.sumdb.tlog.TreeProof;
import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The synthetic checksum database of test-vectors.md §E, byte for byte. */
class SyntheticDatabaseTest {

    static final String SIGNER =
            "PRIVATE+KEY+localhost.localdev/sumdb+00000c67+AXu6+oaVaOYuQOFrf1V59JK1owcFlJcHwwXHDfDGxSPk";
    static final VerifierKey KEY =
            VerifierKey.parse("localhost.localdev/sumdb+00000c67+AcTrnkbUA+TU4heY3hkjiSES/DSQniBqIeQ/YppAUtK6");
    static final String[][] RECORDS = {
        {
            "rsc.io/quote",
            "v1.5.2",
            "h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=",
            "h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0="
        },
        {
            "rsc.io/sampler",
            "v1.3.0",
            "h1:7uVkIFmeBqHfdjD+gZwtXXI+RODJ2Wc4O7MPEh/QiW4=",
            "h1:T1hPZKmBbMNahiBKFy5HrXp6adAjACjK9JXDnKaTXpA="
        },
        {
            "golang.org/x/text",
            "v0.0.0-20170915032832-14c0d48ead0c",
            "h1:qgOY6WgZOaTkIIMiVjBQcw93ERBE4m30iBm00nkL0i8=",
            "h1:NqM8EUOU14njkJ3fqMW+pc6Ldnwhi/IjpwHt7yyuwOQ="
        },
        {
            "golang.org/x/text",
            "v0.3.0",
            "h1:g61tztE5qeGQ89tm6NTjjM9VPIm088od1l6aSorWRWg=",
            "h1:NqM8EUOU14njkJ3fqMW+pc6Ldnwhi/IjpwHt7yyuwOQ="
        },
        {
            "github.com/BurntSushi/toml",
            "v0.3.1",
            "h1:WXkYYl6Yr3qBf1K79EBnL4mak0OimBfB0XUf9Vl28OQ=",
            "h1:xHWCNGjB5oqiDr8zfno3MHue2Ht5sIBksp03qcyfWMU="
        }
    };
    static final String NOTE_3 = "go.sum database tree\n3\nB00mCMCBHsfB8OUKl/hxDkpG1lGkP+nmuX6ebNrhyFs=\n\n"
            + "\u2014 localhost.localdev/sumdb AAAMZ1EpVN6JXg3OuyQvDcRuyl4TlLWDvXDad0LVmAotcaBNwxKH5/7EAGO5cRB6cM81hYALsJsnxdeBla9P0Ls57AU=\n";
    static final String NOTE_5 = "go.sum database tree\n5\nTxfJdqNM3BA8TjpYXP2OJ+BvTbD7GMW+GTM8mAmVNWw=\n\n"
            + "\u2014 localhost.localdev/sumdb AAAMZ7ShtPsVH+hKsUaulseFUhj7xxqI+2o7gPq/5nWr5nPtBQv6b418WeZynw4sUknsCsWJcJ/Ghv9RFhdHAA272wc=\n";
    static final String QUOTE_LOOKUP = "0\nrsc.io/quote v1.5.2 h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=\n"
            + "rsc.io/quote v1.5.2/go.mod h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0=\n\n" + NOTE_3;
    static final String SAMPLER_LOOKUP = "1\nrsc.io/sampler v1.3.0 h1:7uVkIFmeBqHfdjD+gZwtXXI+RODJ2Wc4O7MPEh/QiW4=\n"
            + "rsc.io/sampler v1.3.0/go.mod h1:T1hPZKmBbMNahiBKFy5HrXp6adAjACjK9JXDnKaTXpA=\n\n" + NOTE_3;
    static final String TOML_LOOKUP =
            "4\ngithub.com/BurntSushi/toml v0.3.1 h1:WXkYYl6Yr3qBf1K79EBnL4mak0OimBfB0XUf9Vl28OQ=\n"
                    + "github.com/BurntSushi/toml v0.3.1/go.mod h1:xHWCNGjB5oqiDr8zfno3MHue2Ht5sIBksp03qcyfWMU=\n\n"
                    + NOTE_5;
    static final String[] LEAVES = {
        "6086eb21f6f1fcc35c3e276860e8115d674ecacdbac802f2880def2807ac463c",
        "a3c9b9aeb9679d15db84404ff57f3390fd9dcea79f73df262aa48c7fbb758a0f",
        "395c9c2b36d8526fbb014657111edf32b216054a7bd3622abad6328454351e78",
        "d7b9018cbad2a2fa3950dcd60411cd67ef9d8c1074043c0e033953ec510fd684",
        "4a341fb500c7f584c3b92e8b99a1218d0c95dd9b3950fe68f813fbdf22905a18"
    };
    static final String[] ROOTS = {
        "YIbrIfbx/MNcPidoYOgRXWdOys26yALyiA3vKAesRjw=",
        "3BTXW/wRmJHVtNLWXgRzEqPVRJXJr3k7+gujhzWtYQg=",
        "B00mCMCBHsfB8OUKl/hxDkpG1lGkP+nmuX6ebNrhyFs=",
        "WsYUio9csMtCYm6bQhLo7oJaGOOf9TnLiDDmc1DVoI4=",
        "TxfJdqNM3BA8TjpYXP2OJ+BvTbD7GMW+GTM8mAmVNWw="
    };

    private final SumdbVerifier verifier = new SumdbVerifier(KEY);

    static TestChecksumLog logWith(int records) {
        TestChecksumLog log = new TestChecksumLog(NoteSigner.parse(SIGNER));
        for (int i = 0; i < records; i++) {
            log.addRecord(RECORDS[i][0], RECORDS[i][1], RECORDS[i][2], RECORDS[i][3]);
        }
        return log;
    }

    static byte[] hashTile(int width) {
        return HexFormat.of().parseHex(String.join("", List.of(LEAVES).subList(0, width)));
    }

    static String dataTile(int width) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < width; i++) {
            data.append(recordText(i)).append('\n');
        }
        return data.toString();
    }

    static String recordText(int i) {
        return RECORDS[i][0] + " " + RECORDS[i][1] + " " + RECORDS[i][2] + "\n" + RECORDS[i][0] + " " + RECORDS[i][1]
                + "/go.mod " + RECORDS[i][3] + "\n";
    }

    @Test
    void testLogReproducesTheXmodServerBytes() {
        TestChecksumLog log = logWith(3);

        assertThat(utf8(log.signedTreeHead())).isEqualTo(NOTE_3);
        assertThat(log.lookup("rsc.io/quote", "v1.5.2").map(SyntheticDatabaseTest::utf8))
                .hasValue(QUOTE_LOOKUP);
        assertThat(log.lookup("rsc.io/sampler", "v1.3.0").map(SyntheticDatabaseTest::utf8))
                .hasValue(SAMPLER_LOOKUP);
        assertThat(log.lookup("rsc.io/nonexistent", "v1.0.0")).isEmpty();
        assertThat(log.tile("tile/8/0/000.p/3"))
                .hasValueSatisfying(t -> assertThat(t).isEqualTo(hashTile(3)));
        assertThat(log.tile("tile/8/data/000.p/3").map(SyntheticDatabaseTest::utf8))
                .hasValue(dataTile(3));

        log.addRecord(RECORDS[3][0], RECORDS[3][1], RECORDS[3][2], RECORDS[3][3]);
        log.addRecord(RECORDS[4][0], RECORDS[4][1], RECORDS[4][2], RECORDS[4][3]);

        assertThat(log.lookup("github.com/BurntSushi/toml", "v0.3.1").map(SyntheticDatabaseTest::utf8))
                .hasValue(TOML_LOOKUP);
        assertThat(log.tile("tile/8/0/000.p/5"))
                .hasValueSatisfying(t -> assertThat(t).isEqualTo(hashTile(5)));
        assertThat(log.tile("tile/8/data/000.p/5").map(SyntheticDatabaseTest::utf8))
                .hasValue(dataTile(5))
                .hasValueSatisfying(d -> assertThat(d).endsWith("\n\n"));
        assertThat(utf8(log.signedTreeHead())).isEqualTo(NOTE_5);
        for (int n = 1; n <= 5; n++) {
            assertThat(Base64.getEncoder().encodeToString(log.treeHash(n)))
                    .as("tree %d", n)
                    .isEqualTo(ROOTS[n - 1]);
        }
    }

    @Test
    void provesTreeAndRecordLikeXmod() {
        TreeHashes hashes = new TreeHashes(8, logWith(5).tileSource(), 5);

        assertThat(TreeProof.prove(5, 3, hashes).stream().map(SyntheticDatabaseTest::b64))
                .containsExactly(
                        "OVycKzbYUm+7AUZXER7fMrIWBUp702IqutYyhFQ1Hng=", "17kBjLrSovo5UNzWBBHNZ++djBB0BDwOAzlT7FEP1oQ=",
                        "3BTXW/wRmJHVtNLWXgRzEqPVRJXJr3k7+gujhzWtYQg=", "SjQftQDH9YTDuS6LmaEhjQyV3Zs5UP5o+BP73yKQWhg=");
        assertThat(RecordProof.prove(5, 1, hashes).stream().map(SyntheticDatabaseTest::b64))
                .containsExactly(
                        "YIbrIfbx/MNcPidoYOgRXWdOys26yALyiA3vKAesRjw=",
                        "qCy2onyI5hl3gp52tuZ9+bVQvr87xQFbI+mDMBN7eiE=",
                        "SjQftQDH9YTDuS6LmaEhjQyV3Zs5UP5o+BP73yKQWhg=");
    }

    @Test
    void replaysTheXmodClientSessionWithTheSameTileRequests() {
        List<String> requested = new ArrayList<>();
        Map<String, byte[]> served = Map.of("tile/8/0/000.p/3", hashTile(3), "tile/8/0/000.p/5", hashTile(5));
        TileSource tiles = t -> {
            requested.add(t.path());
            byte[] data = served.get(t.path());
            if (data == null) {
                throw new FileNotFoundException(t.path());
            }
            return data;
        };
        byte[] textLookup = new LookupResponse(2, recordText(2), NOTE_3.getBytes(StandardCharsets.UTF_8)).format();

        VerifiedLookup text = verifier.verifyLookup(
                "golang.org/x/text",
                "v0.0.0-20170915032832-14c0d48ead0c",
                textLookup,
                Optional.of(TreeHead.empty()),
                tiles);
        VerifiedLookup quote =
                verifier.verifyLookup("rsc.io/quote", "v1.5.2", bytes(QUOTE_LOOKUP), Optional.of(text.tree()), tiles);
        VerifiedLookup toml = verifier.verifyLookup(
                "github.com/BurntSushi/toml", "v0.3.1", bytes(TOML_LOOKUP), Optional.of(quote.tree()), tiles);

        assertThat(text.goModHash()).hasValue("h1:NqM8EUOU14njkJ3fqMW+pc6Ldnwhi/IjpwHt7yyuwOQ=");
        assertThat(text.advanced()).isTrue();
        assertThat(text.recordId()).isEqualTo(2);
        assertThat(utf8(text.signedNote())).isEqualTo(NOTE_3);
        assertThat(quote.zipHash()).hasValue("h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=");
        assertThat(quote.advanced()).isFalse();
        assertThat(toml.zipHash()).hasValue("h1:WXkYYl6Yr3qBf1K79EBnL4mak0OimBfB0XUf9Vl28OQ=");
        assertThat(toml.advanced()).isTrue();
        assertThat(toml.tree().size()).isEqualTo(5);
        assertThat(utf8(toml.tree().signedNote().orElseThrow())).isEqualTo(NOTE_5);
        assertThat(toml.database()).isEqualTo("localhost.localdev/sumdb");
        assertThat(requested).containsExactly("tile/8/0/000.p/3", "tile/8/0/000.p/3", "tile/8/0/000.p/5");
    }

    @Test
    void aFlippedBitInAnyTileIsReportedAsATileError() {
        for (int bit = 0; bit < 5 * 32 * 8; bit += 7) {
            byte[] tile = hashTile(5);
            tile[bit / 8] ^= (byte) (1 << (bit % 8));
            int flippedBit = bit;
            assertThatThrownBy(() -> verifier.verifyLookup(
                            "github.com/BurntSushi/toml",
                            "v0.3.1",
                            bytes(TOML_LOOKUP),
                            Optional.of(TreeHead.parse("go.sum database tree\n3\n" + ROOTS[2] + "\n")),
                            t -> tile.clone()))
                    .as("bit %d", flippedBit)
                    .isInstanceOfSatisfying(
                            SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TILE))
                    .hasMessageEndingWith("downloaded inconsistent tile");
        }
    }

    @Test
    void aChangedRecordLineCannotBeAuthenticated() {
        String tampered = TOML_LOOKUP.replace(
                "h1:WXkYYl6Yr3qBf1K79EBnL4mak0OimBfB0XUf9Vl28OQ=", "h1:AAAAYl6Yr3qBf1K79EBnL4mak0OimBfB0XUf9Vl28OQ=");

        assertThatThrownBy(() -> verifier.verifyLookup(
                        "github.com/BurntSushi/toml",
                        "v0.3.1",
                        bytes(tampered),
                        Optional.empty(),
                        logWith(5).tileSource()))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_INCLUDED))
                .hasMessageStartingWith(
                        "github.com/BurntSushi/toml@v0.3.1: cannot authenticate record data in server response: record 4");
    }

    @Test
    void aSignedTreeThatDoesNotExtendTheTrustedOneIsAFork() {
        TestChecksumLog forked = logWith(3).fork(2);
        forked.addRecord("example.com/evil", "v1.0.0", RECORDS[2][2], RECORDS[2][3]);
        forked.addRecord(RECORDS[3][0], RECORDS[3][1], RECORDS[3][2], RECORDS[3][3]);
        forked.addRecord(RECORDS[4][0], RECORDS[4][1], RECORDS[4][2], RECORDS[4][3]);
        byte[] evil = forked.lookup("github.com/BurntSushi/toml", "v0.3.1").orElseThrow();
        TreeHead trusted = verifier.verifyTreeHead(bytes(NOTE_3));

        assertThatThrownBy(() -> verifier.verifyLookup(
                        "github.com/BurntSushi/toml", "v0.3.1", evil, Optional.of(trusted), forked.tileSource()))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORK))
                .hasMessageStartingWith(
                        "SECURITY ERROR\ngo.sum database server misbehavior detected!\n\nold database:\n\t"
                                + NOTE_3.replace("\n", "\n\t") + "\nnew database:\n\t"
                                + utf8(forked.signedTreeHead()).replace("\n", "\n\t")
                                + "\nproof of misbehavior:\n\t")
                .hasMessageContaining(b64(forked.treeHash(3)));
        assertThatThrownBy(() -> verifier.verifyLookup(
                        "github.com/BurntSushi/toml",
                        "v0.3.1",
                        evil,
                        Optional.of(verifier.verifyTreeHead(bytes(NOTE_5))),
                        forked.tileSource()))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORK));
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String b64(byte[] h) {
        return Base64.getEncoder().encodeToString(h);
    }
}
