package io.modvault.server;

import io.modvault.server.config.ServerConfig;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code modvault serve} as one object: a {@link Modvault} opened in full with its background
 * scrub, and a {@link ProxyServer} in front of it. {@link #close()} stops the server (letting
 * in-flight requests finish) before it closes the {@link Modvault} they use.
 */
public final class ModvaultServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModvaultServer.class);
    private final Modvault modvault;
    private final ProxyServer server;

    private ModvaultServer(Modvault modvault, ProxyServer server) {
        this.modvault = modvault;
        this.server = server;
    }

    public static ModvaultServer start(ServerConfig config) throws InterruptedException {
        Modvault modvault = Modvault.open(config, Clock.systemUTC());
        try {
            modvault.startScrub();
            return new ModvaultServer(modvault, ProxyServer.start(modvault));
        } catch (InterruptedException | RuntimeException e) {
            modvault.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        modvault.close();
        LOG.info("modvault stopped");
    }
}
