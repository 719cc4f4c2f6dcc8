package io.modvault.core.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;

/**
 * The HTML page a hosting site answers to {@code ?go-get=1}: one
 * {@code <meta name="go-import" content="<prefix> git <clone URL>">} naming the repository root
 * (not the requested package path) and its plain-http clone URL, as the go command's
 * {@code parseMetaGoImports} reads it.
 */
final class GoImportPage {

    private GoImportPage() {}

    /** The page for repository {@code repo} (e.g. {@code org/mono}). */
    static String html(String repo) {
        String prefix = GitHttpServer.HOST + "/" + repo;
        return "<!DOCTYPE html>\n<html>\n<head>\n"
                + "<meta name=\"go-import\" content=\"" + prefix + " git " + GitHttpServer.repoUrl(repo) + "\">\n"
                + "</head>\n<body>go get " + prefix + "</body>\n</html>\n";
    }

    /** Sends the page with status 200, logging the status first. */
    static void send(HttpExchange exchange, IntConsumer log, String repo) throws IOException {
        byte[] bytes = html(repo).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        log.accept(200);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
