package io.modvault.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@link EntryKind#STORED} time index half of the {@link ModuleStore} contract: every
 * {@code .info}, {@code .mod} and zip write, replacement and deletion keeps exactly one time
 * entry per artifact, and {@link ModuleStore#keysFrom} pages through a keyspace in byte order.
 */
public abstract class TimelineContract extends EntryContract {
    private static final String TEXT = "golang.org/x/text@v0.3.0";

    @Test
    void keysFromReturnsAPageAtOrAfterTheStartInByteOrder() {
        List.of("b", "a", "d", "c", "e").forEach(k -> store.put(key(EntryKind.LIST, k), bytes(k)));

        assertThat(store.keysFrom(EntryKind.LIST, "b", 2)).containsExactly("b", "c");
        assertThat(store.keysFrom(EntryKind.LIST, "bb", 10)).containsExactly("c", "d", "e");
        assertThat(store.keysFrom(EntryKind.LIST, "", 0)).isEmpty();
        assertThat(store.keysFrom(EntryKind.LIST, "f", 10)).isEmpty();
    }

    @Test
    void eachArtifactWriteIsIndexedAtItsStoredAt() {
        store.put(key(EntryKind.MOD, TEXT), bytes("module golang.org/x/text"));
        clock.advance(Duration.ofSeconds(1));
        store.putAll(
                Map.of(key(EntryKind.INFO, TEXT), bytes("{}"), key(EntryKind.LIST, "golang.org/x/text"), bytes("")));
        clock.advance(Duration.ofSeconds(1));
        commit(zip(TEXT), bytes("zip"), bytes("h1:x"));

        assertThat(timeline())
                .containsExactly(
                        StoredTimeline.key(START, key(EntryKind.MOD, TEXT)),
                        StoredTimeline.key(START.plusSeconds(1), key(EntryKind.INFO, TEXT)),
                        StoredTimeline.key(START.plusSeconds(2), zip(TEXT)));
    }

    @Test
    void rewritingAnArtifactMovesItsEntryInsteadOfAddingOne() {
        store.put(key(EntryKind.INFO, TEXT), bytes("old"));
        commit(zip(TEXT), bytes("zip"), bytes("h1:x"));
        clock.advance(Duration.ofMinutes(1));

        store.put(key(EntryKind.INFO, TEXT), bytes("new"));
        commit(zip(TEXT), bytes("zip"), bytes("h1:x"));

        Instant later = START.plus(Duration.ofMinutes(1));
        assertThat(timeline())
                .containsExactly(
                        StoredTimeline.key(later, key(EntryKind.INFO, TEXT)), StoredTimeline.key(later, zip(TEXT)));
    }

    @Test
    void deletingOrQuarantiningAnArtifactRemovesItsEntry() {
        store.put(key(EntryKind.MOD, TEXT), bytes("module golang.org/x/text"));
        StoredBlob blob = commit(zip(TEXT), bytes("zip"), bytes("h1:x"));

        store.delete(key(EntryKind.MOD, TEXT));
        store.quarantine(zip(TEXT), blob.sha256Hex());

        assertThat(timeline()).isEmpty();
    }

    @Test
    void otherKindsAreNotIndexedAndTheIndexIsTheStoresOwn() {
        store.put(key(EntryKind.LIST, "golang.org/x/text"), bytes("v0.3.0"));
        store.put(key(EntryKind.QUERY, "golang.org/x/text@master"), bytes("{}"));

        assertThat(timeline()).isEmpty();
        EntryKey indexKey = key(EntryKind.STORED, StoredTimeline.key(START, key(EntryKind.MOD, TEXT)));
        assertThatThrownBy(() -> store.put(indexKey, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stored-time index");
    }

    @Test
    void theIndexSurvivesReopen() {
        store.put(key(EntryKind.MOD, TEXT), bytes("module golang.org/x/text"));
        List<String> before = timeline();

        reopen();

        assertThat(timeline()).isEqualTo(keepsEntriesAcrossReopen() ? before : List.of());
    }

    protected final List<String> timeline() {
        return store.keysFrom(EntryKind.STORED, "", Integer.MAX_VALUE);
    }
}
