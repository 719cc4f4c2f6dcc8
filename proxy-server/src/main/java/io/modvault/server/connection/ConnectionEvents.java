package io.modvault.server.connection;

/** Where connection handlers report refusals and cuts (metrics and a rate-limited warning). */
public interface ConnectionEvents {

    /** A connection refused or cut; {@code reason} is a metric label, {@code detail} one log line. */
    void refused(String reason, String detail);
}
