package io.modvault.server.config;

/**
 * Renders the configuration table of the README from {@link ConfigKey}; a test compares the
 * README with this output so documentation and code cannot drift apart.
 */
public final class ConfigTable {
    private ConfigTable() {}

    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| environment / YAML key | flag | default | meaning |\n");
        out.append("| --- | --- | --- | --- |\n");
        for (ConfigKey key : ConfigKey.values()) {
            out.append("| `")
                    .append(key.envName())
                    .append("` | `")
                    .append(key.flag())
                    .append("` | `")
                    .append(key.defaultValue())
                    .append("` | ")
                    .append(key.description().replace("|", "\\|"))
                    .append(" |\n");
        }
        return out.toString();
    }

    public static void main(String[] args) {
        System.out.print(markdown());
    }
}
