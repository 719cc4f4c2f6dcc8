package io.modvault.core.vcs.discovery;

/** "404 Not Found" for the statuses a go-get page plausibly answers, as Go's {@code resp.Status} reads. */
final class StatusLine {

    private StatusLine() {}

    static String of(int status) {
        String text = switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 407 -> "Proxy Authentication Required";
            case 408 -> "Request Timeout";
            case 410 -> "Gone";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
        return text.isEmpty() ? Integer.toString(status) : status + " " + text;
    }
}
