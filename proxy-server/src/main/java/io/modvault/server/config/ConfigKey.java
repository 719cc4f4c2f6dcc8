package io.modvault.server.config;

/**
 * Every setting modvault reads, with the name used in the environment and the YAML file, the
 * command-line flag, the default and a one-line description. The README's configuration table
 * is generated from this enum ({@code ConfigTable}), so they cannot drift apart.
 */
public enum ConfigKey {
    UPSTREAM(
            "GOPROXY",
            "upstream",
            "https://proxy.golang.org",
            "Upstream chain in the go command's GOPROXY grammar: URLs (https://, http://, file://) separated by ',' (next on 404/410) or '|' (next on any error), or off."),
    SUMDB(
            "GOSUMDB",
            "sumdb",
            "sum.golang.org",
            "Checksum database every public module is verified against before it is stored, in the go command's grammar: off, a known name, name+hash+key, optionally followed by a URL."),
    PRIVATE(
            "GOPRIVATE",
            "private",
            "",
            "Comma-separated glob patterns of private module paths (go command semantics); the default for GONOSUMDB."),
    NO_SUMDB(
            "GONOSUMDB",
            "no-sumdb",
            "",
            "Patterns of modules never looked up in the checksum database (their names never leave the network); defaults to GOPRIVATE."),
    NO_PROXY_MODULES(
            "GONOPROXY",
            "no-proxy",
            "",
            "Patterns of modules fetched directly from their git repository, never from an upstream proxy; defaults to GOPRIVATE."),
    INSECURE(
            "GOINSECURE",
            "insecure",
            "",
            "Patterns of module paths whose repositories may be reached over plain HTTP (direct fetches only)."),
    DENY("MODVAULT_DENY", "deny", "", "Patterns of modules refused with 403 (a gatekeeper for policy)."),
    ALLOW("MODVAULT_ALLOW", "allow", "", "If set, only modules matching these patterns are served; others get 403."),
    ROUTES(
            "MODVAULT_ROUTES",
            "routes",
            "",
            "Per-pattern upstream chains, e.g. corp.example/*=https://registry.corp.example|off;other.example=direct."),
    GIT_CREDENTIALS(
            "MODVAULT_GIT_CREDENTIALS",
            "git-credentials",
            "",
            "Per-host git credentials, host=token or host=user:password, comma-separated (never logged); ~/.netrc and git's credential helpers work too."),
    GIT_TIMEOUT(
            "MODVAULT_GIT_TIMEOUT",
            "git-timeout",
            "10m",
            "Longest a single git command (clone, fetch, archive) may run."),
    LISTEN("MODVAULT_LISTEN", "listen", "0.0.0.0:8080", "Address and port to listen on (host:port, :port or port)."),
    DATA_DIR(
            "MODVAULT_DATA_DIR",
            "data-dir",
            "./data",
            "Directory of the embedded store (RocksDB index and zip blobs)."),
    STORE(
            "MODVAULT_STORE",
            "store",
            "rocksdb",
            "Store implementation: rocksdb (durable) or memory (tests, throw-away caches)."),
    LIST_TTL(
            "MODVAULT_LIST_TTL",
            "list-ttl",
            "60s",
            "How long @v/list and @latest answers are served without asking the upstream again."),
    QUERY_TTL(
            "MODVAULT_QUERY_TTL",
            "query-ttl",
            "60s",
            "How long .info answers for non-canonical queries (branches, commits, prefixes) are reused."),
    NEGATIVE_TTL(
            "MODVAULT_NEGATIVE_TTL", "negative-ttl", "60s", "How long an upstream not-found answer is remembered."),
    MEMORY_CACHE(
            "MODVAULT_MEMORY_CACHE",
            "memory-cache",
            "64MB",
            "Heap kept for recently served small answers (.info, .mod, lists, checksum-database answers), served without touching the store; 0 disables it."),
    CONNECT_TIMEOUT(
            "MODVAULT_UPSTREAM_CONNECT_TIMEOUT",
            "upstream-connect-timeout",
            "10s",
            "Timeout for connecting to an upstream."),
    UPSTREAM_TIMEOUT(
            "MODVAULT_UPSTREAM_TIMEOUT",
            "upstream-timeout",
            "120s",
            "Timeout for an upstream response to start and for each pause while its body streams in (504 when exceeded)."),
    SHUTDOWN_GRACE(
            "MODVAULT_SHUTDOWN_GRACE",
            "shutdown-grace",
            "30s",
            "On SIGTERM, how long in-flight requests may take to finish before the server stops."),
    EVENT_LOOP_THREADS(
            "MODVAULT_EVENT_LOOP_THREADS",
            "event-loop-threads",
            "0",
            "Netty event-loop threads; 0 means one per CPU core."),
    SUMDB_PROXY(
            "MODVAULT_SUMDB_PROXY",
            "sumdb-proxy",
            "on",
            "on: keep serving /sumdb/ to clients, for GOSUMDB's database or, when GOSUMDB=off, for sum.golang.org (so clients that keep their own GOSUMDB can verify and switch toolchains); off: /sumdb/ answers 404."),
    REQUEST_HEADER_TIMEOUT(
            "MODVAULT_REQUEST_HEADER_TIMEOUT",
            "request-header-timeout",
            "10s",
            "Longest a client may take to send a request head, counted from the connection's accept or the request's first byte; slower clients are disconnected."),
    IDLE_TIMEOUT(
            "MODVAULT_IDLE_TIMEOUT",
            "idle-timeout",
            "60s",
            "How long a keep-alive connection may sit idle between requests before it is closed."),
    MAX_CONNECTIONS(
            "MODVAULT_MAX_CONNECTIONS",
            "max-connections",
            "auto",
            "Most open client connections; beyond it new ones get a one-line 503 and are closed. auto: (file-descriptor limit - max(256, limit/5)) / 2, at least 64."),
    MAX_CONNECTIONS_PER_CLIENT(
            "MODVAULT_MAX_CONNECTIONS_PER_CLIENT",
            "max-connections-per-client",
            "auto",
            "Most open connections from one client address (beyond it: 503 and closed); auto: half of MODVAULT_MAX_CONNECTIONS."),
    UPSTREAM_DEADLINE(
            "MODVAULT_UPSTREAM_DEADLINE",
            "upstream-deadline",
            "30m",
            "Longest time one upstream request may take in total, however steadily data arrives (504 when exceeded); 30m lets Go's 500 MiB zip limit through at about 2.3 Mbit/s."),
    CA_FILE(
            "MODVAULT_CA_FILE",
            "ca-file",
            "",
            "PEM bundle of extra CA certificates trusted for upstreams, checksum databases, go-import discovery and git (added to the JVM's defaults, not replacing them)."),
    SCRUB_INTERVAL(
            "MODVAULT_SCRUB_INTERVAL",
            "scrub-interval",
            "off",
            "How often a background pass re-hashes every stored zip (SHA-256 and size), quarantining and refetching damaged ones; off (or 0) disables it, e.g. 24h."),
    SCRUB_RATE(
            "MODVAULT_SCRUB_RATE", "scrub-rate", "20MB", "Most bytes per second the background scrub reads from disk."),
    LOG_LEVEL(
            "MODVAULT_LOG_LEVEL",
            "log-level",
            "INFO",
            "Log level: ERROR, WARN, INFO (one access-log line per request) or DEBUG.");

    private final String envName;
    private final String flagName;
    private final String defaultValue;
    private final String description;

    ConfigKey(String envName, String flagName, String defaultValue, String description) {
        this.envName = envName;
        this.flagName = flagName;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String envName() {
        return envName;
    }

    public String flag() {
        return "--" + flagName;
    }

    public String flagName() {
        return flagName;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
