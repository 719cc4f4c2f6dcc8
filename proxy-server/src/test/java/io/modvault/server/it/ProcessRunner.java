package io.modvault.server.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a built test program and returns its standard output; fails loudly on a non-zero exit. */
record ProcessRunner(Path program) {

    String run() throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(program.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(program + " failed: " + output);
        }
        return output;
    }
}
