package io.modvault.server.http;

import io.netty.channel.ChannelHandlerContext;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Formatting helpers for the one-line-per-request access log ({@code io.modvault.access}). */
final class AccessLog {
    private AccessLog() {
    }

    static String remote(ChannelHandlerContext ctx) {
        SocketAddress address = ctx.channel().remoteAddress();
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return String.valueOf(address);
    }
}
