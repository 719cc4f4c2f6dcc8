package io.modvault.server.connection;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Derives the default connection cap from the process's file-descriptor limit. A share of the
 * limit, {@code max(256, limit / 5)}, stays for everything that is not a client socket: the
 * store (RocksDB keeps its table files open), jars, logs, upstream and git connections. The
 * rest is halved because a connection streaming a zip also holds the blob's file open.
 * So 1024 descriptors allow 384 connections, 20000 allow 8000, 65536 allow 26214.
 */
public final class FileDescriptorBudget {
    static final int MINIMUM = 64;
    /** Used where the JVM cannot tell the limit (not a Unix system). */
    static final long ASSUMED_LIMIT = 4096;

    private FileDescriptorBudget() {}

    public static int maxConnections(long fdLimit) {
        long reserved = Math.max(256, fdLimit / 5);
        long connections = (fdLimit - reserved) / 2;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(MINIMUM, connections));
    }

    /** The limit of this process, or {@link #ASSUMED_LIMIT} where it cannot be read. */
    public static long processLimit() {
        return unixBean()
                .map(UnixOperatingSystemMXBean::getMaxFileDescriptorCount)
                .orElse(ASSUMED_LIMIT);
    }

    /** Descriptors this process has open now, if the platform tells. */
    public static OptionalLong openNow() {
        return unixBean()
                .map(bean -> OptionalLong.of(bean.getOpenFileDescriptorCount()))
                .orElse(OptionalLong.empty());
    }

    private static Optional<UnixOperatingSystemMXBean> unixBean() {
        OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        return bean instanceof UnixOperatingSystemMXBean unix ? Optional.of(unix) : Optional.empty();
    }
}
