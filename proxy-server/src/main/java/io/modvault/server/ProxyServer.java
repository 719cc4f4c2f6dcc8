package io.modvault.server;

import io.modvault.core.catalog.StoredVersions;
import io.modvault.core.fetch.ModuleProxy;
import io.modvault.server.config.ServerConfig;
import io.modvault.server.connection.ConnectionGate;
import io.modvault.server.connection.ConnectionLimits;
import io.modvault.server.connection.FileDescriptorBudget;
import io.modvault.server.connection.ReportedConnectionEvents;
import io.modvault.server.http.AccessLog;
import io.modvault.server.http.ProxyChannelInitializer;
import io.modvault.server.http.ProxyServices;
import io.modvault.server.metrics.ProxyMetrics;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of a running modvault: Netty event loops, the listening channel, the connection
 * gate, the handler pipeline ({@link ProxyChannelInitializer}), metrics and the access log, in
 * front of a {@link Modvault} it does not own. {@link #close()} stops accepting, lets in-flight
 * requests finish (up to the grace period) and stops the event loops and the blocking executor;
 * the caller closes the {@link Modvault} afterwards.
 */
public final class ProxyServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyServer.class);
    private final EventLoopGroup group;
    private final ExecutorService blocking;
    private final Channel serverChannel;
    private final AtomicInteger inFlight;
    private final Duration grace;
    private final AccessLog accessLog;
    private boolean closed;

    private ProxyServer(
            EventLoopGroup group,
            ExecutorService blocking,
            Channel serverChannel,
            AtomicInteger inFlight,
            Duration grace,
            AccessLog accessLog) {
        this.group = group;
        this.blocking = blocking;
        this.serverChannel = serverChannel;
        this.inFlight = inFlight;
        this.grace = grace;
        this.accessLog = accessLog;
    }

    /** Binds the configured address and serves {@code modvault}'s proxy (opened with {@link Modvault#open}). */
    public static ProxyServer start(Modvault modvault) throws InterruptedException {
        ServerConfig config = modvault.config();
        Clock clock = modvault.clock();
        ModuleProxy proxy = modvault.proxy();
        ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(
                config.eventLoopThreads(), epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        try {
            AtomicInteger inFlight = new AtomicInteger();
            ProxyMetrics metrics = new ProxyMetrics();
            metrics.register(proxy.verifier().stats());
            metrics.register(modvault.breakers());
            metrics.register(proxy.integrity());
            Logger accessLogger = LoggerFactory.getLogger("io.modvault.access");
            AccessLog accessLog = new AccessLog(System.out, 65_536, accessLogger::isInfoEnabled);
            metrics.registerAccessLog(accessLog::dropped);
            ProxyServices services = new ProxyServices(
                    proxy,
                    blocking,
                    metrics,
                    clock,
                    inFlight,
                    config.memoryCacheBytes(),
                    accessLog,
                    new StoredVersions(modvault.store()));
            ConnectionLimits limits = config.connections();
            ReportedConnectionEvents events = new ReportedConnectionEvents(metrics, clock);
            ConnectionGate gate = new ConnectionGate(limits, events);
            metrics.registerOpenConnections(gate::open);
            Class<? extends ServerSocketChannel> channelType =
                    epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(group)
                    .channel(channelType)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.SO_KEEPALIVE, true)
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childHandler(new ProxyChannelInitializer(services, limits, gate, events));
            Channel channel = ListenAddress.bind(bootstrap, config.listen());
            LOG.info(
                    "modvault listening on {} (upstream {}, checksum database {}, data {}, store {}, transport {})",
                    channel.localAddress(),
                    modvault.upstreamName(),
                    config.sumdb(),
                    config.dataDir().toAbsolutePath(),
                    config.store(),
                    epoll ? "epoll" : "nio");
            LOG.info(
                    "connection limits: {} open, {} per client address (file-descriptor limit {}), request head within {}, idle {}",
                    limits.maxConnections(),
                    limits.maxPerClient(),
                    FileDescriptorBudget.processLimit(),
                    limits.headerTimeout(),
                    limits.idleTimeout());
            return new ProxyServer(group, blocking, channel, inFlight, config.shutdownGrace(), accessLog);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            blocking.shutdownNow();
            throw e;
        }
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        serverChannel.close().syncUninterruptibly();
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            sleepBriefly();
        }
        if (inFlight.get() > 0) {
            LOG.warn("stopping with {} requests still in flight after {}", inFlight.get(), grace);
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        blocking.shutdownNow();
        awaitQuietly(blocking);
        accessLog.close();
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(ExecutorService executor) {
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
