package io.modvault.server.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * A reason modvault cannot start that the operator can fix: which setting, what is wrong with it,
 * and what to do. Anything that opens a configured resource at start-up (the listen address, the
 * data directory, a TLS or users file, the config file) throws this; {@code Main} catches it once
 * for every command and prints {@link #lines()} with exit status 2, the stack trace going to the
 * log at DEBUG only. Subclasses add detail for one kind of failure (e.g. a data directory locked
 * by another process).
 */
public class StartupFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String setting;
    private final String what;
    private final String whatToDo;

    /**
     * {@code setting} names what was configured (e.g. {@code MODVAULT_LISTEN=0.0.0.0:8080}, see
     * {@link #setting(ConfigKey, Object)}); {@code what} says what is wrong with it; {@code whatToDo}
     * is the fix, as an instruction.
     */
    public StartupFailure(String setting, String what, String whatToDo, Throwable cause) {
        super(setting + ": " + what + "; " + whatToDo, cause);
        this.setting = setting;
        this.what = what;
        this.whatToDo = whatToDo;
    }

    public StartupFailure(String setting, String what, String whatToDo) {
        this(setting, what, whatToDo, null);
    }

    /** {@code key} with the value it had, as the operator wrote it: {@code MODVAULT_LISTEN=:8080}. */
    public static String setting(ConfigKey key, Object value) {
        return key.envName() + "=" + value;
    }

    /** How to change {@code key}: {@code MODVAULT_LISTEN or --listen}, for a {@code whatToDo}. */
    public static String howToSet(ConfigKey key) {
        return key.envName() + " or " + key.flag();
    }

    /** A file named by {@code key} (a TLS certificate, a users file) that could not be read. */
    public static StartupFailure unreadableFile(ConfigKey key, Path file, IOException cause) {
        return new StartupFailure(
                setting(key, file),
                "cannot read " + file.toAbsolutePath() + ": " + reason(cause),
                "check the path in " + howToSet(key) + " and that the user running modvault may read the file",
                cause);
    }

    /** The one-line reason of an I/O failure: "no such file", "permission denied", or its message. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    public String setting() {
        return setting;
    }

    public String what() {
        return what;
    }

    public String whatToDo() {
        return whatToDo;
    }

    /** What the operator reads: the setting and what is wrong, then what to do. */
    public List<String> lines() {
        return List.of(setting + ": " + what, whatToDo);
    }
}
