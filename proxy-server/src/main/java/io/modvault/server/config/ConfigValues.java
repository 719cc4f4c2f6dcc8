package io.modvault.server.config;

import io.modvault.core.integrity.ScrubSettings;
import io.modvault.server.connection.ConnectionLimits;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for setting values; each failure names the setting and the accepted forms. */
final class ConfigValues {
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,18})(B|K|KB|M|MB|G|GB)?");

    private ConfigValues() {}

    /** A key by its environment/file name ({@code MODVAULT_LIST_TTL}) or its flag name ({@code list-ttl}). */
    static Optional<ConfigKey> byName(String name) {
        return Arrays.stream(ConfigKey.values())
                .filter(k -> k.envName().equals(name) || k.flagName().equals(name))
                .findFirst();
    }

    static Duration duration(ConfigKey key, String value) {
        String v = value.trim();
        Matcher m = SIMPLE_DURATION.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        try {
            Duration d = Duration.parse(v);
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // fall through to the error below
        }
        throw new ConfigException(
                key.envName() + ": invalid duration '" + value + "' (use e.g. 500ms, 60s, 5m, 1h, 7d or PT1M)");
    }

    static Duration positiveDuration(ConfigKey key, String value) {
        Duration d = duration(key, value);
        if (d.isZero()) {
            throw new ConfigException(key.envName() + ": must be longer than 0");
        }
        return d;
    }

    /** {@code auto} or a count of at least 1. */
    static ConnectionLimits.OptionalCap cap(ConfigKey key, String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("auto")) {
            return ConnectionLimits.OptionalCap.AUTO;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return new ConnectionLimits.OptionalCap(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(key.envName() + ": invalid count '" + value + "' (auto or a number of at least 1)");
    }

    static long bytes(ConfigKey key, String value) {
        Matcher m = SIZE.matcher(value.trim().toUpperCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            int shift = switch (m.group(2) == null ? "B" : m.group(2)) {
                case "KB", "K" -> 10;
                case "MB", "M" -> 20;
                case "GB", "G" -> 30;
                default -> 0;
            };
            if (n <= (Long.MAX_VALUE >> shift)) {
                return n << shift;
            }
        }
        throw new ConfigException(
                key.envName() + ": invalid size '" + value + "' (use e.g. 0, 65536, 512KB, 64MB, 1GB)");
    }

    /** {@code off} or {@code 0} disables the scrub; the rate must be at least one byte per second. */
    static ScrubSettings scrub(String interval, String rate) {
        String i = interval.trim().toLowerCase(Locale.ROOT);
        Optional<Duration> every = i.equals("off") || i.equals("0")
                ? Optional.empty()
                : Optional.of(duration(ConfigKey.SCRUB_INTERVAL, interval));
        if (every.isPresent() && every.get().isZero()) {
            every = Optional.empty();
        }
        long perSecond = bytes(ConfigKey.SCRUB_RATE, rate);
        if (perSecond <= 0) {
            throw new ConfigException(
                    ConfigKey.SCRUB_RATE.envName() + ": must be more than 0 bytes per second, e.g. 20MB");
        }
        return new ScrubSettings(every, perSecond);
    }

    static InetSocketAddress listenAddress(String value) {
        String v = value.trim();
        int colon = v.lastIndexOf(':');
        String host = colon < 0 ? "0.0.0.0" : v.substring(0, colon);
        String port = colon < 0 ? v : v.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int p = Integer.parseInt(port);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(host.isEmpty() ? "0.0.0.0" : host, p);
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    ConfigKey.LISTEN.envName() + ": invalid address '" + value + "' (use host:port, :port or port)");
        }
    }

    static ServerConfig.StoreType storeType(String value) {
        try {
            return ServerConfig.StoreType.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    ConfigKey.STORE.envName() + ": invalid store '" + value + "' (use rocksdb or memory)");
        }
    }

    static int threads(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0 && n <= 256) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(
                ConfigKey.EVENT_LOOP_THREADS.envName() + ": invalid thread count '" + value + "' (0 to 256)");
    }

    static String logLevel(String value) {
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.equals("ERROR") || v.equals("WARN") || v.equals("INFO") || v.equals("DEBUG") || v.equals("TRACE")) {
            return v;
        }
        throw new ConfigException(
                ConfigKey.LOG_LEVEL.envName() + ": invalid level '" + value + "' (ERROR, WARN, INFO, DEBUG or TRACE)");
    }

    static boolean onOff(ConfigKey key, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new ConfigException(key.envName() + ": invalid value '" + value + "' (on or off)");
        };
    }

    static String nonEmpty(ConfigKey key, String value) {
        if (value == null || value.isBlank()) {
            throw new ConfigException(key.envName() + ": must not be empty");
        }
        return value.trim();
    }
}
