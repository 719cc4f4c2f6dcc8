package io.modvault.server;

import io.modvault.server.config.ConfigKey;
import io.modvault.server.config.StartupFailure;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * Binds the configured listen address, turning the operating system's refusal into a
 * {@link StartupFailure} that names {@code MODVAULT_LISTEN}: a port in use, an address that is not
 * this machine's, a privileged port, a host name that does not resolve. The epoll and NIO
 * transports report these differently (a native errno message, a {@code BindException}), so the
 * reason is read from the message text, which both take from the system's {@code strerror}.
 */
final class ListenAddress {
    private ListenAddress() {}

    static Channel bind(ServerBootstrap bootstrap, InetSocketAddress address) throws InterruptedException {
        if (address.isUnresolved()) {
            throw failure(
                    address,
                    "the host name " + address.getHostString() + " does not resolve",
                    "use an IP address of this machine (or 0.0.0.0 for all) or a name that resolves to one",
                    null);
        }
        ChannelFuture bound = bootstrap.bind(address).await();
        if (bound.isSuccess()) {
            return bound.channel();
        }
        throw explain(address, bound.cause());
    }

    static StartupFailure explain(InetSocketAddress address, Throwable cause) {
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("address already in use")) {
            return failure(
                    address,
                    "port " + address.getPort() + " is already in use by another process",
                    "stop that process (ss -ltnp shows which), or choose another port",
                    cause);
        }
        if (message.contains("cannot assign requested address")) {
            return failure(
                    address,
                    address.getHostString() + " is not an address of this machine",
                    "use one of this machine's addresses (or 0.0.0.0 for all)",
                    cause);
        }
        if (message.contains("permission denied")) {
            return failure(
                    address,
                    "port " + address.getPort() + " needs privileges this process does not have",
                    "choose a port from 1024 up, or grant the capability CAP_NET_BIND_SERVICE",
                    cause);
        }
        return failure(address, "cannot listen: " + cause.getMessage(), "check the address", cause);
    }

    private static StartupFailure failure(InetSocketAddress address, String what, String whatToDo, Throwable cause) {
        return new StartupFailure(
                StartupFailure.setting(ConfigKey.LISTEN, address.getHostString() + ":" + address.getPort()),
                what,
                whatToDo + " in " + StartupFailure.howToSet(ConfigKey.LISTEN),
                cause);
    }
}
