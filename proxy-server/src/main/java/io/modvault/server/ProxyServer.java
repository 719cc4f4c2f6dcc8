package io.modvault.server;

import io.modvault.core.fetch.ModuleProxy;
import io.modvault.core.fetch.VerificationSettings;
import io.modvault.core.integrity.ScrubSchedule;
import io.modvault.core.integrity.UnrecordedZipRepair;
import io.modvault.core.storage.ModuleStore;
import io.modvault.core.upstream.UpstreamClient;
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
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running modvault: store, upstream chain, proxy algorithm and the Netty server, owned
 * together and stopped in reverse order by {@link #close()}: stop accepting, let in-flight
 * requests finish (up to the grace period), stop the event loops and the background scrub, then
 * close the store. Before serving, zips stored without a recorded hash are repaired
 * ({@link UnrecordedZipRepair}).
 */
public final class ProxyServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyServer.class);
    private final ModuleStore store;
    private final EventLoopGroup group;
    private final ExecutorService blocking;
    private final Channel serverChannel;
    private final AtomicInteger inFlight;
    private final Duration grace;
    private final AccessLog accessLog;
    private final Optional<ScrubSchedule> scrub;
    private boolean closed;

    private ProxyServer(ModuleStore store, EventLoopGroup group, ExecutorService blocking, Channel serverChannel,
                        AtomicInteger inFlight, Duration grace, AccessLog accessLog, Optional<ScrubSchedule> scrub) {
        this.store = store;
        this.group = group;
        this.blocking = blocking;
        this.serverChannel = serverChannel;
        this.inFlight = inFlight;
        this.grace = grace;
        this.accessLog = accessLog;
        this.scrub = scrub;
    }

    public static ProxyServer start(ServerConfig config) throws InterruptedException {
        Clock clock = Clock.systemUTC();
        Components components = new Components(config, clock);
        UpstreamClient upstream = components.upstream();
        VerificationSettings verification = components.verification();
        components.policy().warnings().forEach(warning -> LOG.warn("configuration: {}", warning));
        ModuleStore store = components.store();
        ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(config.eventLoopThreads(),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        try {
            AtomicInteger inFlight = new AtomicInteger();
            new UnrecordedZipRepair(store, verification.database(), verification.noSumdb()).run();
            ModuleProxy proxy = new ModuleProxy(store, upstream, config.fetch(), clock, verification, components.routing());
            ProxyMetrics metrics = new ProxyMetrics();
            metrics.register(proxy.verifier().stats());
            metrics.register(components.breakers());
            metrics.register(proxy.integrity());
            Logger accessLogger = LoggerFactory.getLogger("io.modvault.access");
            AccessLog accessLog = new AccessLog(System.out, 65_536, accessLogger::isInfoEnabled);
            metrics.registerAccessLog(accessLog::dropped);
            ProxyServices services = new ProxyServices(proxy, blocking, metrics, clock, inFlight, config.memoryCacheBytes(),
                    accessLog);
            ConnectionLimits limits = config.connections();
            ReportedConnectionEvents events = new ReportedConnectionEvents(metrics, clock);
            ConnectionGate gate = new ConnectionGate(limits, events);
            metrics.registerOpenConnections(gate::open);
            Class<? extends ServerSocketChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
            Channel channel = new ServerBootstrap().group(group).channel(channelType)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.SO_KEEPALIVE, true)
                    .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                    .childHandler(new ProxyChannelInitializer(services, limits, gate, events))
                    .bind(config.listen()).sync().channel();
            LOG.info("modvault listening on {} (upstream {}, checksum database {}, data {}, store {}, transport {})",
                    channel.localAddress(), upstream.name(), config.sumdb(), config.dataDir().toAbsolutePath(), config.store(),
                    epoll ? "epoll" : "nio");
            LOG.info("connection limits: {} open, {} per client address (file-descriptor limit {}), request head within {}, idle {}",
                    limits.maxConnections(), limits.maxPerClient(), FileDescriptorBudget.processLimit(), limits.headerTimeout(),
                    limits.idleTimeout());
            Optional<ScrubSchedule> scrub = Scrubbing.start(config.scrub(), store, proxy, clock);
            return new ProxyServer(store, group, blocking, channel, inFlight, config.shutdownGrace(), accessLog, scrub);
        } catch (InterruptedException | RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            blocking.shutdownNow();
            store.close();
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
        scrub.ifPresent(ScrubSchedule::close);
        accessLog.close();
        store.close();
        LOG.info("modvault stopped");
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
