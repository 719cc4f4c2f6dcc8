package io.modvault.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which process holds a data directory's store: the holder writes its PID and command into
 * {@code db/modvault.pid}, beside RocksDB's {@code LOCK}, once it has the lock, and a process that
 * finds the lock taken reads it back to name the holder. The file is never deleted: it is only read
 * while the lock is held, and every holder overwrites it first; a recorded process that is no
 * longer alive (or is in another PID namespace) is not named.
 */
final class StoreOwner {
    private static final Logger LOG = LoggerFactory.getLogger(StoreOwner.class);
    private static final String FILE = "modvault.pid";

    private StoreOwner() {}

    /** Records this process as the holder of the store in {@code dataDir}; a failure only costs the name. */
    static void record(Path dataDir) {
        try {
            Files.write(
                    file(dataDir),
                    List.of(Long.toString(ProcessHandle.current().pid()), command()),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.debug("cannot record the store's owner in {}", dataDir, e);
        }
    }

    /** The live process recorded as holding the store in {@code dataDir}: {@code pid 1234, modvault serve}. */
    static Optional<String> holder(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(file(dataDir), StandardCharsets.UTF_8);
            long pid = Long.parseLong(lines.get(0).trim());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            String command = lines.size() > 1 ? ", " + lines.get(1) : "";
            return alive ? Optional.of("pid " + pid + command) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The modvault command this process runs ({@code modvault serve}), from the launcher's command
     * line; only the main class or jar and the first argument, since later ones may hold secrets.
     */
    private static String command() {
        String[] words = System.getProperty("sun.java.command", "").split(" ");
        boolean modvault = words[0].contains("modvault");
        return modvault && words.length > 1
                ? "modvault " + words[1]
                : Path.of(words[0]).getFileName() + "";
    }

    private static Path file(Path dataDir) {
        return dataDir.resolve("db").resolve(FILE);
    }
}
