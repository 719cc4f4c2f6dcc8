package io.modvault.core.vcs.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment of git processes: the server's own, made non-interactive, quiet about headers, and English. */
class GitEnvironmentTest {

    @Test
    void keepsTheServersSettingsAndDisablesPromptsAndTracing() {
        Map<String, String> base = Map.of(
                "HTTPS_PROXY",
                "http://proxy.corp.example:3128",
                "HOME",
                "/home/modvault",
                "GIT_ASKPASS",
                "/usr/bin/ksshaskpass",
                "SSH_ASKPASS",
                "/usr/bin/ssh-askpass",
                "GIT_TRACE_CURL",
                "1",
                "GIT_CURL_VERBOSE",
                "1",
                "GIT_DIR",
                "/elsewhere",
                "LANG",
                "de_DE.UTF-8");
        Map<String, String> env = new HashMap<>();

        GitEnvironment.apply(env, base, Path.of("/data/vcs/abc.git"), List.of());

        assertThat(env)
                .containsEntry("HTTPS_PROXY", "http://proxy.corp.example:3128")
                .containsEntry("HOME", "/home/modvault")
                .containsEntry("GIT_TERMINAL_PROMPT", "0")
                .containsEntry("GCM_INTERACTIVE", "never")
                .containsEntry("LC_ALL", "C")
                .containsEntry("GIT_DIR", "/data/vcs/abc.git")
                .doesNotContainKeys(
                        "GIT_ASKPASS", "SSH_ASKPASS", "GIT_TRACE_CURL", "GIT_CURL_VERBOSE", "GIT_CONFIG_COUNT");
    }

    @Test
    void appendsExtraConfigAfterTheOperatorsEntries() {
        Map<String, String> env = new HashMap<>();

        GitEnvironment.apply(
                env,
                Map.of("GIT_CONFIG_COUNT", "2"),
                Path.of("/m.git"),
                List.of("http.https://corp.example/.extraHeader=Authorization: Basic eDp5", "a.b=c=d"));

        assertThat(env)
                .containsEntry("GIT_CONFIG_COUNT", "4")
                .containsEntry("GIT_CONFIG_KEY_2", "http.https://corp.example/.extraHeader")
                .containsEntry("GIT_CONFIG_VALUE_2", "Authorization: Basic eDp5")
                .containsEntry("GIT_CONFIG_KEY_3", "a.b")
                .containsEntry("GIT_CONFIG_VALUE_3", "c=d");
    }
}
