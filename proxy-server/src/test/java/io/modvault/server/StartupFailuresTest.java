package io.modvault.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.modvault.server.prewarm.PrewarmRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Each reason modvault cannot start, run in-process through {@link Main}'s command line: exit
 * status 2, the setting and what to do in at most two lines, and no stack trace.
 */
class StartupFailuresTest {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level level = root.getLevel();

    @TempDir
    Path temp;

    private record Run(int exit, String err) {
        List<String> lines() {
            return err.lines().toList();
        }
    }

    @AfterEach
    void restoreLogLevel() {
        root.setLevel(level);
    }

    private Map<String, String> env(Path dataDir, String... more) {
        Map<String, String> env = new HashMap<>(Map.of(
                "MODVAULT_DATA_DIR", dataDir.toString(),
                "MODVAULT_LISTEN", "127.0.0.1:0",
                "GOPROXY", "http://127.0.0.1:9",
                "GOSUMDB", "off",
                "MODVAULT_SUMDB_PROXY", "off"));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static Run modvault(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrewarmRun.Io io = new PrewarmRun.Io(
                env,
                InputStream.nullInputStream(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false,
                Duration.ofSeconds(5),
                Clock.systemUTC());
        int exit = Main.commandLine(io).execute(args);
        Run run = new Run(exit, err.toString(StandardCharsets.UTF_8));
        assertThat(run.err()).as("no stack trace").doesNotContain("Exception", "\tat ");
        return run;
    }

    @Test
    void portInUseNamesTheListenSettingAndExitsTwo() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Run run = modvault(env(temp.resolve("data"), "MODVAULT_LISTEN", "127.0.0.1:" + port), "serve");

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.lines())
                    .containsExactly(
                            "modvault serve: MODVAULT_LISTEN=127.0.0.1:" + port + ": port " + port
                                    + " is already in use by another process",
                            "modvault serve: stop that process (ss -ltnp shows which), or choose another port in"
                                    + " MODVAULT_LISTEN or --listen");
        }
        // The store opened before the bind was closed again: the data directory is free.
        assertThat(modvault(env(temp.resolve("data")), "verify").exit()).isZero();
    }

    @Test
    void addressNotOfThisMachineNamesTheListenSetting() {
        // 192.0.2.0/24 is TEST-NET-1: documentation only, never assigned to an interface.
        Run run = modvault(env(temp.resolve("data"), "MODVAULT_LISTEN", "192.0.2.1:8080"), "serve");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.lines())
                .containsExactly(
                        "modvault serve: MODVAULT_LISTEN=192.0.2.1:8080: 192.0.2.1 is not an address of this machine",
                        "modvault serve: use one of this machine's addresses (or 0.0.0.0 for all) in MODVAULT_LISTEN"
                                + " or --listen");
    }

    @Test
    void dataDirectoryThatIsAFileIsNamed() throws IOException {
        Path file = Files.writeString(temp.resolve("data"), "not a directory");

        for (String command : List.of("serve", "prewarm")) {
            Run run = modvault(env(file), commandLine(command));

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.lines())
                    .containsExactly(
                            "modvault " + command + ": MODVAULT_DATA_DIR=" + file + ": is a file, not a directory",
                            "modvault " + command + ": choose a directory (it is created when missing) in"
                                    + " MODVAULT_DATA_DIR or --data-dir");
        }
    }

    @Test
    void dataDirectoryThatCannotBeWrittenIsNamed() throws IOException {
        Path readOnly = Files.createDirectory(temp.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        // root writes anywhere permissions say no; /sys is a read-only mount even for root.
        Path dir = Files.isWritable(readOnly) ? Path.of("/sys") : readOnly;
        assumeTrue(!Files.isWritable(dir) || !writable(dir), "no directory this user cannot write to");

        Run run = modvault(env(dir), "serve");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).startsWith("modvault serve: MODVAULT_DATA_DIR=" + dir + ": is not writable: ");
        assertThat(run.lines().get(1))
                .startsWith("modvault serve: let the user running modvault (")
                .endsWith("write to it (chown or chmod), or choose another directory in MODVAULT_DATA_DIR or"
                        + " --data-dir");
    }

    private static boolean writable(Path dir) {
        try {
            Files.delete(Files.createTempFile(dir, "probe", ""));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void dataDirectoryLockedByAnotherModvaultNamesItsProcess() {
        Path data = temp.resolve("data");
        try (Modvault holder = Modvault.openStore(
                io.modvault.server.config.ConfigLoader.load(env(data), java.util.Optional.empty(), Map.of()),
                Clock.systemUTC())) {
            Run run = modvault(env(data), "serve");

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.lines())
                    .containsExactly(
                            "modvault serve: MODVAULT_DATA_DIR=" + data + ": the store is locked by another process"
                                    + " (pid " + ProcessHandle.current().pid() + ", "
                                    + holderCommand() + ")",
                            "modvault serve: stop the modvault using this data directory, or choose another one in"
                                    + " MODVAULT_DATA_DIR or --data-dir");
        }
    }

    /** What StoreOwner records for this JVM: surefire's booter, not a modvault command. */
    private static String holderCommand() {
        String first = System.getProperty("sun.java.command", "").split(" ")[0];
        return String.valueOf(Path.of(first).getFileName());
    }

    @Test
    void storeRocksDbCannotOpenIsNamedWithWhatToDo() throws IOException {
        Path data = temp.resolve("data");
        Files.createDirectories(data.resolve("db"));
        // CURRENT names the manifest to read; one that does not exist makes RocksDB refuse the store.
        Files.writeString(data.resolve("db").resolve("CURRENT"), "MANIFEST-999999\n");

        Run run = modvault(env(data), "serve");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0))
                .startsWith("modvault serve: MODVAULT_DATA_DIR=" + data + ": the store cannot be opened: ")
                .contains("MANIFEST-999999");
        assertThat(run.lines().get(1))
                .isEqualTo("modvault serve: if its files are damaged, move the directory aside and start with an"
                        + " empty cache (modvault fetches again what clients ask for); MODVAULT_LOG_LEVEL=DEBUG logs"
                        + " the cause");
    }

    @Test
    void yamlSyntaxErrorGivesLineAndColumn() throws IOException {
        Path config =
                Files.writeString(temp.resolve("modvault.yaml"), "MODVAULT_LISTEN: :8080\nlog-level: debug: true\n");

        for (String command : List.of("serve", "verify", "prewarm", "export", "import")) {
            List<String> args = new java.util.ArrayList<>(List.of(commandLine(command)));
            args.addAll(List.of("--config", config.toString()));
            Run run = modvault(env(temp.resolve("data")), args.toArray(String[]::new));

            assertThat(run.exit()).as(command).isEqualTo(2);
            assertThat(run.lines()).as(command).hasSize(2);
            assertThat(run.lines().get(0))
                    .isEqualTo("modvault " + command + ": config file (--config or MODVAULT_CONFIG) " + config
                            + ": YAML syntax error at line 2, column 17: mapping values are not allowed here");
            assertThat(run.lines().get(1))
                    .isEqualTo("modvault " + command + ": fix the file: one 'key: value' line per setting, keys as in"
                            + " the environment");
        }
    }

    /** {@code command} with the arguments it needs to get as far as opening the data directory. */
    private String[] commandLine(String command) throws IOException {
        return switch (command) {
            case "prewarm" -> new String[] {command, "example.com/m@v1.0.0"};
            case "export" ->
                new String[] {
                    command, "--all", "--output", temp.resolve("out.bundle").toString()
                };
            case "import" ->
                new String[] {
                    command, Files.write(temp.resolve("in.bundle"), new byte[0]).toString()
                };
            default -> new String[] {command};
        };
    }

    @Test
    void missingConfigFileIsNamed() {
        Path config = temp.resolve("absent.yaml");

        Run run = modvault(env(temp.resolve("data"), "MODVAULT_CONFIG", config.toString()), "serve");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.lines())
                .containsExactly(
                        "modvault serve: config file (--config or MODVAULT_CONFIG) " + config + ": no such file",
                        "modvault serve: check the path, or leave out --config and MODVAULT_CONFIG to use the"
                                + " environment and flags alone");
    }
}
