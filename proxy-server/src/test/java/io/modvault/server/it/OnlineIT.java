package io.modvault.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.testing.GoCommand;
import io.modvault.core.testing.GoResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-in ({@code mvn verify -Donline}): modvault with its defaults against the real
 * proxy.golang.org and sum.golang.org, and the go command verifying through modvault's
 * {@code /sumdb/}. A handful of small requests; never part of the default, hermetic suite.
 */
@EnabledIfSystemProperty(named = "modvault.online", matches = "true")
class OnlineIT {
    @TempDir
    Path temp;

    @Test
    void verifiesRealModulesAgainstTheRealChecksumDatabase() throws Exception {
        try (RunningModvault modvault = RunningModvault.start(
                temp.resolve("data"), "https://proxy.golang.org", Map.of("GOSUMDB", "sum.golang.org"))) {
            assertThat(modvault.get("/golang.org/x/text/@v/v0.3.0.mod").statusCode())
                    .isEqualTo(200);
            assertThat(modvault.get("/golang.org/x/text/@v/v0.3.0.zip").statusCode())
                    .isEqualTo(200);
            assertThat(modvault.get("/github.com/%21burnt%21sushi/toml/@v/v1.3.2.zip")
                            .statusCode())
                    .isEqualTo(200);
            String metrics = new String(modvault.get("/metrics").body(), StandardCharsets.UTF_8);
            assertThat(metrics)
                    .contains("modvault_checksum_verified_total 3.0")
                    .contains("modvault_checksum_mismatches_total 0.0");

            GoResult download = GoCommand.create(temp.resolve("go"))
                    .withProxy(modvault.baseUrl())
                    .withSumdb("sum.golang.org")
                    .run(temp, "mod", "download", "-json", "golang.org/x/text@v0.3.0")
                    .requireSuccess();
            assertThat(download.stdout()).contains("\"GoModSum\": \"h1:NqM8EUOU14njkJ3fqMW+pc6Ldnwhi/IjpwHt7yyuwOQ=\"");
        }
    }
}
