package io.modvault.server.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code modvault verify} on a data directory as a separate process, as an operator would. */
final class VerifyProcess {

    /** Exit status and output of one run. */
    record Run(int exit, String stdout, String stderr) {}

    private VerifyProcess() {}

    static Run run(Path data) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), "io.modvault.server.Main", "verify");
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("MODVAULT_"));
        env.put("MODVAULT_DATA_DIR", data.toString());
        Path out = Files.createTempFile(data.getParent(), "verify", ".out");
        Path err = Files.createTempFile(data.getParent(), "verify", ".err");
        Process process =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("modvault verify did not finish within 60 s");
        }
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
