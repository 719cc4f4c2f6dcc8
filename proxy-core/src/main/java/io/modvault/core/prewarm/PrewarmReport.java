package io.modvault.core.prewarm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a prewarm run over {@code planned} items: the {@link ItemResult} of every item
 * that ran, in input order, how long it took, and whether it was interrupted before all items ran. {@link #summaryLines()} is what the
 * command prints at the end: one line per failed item, then the totals.
 */
public record PrewarmReport(int planned, List<ItemResult> items, Duration elapsed, boolean interrupted) {

    public PrewarmReport {
        items = List.copyOf(items);
    }

    public long count(ItemResult.Status status) {
        return items.stream().filter(item -> item.status() == status).count();
    }

    public long bytes() {
        return items.stream().mapToLong(ItemResult::bytes).sum();
    }

    public long fetchedBytes() {
        return items.stream().mapToLong(ItemResult::fetchedBytes).sum();
    }

    /** True when every item ran and none failed. */
    public boolean succeeded() {
        return !interrupted && count(ItemResult.Status.FAILED) == 0;
    }

    /** {@code FAILED item: reason} per failed item, then one totals line. */
    public List<String> summaryLines() {
        List<String> lines = new ArrayList<>();
        for (ItemResult item : items) {
            item.reason()
                    .ifPresent(reason -> lines.add("FAILED " + item.item() + describeOrigin(item) + ": " + reason));
        }
        String done = interrupted
                ? "prewarm interrupted: " + items.size() + " of " + planned + " items done: "
                : "prewarm: " + items.size() + " items: ";
        lines.add(done
                + count(ItemResult.Status.FETCHED) + " fetched, " + count(ItemResult.Status.PRESENT)
                + " already present, "
                + count(ItemResult.Status.FAILED) + " failed; " + Units.bytes(fetchedBytes()) + " fetched ("
                + Units.bytes(bytes()) + " in all) in " + Units.duration(elapsed));
        return lines;
    }

    private static String describeOrigin(ItemResult item) {
        return item.origin().equals(item.item()) ? "" : " (from " + item.origin() + ")";
    }
}
