package io.modvault.sumdb;

import static io.modvault.sumdb.SyntheticDatabaseTest.KEY;
import static io.modvault.sumdb.SyntheticDatabaseTest.NOTE_3;
import static io.modvault.sumdb.SyntheticDatabaseTest.NOTE_5;
import static io.modvault.sumdb.SyntheticDatabaseTest.QUOTE_LOOKUP;
import static io.modvault.sumdb.SyntheticDatabaseTest.bytes;
import static io.modvault.sumdb.SyntheticDatabaseTest.logWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.sumdb.SumdbException.Reason;
import io.modvault.sumdb.testing.TestChecksumLog;
import io.modvault.sumdb.tlog.TreeHead;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SumdbVerifierTest {

    private static final String QUOTE_ZIP = "h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=";
    private static final String QUOTE_MOD = "h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0=";

    private final SumdbVerifier verifier = new SumdbVerifier(KEY);
    private final TestChecksumLog log = logWith(5);

    @Test
    void acceptsMatchingHashesOfBothArtifacts() {
        VerifiedLookup lookup = quote(Optional.empty());

        assertThat(lookup.lines())
                .extracting(GoSumLine::format)
                .containsExactly("rsc.io/quote v1.5.2 " + QUOTE_ZIP, "rsc.io/quote v1.5.2/go.mod " + QUOTE_MOD);
        assertThatCode(() -> SumdbVerifier.requireHashes(
                        lookup, "rsc.io/quote", "v1.5.2", Optional.of(QUOTE_ZIP), Optional.of(QUOTE_MOD)))
                .doesNotThrowAnyException();
    }

    @Test
    void reportsAChecksumMismatchWithBothHashes() {
        VerifiedLookup lookup = quote(Optional.empty());

        assertMismatch(
                () -> SumdbVerifier.requireHashes(
                        lookup, "rsc.io/quote", "v1.5.2", Optional.of("h1:bad="), Optional.empty()),
                "rsc.io/quote@v1.5.2: checksum mismatch: zip expected " + QUOTE_ZIP
                        + " (localhost.localdev/sumdb record), got h1:bad=");
        assertMismatch(
                () -> SumdbVerifier.requireHashes(
                        lookup, "rsc.io/quote", "v1.5.2", Optional.of(QUOTE_ZIP), Optional.of(QUOTE_ZIP)),
                "rsc.io/quote@v1.5.2: checksum mismatch: go.mod expected " + QUOTE_MOD
                        + " (localhost.localdev/sumdb record), got " + QUOTE_ZIP);
    }

    @Test
    void aRecordWithoutTheExpectedHashIsAMismatch() {
        TestChecksumLog partial = TestChecksumLog.create("sumdb.test");
        partial.appendRecord("example.com/m v1.0.0 " + QUOTE_ZIP + "\n");
        SumdbVerifier partialVerifier = new SumdbVerifier(partial.signer().verifierKey());
        byte[] body =
                new LookupResponse(0, "example.com/m v1.0.0 " + QUOTE_ZIP + "\n", partial.signedTreeHead()).format();

        VerifiedLookup lookup =
                partialVerifier.verifyLookup("example.com/m", "v1.0.0", body, Optional.empty(), partial.tileSource());

        assertThat(lookup.goModHash()).isEmpty();
        assertMismatch(
                () -> SumdbVerifier.requireHashes(
                        lookup, "example.com/m", "v1.0.0", Optional.of(QUOTE_ZIP), Optional.of(QUOTE_MOD)),
                "example.com/m@v1.0.0: checksum mismatch: sumdb.test record 0 has no h1 hash for the go.mod");
    }

    @Test
    void aRecordOfAnotherModuleIsAMismatch() {
        assertMismatch(
                () -> verifier.verifyLookup(
                        "rsc.io/Quote", "v1.5.2", bytes(QUOTE_LOOKUP), Optional.empty(), log.tileSource()),
                "rsc.io/Quote@v1.5.2: record 0 of localhost.localdev/sumdb has no line for this module version");
    }

    @Test
    void rejectsALookupSignedByAnotherKey() {
        TestChecksumLog other = TestChecksumLog.create("localhost.localdev/sumdb");
        other.addRecord("rsc.io/quote", "v1.5.2", QUOTE_ZIP, QUOTE_MOD);

        assertThatThrownBy(() -> verifier.verifyLookup(
                        "rsc.io/quote",
                        "v1.5.2",
                        other.lookup("rsc.io/quote", "v1.5.2").orElseThrow(),
                        Optional.empty(),
                        other.tileSource()))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE))
                .hasMessageStartingWith("rsc.io/quote@v1.5.2: note has no verifiable signatures");
    }

    @Test
    void rejectsARecordIdPastTheTree() {
        byte[] body = bytes(QUOTE_LOOKUP.replaceFirst("0\n", "3\n"));

        assertThatThrownBy(
                        () -> verifier.verifyLookup("rsc.io/quote", "v1.5.2", body, Optional.empty(), log.tileSource()))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_INCLUDED))
                .hasMessage("rsc.io/quote@v1.5.2: record 3 is not in tree#3");
    }

    @Test
    void aRecordAtAnotherPositionIsNotIncluded() {
        byte[] body = bytes(QUOTE_LOOKUP.replaceFirst("0\n", "1\n"));

        assertThatThrownBy(
                        () -> verifier.verifyLookup("rsc.io/quote", "v1.5.2", body, Optional.empty(), log.tileSource()))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_INCLUDED));
    }

    @Test
    void rejectsAMalformedBody() {
        assertThatThrownBy(() -> verifier.verifyLookup(
                        "rsc.io/quote", "v1.5.2", bytes("garbage"), Optional.empty(), log.tileSource()))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessage("rsc.io/quote@v1.5.2: malformed lookup response: no record id line");
        assertThatThrownBy(() -> verifier.verifyLookup(
                        "rsc.io/quote", "v1.5.2/go.mod", bytes(QUOTE_LOOKUP), Optional.empty(), log.tileSource()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOlderResponseIsProvenAgainstTheNewerTrustedTree() {
        List<String> requested = new ArrayList<>();
        TileSource recording = t -> {
            requested.add(t.path());
            return log.tileSource().readTile(t);
        };

        VerifiedLookup lookup = quote(Optional.of(verifier.verifyTreeHead(bytes(NOTE_5))), recording);

        assertThat(lookup.advanced()).isFalse();
        assertThat(lookup.tree().size()).isEqualTo(3);
        assertThat(requested).containsOnly("tile/8/0/000.p/5");
    }

    @Test
    void aTrustedHeadOfTheSameSizeWithAnotherHashIsAFork() {
        // like the go command, a response no newer than the trusted head is reported as the "old" database
        TreeHead unsigned =
                TreeHead.parse(NOTE_5.substring(0, NOTE_5.indexOf("\n\n") + 1).replace("\n5\n", "\n3\n"));

        assertThatThrownBy(() -> quote(Optional.of(unsigned)))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORK))
                .hasMessageContaining("old database:\n\t" + NOTE_3.replace("\n", "\n\t"))
                .hasMessageContaining(
                        "new database:\n\tgo.sum database tree\n\t3\n\tTxfJdqNM3BA8TjpYXP2OJ+BvTbD7GMW+GTM8mAmVNWw=\n\t\n\t(no signed note)");
    }

    @Test
    void anInconsistentTileIsNotMistakenForAFork() {
        TreeHead three = verifier.verifyTreeHead(bytes(NOTE_3));
        TreeHead five = verifier.verifyTreeHead(bytes(NOTE_5));

        assertThatCode(() -> verifier.verifyConsistency(three, five, log.tileSource()))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> verifier.verifyConsistency(three, five, t -> {
                    byte[] tile = log.tileSource().readTile(t);
                    tile[0] ^= 1;
                    return tile;
                }))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TILE))
                .hasMessage("checking tree#3 against tree#5: downloaded inconsistent tile");
        assertThatThrownBy(() -> verifier.verifyConsistency(three, five, t -> new byte[64]))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TILE))
                .hasMessage("tile/8/0/000.p/5: expected 160 bytes, got 64");
        assertThatThrownBy(() -> verifier.verifyConsistency(five, three, log.tileSource()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEmptyTreeIsAPrefixOfEveryTree() {
        TreeHead five = verifier.verifyTreeHead(bytes(NOTE_5));

        assertThatCode(() -> verifier.verifyConsistency(TreeHead.empty(), five, t -> {
                    throw new AssertionError("no tile needed");
                }))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> verifier.verifyConsistency(TreeHead.of(0, five.hash()), five, log.tileSource()))
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORK));
    }

    private VerifiedLookup quote(Optional<TreeHead> trusted) {
        return quote(trusted, log.tileSource());
    }

    private VerifiedLookup quote(Optional<TreeHead> trusted, TileSource tiles) {
        return verifier.verifyLookup("rsc.io/quote", "v1.5.2", bytes(QUOTE_LOOKUP), trusted, tiles);
    }

    private static void assertMismatch(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISMATCH))
                .hasMessage(message);
    }
}
