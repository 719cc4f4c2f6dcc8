package io.modvault.server.http;

import io.modvault.core.fetch.CacheOutcome;
import io.netty.buffer.ByteBuf;
import io.netty.channel.FileRegion;
import io.netty.handler.codec.http.HttpResponse;
import java.util.Optional;

/**
 * A response ready to be written on the event loop: the head and, unless it is a HEAD request
 * or a 304, either an in-memory body or a file region (zero-copy). Everything blocking (opening
 * the file) happened before this was built. {@code bodyBytes} is what the access log reports.
 */
record PreparedResponse(
        HttpResponse head, Optional<ByteBuf> buffer, Optional<FileRegion> file, long bodyBytes, CacheOutcome outcome) {

    int status() {
        return head.status().code();
    }

    /** Frees what a response that will never be written still holds. */
    void discard() {
        buffer.ifPresent(ByteBuf::release);
        file.ifPresent(FileRegion::release);
    }
}
