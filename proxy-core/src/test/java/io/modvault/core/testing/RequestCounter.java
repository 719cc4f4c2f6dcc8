package io.modvault.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread-safe per-path request counts and the arrival-order log of a {@link FakeUpstream}. */
final class RequestCounter {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<String> log = new ArrayList<>();

    synchronized void record(String path) {
        counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        log.add(path);
    }

    int count(String path) {
        AtomicInteger n = counts.get(path);
        return n == null ? 0 : n.get();
    }

    synchronized int total() {
        return log.size();
    }

    synchronized List<String> log() {
        return List.copyOf(log);
    }

    synchronized void reset() {
        counts.clear();
        log.clear();
    }
}
