package io.modvault.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.fetch.CacheOutcome;
import io.modvault.core.fetch.FetchResult;
import io.modvault.core.fetch.Freshness;
import io.modvault.core.fetch.MediaType;
import io.modvault.core.storage.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemoryCacheTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private FetchResult.Content content(int size, Freshness freshness, CacheOutcome outcome) {
        return new FetchResult.Content(new byte[size], MediaType.TEXT, outcome, freshness, clock.instant(), "");
    }

    @Test
    void servesImmutableAnswersAsHitsForever() {
        MemoryCache cache = new MemoryCache(1 << 20, clock);
        cache.offer("m/@v/v1.0.0.mod", content(10, Freshness.forever(), CacheOutcome.MISS), "\"e\"");
        clock.advance(Duration.ofDays(1000));
        assertThat(cache.fresh("m/@v/v1.0.0.mod")).hasValueSatisfying(e -> {
            assertThat(e.content().outcome()).isEqualTo(CacheOutcome.HIT);
            assertThat(e.etag()).isEqualTo("\"e\"");
        });
    }

    @Test
    void stopsServingTtlAnswersOnceTheyExpire() {
        MemoryCache cache = new MemoryCache(1 << 20, clock);
        cache.offer("m/@v/list", content(10, Freshness.ttl(Duration.ofSeconds(60)), CacheOutcome.MISS), "\"e\"");
        clock.advance(Duration.ofSeconds(59));
        assertThat(cache.fresh("m/@v/list")).isPresent();
        clock.advance(Duration.ofSeconds(2));
        assertThat(cache.fresh("m/@v/list")).isEmpty();
    }

    @Test
    void neverKeepsStaleAnswers() {
        MemoryCache cache = new MemoryCache(1 << 20, clock);
        cache.offer("m/@v/list", content(10, Freshness.ttl(Duration.ofSeconds(60)), CacheOutcome.STALE), "\"e\"");
        assertThat(cache.fresh("m/@v/list")).isEmpty();
    }

    @Test
    void staysWithinItsByteBudget() {
        MemoryCache cache = new MemoryCache(100_000, clock);
        for (int i = 0; i < 1000; i++) {
            cache.offer("m" + i, content(1000, Freshness.forever(), CacheOutcome.MISS), "\"e\"");
        }
        assertThat(cache.sizeBytes()).isLessThanOrEqualTo(100_000);
        assertThat(cache.fresh("m999")).isPresent();
    }

    @Test
    void zeroCapacityDisablesIt() {
        MemoryCache cache = new MemoryCache(0, clock);
        cache.offer("m", content(10, Freshness.forever(), CacheOutcome.MISS), "\"e\"");
        assertThat(cache.fresh("m")).isEmpty();
    }
}
