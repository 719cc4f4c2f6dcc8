package io.modvault.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigTableTest {

    @Test
    void readmeCarriesTheGeneratedConfigurationTable() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        assertThat(readme)
                .as(
                        "README.md must contain the table printed by ConfigTable.main (regenerate it after changing ConfigKey)")
                .contains(ConfigTable.markdown());
    }
}
