package io.modvault.core.prewarm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrewarmReportTest {
    private static final PrewarmReport REPORT = new PrewarmReport(
            3,
            List.of(
                    new ItemResult(
                            "example.test/a@v1.0.0",
                            "example.test/a@v1.0.0",
                            ItemResult.Status.FETCHED,
                            2048,
                            2048,
                            Optional.empty()),
                    new ItemResult(
                            "example.test/b@v1.1.0",
                            "example.test/b@latest",
                            ItemResult.Status.PRESENT,
                            1024,
                            0,
                            Optional.empty()),
                    ItemResult.failed("example.test/c@v9.9.9", "example.test/c@v9.9.9", 0, 0, ".info: not found")),
            Duration.ofMillis(2500),
            false);

    @Test
    void summaryNamesEachFailureThenTheTotals() {
        assertThat(REPORT.summaryLines())
                .containsExactly(
                        "FAILED example.test/c@v9.9.9: .info: not found",
                        "prewarm: 3 items: 1 fetched, 1 already present, 1 failed; 2.0 KiB fetched (3.0 KiB in all) in 2.5 s");
        assertThat(REPORT.succeeded()).isFalse();
    }

    @Test
    void aFailedResolvedQueryNamesItsInput() {
        PrewarmReport report = new PrewarmReport(
                1,
                List.of(ItemResult.failed("example.test/b@v1.1.0", "example.test/b@latest", 0, 0, ".zip: 502 bad")),
                Duration.ofSeconds(75),
                false);
        assertThat(report.summaryLines())
                .first()
                .isEqualTo("FAILED example.test/b@v1.1.0 (from example.test/b@latest): .zip: 502 bad");
        assertThat(report.summaryLines().get(1)).endsWith("in 1m15s");
    }

    @Test
    void jsonReportCarriesItemsAndTotals() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportJson.write(REPORT, out);
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertThat(json.get("items")).hasSize(3);
        assertThat(json.at("/items/1/status").asText()).isEqualTo("present");
        assertThat(json.at("/items/1/origin").asText()).isEqualTo("example.test/b@latest");
        assertThat(json.at("/items/2/reason").asText()).isEqualTo(".info: not found");
        assertThat(json.at("/items/0/reason").isMissingNode()).isTrue();
        assertThat(json.at("/totals/fetched").asLong()).isEqualTo(1);
        assertThat(json.at("/totals/failed").asLong()).isEqualTo(1);
        assertThat(json.at("/totals/bytes").asLong()).isEqualTo(3072);
        assertThat(json.at("/totals/fetchedBytes").asLong()).isEqualTo(2048);
        assertThat(json.at("/totals/seconds").asDouble()).isEqualTo(2.5);
        assertThat(json.get("interrupted").asBoolean()).isFalse();
    }

    @Test
    void unitsReadNaturally() {
        assertThat(Units.bytes(512)).isEqualTo("512 B");
        assertThat(Units.bytes(1536 * 1024)).isEqualTo("1.5 MiB");
        assertThat(Units.duration(Duration.ofMillis(400))).isEqualTo("0.4 s");
        assertThat(Units.duration(Duration.ofMinutes(62))).isEqualTo("1h02m");
    }
}
