package io.modvault.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.modvault.core.fetch.FetchSettings;
import io.modvault.server.connection.ConnectionLimits;
import io.modvault.server.connection.FileDescriptorBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds a {@link ServerConfig} from defaults &lt; YAML file &lt; environment &lt; command-line
 * flags. Unknown keys (in the file, or {@code MODVAULT_*} variables in the environment) and
 * invalid values fail start-up with the key named, so a typo never silently falls back to a
 * default.
 */
public final class ConfigLoader {
    /** Environment variable naming the YAML file; the {@code --config} flag wins over it. */
    public static final String CONFIG_FILE_ENV = "MODVAULT_CONFIG";
    /** How a start-up failure names the config file's setting. */
    private static final String CONFIG_FILE_SETTING = "config file (--config or " + CONFIG_FILE_ENV + ")";
    /**
     * Variables Kubernetes injects for a Service named {@code modvault} (service links); they are
     * not settings, and refusing them would stop the pod from starting.
     */
    private static final Pattern KUBERNETES_SERVICE_LINK = Pattern.compile(
            "MODVAULT_(SERVICE_HOST|SERVICE_PORT(_[A-Z0-9_]+)?|PORT(_\\d+_(TCP|UDP|SCTP)(_PROTO|_PORT|_ADDR)?)?)");

    private static final List<ConfigKey> ROUTING_KEYS = List.of(
            ConfigKey.PRIVATE,
            ConfigKey.NO_PROXY_MODULES,
            ConfigKey.NO_SUMDB,
            ConfigKey.INSECURE,
            ConfigKey.DENY,
            ConfigKey.ALLOW,
            ConfigKey.ROUTES,
            ConfigKey.GIT_CREDENTIALS);

    private ConfigLoader() {}

