package io.modvault.core.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The small-entry half of the {@link ModuleStore} contract; see {@link ModuleStoreContract}. */
public abstract class EntryContract extends StoreContractSupport {

    @ParameterizedTest
    @EnumSource(
            value = EntryKind.class,
            names = {"ZIP", "STORED"},
            mode = EnumSource.Mode.EXCLUDE)
    void putThenGetReturnsTheValueStampedWithTheClock(EntryKind kind) {
        EntryKey key = key(kind, "golang.org/x/text@v0.3.0");
        assertThat(store.get(key)).isEmpty();

        store.put(key, bytes("first"));

        StoredEntry entry = store.get(key).orElseThrow();
        assertThat(entry.value()).isEqualTo(bytes("first"));
        assertThat(entry.storedAt()).isEqualTo(START);
    }

    @ParameterizedTest
    @EnumSource(
            value = EntryKind.class,
            names = {"ZIP", "STORED"},
            mode = EnumSource.Mode.EXCLUDE)
    void putReplacesTheValueAndItsStoredAt(EntryKind kind) {
        EntryKey key = key(kind, "golang.org/x/text");
        store.put(key, bytes("old"));
        clock.advance(Duration.ofMinutes(5));

        store.put(key, bytes("new"));

        assertThat(text(key)).isEqualTo("new");
        assertThat(store.get(key).orElseThrow().storedAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }

    @ParameterizedTest
    @EnumSource(
            value = EntryKind.class,
            names = {"ZIP", "STORED"},
            mode = EnumSource.Mode.EXCLUDE)
    void deleteRemovesOnlyThatEntry(EntryKind kind) {
        EntryKey doomed = key(kind, "example.com/a@v1.0.0");
        EntryKey kept = key(kind, "example.com/a@v1.0.1");
        store.put(doomed, bytes("a"));
        store.put(kept, bytes("b"));

        store.delete(doomed);
        store.delete(key(kind, "example.com/never-stored"));

        assertThat(store.get(doomed)).isEmpty();
        assertThat(text(kept)).isEqualTo("b");
        assertThat(store.keys(kind, "example.com/")).containsExactly("example.com/a@v1.0.1");
    }

    @Test
    void kindsAreSeparateKeyspaces() {
        String sameKey = "golang.org/x/mod@v0.1.0";
        List<EntryKind> kinds = List.of(EntryKind.INFO, EntryKind.MOD, EntryKind.LIST, EntryKind.SUMDB);
        kinds.forEach(kind -> store.put(key(kind, sameKey), bytes(kind.name())));

        store.delete(key(EntryKind.INFO, sameKey));

        assertThat(store.get(key(EntryKind.INFO, sameKey))).isEmpty();
        assertThat(text(key(EntryKind.MOD, sameKey))).isEqualTo("MOD");
        assertThat(text(key(EntryKind.LIST, sameKey))).isEqualTo("LIST");
        assertThat(store.keys(EntryKind.SUMDB, "")).containsExactly(sameKey);
        assertThat(store.keys(EntryKind.INFO, "")).isEmpty();
        assertThat(store.get(key(EntryKind.QUERY, sameKey))).isEmpty();
    }

    @Test
    void keysReturnsPrefixMatchesInUtf8ByteOrder() {
        List<String> byteOrder = List.of(
                "example.com/!mod@v1.0.0",
                "example.com/mo",
                "example.com/mod2@v1.0.0",
                "example.com/mod@v1.10.0",
                "example.com/mod@v1.2.0",
                "example.com/mod@v1.9.0",
                "example.com/mod@v2.0.0-~",
                "example.com/mod@v2.0.0-\uFFFD",
                // U+1F600: after U+FFFD in UTF-8 bytes, before it in UTF-16 String order
                "example.com/mod@v2.0.0-\uD83D\uDE00");
        List<String> shuffled = new ArrayList<>(byteOrder);
        Collections.shuffle(shuffled, new Random(7));
        shuffled.forEach(k -> store.put(key(EntryKind.LIST, k), bytes(k)));
        store.put(key(EntryKind.INFO, "example.com/mod@v0.0.1"), bytes("other kind"));

        assertThat(store.keys(EntryKind.LIST, "example.com/mod@")).containsExactlyElementsOf(byteOrder.subList(3, 9));
        assertThat(store.keys(EntryKind.LIST, "")).containsExactlyElementsOf(byteOrder);
        assertThat(store.keys(EntryKind.LIST, "example.com/mod@v2.0.0-\uFFFD")).containsExactly(byteOrder.get(7));
        assertThat(store.keys(EntryKind.LIST, "example.com/mod3")).isEmpty();
    }

    @Test
    void storedAtIsTheClockTruncatedToMilliseconds() {
        clock.set(Instant.parse("2026-04-02T08:00:00.123456789Z"));
        EntryKey key = key(EntryKind.LATEST, "example.com/m");

        store.put(key, bytes("{}"));

        assertThat(store.get(key).orElseThrow().storedAt()).isEqualTo(Instant.parse("2026-04-02T08:00:00.123Z"));
    }

    @Test
    void putAllWritesEveryEntryWithOneStoredAt() {
        Map<EntryKey, byte[]> batch = new LinkedHashMap<>();
        batch.put(key(EntryKind.INFO, "example.com/m@v1.0.0"), bytes("info"));
        batch.put(key(EntryKind.MOD, "example.com/m@v1.0.0"), bytes("module example.com/m\n"));
        batch.put(key(EntryKind.LIST, "example.com/m"), bytes("v1.0.0\n"));

        store.putAll(batch);

        batch.forEach((key, value) -> {
            StoredEntry entry = store.get(key).orElseThrow();
            assertThat(entry.value()).isEqualTo(value);
            assertThat(entry.storedAt()).isEqualTo(START);
        });
    }

    @Test
    void putAllWithAnInvalidEntryWritesNothing() {
        EntryKey valid = key(EntryKind.INFO, "example.com/m@v1.0.0");
        Map<EntryKey, byte[]> withZip = new LinkedHashMap<>();
        withZip.put(valid, bytes("info"));
        withZip.put(zip("example.com/m@v1.0.0"), bytes("not a blob index"));
        Map<EntryKey, byte[]> withNull = new LinkedHashMap<>();
        withNull.put(valid, bytes("info"));
        withNull.put(key(EntryKind.MOD, "example.com/m@v1.0.0"), null);

        assertThatThrownBy(() -> store.putAll(withZip)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.putAll(withNull)).isInstanceOf(NullPointerException.class);

        assertThat(store.get(valid)).isEmpty();
    }

    @Test
    void putAllIsSeenAllOrNothingByConcurrentReaders() throws Exception {
        EntryKey first = key(EntryKind.LIST, "example.com/m");
        EntryKey second = key(EntryKind.LATEST, "example.com/m");
        store.putAll(pair(first, second, 0));
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> torn = new CopyOnWriteArrayList<>();
        try (ExecutorService readers = Executors.newFixedThreadPool(2)) {
            // Each reader reads one key and then the other: with atomic batches the key read
            // later can never be older than the one read first, whatever order a writer uses.
            Future<?> firstThenSecond = readers.submit(() -> readPairs(first, second, writing, torn));
            Future<?> secondThenFirst = readers.submit(() -> readPairs(second, first, writing, torn));
            try {
                for (int i = 1; i <= 150; i++) {
                    store.putAll(pair(first, second, i));
                }
            } finally {
                writing.set(false);
            }
            firstThenSecond.get(30, TimeUnit.SECONDS);
            secondThenFirst.get(30, TimeUnit.SECONDS);
        }
        assertThat(torn).isEmpty();
        assertThat(text(first)).isEqualTo("150");
    }

    private static Map<EntryKey, byte[]> pair(EntryKey first, EntryKey second, int generation) {
        Map<EntryKey, byte[]> batch = new LinkedHashMap<>();
        batch.put(first, bytes(Integer.toString(generation)));
        batch.put(second, bytes(Integer.toString(generation)));
        return batch;
    }

    private void readPairs(EntryKey earlier, EntryKey later, AtomicBoolean writing, List<String> torn) {
        while (writing.get()) {
            int a = Integer.parseInt(text(earlier));
            int b = Integer.parseInt(text(later));
            if (a > b) {
                torn.add(earlier + "=" + a + " then " + later + "=" + b);
            }
        }
    }

    @Test
    void concurrentPutsFromSeveralThreadsAreAllKept() throws Exception {
        int threads = 4;
        int perThread = 25;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        store.put(concurrentKey(thread, i), bytes(thread + "/" + i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        }
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                assertThat(text(concurrentKey(t, i))).isEqualTo(t + "/" + i);
            }
        }
        assertThat(store.keys(EntryKind.INFO, "example.com/").size()
                        + store.keys(EntryKind.MOD, "example.com/").size())
                .isEqualTo(threads * perThread);
    }

    private static EntryKey concurrentKey(int thread, int i) {
        EntryKind kind = i % 2 == 0 ? EntryKind.INFO : EntryKind.MOD;
        return key(kind, "example.com/t" + thread + "@v1.0." + i);
    }

    @Test
    void storedValuesAreIndependentOfTheCallersArrays() {
        EntryKey key = key(EntryKind.MOD, "example.com/m@v1.0.0");
        byte[] value = bytes("module example.com/m\n");
        store.put(key, value);

        value[0] = 'X';
        store.get(key).orElseThrow().value()[1] = 'Y';

        assertThat(text(key)).isEqualTo("module example.com/m\n");
    }
}
