package io.modvault.core.vcs.git;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A hermetic git environment for tests: no user or system config, HOME in a scratch directory. */
public final class TestGit {

    private TestGit() {}

    public static Map<String, String> environment(Path home) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        env.put("HOME", home.toString());
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        return env;
    }

    public static GitCommand command(Path home) {
        return new GitCommand("git", Duration.ofSeconds(60), environment(home));
    }
}
