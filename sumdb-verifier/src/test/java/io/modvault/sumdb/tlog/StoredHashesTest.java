package io.modvault.sumdb.tlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoredHashesTest {

    @Test
    void numbersHashesLikeXmod() {
        long[][] expected = {
            {0, 1, 3, 4, 7, 8}, {2, 5, 9, 12, 17, 20}, {6, 13, 21, 28, 37, 44}, {14, 29, 45, 60, 77, 92}
        };

        for (int level = 0; level < expected.length; level++) {
            for (int n = 0; n < 6; n++) {
                assertThat(StoredHashes.index(level, n))
                        .as("level %d n %d", level, n)
                        .isEqualTo(expected[level][n]);
            }
        }
    }

    @Test
    void countsStoredHashesLikeXmod() {
        long[][] counts = {
            {0, 0}, {1, 1}, {2, 3}, {3, 4}, {4, 7}, {5, 8}, {7, 11}, {8, 15}, {100, 197}, {256, 511}, {257, 512}
        };

        for (long[] c : counts) {
            assertThat(StoredHashes.count(c[0])).as("count(%d)", c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void splittingAnIndexInvertsIt() {
        for (int level = 0; level < 12; level++) {
            for (long n = 0; n < 300; n++) {
                long index = StoredHashes.index(level, n);
                assertThat(StoredHashes.levelOf(index)).isEqualTo(level);
                assertThat(StoredHashes.indexInLevelOf(index)).isEqualTo(n);
            }
        }
    }
}
