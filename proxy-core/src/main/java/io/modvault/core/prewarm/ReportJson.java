package io.modvault.core.prewarm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The machine-readable form of a {@link PrewarmReport}: {@code items} (each with {@code item},
 * {@code origin}, {@code status} fetched/present/failed, {@code bytes}, {@code fetchedBytes} and,
 * when failed, {@code reason}), {@code totals} and {@code interrupted}. Field names are stable:
 * scripts read them.
 */
public final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {}

    public static ObjectNode toJson(PrewarmReport report) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode items = root.putArray("items");
        for (ItemResult result : report.items()) {
            ObjectNode item = items.addObject();
            item.put("item", result.item());
            item.put("origin", result.origin());
            item.put("status", result.status().label());
            item.put("bytes", result.bytes());
            item.put("fetchedBytes", result.fetchedBytes());
            result.reason().ifPresent(reason -> item.put("reason", reason));
        }
        ObjectNode totals = root.putObject("totals");
        totals.put("planned", report.planned());
        totals.put("items", report.items().size());
        for (ItemResult.Status status : ItemResult.Status.values()) {
            totals.put(status.label(), report.count(status));
        }
        totals.put("bytes", report.bytes());
        totals.put("fetchedBytes", report.fetchedBytes());
        totals.put("seconds", report.elapsed().toMillis() / 1000.0);
        root.put("interrupted", report.interrupted());
        return root;
    }

    /** Writes the report, indented, followed by a newline; leaves {@code out} open. */
    public static void write(PrewarmReport report, OutputStream out) throws IOException {
        out.write(JSON.writeValueAsBytes(toJson(report)));
        out.write('\n');
        out.flush();
    }
}
