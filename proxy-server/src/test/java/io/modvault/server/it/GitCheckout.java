package io.modvault.server.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The commit the build records for {@code --version}, asked of git the same way; empty outside a git checkout. */
public final class GitCheckout {
    private GitCheckout() {}

    /** HEAD's commit in 12 digits, with {@code -dirty} for uncommitted changes, as {@code --version} prints it. */
    public static Optional<String> head() {
        try {
            Process git = new ProcessBuilder(
                            "git",
                            "describe",
                            "--always",
                            "--dirty=-dirty",
                            "--abbrev=12",
                            "--match=no-tag-matches-this")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 && !head.isEmpty() ? Optional.of(head) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