    public static ServerConfig load(Map<String, String> env, Optional<Path> file, Map<ConfigKey, String> flags) {
        Map<ConfigKey, String> raw = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            raw.put(key, key.defaultValue());
        }
        Optional<Path> configFile =
                file.or(() -> Optional.ofNullable(env.get(CONFIG_FILE_ENV)).map(Path::of));
        configFile.ifPresent(path -> raw.putAll(readFile(path)));
        checkEnvironment(env);
        for (ConfigKey key : ConfigKey.values()) {
            String value = env.get(key.envName());
            if (value != null && !value.isEmpty()) {
                raw.put(key, value);
            }
        }
        raw.putAll(flags);
        return build(raw, env);
    }

    private static ServerConfig build(Map<ConfigKey, String> raw, Map<String, String> env) {
        FetchSettings fetch = FetchSettings.of(
                ConfigValues.duration(ConfigKey.LIST_TTL, raw.get(ConfigKey.LIST_TTL)),
                ConfigValues.duration(ConfigKey.QUERY_TTL, raw.get(ConfigKey.QUERY_TTL)),
                ConfigValues.duration(ConfigKey.NEGATIVE_TTL, raw.get(ConfigKey.NEGATIVE_TTL)));
        Map<String, String> routing = new HashMap<>();
        for (ConfigKey key : ROUTING_KEYS) {
            routing.put(key.envName(), raw.get(key));
        }
        return new ServerConfig(
                ConfigValues.nonEmpty(ConfigKey.UPSTREAM, raw.get(ConfigKey.UPSTREAM)),
                ConfigValues.nonEmpty(ConfigKey.SUMDB, raw.get(ConfigKey.SUMDB)),
                ConfigValues.onOff(ConfigKey.SUMDB_PROXY, raw.get(ConfigKey.SUMDB_PROXY)),
                Map.copyOf(routing),
                ConfigValues.duration(ConfigKey.GIT_TIMEOUT, raw.get(ConfigKey.GIT_TIMEOUT)),
                ConfigValues.listenAddress(raw.get(ConfigKey.LISTEN)),
                Path.of(ConfigValues.nonEmpty(ConfigKey.DATA_DIR, raw.get(ConfigKey.DATA_DIR))),
                ConfigValues.storeType(raw.get(ConfigKey.STORE)),
                fetch,
                ConfigValues.bytes(ConfigKey.MEMORY_CACHE, raw.get(ConfigKey.MEMORY_CACHE)),
                ConfigValues.duration(ConfigKey.CONNECT_TIMEOUT, raw.get(ConfigKey.CONNECT_TIMEOUT)),
                ConfigValues.duration(ConfigKey.UPSTREAM_TIMEOUT, raw.get(ConfigKey.UPSTREAM_TIMEOUT)),
                ConfigValues.duration(ConfigKey.UPSTREAM_DEADLINE, raw.get(ConfigKey.UPSTREAM_DEADLINE)),
                ConfigValues.duration(ConfigKey.SHUTDOWN_GRACE, raw.get(ConfigKey.SHUTDOWN_GRACE)),
                ConfigValues.threads(raw.get(ConfigKey.EVENT_LOOP_THREADS)),
                connectionLimits(raw),
                ConfigValues.logLevel(raw.get(ConfigKey.LOG_LEVEL)),
                ConfigValues.scrub(raw.get(ConfigKey.SCRUB_INTERVAL), raw.get(ConfigKey.SCRUB_RATE)),
                Map.copyOf(env),
                optionalPath(raw.get(ConfigKey.CA_FILE)));
    }

    private static Optional<Path> optionalPath(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.strip()));
    }

    private static ConnectionLimits connectionLimits(Map<ConfigKey, String> raw) {
        return ConnectionLimits.of(
                ConfigValues.positiveDuration(
                        ConfigKey.REQUEST_HEADER_TIMEOUT, raw.get(ConfigKey.REQUEST_HEADER_TIMEOUT)),
                ConfigValues.positiveDuration(ConfigKey.IDLE_TIMEOUT, raw.get(ConfigKey.IDLE_TIMEOUT)),
                ConfigValues.cap(ConfigKey.MAX_CONNECTIONS, raw.get(ConfigKey.MAX_CONNECTIONS)),
                ConfigValues.cap(ConfigKey.MAX_CONNECTIONS_PER_CLIENT, raw.get(ConfigKey.MAX_CONNECTIONS_PER_CLIENT)),
                FileDescriptorBudget.processLimit());
    }

    private static void checkEnvironment(Map<String, String> env) {
        for (String name : env.keySet()) {
            if (name.startsWith("MODVAULT_")
                    && !name.equals(CONFIG_FILE_ENV)
                    && ConfigValues.byName(name).isEmpty()
                    && !KUBERNETES_SERVICE_LINK.matcher(name).matches()) {
                throw new ConfigException("unknown setting " + name + " in the environment");
            }
        }
    }

    private static Map<ConfigKey, String> readFile(Path path) {
        byte[] text;
        try {
            text = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new StartupFailure(
                    CONFIG_FILE_SETTING + " " + path.toAbsolutePath(),
                    "no such file",
                    "check the path, or leave out --config and " + CONFIG_FILE_ENV
                            + " to use the environment and flags alone",
                    e);
        } catch (IOException e) {
            throw new StartupFailure(
                    CONFIG_FILE_SETTING + " " + path.toAbsolutePath(),
                    "cannot read it: " + StartupFailure.reason(e),
                    "check the path and that the user running modvault may read the file",
                    e);
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw YamlErrors.explain(CONFIG_FILE_SETTING + " " + path.toAbsolutePath(), e);
        }
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return values;
        }
        if (!root.isObject()) {
            throw new ConfigException("config file " + path + ": expected a mapping of settings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            ConfigKey key = ConfigValues.byName(field.getKey())
                    .orElseThrow(
                            () -> new ConfigException("unknown setting " + field.getKey() + " in config file " + path));
            if (!field.getValue().isValueNode()) {
                throw new ConfigException(field.getKey() + " in config file " + path + ": expected a single value");
            }
            values.put(key, field.getValue().asText());
        }
        return values;
    }
}
