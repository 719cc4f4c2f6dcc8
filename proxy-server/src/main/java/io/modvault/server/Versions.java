package io.modvault.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The version of this build and the git commit it was built from, from {@code build.properties},
 * which Maven fills in at build time. A value Maven could not fill in (a build from a source tree
 * without git) is still its {@code ${...}} placeholder and reads as {@code unknown}.
 */
public final class Versions implements CommandLine.IVersionProvider {
    private static final String UNKNOWN = "unknown";
    private static final Properties BUILD = load();

    public static String current() {
        return value(BUILD, "version");
    }

    public static String commit() {
        return value(BUILD, "commit");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"modvault " + current() + " (commit " + commit() + ")"};
    }

    /** {@code name} from {@code build}, or {@code unknown} when missing or left unfilled by the build. */
    static String value(Properties build, String name) {
        String value = build.getProperty(name, "").trim();
        return value.isEmpty() || value.startsWith("${") ? UNKNOWN : value;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading build.properties from the jar", e);
        }
        return properties;
    }
}
