package io.modvault.server.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A slowloris attacker: many connections that each send the start of a request head and then
 * drip one byte at a time, never finishing it. Non-blocking after connect, so thousands are
 * driven from one thread.
 */
final class HeldConnections implements AutoCloseable {
    private static final byte[] START =
            "GET /example.test/m/@v/list HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Drip: ".getBytes(StandardCharsets.US_ASCII);
    private final List<SocketChannel> channels = new ArrayList<>();

    /** Opens {@code count} connections from the given loopback addresses in turn, each with a head started. */
    void open(int count, List<String> fromAddresses, int port) throws IOException {
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open();
            channels.add(channel);
            channel.bind(new InetSocketAddress(fromAddresses.get(i % fromAddresses.size()), 0));
            channel.connect(new InetSocketAddress("127.0.0.1", port));
            channel.configureBlocking(false);
            channel.write(ByteBuffer.wrap(START));
        }
    }

    /** Writes one more byte of header to every connection still open; returns how many took it. */
    int drip() {
        int alive = 0;
        for (SocketChannel channel : channels) {
            if (channel.isOpen() && !closedByPeer(channel)) {
                try {
                    channel.write(ByteBuffer.wrap(new byte[] {'a'}));
                    alive++;
                } catch (IOException e) {
                    closeQuietly(channel);
                }
            }
        }
        return alive;
    }

    /** Connections the server has not closed (no end of stream or reset seen). */
    int stillOpen() {
        int open = 0;
        for (SocketChannel channel : channels) {
            if (channel.isOpen() && !closedByPeer(channel)) {
                open++;
            }
        }
        return open;
    }

    /** Connections whose first bytes from the server are a 503 (refused at accept). */
    int refusedWith503() {
        int refused = 0;
        for (SocketChannel channel : channels) {
            ByteBuffer buffer = ByteBuffer.allocate(12);
            try {
                if (channel.isOpen()
                        && channel.read(buffer) > 0
                        && new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII)
                                .startsWith("HTTP/1.1 503")) {
                    refused++;
                    channel.close();
                }
            } catch (IOException e) {
                closeQuietly(channel);
            }
        }
        return refused;
    }

    int size() {
        return channels.size();
    }

    private static boolean closedByPeer(SocketChannel channel) {
        ByteBuffer sink = ByteBuffer.allocate(256);
        try {
            int n;
            while ((n = channel.read(sink)) > 0) {
                sink.clear();
            }
            if (n < 0) {
                channel.close();
                return true;
            }
            return false;
        } catch (IOException e) {
            closeQuietly(channel);
            return true;
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        channels.forEach(HeldConnections::closeQuietly);
    }
}
